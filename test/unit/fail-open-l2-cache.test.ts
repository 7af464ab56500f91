import { describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { FakeL2Cache } from "../../src/adapters/fakes/fake-l2-cache.js";
import {
  FailOpenL2Cache,
  L2CircuitOpenError,
  L2TimeoutError,
} from "../../src/adapters/fail-open-l2-cache.js";
import { type BreakerState, genericKey } from "../../src/domain/index.js";
import { productInfo } from "../contract/product-info.js";
import { RecordingLogger } from "../support/recording-logger.js";
import { settled, waitFor } from "../support/wait-for.js";

const KEY = genericKey("p1");

/** The breaker keeps real time (cockatiel reads Date.now); the inner fake stalls on a fake clock. */
function setup(options: { timeoutMs?: number; openForMs?: number } = {}) {
  const clock = new FakeClock();
  const inner = new FakeL2Cache({ clock });
  const transitions: BreakerState[] = [];
  const logger = new RecordingLogger();
  const cache = new FailOpenL2Cache({
    inner,
    logger,
    failureThreshold: 3,
    openForMs: options.openForMs ?? 50,
    timeoutMs: options.timeoutMs ?? 5_000,
    onStateChange: (state) => transitions.push(state),
  });
  return { clock, inner, cache, transitions, logger };
}

async function failTimes(cache: FailOpenL2Cache, times: number): Promise<void> {
  for (let attempt = 0; attempt < times; attempt++) await expect(cache.getMany([KEY])).rejects.toThrow();
}

describe("FailOpenL2Cache", () => {
  it("passes calls through while the store is healthy", async () => {
    const { inner, cache } = setup();
    expect(await cache.setMany([{ key: KEY, value: productInfo("p1", 1) }], { ttlMs: 1_000 })).toEqual([
      true,
    ]);
    expect((await cache.getMany([KEY])).size).toBe(1);
    expect(inner.calls.getMany).toHaveLength(1);
    await cache.delete([KEY]);
    expect(inner.peek(KEY)).toBeUndefined();
    expect(cache.state).toBe("closed");
  });

  it("passes the store's own error on while closed", async () => {
    const { inner, cache } = setup();
    const boom = new Error("boom");
    inner.failWith(boom);
    await expect(cache.getMany([KEY])).rejects.toBe(boom);
    expect(cache.state).toBe("closed");
  });

  it("opens after consecutive failures, then fails fast without asking the store", async () => {
    const { inner, cache, transitions, logger } = setup({ openForMs: 60_000 });
    inner.failWith(new Error("down"));
    await failTimes(cache, 3);

    expect(cache.state).toBe("open");
    expect(transitions).toEqual(["open"]);
    expect(logger.at("warn").some((entry) => entry.message.includes("opened"))).toBe(true);
    const askedBefore = inner.calls.getMany.length;
    await expect(cache.getMany([KEY])).rejects.toBeInstanceOf(L2CircuitOpenError);
    await expect(cache.setMany([], { ttlMs: 1 })).rejects.toBeInstanceOf(L2CircuitOpenError);
    await expect(cache.delete([KEY])).rejects.toBeInstanceOf(L2CircuitOpenError);
    expect(inner.calls.getMany).toHaveLength(askedBefore);
    expect(inner.calls.delete).toHaveLength(0);
  });

  it("does not open on failures that are not consecutive", async () => {
    const { inner, cache } = setup();
    for (let round = 0; round < 3; round++) {
      inner.failWith(new Error("blip"));
      await failTimes(cache, 2);
      inner.failWith(null);
      await cache.getMany([KEY]);
    }
    expect(cache.state).toBe("closed");
  });

  it("abandons a call that stalls past timeoutMs, and counts it as a failure", async () => {
    const { inner, cache } = setup({ timeoutMs: 30 });
    inner.delayBy(60_000); // on the fake clock: the call never finishes unless the test advances it

    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = await settled(cache.getMany([KEY]));
      expect(outcome.ok).toBe(false);
      expect(outcome.ok ? undefined : outcome.error).toBeInstanceOf(L2TimeoutError);
    }
    expect(cache.state).toBe("open");
  });

  it("lets exactly one probe through after the cool-down; the others fail fast meanwhile", async () => {
    const { clock, inner, cache, transitions } = setup({ openForMs: 50 });
    inner.failWith(new Error("down"));
    await failTimes(cache, 3);
    inner.failWith(null);
    inner.delayBy(1_000); // the probe will stall until the fake clock moves
    const asked = inner.calls.getMany.length;

    // Poll until a call gets through the open breaker: that call is the probe.
    const attempts: Promise<unknown>[] = [];
    await waitFor(
      () => {
        attempts.push(cache.getMany([KEY]).catch((error: unknown) => error));
        return inner.calls.getMany.length > asked;
      },
      { timeoutMs: 5_000, what: "the half-open probe" },
    );
    const probe = attempts.at(-1) as Promise<unknown>;
    expect(cache.state).toBe("half-open");

    const others = await Promise.all(Array.from({ length: 5 }, () => settled(cache.getMany([KEY]))));
    for (const other of others) expect(other.ok ? undefined : other.error).toBeInstanceOf(L2CircuitOpenError);
    expect(inner.calls.getMany).toHaveLength(asked + 1);

    await clock.advance(1_000);
    expect(await probe).toBeInstanceOf(Map);
    expect(cache.state).toBe("closed");
    expect(transitions).toEqual(["open", "half-open", "closed"]);
  });

  it("opens again when the probe fails", async () => {
    const { inner, cache } = setup({ openForMs: 50 });
    inner.failWith(new Error("down"));
    await failTimes(cache, 3);

    await waitFor(
      async () => {
        const outcome = await settled(cache.getMany([KEY]));
        return !outcome.ok && !(outcome.error instanceof L2CircuitOpenError);
      },
      { timeoutMs: 5_000, what: "a failed probe" },
    );
    expect(cache.state).toBe("open");
  });
});
