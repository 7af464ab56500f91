import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Lease, Locks } from "../../src/domain/index.js";
import { waitFor } from "../support/wait-for.js";

/** One lock store, as several gateway instances would share it. */
export interface LocksHarness {
  readonly locks: Locks;
  /** Other handles on the same store (other connections or instances); may include `locks`. */
  readonly peers: readonly Locks[];
  /** Lets `ms` pass for the leases' TTLs: a fake clock advances; a real store lets real time run. */
  elapse(ms: number): Promise<void>;
  close(): Promise<void>;
}

const LONG_MS = 60_000;

/** What every Locks must do, run against the fake and against Redis. */
export function describeLocksContract(name: string, makeHarness: () => Promise<LocksHarness>): void {
  describe(`Locks contract: ${name}`, () => {
    let harness: LocksHarness;
    let locks: Locks;
    let other: Locks;

    beforeEach(async () => {
      harness = await makeHarness();
      locks = harness.locks;
      other = harness.peers[0] ?? locks;
    });
    afterEach(async () => {
      await harness.close();
    });

    it("grants a free lease, refuses it while held, and grants it again once released", async () => {
      const lease = await locks.tryAcquire("job", { ttlMs: LONG_MS });
      expect(lease).not.toBeNull();
      expect(await other.tryAcquire("job", { ttlMs: LONG_MS })).toBeNull();
      expect(await locks.tryAcquire("job", { ttlMs: LONG_MS })).toBeNull();

      await lease!.release();
      expect(await other.tryAcquire("job", { ttlMs: LONG_MS })).not.toBeNull();
    });

    it("keeps different names independent", async () => {
      expect(await locks.tryAcquire("first", { ttlMs: LONG_MS })).not.toBeNull();
      expect(await other.tryAcquire("second", { ttlMs: LONG_MS })).not.toBeNull();
    });

    it("lets a lease that is never released lapse after its TTL", async () => {
      expect(await locks.tryAcquire("job", { ttlMs: 300 })).not.toBeNull();
      expect(await other.tryAcquire("job", { ttlMs: LONG_MS })).toBeNull();
      await harness.elapse(350);
      await waitFor(() => other.tryAcquire("job", { ttlMs: LONG_MS }), {
        timeoutMs: 5_000,
        what: "the lapse",
      });
    });

    it("never lets a lapsed lease release the lease that followed it", async () => {
      const lapsed = await locks.tryAcquire("job", { ttlMs: 300 });
      await harness.elapse(350);
      const current = await waitFor(() => other.tryAcquire("job", { ttlMs: LONG_MS }), { timeoutMs: 5_000 });

      await lapsed!.release();
      expect(await locks.tryAcquire("job", { ttlMs: LONG_MS })).toBeNull();
      await current.release();
      expect(await locks.tryAcquire("job", { ttlMs: LONG_MS })).not.toBeNull();
    });

    it("grants a contended lease to exactly one of many concurrent callers", async () => {
      const contenders = [locks, ...harness.peers];
      for (let round = 0; round < 5; round++) {
        const attempts = await Promise.all(
          Array.from({ length: 20 }, (_, index) =>
            (contenders[index % contenders.length] as Locks).tryAcquire(`job-${round}`, { ttlMs: LONG_MS }),
          ),
        );
        const winners = attempts.filter((lease): lease is Lease => lease !== null);
        expect(winners).toHaveLength(1);
      }
    });

    it("takes a second release of one lease calmly", async () => {
      const lease = await locks.tryAcquire("job", { ttlMs: LONG_MS });
      await lease!.release();
      const next = await other.tryAcquire("job", { ttlMs: LONG_MS });
      await lease!.release();
      expect(next).not.toBeNull();
      expect(await locks.tryAcquire("job", { ttlMs: LONG_MS })).toBeNull();
    });
  });
}
