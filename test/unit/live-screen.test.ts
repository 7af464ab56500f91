import { describe, expect, it } from "vitest";
import type { ResolvedHome, ResolvedProduct } from "../../src/domain/index.js";
import {
  type Capabilities,
  type HomeUpdate,
  LiveScreen,
  type Section,
  type Tile,
  buildHomeScreen,
  tilesOf,
} from "../../src/ui-components/index.js";
import {
  EVERYTHING,
  buildOptions,
  capabilities,
  genericProduct,
  home,
  pendingProduct,
  personalProduct,
  productInfo,
  section,
  unavailableProduct,
} from "../support/resolved.js";

/** A subscription's screen next to what the same client got from the `home` query. */
function live(resolved: ResolvedHome, declared: Capabilities = EVERYTHING) {
  const screen = new LiveScreen(resolved, declared, () => buildOptions());
  const fetched = buildHomeScreen(resolved, declared, buildOptions());
  const fetchedTile = (id: string): Tile => {
    const tile = fetched.sections.flatMap((shown) => tilesOf(shown)).find((candidate) => candidate.id === id);
    if (!tile) throw new Error(`the fetched screen has no tile ${id}`);
    return tile;
  };
  return { screen, fetched, fetchedTile };
}

/** The tile of the one TileUpdate or TileInsert in `updates`. */
function onlyTile(updates: readonly HomeUpdate[]): Tile {
  expect(updates).toHaveLength(1);
  const [update] = updates;
  if (!update || !("tile" in update)) throw new Error(`expected a tile, got ${JSON.stringify(update)}`);
  return update.tile;
}

const RESYNC = (reason: string): HomeUpdate => ({ __typename: "ResyncRequired", reason });

describe("LiveScreen: personal data", () => {
  it("replaces a generic tile with the personalised one: same id, higher revision", () => {
    const { screen, fetchedTile } = live(
      home([
        section("s", "list", [
          genericProduct(productInfo("p-1", { version: 100, title: "Flights to Rome" })),
          genericProduct(productInfo("p-2", { version: 100 })),
        ]),
      ]),
    );

    const updates = screen.personal(productInfo("p-1", { version: 150, title: "Your flight to Rome" }));

    expect(updates).toEqual([{ __typename: "TileUpdate", sectionId: "s", tile: expect.anything() }]);
    const tile = onlyTile(updates);
    expect(tile).toMatchObject({
      __typename: "ProductTile",
      id: "s.p-1",
      title: "Your flight to Rome",
      personalization: { state: "PERSONALIZED", reason: null },
    });
    expect(fetchedTile("s.p-1").personalization.state).toBe("GENERIC");
    expect(tile.revision).toBeGreaterThan(fetchedTile("s.p-1").revision);
  });

  it("ignores personal data no newer than what the tile already shows", () => {
    const { screen } = live(home([section("s", "list", [genericProduct(productInfo("p-1"))])]));

    const first = onlyTile(screen.personal(productInfo("p-1", { version: 5, title: "v5" })));
    expect(screen.personal(productInfo("p-1", { version: 5, title: "v5 again" }))).toEqual([]);
    expect(screen.personal(productInfo("p-1", { version: 4, title: "v4" }))).toEqual([]);
    const newer = onlyTile(screen.personal(productInfo("p-1", { version: 6, title: "v6" })));

    expect(first).toMatchObject({ id: "s.p-1", title: "v5" });
    expect(newer).toMatchObject({ id: "s.p-1", title: "v6" });
    expect(newer.revision).toBeGreaterThan(first.revision);
  });

  it("ignores personal data for a tile that was fetched personalised at that version", () => {
    const { screen } = live(
      home([section("s", "list", [personalProduct(productInfo("p-1", { version: 9 }))])]),
    );

    expect(screen.personal(productInfo("p-1", { version: 9 }))).toEqual([]);
  });

  it("updates every tile of a product shown in two sections", () => {
    const shared = genericProduct(productInfo("p-1"));
    const { screen } = live(
      home([
        section("deals", "carousel", [shared, genericProduct(productInfo("p-2"))]),
        section("more", "list", [genericProduct(productInfo("p-3")), shared]),
      ]),
    );

    const updates = screen.personal(productInfo("p-1", { version: 2 }));

    expect(updates.map((update) => [update.__typename, "tile" in update ? update.tile.id : null])).toEqual([
      ["TileUpdate", "deals.p-1"],
      ["TileUpdate", "more.p-1"],
    ]);
    expect(updates.map((update) => ("sectionId" in update ? update.sectionId : null))).toEqual([
      "deals",
      "more",
    ]);
  });

  it("ignores products the screen does not show", () => {
    const { screen } = live(home([section("s", "list", [genericProduct(productInfo("p-1"))])]));

    expect(screen.personal(productInfo("elsewhere", { version: 99 }))).toEqual([]);
    expect(screen.generic(productInfo("elsewhere", { version: 99 }))).toEqual([]);
  });
});

