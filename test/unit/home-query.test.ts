import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { HomeDocument, type HomeQuery } from "../gql/graphql.js";
import { COMPONENT_KINDS, ACTION_KINDS } from "../../src/ui-components/index.js";
import { type TestApp, SOFT_TIMEOUT_MS, createTestApp } from "../support/test-app.js";
import { typenamesIn } from "../support/typenames.js";

type Screen = HomeQuery["home"];
type AnySection = Screen["sections"][number];
type AnyTile = Extract<AnySection, { tiles: unknown }>["tiles"][number];

function tilesOf(screen: Screen): AnyTile[] {
  return screen.sections.flatMap((section) => {
    if ("tiles" in section) return section.tiles;
    if ("tile" in section) return [section.tile as AnyTile];
    return [];
  });
}

const EVERYTHING = {
  platform: "IOS" as const,
  appVersion: "5.12.0",
  components: [...COMPONENT_KINDS],
  actions: [...ACTION_KINDS],
};

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ tilesPerUser: 24 });
});
afterEach(async () => {
  await app.stop();
});

describe("home query", () => {
  it("builds a 24-tile screen with one recommendations call, one L2 batch and one call per service", async () => {
    const token = await app.token("alice");
    const result = await app.execute(HomeDocument, { capabilities: EVERYTHING }, { token });

    expect(result.errors).toBeUndefined();
    const screen = result.data?.home as Screen;
    const tiles = tilesOf(screen);
    expect(tiles).toHaveLength(24);
    expect(tiles.every((tile) => tile.personalization.state === "PERSONALIZED")).toBe(true);
    expect(screen.viewer).toEqual({ id: "alice", anonymous: false });
    expect(app.recommendations.calls).toHaveLength(1);
    expect(app.l2.calls.getMany).toHaveLength(1);
    for (const service of app.services) expect(service.calls.personalised.length).toBeLessThanOrEqual(1);
    expect(app.upstreamCalls().personalised).toBe(new Set(tiles.map((tile) => tile.product?.service)).size);
  });

  it("answers a second identical query within the L1 TTL with no L2 or product-service call", async () => {
    const token = await app.token("alice");
    const first = await app.execute(HomeDocument, { capabilities: EVERYTHING }, { token });
    const l2Reads = app.l2.calls.getMany.length;
    const upstream = app.upstreamCalls();

    await app.clock.advance(5_000);
    const second = await app.execute(HomeDocument, { capabilities: EVERYTHING }, { token });

    expect(app.l2.calls.getMany.length).toBe(l2Reads);
    expect(app.upstreamCalls()).toEqual(upstream);
    expect(tilesOf(second.data?.home as Screen).map((t) => t.id)).toEqual(
      tilesOf(first.data?.home as Screen).map((t) => t.id),
    );
  });

  it("shows a slow service's tiles as GENERIC within the soft timeout; the rest stay personalised", async () => {
    // Generic info is cached as the periodic refresh would have left it.
    await app.execute(HomeDocument, { capabilities: EVERYTHING });
    app.service("travel").latencyMs = 2_000;
    const token = await app.token("bob");

    const result = await app.executeOverTime(HomeDocument, { capabilities: EVERYTHING }, { token }, 5);

    expect(result.errors).toBeUndefined();
    expect(result.elapsedMs).toBeLessThanOrEqual(SOFT_TIMEOUT_MS + 10);
    const tiles = tilesOf(result.data?.home as Screen);
    const travel = tiles.filter((t) => t.product?.service === "travel");
    expect(travel.length).toBeGreaterThan(0);
    for (const tile of travel)
      expect(tile.personalization).toEqual({ state: "GENERIC", reason: "SERVICE_SLOW" });
    const others = tiles.filter((t) => t.product?.service !== "travel");
    expect(others.every((t) => t.personalization.state === "PERSONALIZED")).toBe(true);
  });

  it("shows a failing service's tiles as GENERIC with SERVICE_FAILED and renders the screen", async () => {
    await app.execute(HomeDocument, { capabilities: EVERYTHING });
    app.service("shop").failWith(new Error("shop is down"));
    const token = await app.token("carol");

    const result = await app.executeOverTime(HomeDocument, { capabilities: EVERYTHING }, { token });

    expect(result.errors).toBeUndefined();
    const tiles = tilesOf(result.data?.home as Screen);
    const shop = tiles.filter((t) => t.product?.service === "shop");
    expect(shop.length).toBeGreaterThan(0);
    for (const tile of shop)
      expect(tile.personalization).toEqual({ state: "GENERIC", reason: "SERVICE_FAILED" });
    expect(
      tiles
        .filter((t) => t.product?.service !== "shop")
        .every((t) => t.personalization.state === "PERSONALIZED"),
    ).toBe(true);
  });

  it("gives anonymous viewers generic tiles only and asks no service for personalised data", async () => {
    const result = await app.execute(HomeDocument, { capabilities: EVERYTHING });

    const screen = result.data?.home as Screen;
    expect(screen.viewer).toEqual({ id: null, anonymous: true });
    const tiles = tilesOf(screen);
    expect(tiles.length).toBeGreaterThan(0);
    for (const tile of tiles)
      expect(tile.personalization).toEqual({ state: "GENERIC", reason: "ANONYMOUS_VIEWER" });
    expect(app.upstreamCalls().personalised).toBe(0);
  });

  it("never sends a client a component or action it did not declare", async () => {
    const token = await app.token("alice");
    const declared = {
      platform: "ANDROID" as const,
      appVersion: "4.0.0",
      components: ["CAROUSEL_SECTION", "PRODUCT_TILE"] as const,
      actions: ["NAVIGATE"] as const,
    };
    const result = await app.execute(
      HomeDocument,
      { capabilities: { ...declared, components: [...declared.components], actions: [...declared.actions] } },
      { token },
    );

    const allowed = new Set([
      "HomeScreen",
      "Viewer",
      "Analytics",
      "Personalization",
      "ProductReference",
      "Image",
      "Price",
      "Badge",
      "CarouselSection",
      "ProductTile",
      "ListSection",
      "BasicTile",
      "OpenUrlAction",
    ]);
    const seen = typenamesIn(result.data);
    expect([...seen].filter((name) => !allowed.has(name))).toEqual([]);
    // The rich kinds it did declare are used where the data fits them.
    expect(seen.has("CarouselSection")).toBe(true);
    expect(seen.has("ProductTile")).toBe(true);
    // 24 products are still all on screen, downgraded where needed.
    expect(tilesOf(result.data?.home as Screen)).toHaveLength(24);
  });

  it("sends the baseline only to a client that declares nothing", async () => {
    const token = await app.token("alice");
    const result = await app.execute(HomeDocument, {}, { token });
    const seen = typenamesIn(result.data?.home.sections);
    expect([...seen].sort()).toEqual(["BasicTile", "ListSection", "OpenUrlAction"]);
  });

  it("uses every section and tile kind for a client that renders everything", async () => {
    const token = await app.token("alice");
    const result = await app.execute(HomeDocument, { capabilities: EVERYTHING }, { token });
    const seen = typenamesIn(result.data);
    for (const kind of [
      "HeroSection",
      "CarouselSection",
      "GridSection",
      "ListSection",
      "DealTile",
      "MetricTile",
      "MediaTile",
      "ProductTile",
      "OpenProductAction",
    ]) {
      expect(seen, kind).toContain(kind);
    }
  });

  it("keeps tile ids stable across requests and viewers' data apart", async () => {
    const [alice, bob] = [await app.token("alice"), await app.token("bob")];
    const a = tilesOf(
      (await app.execute(HomeDocument, { capabilities: EVERYTHING }, { token: alice })).data?.home as Screen,
    );
    const b = tilesOf(
      (await app.execute(HomeDocument, { capabilities: EVERYTHING }, { token: bob })).data?.home as Screen,
    );
    const again = tilesOf(
      (await app.execute(HomeDocument, { capabilities: EVERYTHING }, { token: alice })).data?.home as Screen,
    );
    expect(again.map((t) => [t.id, t.revision])).toEqual(a.map((t) => [t.id, t.revision]));
    const personalFor = (user: string) =>
      app.services.flatMap((s) => s.calls.personalised.filter((c) => c.user === user));
    expect(personalFor("alice").length).toBeGreaterThan(0);
    expect(personalFor("bob").length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
  });

  it("isolates a failing section as an error node with a retry action", async () => {
    const token = await app.token("alice");
    app.recommendations.setPlan(
      { kind: "user", id: "alice" },
      {
        sections: [
          {
            id: "ghost",
            kind: "carousel",
            title: "From a service that is gone",
            products: [{ id: "GH-1", service: "ghost" }],
          },
          { id: "trips", kind: "list", title: "Trips", products: [{ id: "TR-FL-LIS", service: "travel" }] },
        ],
      },
    );

    const result = await app.executeOverTime(HomeDocument, { capabilities: EVERYTHING }, { token });

    expect(result.errors).toBeUndefined();
    const [ghost, trips] = result.data?.home.sections ?? [];
    expect(ghost).toMatchObject({
      __typename: "ErrorSection",
      id: "ghost",
      code: "SECTION_UNAVAILABLE",
      retry: { __typename: "RetryAction", sectionId: "ghost" },
    });
    expect(trips).toMatchObject({ __typename: "ListSection", id: "trips" });

    // A client that cannot render error nodes simply does not get the section.
    const baseline = await app.executeOverTime(HomeDocument, {}, { token });
    expect(baseline.data?.home.sections.map((s) => s.id)).toEqual(["trips"]);
  });

  it("rejects an invalid token with UNAUTHENTICATED and no data", async () => {
    for (const authorization of [
      "Bearer not-a-jwt",
      "Basic abc",
      `Bearer ${(await app.token("alice")).slice(0, -3)}xyz`,
    ]) {
      const result = await app.execute(HomeDocument, {}, { authorization });
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code, authorization).toBe("UNAUTHENTICATED");
    }
    expect(app.recommendations.calls).toHaveLength(0);
  });

  it("answers unknown or bad arguments with precise errors", async () => {
    const badEnum = await app.execute(HomeDocument, {
      capabilities: { ...EVERYTHING, components: ["HOLOGRAM" as never] },
    });
    expect(badEnum.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(badEnum.errors?.[0]?.message).toMatch(/HOLOGRAM/);

    const badVersion = await app.execute(HomeDocument, {
      capabilities: { ...EVERYTHING, appVersion: "five" },
    });
    expect(badVersion.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(badVersion.errors?.[0]?.message).toMatch(/appVersion|SemVer|semver/i);

    const unknownArgument = await app.execute(
      parse("{ home(colour: RED) { id } }") as TypedDocumentNode<unknown, Record<string, never>>,
    );
    expect(unknownArgument.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(unknownArgument.errors?.[0]?.message).toMatch(/colour/);
  });
});
