import { describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { LruL1Cache, estimatedBytes } from "../../src/adapters/lru-l1-cache.js";
import {
  type CacheKey,
  type ProductInfo,
  cacheKeyId,
  genericKey,
  personalKey,
} from "../../src/domain/index.js";

function info(id: string, version = 1): ProductInfo {
  return {
    id,
    service: "shop",
    version,
    presentation: "deal",
    title: `Product ${id}`,
    route: `product/shop/${id}`,
    webUrl: `https://www.example.com/shop/${id}`,
  };
}

const ALICE_A = personalKey("alice", "A");
const ALICE_B = personalKey("alice", "B");
const GENERIC_A = genericKey("A");

function idsOf(cache: LruL1Cache, keys: readonly CacheKey[]): string[] {
  return [...cache.getMany(keys).keys()];
}

describe("LruL1Cache", () => {
  it("answers by cache key id and tells personal from generic entries", () => {
    const cache = new LruL1Cache({ clock: new FakeClock() });
    cache.setMany([{ key: ALICE_A, value: info("A", 2) }]);
    const found = cache.getMany([ALICE_A, GENERIC_A, ALICE_B]);
    expect([...found.keys()]).toEqual([cacheKeyId(ALICE_A)]);
    expect(found.get(cacheKeyId(ALICE_A))?.version).toBe(2);
  });

  it("expires entries ttlMs after they were written, on the injected clock", async () => {
    const clock = new FakeClock();
    const cache = new LruL1Cache({ ttlMs: 1_000, clock });
    cache.setMany([{ key: ALICE_A, value: info("A") }]);
    await clock.advance(1_000);
    expect(idsOf(cache, [ALICE_A])).toEqual([cacheKeyId(ALICE_A)]);
    await clock.advance(1);
    expect(idsOf(cache, [ALICE_A])).toEqual([]);
  });

  it("drops the least recently used entry beyond max", () => {
    const cache = new LruL1Cache({ max: 2, clock: new FakeClock() });
    cache.setMany([
      { key: ALICE_A, value: info("A") },
      { key: ALICE_B, value: info("B") },
    ]);
    cache.getMany([ALICE_A]);
    cache.setMany([{ key: GENERIC_A, value: info("A") }]);
    expect(idsOf(cache, [ALICE_A, ALICE_B, GENERIC_A])).toEqual([cacheKeyId(ALICE_A), cacheKeyId(GENERIC_A)]);
  });

  it("bounds the entries' estimated bytes: large entries push the least recently used out first", () => {
    const large = (id: string): ProductInfo => ({ ...info(id), subtitle: "x".repeat(10_000) });
    const cache = new LruL1Cache({ clock: new FakeClock(), max: 1_000, maxBytes: 35_000 });
    const keys = ["A", "B", "C", "D"].map((id) => personalKey("alice", id));
    keys.forEach((key, index) => cache.setMany([{ key, value: large(String(index)) }]));
    // Three 10 kB entries fit in 35 kB, four do not: the oldest went, far below the entry limit.
    expect(idsOf(cache, keys)).toEqual(keys.slice(1).map(cacheKeyId));
    // Small entries still fill it by count.
    const small = Array.from({ length: 20 }, (_, index) => personalKey("bob", `S${index}`));
    cache.setMany(small.map((key, index) => ({ key, value: info(`S${index}`) })));
    expect(idsOf(cache, small)).toHaveLength(20);
  });

  it("estimates an entry from its strings, larger for more text", () => {
    const plain = estimatedBytes("u:alice\u0000A", info("A"));
    expect(plain).toBeGreaterThan(320);
    expect(estimatedBytes("u:alice\u0000A", { ...info("A"), subtitle: "y".repeat(1_000) })).toBe(
      plain + 1_000,
    );
  });

  it("evict removes the entries at once", () => {
    const cache = new LruL1Cache({ clock: new FakeClock() });
    cache.setMany([
      { key: ALICE_A, value: info("A") },
      { key: ALICE_B, value: info("B") },
    ]);
    cache.evict([ALICE_A]);
    expect(idsOf(cache, [ALICE_A, ALICE_B])).toEqual([cacheKeyId(ALICE_B)]);
  });

  it("skips a key evicted after the mark, but writes the others", () => {
    const cache = new LruL1Cache({ clock: new FakeClock() });
    const mark = cache.mark();
    cache.evict([ALICE_A]);
    cache.setMany(
      [
        { key: ALICE_A, value: info("A", 1) },
        { key: ALICE_B, value: info("B", 1) },
      ],
      { unlessEvictedSince: mark },
    );
    expect(idsOf(cache, [ALICE_A, ALICE_B])).toEqual([cacheKeyId(ALICE_B)]);
  });

  it("says whether a key was evicted since a mark, by the key or by evictAll", () => {
    const cache = new LruL1Cache({ clock: new FakeClock() });
    const first = cache.mark();
    cache.evict([ALICE_A]);
    expect([cache.evictedSince(ALICE_A, first), cache.evictedSince(ALICE_B, first)]).toEqual([true, false]);
    const second = cache.mark();
    expect(cache.evictedSince(ALICE_A, second)).toBe(false);
    cache.evictAll();
    expect([cache.evictedSince(ALICE_B, second), cache.evictedSince(GENERIC_A, cache.mark())]).toEqual([
      true,
      false,
    ]);
  });

  it("writes a key evicted before the mark", () => {
    const cache = new LruL1Cache({ clock: new FakeClock() });
    cache.evict([ALICE_A]);
    const mark = cache.mark();
    cache.setMany([{ key: ALICE_A, value: info("A", 2) }], { unlessEvictedSince: mark });
    expect(idsOf(cache, [ALICE_A])).toEqual([cacheKeyId(ALICE_A)]);
  });

  it("writes without a mark whatever was evicted", () => {
    const cache = new LruL1Cache({ clock: new FakeClock() });
    cache.evict([ALICE_A]);
    cache.setMany([{ key: ALICE_A, value: info("A") }]);
    expect(idsOf(cache, [ALICE_A])).toEqual([cacheKeyId(ALICE_A)]);
  });

  it("evictAll empties the cache and skips every write marked before it", () => {
    const cache = new LruL1Cache({ clock: new FakeClock() });
    cache.setMany([{ key: GENERIC_A, value: info("A") }]);
    const before = cache.mark();
    cache.evictAll();
    expect(idsOf(cache, [GENERIC_A])).toEqual([]);

    cache.setMany(
      [
        { key: ALICE_A, value: info("A") },
        { key: ALICE_B, value: info("B") },
      ],
      { unlessEvictedSince: before },
    );
    expect(idsOf(cache, [ALICE_A, ALICE_B])).toEqual([]);

    const after = cache.mark();
    cache.setMany([{ key: ALICE_B, value: info("B") }], { unlessEvictedSince: after });
    expect(idsOf(cache, [ALICE_B])).toEqual([cacheKeyId(ALICE_B)]);
  });

  it("still skips a stale write after the tombstone that proved it stale has aged out", async () => {
    const clock = new FakeClock();
    const cache = new LruL1Cache({ ttlMs: 1_000, clock });
    const mark = cache.mark();
    cache.evict([ALICE_A]);
    await clock.advance(60_000);
    cache.setMany([{ key: ALICE_A, value: info("A") }], { unlessEvictedSince: mark });
    expect(idsOf(cache, [ALICE_A])).toEqual([]);
  });

  it("still skips a stale write after its tombstone was pushed out by newer ones", () => {
    const cache = new LruL1Cache({ max: 2, clock: new FakeClock() });
    const mark = cache.mark();
    cache.evict([ALICE_A]);
    cache.evict([personalKey("bob", "X"), personalKey("bob", "Y"), personalKey("bob", "Z")]);
    cache.setMany([{ key: ALICE_A, value: info("A") }], { unlessEvictedSince: mark });
    expect(idsOf(cache, [ALICE_A])).toEqual([]);
  });
});
