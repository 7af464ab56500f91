import { describe, expect, it } from "vitest";
import { DEMO_SERVICE_IDS } from "../../src/adapters/fakes/demo-catalog.js";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { FakeRecommendations } from "../../src/adapters/fakes/fake-recommendations.js";
import { ANONYMOUS, type HomePlan, type Viewer } from "../../src/domain/index.js";

const alice: Viewer = { kind: "user", id: "alice" };
const bob: Viewer = { kind: "user", id: "bob" };

function tiles(plan: HomePlan): string[] {
  return plan.sections.flatMap((section) => section.products.map((product) => product.id));
}

describe("FakeRecommendations", () => {
  it("plans a hero, carousels, a grid and a list with at least 24 distinct tiles over all six services", async () => {
    const recommendations = new FakeRecommendations({ clock: new FakeClock() });
    const plan = await recommendations.forViewer(alice);
    const kinds = plan.sections.map((section) => section.kind);
    expect(kinds[0]).toBe("hero");
    expect(plan.sections[0]?.products).toHaveLength(1);
    expect(kinds.filter((kind) => kind === "carousel").length).toBeGreaterThanOrEqual(2);
    expect(kinds).toContain("grid");
    expect(kinds).toContain("list");
    const ids = tiles(plan);
    expect(ids.length).toBeGreaterThanOrEqual(24);
    expect(new Set(ids).size).toBe(ids.length);
    const services = new Set(
      plan.sections.flatMap((section) => section.products.map((product) => product.service)),
    );
    expect([...services].sort()).toEqual([...DEMO_SERVICE_IDS].sort());
  });

  it("is deterministic per user and differs between users and from the anonymous plan", async () => {
    const recommendations = new FakeRecommendations({ clock: new FakeClock() });
    const first = await recommendations.forViewer(alice);
    expect(await recommendations.forViewer(alice)).toEqual(first);
    expect(tiles(await recommendations.forViewer(bob))).not.toEqual(tiles(first));
    const anonymous = await recommendations.forViewer(ANONYMOUS);
    expect(tiles(anonymous)).not.toEqual(tiles(first));
    expect(recommendations.calls).toEqual([alice, alice, bob, ANONYMOUS]);
  });

  it("computes a viewer's plan once, and still answers a plan set for the viewer first", async () => {
    const recommendations = new FakeRecommendations({ clock: new FakeClock() });
    const first = await recommendations.forViewer(alice);
    expect(await recommendations.forViewer(alice)).toBe(first);
    const exact: HomePlan = { sections: [{ id: "hero", kind: "hero", title: "Set", products: [] }] };
    recommendations.setPlan(alice, exact);
    expect(await recommendations.forViewer(alice)).toBe(exact);
    recommendations.setPlan(alice, null);
    expect(await recommendations.forViewer(alice)).toBe(first);
  });

  it("keeps a bounded record of its calls, so the long-running demo does not grow", async () => {
    const recommendations = new FakeRecommendations({ clock: new FakeClock() });
    for (let call = 0; call < 25_000; call++) await recommendations.forViewer(call % 2 ? alice : bob);
    expect(recommendations.calls.length).toBeLessThanOrEqual(20_000);
    expect(recommendations.calls.length).toBeGreaterThanOrEqual(10_000);
    expect(recommendations.calls.at(-1)).toEqual(alice);
  });

  it("plans exactly the requested number of tiles", async () => {
    for (const tilesPerUser of [8, 48]) {
      const recommendations = new FakeRecommendations({ clock: new FakeClock(), tilesPerUser });
      const plan = await recommendations.forViewer(alice);
      expect(tiles(plan)).toHaveLength(tilesPerUser);
      expect(new Set(tiles(plan)).size).toBe(tilesPerUser);
    }
    expect(() => new FakeRecommendations({ clock: new FakeClock(), tilesPerUser: 1_000 })).toThrow(
      RangeError,
    );
  });

  it("serves a plan set for a viewer, fails and stalls on demand", async () => {
    const clock = new FakeClock();
    const recommendations = new FakeRecommendations({ clock });
    const plan: HomePlan = { sections: [{ id: "only", kind: "list", title: "Only", products: [] }] };
    recommendations.setPlan(alice, plan);
    expect(await recommendations.forViewer(alice)).toEqual(plan);
    expect(await recommendations.forViewer(bob)).not.toEqual(plan);

    const outage = new Error("recommendations down");
    recommendations.failWith(outage);
    await expect(recommendations.forViewer(alice)).rejects.toBe(outage);
    recommendations.failWith(null);

    recommendations.delayBy(500);
    let settled = false;
    void recommendations.forViewer(alice).then(() => (settled = true));
    await clock.advance(499);
    expect(settled).toBe(false);
    await clock.advance(1);
    expect(settled).toBe(true);
  });
});
