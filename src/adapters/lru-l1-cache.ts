import { LRUCache } from "lru-cache";
import {
  type CacheKey,
  type CacheWrite,
  type Clock,
  type L1Cache,
  type ProductInfo,
  cacheKeyId,
} from "../domain/index.js";

export interface LruL1CacheOptions {
  /** Most entries held; the least recently used go first. */
  readonly max?: number;
  /** How long an entry lives after it is written; bounds the staleness a lost invalidation can cause. */
  readonly ttlMs?: number;
  /** Time for the TTLs; tests pass a FakeClock. Defaults to the process's monotonic clock. */
  readonly clock?: Clock;
}

/**
 * L1 on lru-cache. Evictions are numbered by a generation counter so that a load which began before
 * an eviction (its `mark`) cannot write back the value the eviction removed.
 */
export class LruL1Cache implements L1Cache {
  private readonly entries: LRUCache<string, ProductInfo>;
  /** Generation at which each key was last evicted. */
  private readonly tombstones: LRUCache<string, number>;
  private generation = 0;
  /**
   * Evictions up to this generation can no longer be told apart by key (evictAll, or tombstones
   * dropped for room or age): a write marked before it is skipped whatever its key. Such writes
   * come from loads that began long ago or right before a full flush, so skipping them costs one
   * L1 miss at most.
   */
  private floor = 0;

  constructor(options: LruL1CacheOptions = {}) {
    const max = options.max ?? 50_000;
    const ttlMs = options.ttlMs ?? 10_000;
    const clock = options.clock;
    // lru-cache caches "now" for ttlResolution ms of real time, which would hide a FakeClock's moves.
    const timing = clock ? { perf: { now: () => clock.nowMs() }, ttlResolution: 0 } : {};
    this.entries = new LRUCache<string, ProductInfo>({ max, ttl: ttlMs, ...timing });
    this.tombstones = new LRUCache<string, number>({
      max,
      // A load slower than this is long abandoned; the floor covers it anyway.
      ttl: ttlMs * 3,
      ...timing,
      dispose: (evictedAt, _key, reason) => {
        // An overwrite carries a newer generation, so nothing is forgotten.
        if (reason !== "set") this.floor = Math.max(this.floor, evictedAt);
      },
    });
  }

  getMany(keys: readonly CacheKey[]): Map<string, ProductInfo> {
    const found = new Map<string, ProductInfo>();
    for (const key of keys) {
      const id = cacheKeyId(key);
      const value = this.entries.get(id);
      if (value !== undefined) found.set(id, value);
    }
    return found;
  }

  mark(): number {
    return this.generation;
  }

  setMany(entries: readonly CacheWrite[], options: { readonly unlessEvictedSince?: number } = {}): void {
    const since = options.unlessEvictedSince;
    for (const entry of entries) {
      const id = cacheKeyId(entry.key);
      if (since !== undefined && this.evictedAfter(id, since)) continue;
      this.entries.set(id, entry.value);
    }
  }

  evict(keys: readonly CacheKey[]): void {
    if (keys.length === 0) return;
    this.generation++;
    for (const key of keys) {
      const id = cacheKeyId(key);
      this.entries.delete(id);
      this.tombstones.set(id, this.generation);
    }
  }

  evictAll(): void {
    this.generation++;
    this.entries.clear();
    this.tombstones.clear();
    this.floor = this.generation;
  }

  /** Entries held, expired ones included until they are next touched. */
  get size(): number {
    return this.entries.size;
  }

  private evictedAfter(id: string, since: number): boolean {
    // Read the tombstone first: reading an expired one raises the floor through `dispose`.
    const evictedAt = this.tombstones.get(id) ?? 0;
    return Math.max(evictedAt, this.floor) > since;
  }
}
