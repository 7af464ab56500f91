import {
  type CacheKey,
  type CacheWrite,
  type Clock,
  type L2Cache,
  type ProductInfo,
  type VersionedWrite,
  type VersionedWriteResult,
  cacheKeyId,
} from "../../domain/index.js";

interface Stored {
  readonly value: ProductInfo;
  readonly expiresAtMs: number;
}

/**
 * In-memory L2 with the versioned-write rule of the real one; records every call so tests can
 * assert on batching, and fails or stalls on demand. The embedded mode uses it as its L2.
 */
export class FakeL2Cache implements L2Cache {
  readonly calls: {
    readonly getMany: CacheKey[][];
    readonly setMany: CacheWrite[][];
    readonly delete: CacheKey[][];
    readonly writeVersions: VersionedWrite[][];
  } = { getMany: [], setMany: [], delete: [], writeVersions: [] };
  /** Keys whose writes fail alone (`failing`), as an entry of another type fails in Redis. */
  private readonly failingKeys = new Set<string>();
  private readonly store = new Map<string, Stored>();
  private readonly clock: Clock;
  private failure: Error | null = null;
  private delayMs = 0;

  constructor(options: { readonly clock: Clock }) {
    this.clock = options.clock;
  }

  async getMany(keys: readonly CacheKey[]): Promise<Map<string, ProductInfo>> {
    this.calls.getMany.push([...keys]);
    await this.stall();
    const found = new Map<string, ProductInfo>();
    for (const key of keys) {
      const id = cacheKeyId(key);
      const value = this.live(id)?.value;
      if (value) found.set(id, value);
    }
    return found;
  }

  async setMany(entries: readonly CacheWrite[], options: { readonly ttlMs: number }): Promise<boolean[]> {
    this.calls.setMany.push([...entries]);
    await this.stall();
    return entries.map((entry) => {
      const id = cacheKeyId(entry.key);
      const stored = this.live(id);
      if (stored && stored.value.version >= entry.value.version) return false;
      this.store.set(id, { value: entry.value, expiresAtMs: this.clock.nowMs() + options.ttlMs });
      return true;
    });
  }

  async writeVersions(writes: readonly VersionedWrite[]): Promise<VersionedWriteResult[]> {
    this.calls.writeVersions.push([...writes]);
    await this.stall();
    const results = writes.map((write): VersionedWriteResult => {
      const id = cacheKeyId(write.key);
      if (this.failingKeys.has(id)) return { result: "failed", error: new Error(`${id} cannot be written`) };
      const stored = this.live(id);
      if (stored && stored.value.version > write.value.version) return { result: "stale" };
      const expiresAtMs = this.clock.nowMs() + write.ttlMs;
      if (stored && stored.value.version === write.value.version) {
        this.store.set(id, { value: stored.value, expiresAtMs: Math.max(stored.expiresAtMs, expiresAtMs) });
        return { result: "repeated" };
      }
      this.store.set(id, { value: write.value, expiresAtMs });
      return { result: "written" };
    });
    const failed = results.filter((answer) => answer.result === "failed");
    if (failed.length === results.length && failed[0]?.result === "failed") throw failed[0].error;
    return results;
  }

  async delete(keys: readonly CacheKey[]): Promise<void> {
    this.calls.delete.push([...keys]);
    await this.stall();
    for (const key of keys) this.store.delete(cacheKeyId(key));
  }

  /** Every later call rejects with `error` (after any delay) until `failWith(null)`. */
  failWith(error: Error | null): void {
    this.failure = error;
  }

  /** Writes of `key` fail alone from now on (the batch's other entries are written); `false` heals it. */
  failing(key: CacheKey, fails = true): void {
    if (fails) this.failingKeys.add(cacheKeyId(key));
    else this.failingKeys.delete(cacheKeyId(key));
  }

  /** Every later call waits `ms` on the clock before it answers; 0 turns it off. */
  delayBy(ms: number): void {
    this.delayMs = ms;
  }

  /** Stores entries as they are, whatever their version; neither recorded nor delayed. */
  seed(writes: readonly CacheWrite[], options: { readonly ttlMs?: number } = {}): void {
    const expiresAtMs = this.clock.nowMs() + (options.ttlMs ?? Number.POSITIVE_INFINITY);
    for (const write of writes) this.store.set(cacheKeyId(write.key), { value: write.value, expiresAtMs });
  }

  /** The live entry for `key`, without recording a call. */
  peek(key: CacheKey): ProductInfo | undefined {
    return this.live(cacheKeyId(key))?.value;
  }

  clear(): void {
    this.store.clear();
  }

  private live(id: string): Stored | undefined {
    const stored = this.store.get(id);
    if (!stored) return undefined;
    if (stored.expiresAtMs > this.clock.nowMs()) return stored;
    this.store.delete(id);
    return undefined;
  }

  private async stall(): Promise<void> {
    if (this.delayMs > 0) await this.clock.sleep(this.delayMs);
    if (this.failure) throw this.failure;
  }
}
