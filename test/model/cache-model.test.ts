import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CacheSystem, GARBAGE, type Operation } from "./cache-system.js";

/**
 * Model-based randomized test of the cache domain: random interleavings of pushes (reordered,
 * duplicated, oversize, malformed), reads, invalidations, held and reordered calls to L2, the bus and
 * the product service, bus drops, reconnects and instance crashes, each answer checked against a
 * reference model (see CacheSystem).
 *
 * CI runs at least 10^4 operations. The long run (`npm run test:model:long`) runs 10^6:
 * MODEL_OPERATIONS sets the total, MODEL_SEED replays a run (fast-check prints the seed and the
 * shrunk counterexample of a failure).
 */

const SHAPE = { users: 3, products: 3, instances: 2 } as const;
const TOTAL_OPERATIONS = Number(process.env.MODEL_OPERATIONS ?? 10_000);
/** Scripts of 1 to 200 operations (about 100 on average), so a failure shrinks to a short one. */
const MAX_PER_RUN = 200;
const RUNS = Math.ceil(TOTAL_OPERATIONS / 80);
/**
 * CI replays one fixed seed, so its verdict is the same on every run; `MODEL_SEED=random` (the long
 * run) explores new interleavings from a seed it prints first, so that any run, one cut short by its
 * timeout included, can be replayed with `MODEL_SEED=<that seed>`.
 */
const CI_SEED = 20_261_203;
const SEED =
  process.env.MODEL_SEED === "random"
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env.MODEL_SEED ?? CI_SEED);

const index = fc.nat({ max: 7 });
const user = fc.option(fc.nat({ max: SHAPE.users - 1 }), { freq: 4 });

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant("produce"), user, product: index }) },
  {
    weight: Number(process.env.MODEL_INVALIDATE_WEIGHT ?? 1),
    arbitrary: fc.record({ type: fc.constant("invalidate"), user, product: index }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant("garbage"), which: fc.nat({ max: GARBAGE.length - 1 }) }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant("deliver"),
      pick: fc.nat(),
      instance: index,
      duplicate: fc.boolean(),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant("read"),
      instance: index,
      user,
      products: fc.array(index, { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 14, arbitrary: fc.record({ type: fc.constant("step"), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant("advance"), ms: fc.constantFrom(20, 200, 3_000, 11_000) }),
  },
  { weight: 1, arbitrary: fc.constant({ type: "dropBus" } as const) },
  { weight: 1, arbitrary: fc.constant({ type: "reconnect" } as const) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("crash"), instance: index }) },
);

