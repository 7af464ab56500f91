import { describe, expect, it } from "vitest";
import { FakeActiveViewers } from "../../src/adapters/fakes/fake-active-viewers.js";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { FakeInvalidationBus } from "../../src/adapters/fakes/fake-invalidation-bus.js";
import { FakeL2Cache } from "../../src/adapters/fakes/fake-l2-cache.js";
import {
  type ActiveViewerPolicy,
  type ApplyOutcome,
  type InvalidationBus,
  type ProductChange,
  type ProductChanges,
  UPDATE_APPLIER_DEFAULTS,
  UpdateApplier,
  UpdateApplyError,
  genericKey,
  personalKey,
} from "../../src/domain/index.js";
import { productInfo } from "../contract/product-info.js";
import { RecordingLogger } from "../support/recording-logger.js";

/** Keeps every change published; fails on demand. */
class RecordingChanges implements ProductChanges {
  readonly published: ProductChange[] = [];
  failure: Error | null = null;

  async publish(change: ProductChange): Promise<void> {
    if (this.failure) throw this.failure;
    this.published.push(change);
  }
}

function setup(
  options: { activeViewers?: (store: FakeActiveViewers) => ActiveViewerPolicy; bus?: InvalidationBus } = {},
) {
  const clock = new FakeClock();
  const l2 = new FakeL2Cache({ clock });
  const fakeBus = new FakeInvalidationBus();
  const changes = new RecordingChanges();
  const logger = new RecordingLogger();
  const viewers = new FakeActiveViewers({ clock });
  const applied: ApplyOutcome[] = [];
  const applier = new UpdateApplier({
    l2,
    bus: options.bus ?? fakeBus,
    changes,
    logger,
    metrics: { updateApplied: (outcome) => applied.push(outcome) },
    genericTtlMs: 60_000,
    ...(options.activeViewers && { activeViewers: options.activeViewers(viewers) }),
  });
  return { clock, l2, bus: fakeBus, changes, logger, viewers, applied, applier };
}

const ana = (product: string, version: number) =>
  ({ kind: "personal", user: "ana", info: productInfo(product, version) }) as const;

