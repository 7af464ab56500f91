import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import type { ActiveViewers } from "../../src/domain/index.js";

/** One activity store as several gateway instances would share it; time moves on a fake clock. */
export interface ActiveViewersHarness {
  readonly viewers: ActiveViewers;
  /** Other instances on the same store. */
  readonly peers: readonly ActiveViewers[];
  readonly clock: FakeClock;
  close(): Promise<void>;
}

/** The window every harness is built for; shorter windows may be asked about. */
export const CONTRACT_WINDOW_MS = 30 * 60_000;

/** What every ActiveViewers must do, run on the fake and on Redis. */
export function describeActiveViewersContract(
  name: string,
  makeHarness: () => Promise<ActiveViewersHarness>,
): void {
  describe(`ActiveViewers contract: ${name}`, () => {
    let harness: ActiveViewersHarness;

    beforeEach(async () => {
      harness = await makeHarness();
    });
    afterEach(async () => {
      await harness.close();
    });

    it("does not count a viewer it never saw as active", async () => {
      expect(await harness.viewers.isActive("ana", CONTRACT_WINDOW_MS)).toBe(false);
    });

    it("counts a touched viewer as active for the window, and no longer after it", async () => {
      const { viewers, clock } = harness;
      await viewers.touch("ana");

      await clock.advance(CONTRACT_WINDOW_MS);
      expect(await viewers.isActive("ana", CONTRACT_WINDOW_MS)).toBe(true);
      expect(await viewers.isActive("ana", CONTRACT_WINDOW_MS - 1)).toBe(false);
      await clock.advance(1);
      expect(await viewers.isActive("ana", CONTRACT_WINDOW_MS)).toBe(false);
    });

    it("counts a viewer who comes back as active again", async () => {
      const { viewers, clock } = harness;
      await viewers.touch("ana");
      await clock.advance(CONTRACT_WINDOW_MS + 1);

      await viewers.touch("ana");
      expect(await viewers.isActive("ana", CONTRACT_WINDOW_MS)).toBe(true);
    });

    it("shares activity between instances, and keeps viewers apart whatever their ids", async () => {
      const { viewers, peers } = harness;
      const ids = ["ana", "{u:ana}", "ana}:active", "ünï 🙂"];
      await viewers.touch(ids[1] as string);
      await viewers.touch(ids[3] as string);

      for (const store of [viewers, ...peers]) {
        expect(await Promise.all(ids.map((id) => store.isActive(id, CONTRACT_WINDOW_MS)))).toEqual([
          false,
          true,
          false,
          true,
        ]);
      }
    });

    it("answers many viewers at once as it answers each, in the order asked, repeats included", async () => {
      const { viewers, peers } = harness;
      const ids = ["ana", "{u:ana}", "bob", "ünï 🙂", "ana"];
      await viewers.touch("ana");
      await viewers.touch("ünï 🙂");

      for (const store of [viewers, ...peers]) {
        const one = await Promise.all(ids.map((id) => store.isActive(id, CONTRACT_WINDOW_MS)));
        expect(one).toEqual([true, false, false, true, true]);
        expect(await store.areActive(ids, CONTRACT_WINDOW_MS)).toEqual(one);
      }
      expect(await viewers.areActive([], CONTRACT_WINDOW_MS)).toEqual([]);
    });
  });
}