describe("LiveScreen: generic data", () => {
  it("updates a generic tile only with a newer generic version", () => {
    const { screen, fetchedTile } = live(
      home([
        section("s", "list", [
          genericProduct(productInfo("p-1", { version: 10 }), { reason: "ANONYMOUS_VIEWER" }),
        ]),
      ]),
    );

    expect(screen.generic(productInfo("p-1", { version: 10, title: "same" }))).toEqual([]);
    expect(screen.generic(productInfo("p-1", { version: 9, title: "older" }))).toEqual([]);
    const tile = onlyTile(screen.generic(productInfo("p-1", { version: 11, title: "New price" })));

    expect(tile).toMatchObject({
      id: "s.p-1",
      title: "New price",
      personalization: { state: "GENERIC", reason: "ANONYMOUS_VIEWER" },
    });
    expect(tile.revision).toBeGreaterThan(fetchedTile("s.p-1").revision);
  });

  it("leaves personalised tiles alone, whatever the generic version", () => {
    const { screen } = live(
      home([
        section("s", "list", [
          personalProduct(productInfo("p-1", { version: 10 })),
          genericProduct(productInfo("p-2", { version: 10 })),
        ]),
      ]),
    );

    expect(screen.generic(productInfo("p-1", { version: 1_000 }))).toEqual([]);
    onlyTile(screen.personal(productInfo("p-2", { version: 11 })));
    expect(screen.generic(productInfo("p-2", { version: 1_000 }))).toEqual([]);
  });

  it("fills a pending placeholder with generic data, keeping why it is not personal", () => {
    const { screen, fetchedTile } = live(home([section("s", "list", [pendingProduct("p-1")])]));

    const tile = onlyTile(screen.generic(productInfo("p-1", { version: 3, title: "Trending trip" })));

    expect(fetchedTile("s.p-1").__typename).toBe("PlaceholderTile");
    expect(tile).toMatchObject({
      __typename: "ProductTile",
      id: "s.p-1",
      title: "Trending trip",
      personalization: { state: "GENERIC", reason: "SERVICE_SLOW" },
    });
    expect(tile.revision).toBeGreaterThan(fetchedTile("s.p-1").revision);
  });
});

