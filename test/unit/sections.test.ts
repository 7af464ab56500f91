import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PlannedSection, ProductRef } from "../../src/domain/index.js";
import { ACTION_KINDS, COMPONENT_KINDS } from "../../src/ui-components/index.js";
import { LazyHomeDocument, type LazyHomeQuery, SectionPageDocument } from "../gql/graphql.js";
import { type TestApp, createTestApp } from "../support/test-app.js";
import { typenamesIn } from "../support/typenames.js";

type AnySection = LazyHomeQuery["home"]["sections"][number];

const EVERYTHING = {
  platform: "IOS" as const,
  appVersion: "5.12.0",
  components: [...COMPONENT_KINDS],
  actions: [...ACTION_KINDS],
};
const ALICE = { kind: "user", id: "alice" } as const;
const BOB = { kind: "user", id: "bob" } as const;

let app: TestApp;
let alice: string;
let bob: string;
beforeEach(async () => {
  app = await createTestApp({ tilesPerUser: 24 });
  [alice, bob] = [await app.token("alice"), await app.token("bob")];
});
afterEach(async () => {
  await app.stop();
});

/** Every product the fake services hold, `count` of them, across services. */
function products(count: number): ProductRef[] {
  const all = app.services.flatMap((service) =>
    service.productIds().map((id) => ({ id, service: service.id })),
  );
  return all.slice(0, count);
}

const carousel = (id: string, refs: readonly ProductRef[]): PlannedSection => ({
  id,
  kind: "carousel",
  title: `Row ${id}`,
  products: refs,
});

function tileIds(section: AnySection | null | undefined): string[] {
  if (!section) return [];
  if ("tiles" in section) return section.tiles.map((tile) => tile.id);
  if ("tile" in section) return [section.tile.id];
  return [];
}

/** What one request cost: recommendations calls, L2 round trips, personalised calls per service. */
async function counted<T>(run: () => Promise<T>) {
  const before = {
    plans: app.recommendations.calls.length,
    l2: app.l2.calls.getMany.length,
    upstream: new Map(app.services.map((service) => [service.id, service.calls.personalised.length])),
  };
  const result = await run();
  const l2Reads = app.l2.calls.getMany.slice(before.l2);
  return {
    result,
    plans: app.recommendations.calls.length - before.plans,
    l2RoundTrips: l2Reads.length,
    l2Keys: l2Reads.flat().map((key) => key.product),
    upstream: new Map(
      app.services.map((s) => [s.id, s.calls.personalised.length - (before.upstream.get(s.id) ?? 0)]),
    ),
  };
}

describe("lazy sections", () => {
  it("answers 2 full sections and 4 stubs for a 6-section screen with firstSections: 2; each stub loads as the full screen shows it", async () => {
    const full = await app.execute(LazyHomeDocument, { capabilities: EVERYTHING }, { token: alice });
    const lazy = await app.execute(
      LazyHomeDocument,
      { capabilities: EVERYTHING, firstSections: 2 },
      { token: alice },
    );

    expect(full.errors).toBeUndefined();
    expect(lazy.errors).toBeUndefined();
    const fullSections = full.data?.home.sections ?? [];
    const lazySections = lazy.data?.home.sections ?? [];
    expect(fullSections).toHaveLength(6);
    expect(lazySections).toHaveLength(6);
    expect(lazySections.slice(0, 2)).toEqual(fullSections.slice(0, 2));
    for (const [index, stub] of lazySections.slice(2).entries()) {
      const shown = fullSections[index + 2] as AnySection;
      expect(stub).toEqual({
        __typename: "LazySection",
        id: shown.id,
        revision: 0,
        title: shown.title,
        variant: shown.variant,
        accessibilityLabel: shown.accessibilityLabel,
        analytics: shown.analytics,
        kind: shown.analytics.component,
      });
      const loaded = await app.execute(
        SectionPageDocument,
        { id: stub.id, capabilities: EVERYTHING },
        { token: alice },
      );
      expect(loaded.errors).toBeUndefined();
      expect(loaded.data?.section).toEqual(shown);
    }
  });

  it("loads only the first sections' products for the first response", async () => {
    const plan = await app.recommendations.forViewer(ALICE);
    const { result, l2Keys, l2RoundTrips } = await counted(() =>
      app.execute(LazyHomeDocument, { capabilities: EVERYTHING, firstSections: 2 }, { token: alice }),
    );

    expect(result.errors).toBeUndefined();
    expect(l2RoundTrips).toBe(1);
    const wanted = plan.sections.slice(0, 2).flatMap((section) => section.products.map((ref) => ref.id));
    expect(l2Keys.sort()).toEqual(wanted.sort());
  });

  it("loads one section with one plan call, one L2 round trip and at most one call per product service", async () => {
    const plan = await app.recommendations.forViewer(ALICE);
    for (const planned of plan.sections) {
      const cost = await counted(() =>
        app.execute(SectionPageDocument, { id: planned.id, capabilities: EVERYTHING }, { token: alice }),
      );
      expect(cost.result.errors).toBeUndefined();
      expect(cost.plans).toBe(1);
      expect(cost.l2RoundTrips).toBe(1);
      expect(cost.l2Keys.sort()).toEqual(planned.products.map((ref) => ref.id).sort());
      const services = new Set(planned.products.map((ref) => ref.service));
      for (const [service, calls] of cost.upstream)
        expect(calls, service).toBe(services.has(service) ? 1 : 0);
    }
  });

  it("sends a baseline client nothing it did not declare, and keeps its stubs' kinds to the baseline", async () => {
    const lazy = await app.execute(LazyHomeDocument, { firstSections: 1 }, { token: alice });
    const stubs = (lazy.data?.home.sections ?? []).filter((section) => section.__typename === "LazySection");
    expect(stubs.map((stub) => "kind" in stub && stub.kind)).toEqual(stubs.map(() => "LIST_SECTION"));
    for (const stub of stubs) {
      const loaded = await app.execute(SectionPageDocument, { id: stub.id }, { token: alice });
      expect([...typenamesIn(loaded.data)].sort()).toEqual(["BasicTile", "ListSection", "OpenUrlAction"]);
    }
  });
});

