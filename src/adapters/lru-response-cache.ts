import { LRUCache } from "lru-cache";
import type { Clock, ResponseCache, StoredResponse } from "../domain/index.js";

export interface LruResponseCacheOptions {
  /** Most memory the answers may take (their bytes and keys, as UTF-16 in the heap); LRU first. */
  readonly maxBytes: number;
  /** Time for the TTLs; tests pass a FakeClock. Defaults to the process's monotonic clock. */
  readonly clock?: Clock;
}

/** Heap of one entry beyond its key and bytes: the entry, its headers, the map's node. */
const ENTRY_OVERHEAD_BYTES = 512;

/** Serialised answers on lru-cache, bounded by bytes, each with its own TTL. */
export class LruResponseCache implements ResponseCache {
  private readonly entries: LRUCache<string, StoredResponse>;

  constructor(options: LruResponseCacheOptions) {
    const clock = options.clock;
    this.entries = new LRUCache<string, StoredResponse>({
      maxSize: options.maxBytes,
      // The body is bytes; a key is a string, and one-byte strings take a byte a character in V8,
      // others two: count two for the key, to stay within the bound.
      sizeCalculation: (value, key) => ENTRY_OVERHEAD_BYTES + 2 * key.length + value.response.body.byteLength,
      ttlAutopurge: false,
      // lru-cache caches "now" for ttlResolution ms of real time, which would hide a FakeClock's moves.
      ...(clock && { perf: { now: () => clock.nowMs() }, ttlResolution: 0 }),
    });
  }

  get(key: string): StoredResponse | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: StoredResponse, options: { readonly ttlMs: number }): void {
    this.entries.set(key, value, { ttl: options.ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
