import { describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { FakeLocks } from "../../src/adapters/fakes/fake-locks.js";

describe("FakeLocks", () => {
  it("grants a name to one holder at a time until it is released", async () => {
    const locks = new FakeLocks({ clock: new FakeClock() });
    const lease = await locks.tryAcquire("generic-refresh", { ttlMs: 30_000 });
    expect(lease).not.toBeNull();
    expect(await locks.tryAcquire("generic-refresh", { ttlMs: 30_000 })).toBeNull();
    expect(await locks.tryAcquire("other-job", { ttlMs: 30_000 })).not.toBeNull();
    await lease?.release();
    expect(locks.held("generic-refresh")).toBe(false);
    expect(await locks.tryAcquire("generic-refresh", { ttlMs: 30_000 })).not.toBeNull();
  });

  it("lets a lease lapse after its TTL, and a late release does not free the next holder's lease", async () => {
    const clock = new FakeClock();
    const locks = new FakeLocks({ clock });
    const first = await locks.tryAcquire("job", { ttlMs: 1_000 });
    await clock.advance(999);
    expect(locks.held("job")).toBe(true);
    await clock.advance(1);
    expect(locks.held("job")).toBe(false);
    const second = await locks.tryAcquire("job", { ttlMs: 1_000 });
    expect(second).not.toBeNull();
    await first?.release();
    expect(locks.held("job")).toBe(true);
  });
});