describe("paging a section", () => {
  it("pages a 40-tile carousel by 10: every tile once, in order, each page one L2 round trip", async () => {
    app.recommendations.setPlan(ALICE, { sections: [carousel("long", products(40))] });
    const whole = await app.execute(
      SectionPageDocument,
      { id: "long", capabilities: EVERYTHING },
      { token: alice },
    );
    const everyTile = tileIds(whole.data?.section);
    expect(everyTile).toHaveLength(40);

    const pages: AnySection[] = [];
    let after: string | null | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const cost = await counted(() =>
        app.execute(
          SectionPageDocument,
          { id: "long", capabilities: EVERYTHING, first: 10, after },
          { token: alice },
        ),
      );
      expect(cost.result.errors).toBeUndefined();
      expect(cost.l2RoundTrips).toBeLessThanOrEqual(1);
      for (const [service, calls] of cost.upstream) expect(calls, service).toBeLessThanOrEqual(1);
      const page = cost.result.data?.section as AnySection;
      pages.push(page);
      if (!("pageInfo" in page) || !page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }

    expect(pages).toHaveLength(4);
    expect(pages.map((page) => "pageInfo" in page && page.pageInfo.hasPreviousPage)).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(pages.map((page) => tileIds(page).length)).toEqual([10, 10, 10, 10]);
    expect(pages.flatMap(tileIds)).toEqual(everyTile);
    const positions = pages.flatMap((page) =>
      "tiles" in page ? page.tiles.map((tile) => tile.analytics.position) : [],
    );
    expect(positions).toEqual([...Array(40).keys()]);
  });

  it("answers bad cursors, ids and sizes with a precise code and no data", async () => {
    const refs = products(20);
    app.recommendations.setPlan(ALICE, { sections: [carousel("long", refs), carousel("other", refs)] });
    app.recommendations.setPlan(BOB, { sections: [carousel("long", refs)] });
    const page = async (token: string, variables: { id: string; first?: number; after?: string }) => {
      const result = await app.execute(
        SectionPageDocument,
        { capabilities: EVERYTHING, ...variables },
        { token },
      );
      return { data: result.data?.section ?? null, code: result.errors?.[0]?.extensions?.code };
    };
    const first = await page(alice, { id: "long", first: 5 });
    const cursor = (first.data && "pageInfo" in first.data && first.data.pageInfo.endCursor) as string;
    expect(cursor).toEqual(expect.any(String));
    const [payload, mac] = cursor.split(".") as [string, string];
    const flipped = `${payload}.${mac.startsWith("A") ? "B" : "A"}${mac.slice(1)}`;

    expect(await page(alice, { id: "long", first: 5, after: cursor })).toMatchObject({ code: undefined });
    expect(await page(alice, { id: "long", after: flipped })).toEqual({ data: null, code: "INVALID_CURSOR" });
    expect(await page(alice, { id: "long", after: "not-a-cursor" })).toEqual({
      data: null,
      code: "INVALID_CURSOR",
    });
    // Bob's screen has the same section with the same products: alice's cursor still is not his.
    expect(await page(bob, { id: "long", after: cursor })).toEqual({ data: null, code: "INVALID_CURSOR" });
    expect(await page(alice, { id: "other", after: cursor })).toEqual({ data: null, code: "INVALID_CURSOR" });
    expect(await page(bob, { id: "other" })).toEqual({ data: null, code: "SECTION_NOT_FOUND" });
    expect(await page(alice, { id: "nowhere" })).toEqual({ data: null, code: "SECTION_NOT_FOUND" });
    expect(await page(alice, { id: "long", first: 0 })).toEqual({ data: null, code: "BAD_USER_INPUT" });
    expect(await page(alice, { id: "long", first: 101 })).toEqual({ data: null, code: "BAD_USER_INPUT" });

    // Her row changed since: the cursor is stale, not forged.
    app.recommendations.setPlan(ALICE, { sections: [carousel("long", [...refs].reverse())] });
    expect(await page(alice, { id: "long", after: cursor })).toEqual({ data: null, code: "STALE_CURSOR" });

    const lazy = await app.execute(LazyHomeDocument, { firstSections: -1 }, { token: alice });
    expect(lazy.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("gives a viewer only its own data, whatever section it asks for", async () => {
    const refs = products(12);
    app.recommendations.setPlan(ALICE, { sections: [carousel("long", refs)] });
    app.recommendations.setPlan(BOB, { sections: [carousel("long", refs)] });
    const mine = await app.execute(SectionPageDocument, { id: "long", first: 12 }, { token: bob });

    expect(mine.errors).toBeUndefined();
    const personalCalls = app.services.flatMap((service) => service.calls.personalised);
    expect(personalCalls.length).toBeGreaterThan(0);
    expect(personalCalls.every((call) => call.user === "bob")).toBe(true);
    expect(app.l2.calls.getMany.flat().every((key) => key.scope !== "user" || key.user === "bob")).toBe(true);
  });
});
