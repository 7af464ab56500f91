import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seededRandom } from "../../src/adapters/fakes/seeded-random.js";
import {
  type CacheKey,
  type CacheWrite,
  type L2Cache,
  cacheKeyId,
  genericKey,
  personalKey,
} from "../../src/domain/index.js";
import { waitFor } from "../support/wait-for.js";
import { productInfo, shuffled } from "./product-info.js";

/** One store under test, as several gateway instances would share it. */
export interface L2CacheHarness {
  readonly cache: L2Cache;
  /** Other handles on the same store (other connections, other instances); may include `cache`. */
  readonly peers: readonly L2Cache[];
  /** Lets `ms` pass for the store's TTLs: a fake clock advances; a real store lets real time run (tests poll). */
  elapse(ms: number): Promise<void>;
  close(): Promise<void>;
}

const TTL_MS = 60_000;

/**
 * What every L2Cache must do, run against the fake and against Redis so that tests built on the fake
 * hold for production.
 */
export function describeL2CacheContract(name: string, makeHarness: () => Promise<L2CacheHarness>): void {
  describe(`L2Cache contract: ${name}`, () => {
    let harness: L2CacheHarness;
    let cache: L2Cache;

    beforeEach(async () => {
      harness = await makeHarness();
      cache = harness.cache;
    });
    afterEach(async () => {
      await harness.close();
    });

    const write = (key: CacheKey, version: number, title?: string): CacheWrite => ({
      key,
      value: productInfo(key.product, version, title === undefined ? {} : { title }),
    });

    it("answers nothing for keys it never stored, and nothing for no keys", async () => {
      expect((await cache.getMany([personalKey("ana", "p1"), genericKey("p1")])).size).toBe(0);
      expect((await cache.getMany([])).size).toBe(0);
      expect(await cache.setMany([], { ttlMs: TTL_MS })).toEqual([]);
    });

    it("reads back what was written, keyed by cacheKeyId, every field intact", async () => {
      const personal = write(personalKey("ana", "p1"), 3);
      const generic = write(genericKey("p2"), 7);
      expect(await cache.setMany([personal, generic], { ttlMs: TTL_MS })).toEqual([true, true]);

      const found = await cache.getMany([personal.key, genericKey("absent"), generic.key]);
      expect([...found.keys()].sort()).toEqual([cacheKeyId(personal.key), cacheKeyId(generic.key)].sort());
      expect(found.get(cacheKeyId(personal.key))).toEqual(personal.value);
      expect(found.get(cacheKeyId(generic.key))).toEqual(generic.value);
    });

    it("keeps a user's entry, another user's and the generic one of the same product apart", async () => {
      const keys = [personalKey("ana", "p1"), personalKey("bob", "p1"), genericKey("p1")];
      await cache.setMany(
        keys.map((key, index) => write(key, 1, `entry ${index}`)),
        { ttlMs: TTL_MS },
      );
      const found = await cache.getMany(keys);
      expect(keys.map((key) => found.get(cacheKeyId(key))?.title)).toEqual(["entry 0", "entry 1", "entry 2"]);
    });

    it("never confuses ids that contain separators, braces or non-ASCII text", async () => {
      const keys = [
        personalKey("a}:p:b", "c"),
        personalKey("a", "b}:p:c"),
        personalKey("{u:a}", "c"),
        personalKey("ünï cödé 🙂", "p/1?x=y"),
        genericKey("{g}:p:x"),
        genericKey("x"),
      ];
      expect(
        await cache.setMany(
          keys.map((key, index) => write(key, 1, `entry ${index}`)),
          { ttlMs: TTL_MS },
        ),
      ).toEqual(keys.map(() => true));
      const found = await cache.getMany(keys);
      expect(keys.map((key) => found.get(cacheKeyId(key))?.title)).toEqual(
        keys.map((_, index) => `entry ${index}`),
      );
    });

    it("never lets an older version overwrite a newer one", async () => {
      const key = personalKey("ana", "p1");
      expect(await cache.setMany([write(key, 5)], { ttlMs: TTL_MS })).toEqual([true]);
      expect(await cache.setMany([write(key, 3)], { ttlMs: TTL_MS })).toEqual([false]);
      expect((await cache.getMany([key])).get(cacheKeyId(key))?.version).toBe(5);
      expect(await cache.setMany([write(key, 6)], { ttlMs: TTL_MS })).toEqual([true]);
      expect((await cache.getMany([key])).get(cacheKeyId(key))?.version).toBe(6);
    });

    it("does not write an equal version: the first value of a version stays", async () => {
      const key = genericKey("p1");
      await cache.setMany([write(key, 5, "first")], { ttlMs: TTL_MS });
      expect(await cache.setMany([write(key, 5, "second")], { ttlMs: TTL_MS })).toEqual([false]);
      expect((await cache.getMany([key])).get(cacheKeyId(key))?.title).toBe("first");
    });

    it("answers per entry, in order, within one batch", async () => {
      const stale = personalKey("ana", "p1");
      await cache.setMany([write(stale, 5)], { ttlMs: TTL_MS });
      const fresh = personalKey("ana", "p2");
      const twiceUp = genericKey("p3");
      const twiceDown = genericKey("p4");
      const answers = await cache.setMany(
        [
          write(stale, 4),
          write(fresh, 1),
          write(twiceUp, 1),
          write(twiceUp, 2),
          write(twiceDown, 2),
          write(twiceDown, 1),
        ],
        { ttlMs: TTL_MS },
      );
      expect(answers).toEqual([false, true, true, true, true, false]);
      const found = await cache.getMany([stale, fresh, twiceUp, twiceDown]);
      expect([stale, fresh, twiceUp, twiceDown].map((key) => found.get(cacheKeyId(key))?.version)).toEqual([
        5, 1, 2, 2,
      ]);
    });

    it("deletes exactly the given keys, across users and the generic scope, in one call", async () => {
      const doomed = [personalKey("ana", "p1"), personalKey("bob", "p1"), genericKey("p1")];
      const kept = [personalKey("ana", "p2"), genericKey("p2")];
      await cache.setMany(
        [...doomed, ...kept].map((key) => write(key, 3)),
        { ttlMs: TTL_MS },
      );

      await cache.delete([...doomed, personalKey("carl", "never-stored")]);

      const found = await cache.getMany([...doomed, ...kept]);
      expect([...found.keys()].sort()).toEqual(kept.map(cacheKeyId).sort());
      await cache.delete([]);
      expect((await cache.getMany(kept)).size).toBe(2);
    });

    it("forgets the version of a deleted entry: any version may be written again", async () => {
      const key = personalKey("ana", "p1");
      await cache.setMany([write(key, 9)], { ttlMs: TTL_MS });
      await cache.delete([key]);
      expect(await cache.setMany([write(key, 2)], { ttlMs: TTL_MS })).toEqual([true]);
      expect((await cache.getMany([key])).get(cacheKeyId(key))?.version).toBe(2);
    });

    it("forgets an entry once its TTL has passed", async () => {
      const short = personalKey("ana", "short");
      const long = personalKey("ana", "long");
      await cache.setMany([write(short, 1)], { ttlMs: 300 });
      await cache.setMany([write(long, 1)], { ttlMs: TTL_MS });
      expect((await cache.getMany([short])).size).toBe(1);

      await harness.elapse(350);
      await waitFor(async () => (await cache.getMany([short])).size === 0, {
        timeoutMs: 5_000,
        what: "expiry",
      });
      expect((await cache.getMany([long])).size).toBe(1);
      // Expired means absent: any version may be written again.
      expect(await cache.setMany([write(short, 1)], { ttlMs: TTL_MS })).toEqual([true]);
    });

    it("keeps the highest version under randomized concurrent out-of-order writes from several writers", async () => {
      const seed = 20_260_101;
      const random = seededRandom(seed);
      const writers = [cache, ...harness.peers];
      const keys = [
        ...Array.from({ length: 12 }, (_, index) => personalKey(`user-${index % 3}`, `p${index}`)),
        ...Array.from({ length: 4 }, (_, index) => genericKey(`g${index}`)),
      ];
      const maxVersion = 40;
      const allWrites = keys.flatMap((key) =>
        Array.from({ length: maxVersion }, (_, index) => write(key, index + 1, `v${index + 1}`)),
      );
      // Random batches of 1-8 entries, each batch to a random writer, all in flight at once.
      const order = shuffled(allWrites, random);
      const batches: { writer: L2Cache; entries: CacheWrite[] }[] = [];
      for (let start = 0; start < order.length;) {
        const size = 1 + Math.floor(random() * 8);
        const writer = writers[Math.floor(random() * writers.length)] as L2Cache;
        batches.push({ writer, entries: order.slice(start, start + size) });
        start += size;
      }
      const answers = await Promise.all(
        batches.map(({ writer, entries }) => writer.setMany(entries, { ttlMs: TTL_MS })),
      );

      const found = await cache.getMany(keys);
      const versions = keys.map((key) => found.get(cacheKeyId(key))?.version);
      expect(versions, `seed ${seed}`).toEqual(keys.map(() => maxVersion));
      expect(keys.map((key) => found.get(cacheKeyId(key))?.title)).toEqual(keys.map(() => `v${maxVersion}`));
      // The newest write of each key can never have been refused.
      batches.forEach(({ entries }, batchIndex) =>
        entries.forEach((entry, entryIndex) => {
          if (entry.value.version === maxVersion) expect(answers[batchIndex]?.[entryIndex]).toBe(true);
        }),
      );
    });

    it("writes a batch of versioned entries in one call, answering each: written, repeated or stale", async () => {
      const fresh = write(personalKey("ana", "p1"), 3);
      const generic = write(genericKey("p2"), 7);
      const older = write(personalKey("bob", "p3"), 2);
      await cache.setMany([write(personalKey("bob", "p3"), 5), write(genericKey("p2"), 7, "held")], {
        ttlMs: TTL_MS,
      });

      const results = await cache.writeVersions([
        { ...fresh, ttlMs: TTL_MS },
        { ...older, ttlMs: TTL_MS },
        { ...generic, ttlMs: TTL_MS },
      ]);

      expect(results).toEqual([{ result: "written" }, { result: "stale" }, { result: "repeated" }]);
      const found = await cache.getMany([fresh.key, older.key, generic.key]);
      expect(found.get(cacheKeyId(fresh.key))?.version).toBe(3);
      // The stale write changed nothing, the repeated one kept what was there.
      expect(found.get(cacheKeyId(older.key))?.version).toBe(5);
      expect(found.get(cacheKeyId(generic.key))?.title).toBe("held");
      expect(await cache.writeVersions([])).toEqual([]);
    });

    it("writes a batch's entries of one key in order: a newer one after an older one wins, not the reverse", async () => {
      const key = personalKey("ana", "p1");
      const results = await cache.writeVersions([
        { ...write(key, 1), ttlMs: TTL_MS },
        { ...write(key, 4), ttlMs: TTL_MS },
        { ...write(key, 2), ttlMs: TTL_MS },
      ]);

      expect(results.map((answer) => answer.result)).toEqual(["written", "written", "stale"]);
      expect((await cache.getMany([key])).get(cacheKeyId(key))?.version).toBe(4);
    });

    it("keeps each write of a batch to its own TTL", async () => {
      const short = write(personalKey("ana", "p1"), 1);
      const long = write(genericKey("p2"), 1);
      await cache.writeVersions([
        { ...short, ttlMs: 200 },
        { ...long, ttlMs: TTL_MS },
      ]);

      await harness.elapse(300);
      await waitFor(async () => !(await cache.getMany([short.key])).has(cacheKeyId(short.key)), {
        timeoutMs: 5_000,
        what: "the short-lived entry gone",
      });
      expect((await cache.getMany([long.key])).get(cacheKeyId(long.key))?.version).toBe(1);
    });
  });
}
