import type { Clock, ResponseCache, StoredResponse } from "../../domain/index.js";

/** Answers in a Map with TTLs on a (fake) clock; counts what it was asked, and fails on demand. */
export class FakeResponseCache implements ResponseCache {
  readonly calls = { get: 0, set: 0, delete: 0, clear: 0 };
  private readonly entries = new Map<string, { value: StoredResponse; expiresAtMs: number }>();
  private failing = false;

  constructor(private readonly options: { readonly clock: Clock }) {}

  get(key: string): StoredResponse | undefined {
    this.calls.get++;
    if (this.failing) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAtMs <= this.options.clock.nowMs()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: StoredResponse, options: { readonly ttlMs: number }): void {
    this.calls.set++;
    if (this.failing) return;
    this.entries.set(key, { value, expiresAtMs: this.options.clock.nowMs() + options.ttlMs });
  }

  delete(key: string): void {
    this.calls.delete++;
    this.entries.delete(key);
  }

  clear(): void {
    this.calls.clear++;
    this.entries.clear();
  }

  /** Keys held now, expired ones included until read. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** From now on every read misses and every write is dropped, as a cache that lost its memory. */
  forgetEverything(): void {
    this.failing = true;
    this.entries.clear();
  }
}