describe("UpdateApplier", () => {
  it("writes a personal update to L2, invalidates its key, then publishes it for the viewer", async () => {
    const { l2, bus, changes, applied, applier } = setup();

    const outcome = await applier.apply(ana("p1", 5));

    expect(outcome).toEqual({ kind: "personal", result: "written", keys: [personalKey("ana", "p1")] });
    expect(l2.peek(personalKey("ana", "p1"))?.version).toBe(5);
    expect(l2.peek(personalKey("bob", "p1"))).toBeUndefined();
    expect(bus.published).toEqual([[personalKey("ana", "p1")]]);
    expect(changes.published).toEqual([{ kind: "personal", user: "ana", info: productInfo("p1", 5) }]);
    expect(applied).toEqual([outcome]);
  });

  it("keeps pushed personal entries for 24 hours by default, so viewers who never return cost nothing after", async () => {
    const { clock, l2, applier } = setup();
    await applier.apply(ana("p1", 1));

    await clock.advance(UPDATE_APPLIER_DEFAULTS.personalTtlMs - 1);
    expect(l2.peek(personalKey("ana", "p1"))).toBeDefined();
    await clock.advance(1);
    expect(l2.peek(personalKey("ana", "p1"))).toBeUndefined();
  });

  it("leaves L2 as it is for the same event applied again, but invalidates and publishes it again", async () => {
    // The first application may have died between its L2 write and its publication (the entry is
    // then redelivered), or L2 got this version from a read that filled it from the product service:
    // either way the live tiles and other instances' L1 were not told. Telling them twice is harmless.
    const { l2, bus, changes, applier } = setup();
    await applier.apply(ana("p1", 5));

    const again = await applier.apply(ana("p1", 5));

    expect(again).toEqual({ kind: "personal", result: "repeated", keys: [personalKey("ana", "p1")] });
    expect(l2.peek(personalKey("ana", "p1"))?.version).toBe(5);
    expect(bus.published).toEqual([[personalKey("ana", "p1")], [personalKey("ana", "p1")]]);
    expect(changes.published).toEqual([
      { kind: "personal", user: "ana", info: productInfo("p1", 5) },
      { kind: "personal", user: "ana", info: productInfo("p1", 5) },
    ]);
  });

  it("invalidates and publishes an event whose version a read already put in L2 from the product service", async () => {
    const { l2, bus, changes, applier } = setup();
    l2.seed([{ key: genericKey("p2"), value: productInfo("p2", 8) }]);

    const outcome = await applier.apply({ kind: "generic", info: productInfo("p2", 8) });

    expect(outcome).toEqual({ kind: "generic", result: "repeated", keys: [genericKey("p2")] });
    expect(bus.published).toEqual([[genericKey("p2")]]);
    expect(changes.published).toEqual([{ kind: "generic", info: productInfo("p2", 8) }]);
  });

  it("writes again, then publishes, when the entry that refused its write is deleted before the read that tells why", async () => {
    // A redelivered event (its first application died after the L2 write) meets an invalidate event:
    // the write is refused (L2 holds this version), the delete lands, the read finds nothing. Taken
    // for stale, the change was never published and live tiles kept the older version.
    const { l2, bus, changes, applier } = setup();
    l2.seed([{ key: genericKey("p2"), value: productInfo("p2", 8) }]);
    const deleteAfterFirstWrite = deletingAfterWrites(l2, 1);

    const outcome = await applier.apply({ kind: "generic", info: productInfo("p2", 8) });

    expect(deleteAfterFirstWrite.deleted).toBe(1);
    expect(outcome).toEqual({ kind: "generic", result: "written", keys: [genericKey("p2")] });
    expect(l2.peek(genericKey("p2"))?.version).toBe(8);
    expect(bus.published).toEqual([[genericKey("p2")]]);
    expect(changes.published).toEqual([{ kind: "generic", info: productInfo("p2", 8) }]);
  });

  it("fails the apply, publishing nothing, when the entry vanishes after every refused write (the event is retried later)", async () => {
    const { l2, changes, applier } = setup();
    l2.seed([{ key: personalKey("ana", "p1"), value: productInfo("p1", 5) }]);
    deletingAfterWrites(l2, Number.POSITIVE_INFINITY, () =>
      l2.seed([{ key: personalKey("ana", "p1"), value: productInfo("p1", 5) }]),
    );

    await expect(applier.apply(ana("p1", 5))).rejects.toBeInstanceOf(UpdateApplyError);
    expect(changes.published).toEqual([]);
  });

  it("never lets an older event replace a newer one, and publishes nothing for it", async () => {
    const { l2, bus, changes, applier } = setup();
    await applier.apply(ana("p1", 7));

    expect((await applier.apply(ana("p1", 6))).result).toBe("stale");
    expect(l2.peek(personalKey("ana", "p1"))?.title).toBe("p1 at v7");
    expect(bus.published).toHaveLength(1);
    expect(changes.published.map((change) => change.kind === "personal" && change.info.version)).toEqual([7]);
  });

  it("writes a generic update under the product's generic key with the generic TTL", async () => {
    const { clock, l2, bus, changes, applier } = setup();

    const outcome = await applier.apply({ kind: "generic", info: productInfo("p2", 3) });

    expect(outcome).toEqual({ kind: "generic", result: "written", keys: [genericKey("p2")] });
    expect(bus.published).toEqual([[genericKey("p2")]]);
    expect(changes.published).toEqual([{ kind: "generic", info: productInfo("p2", 3) }]);
    await clock.advance(60_000);
    expect(l2.peek(genericKey("p2"))).toBeUndefined();
  });

  it("publishes a plan change without touching the caches", async () => {
    const { l2, bus, changes, applier } = setup();

    const outcome = await applier.apply({ kind: "plan", user: "ana", version: 9 });

    expect(outcome).toEqual({ kind: "plan", result: "published", keys: [] });
    expect(changes.published).toEqual([{ kind: "plan", user: "ana" }]);
    expect(l2.calls.setMany).toHaveLength(0);
    expect(bus.published).toHaveLength(0);
  });

  it("invalidates a viewer's entries in L2 and L1, leaving other viewers' and generic entries", async () => {
    const { l2, bus, changes, applier } = setup();
    const seeded = [
      personalKey("ana", "p1"),
      personalKey("ana", "p2"),
      personalKey("bob", "p1"),
      genericKey("p1"),
    ];
    l2.seed(seeded.map((key) => ({ key, value: productInfo(key.product, 4) })));

    const outcome = await applier.apply({ kind: "invalidate", user: "ana", products: ["p1", "p2"] });

    const dropped = [personalKey("ana", "p1"), personalKey("ana", "p2")];
    expect(outcome).toEqual({ kind: "invalidate", result: "invalidated", keys: dropped });
    expect(seeded.map((key) => l2.peek(key) !== undefined)).toEqual([false, false, true, true]);
    expect(bus.published).toEqual([dropped]);
    expect(changes.published).toHaveLength(0);
  });

  it("invalidates the products' generic entries when no user is named", async () => {
    const { l2, bus, applier } = setup();
    l2.seed(
      [genericKey("p1"), personalKey("ana", "p1")].map((key) => ({ key, value: productInfo("p1", 4) })),
    );

    await applier.apply({ kind: "invalidate", products: ["p1"] });

    expect(l2.peek(genericKey("p1"))).toBeUndefined();
    expect(l2.peek(personalKey("ana", "p1"))).toBeDefined();
    expect(bus.published).toEqual([[genericKey("p1")]]);
  });

  it("rejects with UpdateApplyError when L2 cannot be written, and publishes nothing", async () => {
    const { l2, bus, changes, applied, applier } = setup();
    const down = new Error("L2 down");
    l2.failWith(down);

    const failure = await applier.apply(ana("p1", 1)).catch((error: unknown) => error);
    await expect(applier.apply({ kind: "invalidate", products: ["p1"] })).rejects.toBeInstanceOf(
      UpdateApplyError,
    );

    expect(failure).toBeInstanceOf(UpdateApplyError);
    expect(failure).toMatchObject({ code: "UPDATE_APPLY_FAILED", kind: "personal", cause: down });
    expect(bus.published).toHaveLength(0);
    expect(changes.published).toHaveLength(0);
    expect(applied).toHaveLength(0);
  });

  it("counts an event as applied once L2 has it, even if the invalidation fails", async () => {
    const failingBus: InvalidationBus = {
      publish: async () => {
        throw new Error("bus down");
      },
      subscribe: async () => ({ unsubscribe: async () => undefined }),
    };
    const { l2, changes, logger, applier } = setup({ bus: failingBus });

    expect((await applier.apply(ana("p1", 1))).result).toBe("written");
    expect((await applier.apply(ana("p1", 2))).result).toBe("written");

    expect(l2.peek(personalKey("ana", "p1"))?.version).toBe(2);
    expect(changes.published).toHaveLength(2);
    const warnings = logger.at("warn").map((entry) => entry.message);
    expect(warnings.filter((message) => message.includes("invalidation was not sent"))).toHaveLength(2);
  });

  it("fails the apply when the change cannot be published, and the retry publishes it (L2 refuses the repeated write)", async () => {
    // Acknowledging it would lose the change for the viewers' live tiles: nothing publishes it again.
    const { l2, changes, applied, applier } = setup();
    const down = new Error("feed down");
    changes.failure = down;

    const failure = await applier.apply(ana("p1", 2)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UpdateApplyError);
    expect(failure).toMatchObject({ code: "UPDATE_APPLY_FAILED", kind: "personal", cause: down });
    expect(l2.peek(personalKey("ana", "p1"))?.version).toBe(2);
    expect(changes.published).toEqual([]);
    expect(applied).toEqual([]);

    changes.failure = null;
    expect((await applier.apply(ana("p1", 2))).result).toBe("repeated");
    expect(changes.published).toEqual([{ kind: "personal", user: "ana", info: productInfo("p1", 2) }]);

    // The same for a generic event and a plan change.
    changes.failure = down;
    const generic = { kind: "generic", info: productInfo("p2", 4) } as const;
    await expect(applier.apply(generic)).rejects.toBeInstanceOf(UpdateApplyError);
    await expect(applier.apply({ kind: "plan", user: "ana", version: 1 })).rejects.toBeInstanceOf(
      UpdateApplyError,
    );
    changes.failure = null;
    expect((await applier.apply(generic)).result).toBe("repeated");
    expect(changes.published.slice(1)).toEqual([{ kind: "generic", info: productInfo("p2", 4) }]);
  });

  describe("with the active-viewer policy", () => {
    const WINDOW_MS = 30 * 60_000;

    it("keeps a push for an inactive viewer out of L2, deleting the older entry so the next visit loads it", async () => {
      const { l2, bus, changes, applied, applier } = setup({
        activeViewers: (store) => ({ store, windowMs: WINDOW_MS, mode: "drop" }),
      });
      l2.seed([{ key: personalKey("ana", "p1"), value: productInfo("p1", 1) }]);

      const outcome = await applier.apply(ana("p1", 2));

      expect(outcome).toEqual({
        kind: "personal",
        result: "dropped",
        keys: [personalKey("ana", "p1")],
        viewerActive: false,
      });
      expect(l2.peek(personalKey("ana", "p1"))).toBeUndefined();
      expect(l2.calls.setMany).toHaveLength(0);
      expect(bus.published).toEqual([[personalKey("ana", "p1")]]);
      expect(changes.published).toHaveLength(0);
      expect(applied.map((entry) => entry.viewerActive)).toEqual([false]);
    });

    it("writes pushes for a viewer seen within the window, and stops once the window has passed", async () => {
      const { clock, l2, viewers, applier } = setup({
        activeViewers: (store) => ({ store, windowMs: WINDOW_MS, mode: "drop" }),
      });
      await viewers.touch("ana");

      await clock.advance(WINDOW_MS);
      expect(await applier.apply(ana("p1", 1))).toMatchObject({ result: "written", viewerActive: true });
      expect(l2.peek(personalKey("ana", "p1"))?.version).toBe(1);

      await clock.advance(1);
      expect(await applier.apply(ana("p1", 2))).toMatchObject({ result: "dropped", viewerActive: false });
    });

    it("leaves generic, plan and invalidate events alone", async () => {
      const { viewers, applier } = setup({
        activeViewers: (store) => ({ store, windowMs: WINDOW_MS, mode: "drop" }),
      });
      expect((await applier.apply({ kind: "generic", info: productInfo("p1", 1) })).result).toBe("written");
      expect((await applier.apply({ kind: "plan", user: "ana", version: 1 })).result).toBe("published");
      expect(viewers.calls.isActive).toHaveLength(0);
    });

    it("only measures in measure mode: pushes for inactive viewers are still written, and reported", async () => {
      const { l2, applied, applier } = setup({
        activeViewers: (store) => ({ store, windowMs: WINDOW_MS, mode: "measure" }),
      });

      expect(await applier.apply(ana("p1", 1))).toMatchObject({ result: "written", viewerActive: false });
      expect(l2.peek(personalKey("ana", "p1"))?.version).toBe(1);
      expect(applied[0]?.viewerActive).toBe(false);
    });

    it("keeps the push when activity cannot be checked", async () => {
      const { l2, viewers, logger, applier } = setup({
        activeViewers: (store) => ({ store, windowMs: WINDOW_MS, mode: "drop" }),
      });
      viewers.failWith(new Error("activity store down"));

      const outcome = await applier.apply(ana("p1", 1));

      expect(outcome).toEqual({ kind: "personal", result: "written", keys: [personalKey("ana", "p1")] });
      expect(l2.peek(personalKey("ana", "p1"))).toBeDefined();
      expect(logger.at("warn").some((entry) => entry.message.includes("viewer activity unknown"))).toBe(true);
    });

    it("is off with a window of 0: nothing is asked, everything is kept", async () => {
      const { viewers, applier } = setup({
        activeViewers: (store) => ({ store, windowMs: 0, mode: "drop" }),
      });

      expect(await applier.apply(ana("p1", 1))).toEqual({
        kind: "personal",
        result: "written",
        keys: [personalKey("ana", "p1")],
      });
      expect(viewers.calls.isActive).toHaveLength(0);
    });
  });
});

