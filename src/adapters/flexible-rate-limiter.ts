import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Logger, RateLimiter } from "../domain/index.js";

export interface FlexibleRateLimiterOptions {
  /** Requests per key per window. */
  readonly points: number;
  readonly windowSeconds: number;
  /** Shares budgets between instances; without it each instance counts on its own. */
  readonly redis?: Redis;
  readonly keyPrefix: string;
  readonly logger: Logger;
}

/**
 * rate-limiter-flexible: in Redis when there is one (all instances share a budget), with an
 * in-memory limiter as insurance while Redis is unreachable, so an outage never blocks requests.
 */
export class FlexibleRateLimiter implements RateLimiter {
  private readonly limiter: RateLimiterMemory | RateLimiterRedis;

  constructor(private readonly options: FlexibleRateLimiterOptions) {
    const common = {
      points: options.points,
      duration: options.windowSeconds,
      keyPrefix: `${options.keyPrefix}rl`,
    };
    const memory = new RateLimiterMemory(common);
    this.limiter = options.redis
      ? new RateLimiterRedis({
          ...common,
          storeClient: options.redis,
          insuranceLimiter: memory,
          // The client has no offline queue: fall back to the insurance at once instead of failing.
          rejectIfRedisNotReady: true,
        })
      : memory;
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
