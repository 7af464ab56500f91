import type { RateLimiter } from "../../domain/index.js";

/** Allows everything except the keys a test denies; records every key it was asked about. */
export class FakeRateLimiter implements RateLimiter {
  readonly consumed: string[] = [];
  private readonly denied = new Map<string, number>();

  deny(key: string, options: { readonly retryAfterMs?: number } = {}): void {
    this.denied.set(key, options.retryAfterMs ?? 1_000);
  }

  allow(key: string): void {
    this.denied.delete(key);
  }

  async consume(key: string): Promise<{ allowed: boolean; retryAfterMs: number }> {
    this.consumed.push(key);
    const retryAfterMs = this.denied.get(key);
    return retryAfterMs === undefined ? { allowed: true, retryAfterMs: 0 } : { allowed: false, retryAfterMs };
  }
}
