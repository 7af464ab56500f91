import { describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { FakeInvalidationBus } from "../../src/adapters/fakes/fake-invalidation-bus.js";
import { FakeResponseCache } from "../../src/adapters/fakes/fake-response-cache.js";
import { LruResponseCache } from "../../src/adapters/lru-response-cache.js";
import {
  ANONYMOUS,
  ChangeEpochs,
  PLAN_CHANGE_PRODUCT,
  PlanChangesOnTheBus,
  type ProductChange,
  type ResponseCache,
  ResponseReuse,
  type Viewer,
  genericKey,
  personalKey,
} from "../../src/domain/index.js";
import { silentLogger } from "../support/silent-logger.js";

const ALICE: Viewer = { kind: "user", id: "alice" };
const BOB: Viewer = { kind: "user", id: "bob" };
const answer = (body: string) => ({
  status: 200,
  headers: { "content-type": "application/json" },
  body: Buffer.from(body),
});
const text = (response: { body: Uint8Array } | undefined) =>
  response ? Buffer.from(response.body).toString() : undefined;

function setup(options: { cache?: (clock: FakeClock) => ResponseCache; maxViewers?: number } = {}) {
  const clock = new FakeClock();
  const cache = options.cache?.(clock) ?? new FakeResponseCache({ clock });
  const outcomes: string[] = [];
  const reuse = new ResponseReuse({
    cache,
    epochs: new ChangeEpochs({ maxViewers: options.maxViewers ?? 100 }),
    ttlMs: 5_000,
    metrics: { responseReuse: (outcome) => outcomes.push(outcome) },
  });
  /** Builds an answer the way the edge does: ticket first, resolvers vouch, then keep. */
  const build = (viewer: Viewer, key: string, body: string, during?: () => void): boolean => {
    const ticket = reuse.ticket(viewer);
    ticket.vouch();
    during?.();
    return reuse.keep(key, ticket, answer(body));
  };
  return { clock, cache, reuse, outcomes, build };
}

describe("response reuse", () => {
  it("serves a kept answer again, to the same viewer only", () => {
    const { reuse, build } = setup();
    expect(build(ALICE, "alice|home", "alice's screen")).toBe(true);

    expect(text(reuse.lookup(ALICE, "alice|home"))).toBe("alice's screen");
    // A key is per viewer; even a key collision cannot hand one viewer's answer to another.
    expect(reuse.lookup(BOB, "alice|home")).toBeUndefined();
  });

  it("ends the reuse of a viewer's answers when their data changes, and no one else's", () => {
    const { reuse, build } = setup();
    build(ALICE, "alice|home", "alice v1");
    build(BOB, "bob|home", "bob v1");

    reuse.keysChanged([personalKey("alice", "p1")]);

    expect(reuse.lookup(ALICE, "alice|home")).toBeUndefined();
    expect(text(reuse.lookup(BOB, "bob|home"))).toBe("bob v1");
  });

  it("ends the reuse of every answer, anonymous included, when generic data changes", () => {
    const { reuse, build } = setup();
    build(ALICE, "alice|home", "alice v1");
    build(ANONYMOUS, "anonymous|home", "generic v1");

    reuse.keysChanged([genericKey("p1")]);

    expect(reuse.lookup(ALICE, "alice|home")).toBeUndefined();
    expect(reuse.lookup(ANONYMOUS, "anonymous|home")).toBeUndefined();
  });

  it("keeps anonymous answers when only a viewer's data changes", () => {
    const { reuse, build } = setup();
    build(ANONYMOUS, "anonymous|home", "generic v1");
    reuse.keysChanged([personalKey("alice", "p1")]);
    expect(text(reuse.lookup(ANONYMOUS, "anonymous|home"))).toBe("generic v1");
  });

  it("does not keep an answer when its viewer's data changed while it was built", () => {
    const { reuse, build } = setup();
    expect(build(ALICE, "alice|home", "alice, half old", () => reuse.viewerChanged("alice"))).toBe(false);
    expect(reuse.lookup(ALICE, "alice|home")).toBeUndefined();
    // Another viewer's change meanwhile does not matter.
    expect(build(BOB, "bob|home", "bob", () => reuse.viewerChanged("alice"))).toBe(true);
  });

  it("does not keep an answer a resolver refused, or one nobody vouched for", () => {
    const { reuse } = setup();
    const refused = reuse.ticket(ALICE);
    refused.vouch();
    refused.refuse("tile generic (SERVICE_SLOW)");
    expect(reuse.keep("alice|home", refused, answer("with a fallback"))).toBe(false);
    expect(reuse.keep("alice|other", reuse.ticket(ALICE), answer("no resolver of ours"))).toBe(false);
    expect(reuse.lookup(ALICE, "alice|home")).toBeUndefined();
    expect(reuse.lookup(ALICE, "alice|other")).toBeUndefined();
  });

  it("forgets everything when invalidations may have been lost", () => {
    const { reuse, build, cache } = setup();
    build(ALICE, "alice|home", "alice v1");
    build(ANONYMOUS, "anonymous|home", "generic v1");
    // Even a cache that kept its entries would not serve them.
    const kept = setup();
    kept.build(ALICE, "alice|home", "alice v1");
    kept.reuse.epochs.everythingChanged();
    expect(kept.reuse.lookup(ALICE, "alice|home")).toBeUndefined();

    reuse.everythingChanged();

    expect((cache as FakeResponseCache).keys()).toEqual([]);
    expect(reuse.lookup(ALICE, "alice|home")).toBeUndefined();
    expect(reuse.lookup(ANONYMOUS, "anonymous|home")).toBeUndefined();
  });

  it("treats a viewer it no longer tracks as changed, never as unchanged", () => {
    const { reuse, build } = setup({ maxViewers: 2 });
    build(ALICE, "alice|home", "alice v1");
    reuse.viewerChanged("carol");
    reuse.viewerChanged("dave");
    // Alice changes, then falls out of the two viewers tracked.
    reuse.viewerChanged("alice");
    reuse.viewerChanged("erin");
    reuse.viewerChanged("frank");

    expect(reuse.lookup(ALICE, "alice|home")).toBeUndefined();
  });

  it("lets answers expire with their TTL", async () => {
    for (const cache of [
      (clock: FakeClock) => new FakeResponseCache({ clock }),
      (clock: FakeClock) => new LruResponseCache({ maxBytes: 1024 * 1024, clock }),
    ]) {
      const { reuse, build, clock } = setup({ cache });
      build(ALICE, "alice|home", "alice v1");
      await clock.advance(4_999);
      expect(text(reuse.lookup(ALICE, "alice|home"))).toBe("alice v1");
      await clock.advance(2);
      expect(reuse.lookup(ALICE, "alice|home")).toBeUndefined();
    }
  });

  it("holds answers within a byte budget, the least recently used going first", () => {
    const { reuse, build } = setup({ cache: () => new LruResponseCache({ maxBytes: 100_000 }) });
    const big = "x".repeat(40_000);
    build(ALICE, "alice|home", big);
    build(BOB, "bob|home", big);
    build(ANONYMOUS, "anonymous|home", big);

    expect(reuse.lookup(ALICE, "alice|home")).toBeUndefined();
    expect(text(reuse.lookup(BOB, "bob|home"))).toBe(big);
    expect(text(reuse.lookup(ANONYMOUS, "anonymous|home"))).toBe(big);
  });

  it("counts hits, misses, stale answers and what was kept", () => {
    const { reuse, build, outcomes } = setup();
    reuse.lookup(ALICE, "alice|home");
    build(ALICE, "alice|home", "alice v1");
    reuse.lookup(ALICE, "alice|home");
    reuse.viewerChanged("alice");
    reuse.lookup(ALICE, "alice|home");
    expect(outcomes).toEqual(["miss", "stored", "hit", "stale"]);
  });
});

describe("plan changes on the bus", () => {
  it("sends a plan change on the bus before the live feed, and other changes only on the feed", async () => {
    const bus = new FakeInvalidationBus();
    const order: string[] = [];
    await bus.subscribe({ onInvalidate: () => order.push("bus"), onPossibleLoss: () => undefined });
    const published: ProductChange[] = [];
    const changes = new PlanChangesOnTheBus(
      {
        publish: async (change) => {
          order.push("feed");
          published.push(change);
        },
      },
      bus,
      silentLogger,
    );

    await changes.publish({ kind: "plan", user: "alice" });
    await changes.publish({ kind: "generic", info: { id: "p1" } as never });

    expect(bus.published).toEqual([[personalKey("alice", PLAN_CHANGE_PRODUCT)]]);
    expect(order).toEqual(["bus", "feed", "feed"]);
    expect(published.map((change) => change.kind)).toEqual(["plan", "generic"]);
  });
});
