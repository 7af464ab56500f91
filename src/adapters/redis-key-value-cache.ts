import type { KeyValueCache, KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import type { RedisCommands } from "./redis-cluster-client.js";

export interface RedisKeyValueCacheOptions {
  /** A command client from `createRedisClient`. */
  readonly redis: RedisCommands;
  /** Prepended to every key. */
  readonly keyPrefix: string;
}

/**
 * Apollo's `KeyValueCache` port on Redis, so that what one gateway instance caches through it (the
 * persisted queries clients register) every instance sees. Errors are thrown: wrap it in Apollo's
 * `ErrorsAreMissesCache` where a failing Redis must read as a miss.
 */
export class RedisKeyValueCache implements KeyValueCache<string> {
  private readonly redis: RedisCommands;
  private readonly prefix: string;

  constructor(options: RedisKeyValueCacheOptions) {
    this.redis = options.redis;
    this.prefix = options.keyPrefix;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + key)) ?? undefined;
  }

  /** `ttl` in seconds, as Apollo gives it; none (or null) keeps the value until deleted. */
  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttlSeconds = options?.ttl;
    if (typeof ttlSeconds === "number" && ttlSeconds > 0) {
      await this.redis.set(this.prefix + key, value, "PX", Math.ceil(ttlSeconds * 1_000));
    } else {
      await this.redis.set(this.prefix + key, value);
    }
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(this.prefix + key)) > 0;
  }
}
