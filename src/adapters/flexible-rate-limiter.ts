import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Logger, RateLimiter } from "../domain/index.js";

export interface FlexibleRateLimiterOptions {
  /** Requests per key per window. */
  readonly points: number;
  readonly windowSeconds: number;
  readonly keyPrefix: string;
  readonly logger: Logger;
}

/**
 * Per-instance budgets on rate-limiter-flexible, for a gateway without Redis. With Redis, budgets
 * are shared by `RedisWindowRateLimiter` instead.
 */
export class FlexibleRateLimiter implements RateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(private readonly options: FlexibleRateLimiterOptions) {
    this.limiter = new RateLimiterMemory({
      points: options.points,
      duration: options.windowSeconds,
      keyPrefix: `${options.keyPrefix}rl`,
    });
  }

  async consume(key: string): Promise<{ allowed: boolean; retryAfterMs: number }> {
    try {
      await this.limiter.consume(key);
      return { allowed: true, retryAfterMs: 0 };
    } catch (result) {
      if (result instanceof RateLimiterRes) return { allowed: false, retryAfterMs: result.msBeforeNext };
      // Not a verdict but a failure of the limiter itself: let the request through, say so.
      this.options.logger.warn({ err: result, key }, "rate limiter failed; request allowed");
      return { allowed: true, retryAfterMs: 0 };
    }
  }
}
