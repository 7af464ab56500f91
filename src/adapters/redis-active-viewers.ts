import { LRUCache } from "lru-cache";
import type { UserId } from "../domain/model.js";
import type { Clock, Logger } from "../domain/ports.js";
import type { ActiveViewers } from "../domain/ports.js";
import { type RedisCommands, isCluster } from "./redis-cluster-client.js";
import { activityName } from "../domain/key-names.js";

export interface RedisActiveViewersOptions {
  /** A command client from `createRedisClient`. */
  readonly redis: RedisCommands;
  /** Prepended to every key, e.g. "hg:"; must not contain braces (they would move the hash tag). */
  readonly keyPrefix: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /**
   * How long a touch is remembered: the largest window `isActive` will be asked about. Keys expire
   * after it, so a viewer who never returns costs nothing afterwards.
   */
  readonly windowMs: number;
  /**
   * A viewer touched again within this interval is not written again by this instance: one SET per
   * viewer per minute, not one per request. Makes the effective window up to this much shorter.
   */
  readonly touchIntervalMs?: number;
  /** Viewers this instance remembers having touched; the least recent are forgotten first. */
  readonly maxTracked?: number;
}

export const ACTIVE_VIEWERS_DEFAULTS = { touchIntervalMs: 60_000, maxTracked: 100_000 } as const;

/**
 * Viewer activity in Redis: one key per viewer, `<prefix>{u:<user>}:active`, holding the time of
 * the last touch, with a TTL of the window. The hash tag puts it in the viewer's cache slot.
 */
export class RedisActiveViewers implements ActiveViewers {
  private readonly redis: RedisCommands;
  private readonly prefix: string;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly windowMs: number;
  private readonly recentlyTouched: LRUCache<UserId, true>;
  private failing = false;

  constructor(options: RedisActiveViewersOptions) {
    if (/[{}]/.test(options.keyPrefix)) {
      throw new Error(`keyPrefix must not contain braces: ${JSON.stringify(options.keyPrefix)}`);
    }
    const touchIntervalMs = options.touchIntervalMs ?? ACTIVE_VIEWERS_DEFAULTS.touchIntervalMs;
    if (!(options.windowMs > touchIntervalMs)) {
      throw new RangeError(
        `windowMs (${options.windowMs}) must exceed touchIntervalMs (${touchIntervalMs}), or a viewer seen every minute could look inactive`,
      );
    }
    this.redis = options.redis;
    this.prefix = options.keyPrefix;
    this.clock = options.clock;
    this.logger = options.logger;
    this.windowMs = options.windowMs;
    this.recentlyTouched = new LRUCache({
      max: options.maxTracked ?? ACTIVE_VIEWERS_DEFAULTS.maxTracked,
      ttl: touchIntervalMs,
      // The interval is measured on the injected clock, like everything else here.
      perf: { now: () => this.clock.nowMs() },
      ttlResolution: 0,
    });
  }

  /** The Redis key of a viewer's activity; exposed for tests and operators. */
  redisKeyOf(user: UserId): string {
    return `${this.prefix}${activityName(user)}`;
  }

  async touch(user: UserId): Promise<void> {
    if (this.recentlyTouched.has(user)) return;
    this.recentlyTouched.set(user, true);
    try {
      await this.redis.set(this.redisKeyOf(user), String(this.clock.nowMs()), "PX", this.windowMs);
      if (this.failing) this.logger.info({}, "viewer activity is recorded again");
      this.failing = false;
    } catch (error) {
      // Forget the touch so the viewer's next request tries again.
      this.recentlyTouched.delete(user);
      // Once per failure streak: a Redis outage would otherwise log once per request.
      if (!this.failing) this.logger.warn({ err: error, user }, "viewer activity not recorded");
      this.failing = true;
    }
  }

  async isActive(user: UserId, windowMs: number): Promise<boolean> {
    return this.touchedWithin(await this.redis.get(this.redisKeyOf(user)), windowMs);
  }

  /**
   * One MGET on one server. On a Cluster each viewer's key is in the viewer's slot: one GET each,
   * all sent at once (the client writes them to their nodes together).
   */
  async areActive(users: readonly UserId[], windowMs: number): Promise<boolean[]> {
    if (users.length === 0) return [];
    const keys = users.map((user) => this.redisKeyOf(user));
    const stored = isCluster(this.redis)
      ? await Promise.all(keys.map((key) => this.redis.get(key)))
      : await this.redis.mget(keys);
    return stored.map((value) => this.touchedWithin(value, windowMs));
  }

  private touchedWithin(stored: string | null, windowMs: number): boolean {
    if (stored === null) return false;
    const touchedAtMs = Number(stored);
    return Number.isFinite(touchedAtMs) && this.clock.nowMs() - touchedAtMs <= windowMs;
  }
}