/** Interleavings the random search found, kept as plain regression cases. */
const FOUND: readonly {
  readonly name: string;
  readonly script: readonly Operation[];
  readonly shape?: typeof SHAPE;
}[] = [
  {
    name: "an applier that dies between its L2 write and its publication: the redelivered event still invalidates and publishes",
    script: [
      { type: "produce", user: 0, product: 0 },
      { type: "read", instance: 1, user: 0, products: [0] },
      { type: "deliver", pick: 0, instance: 0, duplicate: false },
      ...Array.from({ length: 6 }, () => ({ type: "step", pick: 0 }) as const),
      { type: "crash", instance: 0 },
    ],
  },
  {
    name: "a read that starts after an invalidation does not join a load that began before it",
    script: [
      { type: "read", instance: 0, user: 0, products: [0] },
      // L2 read, its answer (a miss), the product service answers v1 ...
      { type: "step", pick: 0 },
      { type: "step", pick: 0 },
      { type: "step", pick: 0 },
      // ... but before that answer arrives, v2 is applied and its invalidation heard ...
      { type: "produce", user: 0, product: 0 },
      { type: "deliver", pick: 0, instance: 0, duplicate: false },
      ...Array.from({ length: 6 }, () => ({ type: "step", pick: 1 }) as const),
      // ... and a new read begins.
      { type: "read", instance: 0, user: 0, products: [0] },
    ],
  },
  {
    name: "a redelivered event whose refusing L2 entry an invalidation deletes before the read that tells why is still published",
    script: [
      { type: "produce", user: null, product: 0 },
      // A first application writes v2 to L2 and dies before it publishes; its copy stays waiting.
      { type: "deliver", pick: 0, instance: 0, duplicate: true },
      { type: "step", pick: 0 },
      { type: "crash", instance: 0 },
      { type: "invalidate", user: null, product: 0 },
      // The copy's write is refused (L2 holds v2), then the invalidation's delete lands, then the
      // read that tells "repeated" from "stale" finds nothing.
      { type: "deliver", pick: 0, instance: 0, duplicate: false },
      { type: "deliver", pick: 0, instance: 0, duplicate: false },
      { type: "step", pick: 0 },
      { type: "step", pick: 0 },
      // An anonymous read fills L2 with v2 from the product service: the feed must have carried it.
      { type: "read", instance: 1, user: null, products: [0] },
    ],
  },
  {
    // Found by the long run (MODEL_SEED=86395896), as fast-check shrank it. An invalidation's
    // redelivered copy deletes v3 from L2, the older v2 event refills it, a read brings v2 back,
    // and by the time its answer is checked L2 holds v3 again: the documented limit of
    // invalidations (see CacheSystem.unversioned), not a stale value resurrected. The model had
    // judged the answer by whether the key had a version at the end of the read only.
    name: "a read that overlapped an invalidation's delete is not held to the freshness rules",
    shape: SHAPE,
    script: [
      { type: "invalidate", user: null, product: 0 },
      { type: "read", instance: 0, user: 0, products: [0] },
      { type: "read", instance: 0, user: null, products: [0] },
      { type: "deliver", pick: 0, instance: 0, duplicate: true },
      { type: "deliver", pick: 0, instance: 0, duplicate: false },
      { type: "produce", user: null, product: 0 },
      { type: "produce", user: null, product: 0 },
      { type: "deliver", pick: 0, instance: 0, duplicate: true },
      { type: "deliver", pick: 0, instance: 0, duplicate: false },
      { type: "deliver", pick: 0, instance: 0, duplicate: true },
      { type: "read", instance: 3, user: null, products: [0] },
      { type: "read", instance: 0, user: null, products: [5] },
      { type: "step", pick: 497278406 },
      { type: "step", pick: 1404317447 },
      { type: "step", pick: 376430297 },
      { type: "deliver", pick: 0, instance: 0, duplicate: true },
      { type: "read", instance: 0, user: 0, products: [4, 0] },
      { type: "advance", ms: 200 },
      { type: "read", instance: 0, user: 0, products: [5] },
      { type: "step", pick: 751898830 },
      { type: "read", instance: 0, user: null, products: [0] },
      { type: "step", pick: 94423974 },
      { type: "deliver", pick: 0, instance: 0, duplicate: false },
    ],
  },
];

describe("the cache domain against its reference model", () => {
  it.each(FOUND)("$name", async ({ script, shape }) => {
    const system = new CacheSystem(shape ?? { users: 1, products: 1, instances: 2 });
    await system.start();
    for (const step of script) await system.run(step);
    await system.settle();
    expect(system.violations).toEqual([]);
    expect(system.counts.checkedAnswers).toBeGreaterThan(0);
  });

  it(
    `keeps every viewer's data fresh, complete and their own over ${TOTAL_OPERATIONS} random operations`,
    async () => {
      // eslint-disable-next-line no-console -- a random run's seed must reach the log, to replay it
      console.info(
        `model seed ${SEED} (MODEL_SEED=${SEED} replays this run), ${TOTAL_OPERATIONS} operations`,
      );
      let operations = 0;
      let answers = 0;
      // Scripts vary in length (fast-check also biases some towards short ones): run rounds until
      // the operations add up to the total.
      for (let round = 0; operations < TOTAL_OPERATIONS; round++) {
        await fc.assert(
          fc.asyncProperty(
            fc.array(operation, { minLength: 1, maxLength: MAX_PER_RUN, size: "max" }),
            async (script) => {
              const system = new CacheSystem(SHAPE);
              await system.start();
              for (const step of script) await system.run(step);
              await system.settle();
              operations += script.length;
              answers += system.counts.checkedAnswers;
              expect(system.violations.slice(0, 3)).toEqual([]);
            },
          ),
          {
            numRuns: round === 0 ? RUNS : Math.ceil((TOTAL_OPERATIONS - operations) / 50),
            seed: SEED + round,
            endOnFailure: false,
          },
        );
      }
      expect(operations).toBeGreaterThanOrEqual(TOTAL_OPERATIONS);
      expect(answers).toBeGreaterThan(0);
    },
    // A few seconds on an idle machine; a loaded one, or a failure being shrunk, takes several times that.
    Number(process.env.MODEL_TIMEOUT_MS ?? 120_000),
  );
});