describe("LiveScreen: tiles the client did not get", () => {
  it("inserts a tile for an omitted placeholder at its place among the tiles the client holds", () => {
    const { screen, fetched } = live(
      home([
        section("s", "list", [
          genericProduct(productInfo("a")),
          pendingProduct("b"),
          genericProduct(productInfo("c")),
          unavailableProduct("d"),
        ]),
      ]),
      capabilities(["PRODUCT_TILE"]),
    );
    expect(fetched.sections.flatMap((shown) => tilesOf(shown).map((tile) => tile.id))).toEqual([
      "s.a",
      "s.c",
    ]);

    const d = screen.personal(productInfo("d", { version: 2, title: "D" }));
    const b = screen.generic(productInfo("b", { version: 2, title: "B" }));
    const bAgain = screen.personal(productInfo("b", { version: 3, title: "B for you" }));

    expect(d).toEqual([{ __typename: "TileInsert", sectionId: "s", index: 2, tile: expect.anything() }]);
    expect(onlyTile(d)).toMatchObject({ id: "s.d", title: "D", personalization: { state: "PERSONALIZED" } });
    expect(b).toEqual([{ __typename: "TileInsert", sectionId: "s", index: 1, tile: expect.anything() }]);
    expect(onlyTile(b)).toMatchObject({ id: "s.b", title: "B", personalization: { state: "GENERIC" } });
    // Once inserted, the client holds it: the next change replaces it in place.
    expect(bAgain).toEqual([{ __typename: "TileUpdate", sectionId: "s", tile: expect.anything() }]);
    expect(onlyTile(bAgain).revision).toBeGreaterThan(onlyTile(b).revision);
  });

  it("asks for a resync, once, when a product of an error section recovers", () => {
    const { screen, fetched } = live(
      home([
        section("x", "carousel", [unavailableProduct("p-1"), unavailableProduct("p-2")]),
        section("y", "list", [unavailableProduct("p-1")]),
        section("ok", "list", [genericProduct(productInfo("p-3"))]),
      ]),
    );
    expect(fetched.sections.map((shown) => shown.__typename)).toEqual([
      "ErrorSection",
      "ErrorSection",
      "ListSection",
    ]);

    expect(screen.personal(productInfo("p-1", { version: 2 }))).toEqual([RESYNC("SECTION_RECOVERED")]);
    expect(screen.generic(productInfo("p-1", { version: 2 }))).toEqual([RESYNC("SECTION_RECOVERED")]);
  });

  it("asks for a resync when data arrives for a section the client did not get at all", () => {
    const { screen, fetched } = live(
      home([
        section("waiting", "list", [pendingProduct("p-1")]),
        section("ok", "list", [genericProduct(productInfo("p-2"))]),
      ]),
      capabilities(["PRODUCT_TILE"]),
    );
    expect(fetched.sections.map((shown) => shown.id)).toEqual(["ok"]);

    expect(screen.personal(productInfo("p-1", { version: 2 }))).toEqual([RESYNC("SECTION_RECOVERED")]);
  });

  it("asks for a resync rather than insert a second tile into a hero the client holds", () => {
    const declared = capabilities(["HERO_SECTION", "PRODUCT_TILE"]);
    const { screen, fetched } = live(
      home([section("top", "hero", [genericProduct(productInfo("a")), pendingProduct("b")])]),
      declared,
    );
    expect(fetched.sections.map((shown) => shown.__typename)).toEqual(["HeroSection"]);

    expect(screen.personal(productInfo("b", { version: 2 }))).toEqual([RESYNC("SECTIONS_CHANGED")]);
  });
});

describe("LiveScreen: replan", () => {
  const a = genericProduct(productInfo("a"));
  const b = genericProduct(productInfo("b"));
  const c = genericProduct(productInfo("c"));
  const d = genericProduct(productInfo("d"));
  const e = genericProduct(productInfo("e", { title: "Newly picked" }));
  const before = home([section("s1", "carousel", [a, b, c]), section("s2", "list", [d])]);

  it("removes the products that left a section and inserts the new ones where they go", () => {
    const { screen } = live(before);

    const updates = screen.replan(home([section("s1", "carousel", [a, e, c]), section("s2", "list", [d])]));

    expect(updates).toEqual([
      { __typename: "TileRemoval", sectionId: "s1", tileId: "s1.b" },
      { __typename: "TileInsert", sectionId: "s1", index: 1, tile: expect.anything() },
    ]);
    expect(updates[1]).toMatchObject({ tile: { id: "s1.e", title: "Newly picked" } });
    // The screen now holds the new plan: pushes reach the new tile and not the removed one.
    expect(screen.personal(productInfo("b", { version: 2 }))).toEqual([]);
    expect(onlyTile(screen.personal(productInfo("e", { version: 2 })))).toMatchObject({ id: "s1.e" });
  });

  it("counts only the tiles the client holds when placing an inserted one", () => {
    const { screen } = live(before, capabilities(["CAROUSEL_SECTION", "PRODUCT_TILE"]));

    const updates = screen.replan(
      home([section("s1", "carousel", [pendingProduct("slow"), a, b, e, c]), section("s2", "list", [d])]),
    );

    expect(updates).toEqual([
      { __typename: "TileInsert", sectionId: "s1", index: 2, tile: expect.anything() },
    ]);
    expect(onlyTile(updates).id).toBe("s1.e");
  });

  it("sends nothing when the plan did not change what the client holds", () => {
    const { screen } = live(before);

    expect(screen.replan(before)).toEqual([]);
  });

  it.each([
    {
      name: "a section is added",
      next: [section("s1", "carousel", [a, b, c]), section("s2", "list", [d]), section("s3", "list", [e])],
    },
    { name: "a section is removed", next: [section("s1", "carousel", [a, b, c])] },
    {
      name: "sections swap places",
      next: [section("s2", "list", [d]), section("s1", "carousel", [a, b, c])],
    },
    {
      name: "a section is replaced",
      next: [section("s1", "carousel", [a, b, c]), section("s9", "list", [d])],
    },
    {
      name: "a section becomes an error",
      next: [section("s1", "carousel", [a, b, c]), section("s2", "list", [unavailableProduct("d")])],
    },
  ])("asks for a resync when $name", ({ next }) => {
    const { screen } = live(before);

    expect(screen.replan(home(next))).toEqual([RESYNC("SECTIONS_CHANGED")]);
  });

  it("asks for a resync when the tiles the client keeps change order", () => {
    const { screen } = live(before);

    expect(screen.replan(home([section("s1", "carousel", [c, a, e]), section("s2", "list", [d])]))).toEqual([
      RESYNC("TILES_REORDERED"),
    ]);
  });

  it("asks for a resync when a hero the client holds would get a second tile", () => {
    const declared = capabilities(["HERO_SECTION", "PRODUCT_TILE"]);
    const { screen } = live(home([section("top", "hero", [a])]), declared);

    expect(screen.replan(home([section("top", "hero", [a, b])]))).toEqual([RESYNC("SECTIONS_CHANGED")]);
  });

  it("still pushes data the client has not seen when the new plan's snapshot already holds it", () => {
    const { screen } = live(before);
    const personalA = productInfo("a", { version: 7, title: "A for you" });

    // The snapshot for the new plan read A's personal data before its change reached this screen.
    screen.replan(
      home([section("s1", "carousel", [personalProduct(personalA), b, c]), section("s2", "list", [d])]),
    );
    const updates = screen.personal(personalA);

    expect(updates).toEqual([{ __typename: "TileUpdate", sectionId: "s1", tile: expect.anything() }]);
    expect(onlyTile(updates)).toMatchObject({ id: "s1.a", title: "A for you" });
  });
});