describe("UpdateApplier.applyMany (a read's events at once)", () => {
  const bob = (product: string, version: number) =>
    ({ kind: "personal", user: "bob", info: productInfo(product, version) }) as const;

  it("applies a read's events in one activity check, one L2 write, one invalidation, and a publication each", async () => {
    const { l2, bus, changes, viewers, applier } = setup({
      activeViewers: (store) => ({ store, windowMs: 60_000, mode: "drop" }),
    });
    await viewers.touch("ana");
    await viewers.touch("bob");
    const events = [ana("p1", 1), bob("p1", 2), { kind: "generic", info: productInfo("p9", 3) } as const];

    const attempts = await applier.applyMany(events);

    expect(attempts.map((attempt) => attempt.applied && attempt.outcome.result)).toEqual([
      "written",
      "written",
      "written",
    ]);
    // The round trips of the whole read: what used to be four per event.
    expect(viewers.calls.areActive).toEqual([["ana", "bob"]]);
    expect(viewers.calls.isActive).toHaveLength(0);
    expect(l2.calls.writeVersions).toHaveLength(1);
    expect(l2.calls.writeVersions[0]?.map((write) => write.ttlMs)).toEqual([
      UPDATE_APPLIER_DEFAULTS.personalTtlMs,
      UPDATE_APPLIER_DEFAULTS.personalTtlMs,
      60_000,
    ]);
    expect(l2.calls.setMany).toHaveLength(0);
    expect(l2.calls.getMany).toHaveLength(0);
    expect(bus.published).toEqual([[personalKey("ana", "p1"), personalKey("bob", "p1"), genericKey("p9")]]);
    expect(changes.published).toEqual([
      { kind: "personal", user: "ana", info: productInfo("p1", 1) },
      { kind: "personal", user: "bob", info: productInfo("p1", 2) },
      { kind: "generic", info: productInfo("p9", 3) },
    ]);
  });

  it("fails an entry L2 could not write alone: the others are written, invalidated and published", async () => {
    const { l2, bus, changes, applied, applier } = setup();
    l2.failing(personalKey("bob", "p1"));

    const attempts = await applier.applyMany([ana("p1", 1), bob("p1", 2), ana("p2", 3)]);

    expect(attempts.map((attempt) => attempt.applied)).toEqual([true, false, true]);
    expect(attempts[1]?.applied === false && attempts[1].error).toBeInstanceOf(UpdateApplyError);
    expect(bus.published).toEqual([[personalKey("ana", "p1"), personalKey("ana", "p2")]]);
    expect(changes.published.map((change) => change.kind !== "plan" && change.info.id)).toEqual(["p1", "p2"]);
    expect(applied).toHaveLength(2);
  });

  it("publishes nothing for a stale event among fresh ones, and a repeated one again", async () => {
    const { l2, bus, changes, applier } = setup();
    l2.seed([
      { key: personalKey("bob", "p1"), value: productInfo("p1", 9) },
      { key: genericKey("p2"), value: productInfo("p2", 4) },
    ]);

    const attempts = await applier.applyMany([
      ana("p1", 1),
      bob("p1", 2),
      { kind: "generic", info: productInfo("p2", 4) },
    ]);

    expect(attempts.map((attempt) => attempt.applied && attempt.outcome.result)).toEqual([
      "written",
      "stale",
      "repeated",
    ]);
    expect(l2.peek(personalKey("bob", "p1"))?.version).toBe(9);
    expect(bus.published).toEqual([[personalKey("ana", "p1"), genericKey("p2")]]);
    expect(changes.published).toEqual([
      { kind: "personal", user: "ana", info: productInfo("p1", 1) },
      { kind: "generic", info: productInfo("p2", 4) },
    ]);
  });

  it("fails every written event of the read when the one L2 call fails, publishing nothing", async () => {
    const { l2, changes, applier } = setup();
    l2.failWith(new Error("L2 timed out"));

    const attempts = await applier.applyMany([
      ana("p1", 1),
      bob("p1", 2),
      { kind: "plan", user: "cy", version: 1 },
    ]);

    expect(attempts.map((attempt) => attempt.applied)).toEqual([false, false, true]);
    expect(changes.published).toEqual([{ kind: "plan", user: "cy" }]);
  });

  it("fails only the event whose change could not be published", async () => {
    const { changes, applier } = setup();
    const publish = changes.publish.bind(changes);
    changes.publish = async (change) => {
      if (change.kind === "personal" && change.user === "bob") throw new Error("Command timed out");
      return publish(change);
    };

    const attempts = await applier.applyMany([ana("p1", 1), bob("p1", 2)]);

    expect(attempts.map((attempt) => attempt.applied)).toEqual([true, false]);
  });

  it("drops inactive viewers' pushes and invalidate events' entries beside the write", async () => {
    const { l2, bus, viewers, applier } = setup({
      activeViewers: (store) => ({ store, windowMs: 60_000, mode: "drop" }),
    });
    await viewers.touch("ana");
    l2.seed([{ key: personalKey("bob", "p1"), value: productInfo("p1", 1) }]);

    const attempts = await applier.applyMany([
      ana("p1", 1),
      bob("p1", 2),
      { kind: "invalidate", products: ["p7"] },
    ]);

    expect(attempts.map((attempt) => attempt.applied && attempt.outcome.result)).toEqual([
      "written",
      "dropped",
      "invalidated",
    ]);
    expect(l2.peek(personalKey("bob", "p1"))).toBeUndefined();
    expect(l2.calls.delete).toEqual([[personalKey("bob", "p1"), genericKey("p7")]]);
    expect(bus.published).toEqual([[personalKey("ana", "p1"), personalKey("bob", "p1"), genericKey("p7")]]);
  });
});

/**
 * After each of the next `count` refused writes (before the read that follows), deletes the written
 * keys, as an invalidate event applied in between would; `refill` then puts an entry back for the
 * next write to be refused by.
 */
function deletingAfterWrites(l2: FakeL2Cache, count: number, refill?: () => void): { deleted: number } {
  const state = { deleted: 0 };
  const setMany = l2.setMany.bind(l2);
  l2.setMany = async (entries, options) => {
    if (refill && state.deleted > 0) refill();
    const written = await setMany(entries, options);
    if (state.deleted < count && written.includes(false)) {
      state.deleted++;
      await l2.delete(entries.map((entry) => entry.key));
    }
    return written;
  };
  return state;
}
