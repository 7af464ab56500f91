import { describe, expect, it } from "vitest";
import { FAKE_CLOCK_START_MS, FakeClock } from "../../src/adapters/fakes/fake-clock.js";

describe("FakeClock", () => {
  it("starts at the given epoch, or at 2026-01-01 by default, and moves only when advanced", async () => {
    expect(new FakeClock().nowMs()).toBe(FAKE_CLOCK_START_MS);
    const clock = new FakeClock({ startMs: 5_000 });
    expect(clock.nowMs()).toBe(5_000);
    await clock.advance(250);
    expect(clock.nowMs()).toBe(5_250);
  });

  it("fires timers in due order, each seeing the time it was due", async () => {
    const clock = new FakeClock({ startMs: 0 });
    const fired: string[] = [];
    const at = (label: string) => () => fired.push(`${label}@${clock.nowMs()}`);
    void clock.sleep(300).then(at("c"));
    void clock.sleep(100).then(at("a"));
    void clock.sleep(200).then(at("b"));
    void clock.sleep(100).then(at("a2"));

    await clock.advance(99);
    expect(fired).toEqual([]);
    await clock.advance(101);
    expect(fired).toEqual(["a@100", "a2@100", "b@200"]);
    expect(clock.pendingTimers()).toBe(1);
    await clock.advance(1_000);
    expect(fired).toEqual(["a@100", "a2@100", "b@200", "c@300"]);
    expect(clock.nowMs()).toBe(1_200);
  });

  it("runs chained promises between firings, so a timer set by a fired one fires in the same advance", async () => {
    const clock = new FakeClock({ startMs: 0 });
    const seen: number[] = [];
    const chain = async (): Promise<void> => {
      await clock.sleep(10);
      await Promise.resolve();
      seen.push(clock.nowMs());
      await clock.sleep(10);
      seen.push(clock.nowMs());
    };
    void chain();
    await clock.advance(25);
    expect(seen).toEqual([10, 20]);
  });

  it("rejects a sleep with the signal's reason and forgets its timer", async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(1_000, controller.signal);
    expect(clock.pendingTimers()).toBe(1);
    const reason = new Error("cancelled");
    controller.abort(reason);
    await expect(sleeping).rejects.toBe(reason);
    expect(clock.pendingTimers()).toBe(0);
  });

  it("rejects at once when the signal has already aborted", async () => {
    const clock = new FakeClock();
    const reason = new Error("too late");
    await expect(clock.sleep(10, AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(clock.pendingTimers()).toBe(0);
  });

  it("resolves a zero sleep without advancing", async () => {
    const clock = new FakeClock();
    await expect(clock.sleep(0)).resolves.toBeUndefined();
  });

  it("refuses to move backwards", async () => {
    const clock = new FakeClock();
    await expect(clock.advance(-1)).rejects.toThrow(RangeError);
  });

  it("runUntilIdle fires everything pending, and stops a runaway loop", async () => {
    const clock = new FakeClock({ startMs: 0 });
    let done = false;
    void clock.sleep(5_000).then(() => (done = true));
    await clock.runUntilIdle();
    expect(done).toBe(true);
    expect(clock.nowMs()).toBe(5_000);

    const forever = async (): Promise<void> => {
      for (;;) await clock.sleep(1);
    };
    void forever();
    await expect(clock.runUntilIdle({ maxTimers: 50 })).rejects.toThrow(/still busy/);
  });
});
