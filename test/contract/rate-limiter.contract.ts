import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import type { RedisCommands } from "../../src/adapters/redis-cluster-client.js";
import { RedisWindowRateLimiter } from "../../src/adapters/redis-window-rate-limiter.js";
import type { RateLimiter } from "../../src/domain/index.js";
import { silentLogger } from "../support/silent-logger.js";
import { waitFor } from "../support/wait-for.js";

/** One rate limiter under test, with what the implementation can do beyond the port. */
export interface RateLimiterHarness {
  readonly limiter: RateLimiter;
  /** Spends all of `key`'s budget on `limiter`, the way this implementation's budget is spent. */
  exhaust(key: string): Promise<void>;
  /**
   * Capability: the limiter counts requests against `points` per `windowMs` by itself. Without it
   * (the fake) a key is refused only when a test says so, through `exhaust`.
   */
  readonly budget?: {
    readonly points: number;
    readonly windowMs: number;
    /** Lets `ms` pass: a fake clock advances; a limiter on real time lets it run (tests poll). */
    elapse(ms: number): Promise<void>;
  };
  /** The limiters of other gateway instances of the same deployment (at least one). */
  readonly peers: readonly RateLimiter[];
  /**
   * Capability: the instances share one budget (the Redis-backed limiter); their counts meet when
   * every instance syncs, not per request. Without it each instance limits on its own.
   */
  sync?(): Promise<void>;
  close(): Promise<void>;
}

/** Keys that must never share a budget, whatever an implementation builds its own keys from. */
const DISTINCT_KEYS = ["u:bob", "a:127.0.0.1", "u:{ana}", "u:ana:x", "u:ünï 🙂", "ana"];

/**
 * What every RateLimiter must do: allow a caller it has not seen, refuse a spent one with a wait,
 * and keep callers apart. Implementations that count (`budget`) and share (`sync`) declare it,
 * and are held to exact counts, windows and sharing too.
 */
export function describeRateLimiterContract(
  name: string,
  makeHarness: () => Promise<RateLimiterHarness>,
): void {
  describe(`RateLimiter contract: ${name}`, () => {
    let harness: RateLimiterHarness;
    let limiter: RateLimiter;

    beforeEach(async () => {
      harness = await makeHarness();
      limiter = harness.limiter;
    });
    afterEach(async () => {
      await harness.close();
    });

    it("allows a caller it has not seen, with no wait", async () => {
      expect(await limiter.consume("u:ana")).toEqual({ allowed: true, retryAfterMs: 0 });
    });

    it("refuses a caller whose budget is spent, saying how long to wait", async () => {
      await harness.exhaust("u:ana");
      const verdict = await limiter.consume("u:ana");
      expect(verdict.allowed).toBe(false);
      expect(verdict.retryAfterMs).toBeGreaterThan(0);
      if (harness.budget) expect(verdict.retryAfterMs).toBeLessThanOrEqual(harness.budget.windowMs);
    });

    it("keeps callers' budgets apart, whatever their keys look like", async () => {
      await harness.exhaust("u:ana");
      for (const key of DISTINCT_KEYS) expect((await limiter.consume(key)).allowed, key).toBe(true);
      expect((await limiter.consume("u:ana")).allowed).toBe(false);
    });

    it("lets exactly the budget through per window, even when the requests arrive at once", async () => {
      const { budget } = harness;
      if (!budget) {
        // Without a budget of its own nothing is counted: any number of requests goes through.
        const verdicts = await Promise.all(Array.from({ length: 50 }, () => limiter.consume("u:ana")));
        expect(verdicts.every((verdict) => verdict.allowed)).toBe(true);
        return;
      }
      const verdicts = await Promise.all(
        Array.from({ length: budget.points + 3 }, () => limiter.consume("u:ana")),
      );
      expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(budget.points);
      expect(verdicts.slice(budget.points).map((verdict) => verdict.allowed)).toEqual([false, false, false]);
    });

    it("gives a spent caller a new budget once the window has passed", async () => {
      await harness.exhaust("u:ana");
      const refused = await limiter.consume("u:ana");
      expect(refused.allowed).toBe(false);
      const { budget } = harness;
      if (!budget) {
        // Time means nothing to a limiter without a budget: refused until told otherwise.
        expect((await limiter.consume("u:ana")).allowed).toBe(false);
        return;
      }
      await budget.elapse(budget.windowMs);
      await waitFor(async () => (await limiter.consume("u:ana")).allowed, {
        timeoutMs: budget.windowMs + 5_000,
        intervalMs: 100,
        what: "a new window's budget",
      });
    });

    it("shares one budget between instances once they sync, else limits each instance alone", async () => {
      const [peer] = harness.peers;
      if (!peer) throw new Error("the harness needs a peer");
      const { budget } = harness;
      if (!harness.sync || !budget) {
        await harness.exhaust("u:ana");
        expect((await peer.consume("u:ana")).allowed).toBe(true);
        expect((await limiter.consume("u:ana")).allowed).toBe(false);
        return;
      }
      // Several callers at once: one sync carries all of their counts (one pipeline, one slot).
      const callers = ["u:alice", "u:bob", "u:carol", "u:dave"];
      for (const caller of callers)
        for (let i = 0; i < budget.points - 1; i++)
          expect((await limiter.consume(caller)).allowed).toBe(true);
      await harness.sync();
      for (const caller of callers) expect((await peer.consume(caller)).allowed, caller).toBe(true);
      await harness.sync();
      for (const caller of callers) {
        expect((await peer.consume(caller)).allowed, caller).toBe(false);
        expect((await limiter.consume(caller)).allowed, caller).toBe(false);
      }
    });
  });
}

/** `exhaust` for a limiter that counts: spends its `points`. */
export function budgetHarness(
  limiter: RateLimiter,
  points: number,
): Pick<RateLimiterHarness, "limiter" | "exhaust"> {
  return {
    limiter,
    exhaust: async (key) => {
      for (let i = 0; i < points; i++) await limiter.consume(key);
    },
  };
}

/** Three RedisWindowRateLimiter instances on one fake clock, sharing budgets through `redis`. */
export function redisWindowHarness(options: {
  readonly redis: RedisCommands;
  readonly keyPrefix: string;
  close(): Promise<void>;
}): RateLimiterHarness {
  const clock = new FakeClock();
  const points = 4;
  const windowMs = 60_000;
  const [limiter, ...peers] = [1, 2, 3].map(
    () =>
      new RedisWindowRateLimiter({
        redis: options.redis,
        keyPrefix: options.keyPrefix,
        points,
        windowMs,
        clock,
        logger: silentLogger,
      }),
  ) as [RedisWindowRateLimiter, ...RedisWindowRateLimiter[]];
  return {
    ...budgetHarness(limiter, points),
    peers,
    budget: { points, windowMs, elapse: (ms) => clock.advance(ms) },
    sync: async () => {
      // Two rounds: every instance's counts reach Redis, then every instance reads the totals back.
      for (let round = 0; round < 2; round++)
        for (const instance of [limiter, ...peers]) await instance.sync();
    },
    close: options.close,
  };
}