describe("LiveScreen: revisions", () => {
  it("never lowers a tile's revision, even when personal data is older than the generic data it replaces", () => {
    const { screen, fetchedTile } = live(
      home([section("s", "list", [genericProduct(productInfo("p-1", { version: 1_000 }))])]),
    );
    const revisions = [fetchedTile("s.p-1").revision];
    const push = (updates: HomeUpdate[]) => revisions.push(onlyTile(updates).revision);

    push(screen.personal(productInfo("p-1", { version: 500 })));
    expect(screen.generic(productInfo("p-1", { version: 2_000 }))).toEqual([]);
    push(screen.personal(productInfo("p-1", { version: 600 })));
    push(screen.personal(productInfo("p-1", { version: 700 })));

    expect(revisions).toHaveLength(4);
    revisions.reduce((previous, revision) => {
      expect(revision).toBeGreaterThan(previous);
      return revision;
    });
  });

  it("keeps raising a tile's revision from placeholder to generic to personal", () => {
    const { screen, fetchedTile } = live(home([section("s", "list", [pendingProduct("p-1")])]));
    const revisions = [fetchedTile("s.p-1").revision];
    const push = (updates: HomeUpdate[]) => revisions.push(onlyTile(updates).revision);

    push(screen.generic(productInfo("p-1", { version: 1_000 })));
    push(screen.personal(productInfo("p-1", { version: 10 })));
    push(screen.personal(productInfo("p-1", { version: 20 })));

    expect(revisions).toHaveLength(4);
    revisions.reduce((previous, revision) => {
      expect(revision).toBeGreaterThan(previous);
      return revision;
    });
  });

  it("never lowers a tile's revision across a replan that keeps the tile", () => {
    const { screen } = live(
      home([section("s", "list", [genericProduct(productInfo("p-1", { version: 1_000 }))])]),
    );
    const sent = [
      onlyTile(screen.personal(productInfo("p-1", { version: 500 }))).revision,
      onlyTile(screen.personal(productInfo("p-1", { version: 600 }))).revision,
    ];

    // A fresh snapshot resolves the personal entry on its own, without the newer generic version.
    const replanned = screen.replan(
      home([
        section("s", "list", [
          personalProduct(productInfo("p-1", { version: 600 })),
          genericProduct(productInfo("p-2")),
        ]),
      ]),
    );
    expect(replanned.map((update) => update.__typename)).toEqual(["TileInsert"]);
    const next = onlyTile(screen.personal(productInfo("p-1", { version: 700 }))).revision;

    expect(next).toBeGreaterThan(Math.max(...sent));
  });
});

