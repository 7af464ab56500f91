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
  /**
   * Most memory the entries may take, by {@link estimatedBytes}; the least recently used go first.
   * Entries differ in size tenfold (a title, or a deal with two prices and three URLs), so a count
   * alone cannot bound the heap.
   */
  readonly maxBytes?: number;
  /** How long an entry lives after it is written; bounds the staleness a lost invalidation can cause. */
  readonly ttlMs?: number;
  /** Time for the TTLs; tests pass a FakeClock. Defaults to the process's monotonic clock. */
  readonly clock?: Clock;
}

export const L1_DEFAULTS = {
  maxEntries: 200_000,
  /** 128 MiB: some 180,000 typical entries, 2,000 viewers' 30-tile screens six times over. */
  maxBytes: 128 * 1024 * 1024,
} as const;

/** Bytes of heap an entry takes beyond its strings: the object, its slots, the map's node. */
const ENTRY_OVERHEAD_BYTES = 320;
/** A nested object (a price, a metric). */
const NESTED_OVERHEAD_BYTES = 64;

/**
 * The heap an L1 entry takes, estimated from its strings plus fixed overheads: within ~15 % of
 * what V8 measured for the demo catalogue's entries (about 730 bytes for a deal with 460 bytes of
 * JSON), and cheap enough for every write.
 */
export function estimatedBytes(id: string, info: ProductInfo): number {
  let bytes = ENTRY_OVERHEAD_BYTES + id.length + info.id.length + info.service.length + info.title.length;
  bytes += info.route.length + info.webUrl.length;
  bytes += (info.subtitle?.length ?? 0) + (info.imageUrl?.length ?? 0) + (info.imageAlt?.length ?? 0);
  bytes += info.badge?.length ?? 0;
  if (info.price) bytes += NESTED_OVERHEAD_BYTES;
  if (info.originalPrice) bytes += NESTED_OVERHEAD_BYTES;
  if (info.metric) bytes += NESTED_OVERHEAD_BYTES + info.metric.unit.length;
  return bytes;
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
    const max = options.max ?? L1_DEFAULTS.maxEntries;
    const maxBytes = options.maxBytes ?? L1_DEFAULTS.maxBytes;
    const ttlMs = options.ttlMs ?? 10_000;
    const clock = options.clock;
    // lru-cache caches "now" for ttlResolution ms of real time, which would hide a FakeClock's moves.
    const timing = clock ? { perf: { now: () => clock.nowMs() }, ttlResolution: 0 } : {};
    this.entries = new LRUCache<string, ProductInfo>({
      max,
      maxSize: maxBytes,
      sizeCalculation: (value, key) => Math.min(estimatedBytes(key, value), maxBytes),
      ttl: ttlMs,
      ...timing,
    });
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

  evictedSince(key: CacheKey, mark: number): boolean {
    return this.evictedAfter(cacheKeyId(key), mark);
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