describe("LiveScreen: whole sections (clients that declared SECTION_UPDATE)", () => {
  const WHOLE: Capabilities = { ...EVERYTHING, updates: new Set(["SECTION_UPDATE"]) };
  const [a, b, c] = ["a", "b", "c"].map((id) => personalProduct(productInfo(id, { version: 10 }))) as [
    ResolvedProduct,
    ResolvedProduct,
    ResolvedProduct,
  ];
  const sectionOf = (updates: readonly HomeUpdate[]): Section => {
    expect(updates.map((update) => update.__typename)).toEqual(["SectionUpdate"]);
    return (updates[0] as Extract<HomeUpdate, { __typename: "SectionUpdate" }>).section;
  };

  it("replaces a failed section in place when it loads again: same id, higher revision, as home would show it", () => {
    const failed = home([section("s1", "list", [a]), section("s2", "carousel", [unavailableProduct("b")])]);
    const { screen, fetched } = live(failed, WHOLE);
    expect(fetched.sections[1]).toMatchObject({ __typename: "ErrorSection", id: "s2", revision: 0 });

    expect(screen.recovering("a")).toEqual([]);
    const [plan] = screen.recovering("b");
    expect(plan?.id).toBe("s2");
    const back = section("s2", "carousel", [b, c]);
    const updates = screen.recovered(back);

    const recovered = sectionOf(updates);
    const shown = buildHomeScreen(home([section("s1", "list", [a]), back]), WHOLE, buildOptions())
      .sections[1];
    expect(recovered).toEqual(shown);
    expect(recovered.revision).toBeGreaterThan(0);
    // Now held whole, it takes tile deltas like any other, and is not reloaded again.
    expect(screen.recovering("b")).toEqual([]);
    expect(screen.personal(productInfo("c", { version: 11, title: "C again" }))).toEqual([
      { __typename: "TileUpdate", sectionId: "s2", tile: expect.objectContaining({ id: "s2.c" }) },
    ]);
  });

  it("keeps a section that loads as failed again as it is", () => {
    const { screen } = live(home([section("s2", "carousel", [unavailableProduct("b")])]), WHOLE);

    expect(screen.recovered(section("s2", "carousel", [unavailableProduct("b")]))).toEqual([]);
    expect(screen.recovering("b").map((plan) => plan.id)).toEqual(["s2"]);
  });

  it("leaves a client without SECTION_UPDATE to resync, as in v1", () => {
    const { screen } = live(home([section("s2", "carousel", [unavailableProduct("b")])]));

    expect(screen.recovering("b")).toEqual([]);
    expect(screen.personal(productInfo("b", { version: 12 }))).toEqual([RESYNC("SECTION_RECOVERED")]);
  });

  it("sends a reordered or retitled section whole, tiles at the revisions the client holds", () => {
    const before = home([section("s1", "carousel", [a, b, c], "Row")]);
    const { screen, fetched } = live(before, WHOLE);
    const held = fetched.sections[0] as Section;

    const reordered = sectionOf(screen.replan(home([section("s1", "carousel", [c, a, b], "Row")])));
    expect(tilesOf(reordered).map((tile) => tile.id)).toEqual(["s1.c", "s1.a", "s1.b"]);
    expect(tilesOf(reordered).map((tile) => tile.revision)).toEqual(
      ["s1.c", "s1.a", "s1.b"].map((id) => tilesOf(held).find((tile) => tile.id === id)?.revision),
    );
    expect(reordered.revision).toBeGreaterThan(held.revision);

    const retitled = sectionOf(screen.replan(home([section("s1", "carousel", [c, a, b], "New row")])));
    expect(retitled.title).toBe("New row");
    expect(retitled.revision).toBeGreaterThan(reordered.revision);
    // The same plan again: nothing to send.
    expect(screen.replan(home([section("s1", "carousel", [c, a, b], "New row")]))).toEqual([]);
  });

  it("still resyncs when sections come, go or move", () => {
    const { screen } = live(home([section("s1", "list", [a]), section("s2", "list", [b])]), WHOLE);

    expect(screen.replan(home([section("s2", "list", [b]), section("s1", "list", [a])]))).toEqual([
      RESYNC("SECTIONS_CHANGED"),
    ]);
  });
});
