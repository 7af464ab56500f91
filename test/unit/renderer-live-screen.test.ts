import { describe, expect, it } from "vitest";
import {
  type Screen,
  type Section,
  type Tile,
  type Update,
  LiveScreen,
  tilesOf,
} from "../../web/renderer/screen.js";

const AT = "2026-01-01T12:00:00.000Z";

function tile(id: string, revision: number, title = id, freshForMs = 60_000): Tile {
  return {
    __typename: "BasicTile",
    id,
    revision,
    title,
    subtitle: null,
    image: null,
    product: null,
    personalization: { state: "PERSONALIZED", reason: null },
    generatedAt: AT,
    staleAfter: new Date(Date.parse(AT) + freshForMs).toISOString(),
    variant: "STANDARD",
    accessibilityLabel: title,
    action: null,
  };
}

function screen(): Screen {
  const section = { revision: 1, title: null, variant: "DEFAULT" as const, accessibilityLabel: "" };
  return {
    id: "home:alice",
    revision: 1,
    schemaVersion: "1",
    generatedAt: AT,
    staleAfter: AT,
    viewer: { id: "alice", anonymous: false },
    sections: [
      { ...section, __typename: "HeroSection", id: "hero", tile: tile("hero.a", 4) },
      {
        ...section,
        __typename: "CarouselSection",
        id: "rail",
        tiles: [tile("rail.a", 4), tile("rail.b", 4)],
      },
      {
        ...section,
        __typename: "ErrorSection",
        id: "broken",
        code: "SECTION_FAILED",
        message: "down",
        retry: {
          __typename: "RetryAction",
          sectionId: "broken",
          retryAfterSeconds: 30,
          fallbackUrl: "https://www.example.com/",
          accessibilityLabel: "Retry",
        },
      },
    ],
  };
}

const sentAt = AT;
const updated = (sequence: number, sectionId: string, next: Tile): Update => ({
  __typename: "TileUpdate",
  sequence,
  sentAt,
  sectionId,
  tile: next,
});
const titles = (live: LiveScreen): string[] =>
  live.screen.sections.flatMap(tilesOf).map((t) => ("title" in t ? t.title : ""));

describe("LiveScreen (the renderer's rules for pushed updates)", () => {
  it("replaces a tile by id when the revision is higher, and keeps its own otherwise", () => {
    const live = new LiveScreen(screen(), 0);
    expect(live.apply(updated(1, "rail", tile("rail.b", 5, "newer")), 0)).toMatchObject([
      { kind: "replaced", sectionId: "rail", tile: { id: "rail.b", revision: 5 } },
    ]);
    expect(live.apply(updated(2, "rail", tile("rail.b", 5, "same revision")), 0)).toEqual([]);
    expect(live.apply(updated(3, "hero", tile("hero.a", 3, "older")), 0)).toEqual([]);
    expect(live.apply(updated(4, "hero", tile("hero.a", 9, "hero, newer")), 0)).toHaveLength(1);
    expect(titles(live)).toEqual(["hero, newer", "rail.a", "newer"]);
  });

  it("inserts and removes tiles where the update says", () => {
    const live = new LiveScreen(screen(), 0);
    const insert: Update = {
      __typename: "TileInsert",
      sequence: 1,
      sentAt,
      sectionId: "rail",
      index: 1,
      tile: tile("rail.c", 1),
    };
    expect(live.apply(insert, 0)).toMatchObject([{ kind: "inserted", sectionId: "rail", index: 1 }]);
    const removal: Update = {
      __typename: "TileRemoval",
      sequence: 2,
      sentAt,
      sectionId: "rail",
      tileId: "rail.a",
    };
    expect(live.apply(removal, 0)).toEqual([{ kind: "removed", sectionId: "rail", tileId: "rail.a" }]);
    expect(titles(live)).toEqual(["hero.a", "rail.c", "rail.b"]);
  });

  it("asks for a refetch on ResyncRequired, a sequence gap, or a tile it does not hold", () => {
    const live = new LiveScreen(screen(), 0);
    expect(
      live.apply({ __typename: "ResyncRequired", sequence: 1, sentAt, reason: "SECTIONS_CHANGED" }, 0),
    ).toEqual([{ kind: "refetch", reason: "SECTIONS_CHANGED" }]);
    // 2 never came: apply 3 (revisions make that safe) and refetch.
    expect(live.apply(updated(3, "rail", tile("rail.a", 8)), 0).map((change) => change.kind)).toEqual([
      "replaced",
      "refetch",
    ]);
    expect(live.apply(updated(4, "rail", tile("rail.zzz", 8)), 0).map((change) => change.kind)).toEqual([
      "refetch",
    ]);
    const intoError: Update = {
      __typename: "TileInsert",
      sequence: 5,
      sentAt,
      sectionId: "broken",
      index: 0,
      tile: tile("x", 1),
    };
    expect(live.apply(intoError, 0).map((change) => change.kind)).toEqual(["refetch"]);
  });

  it("ignores a repeated sequence, and counts from 1 again after a reconnect", () => {
    const live = new LiveScreen(screen(), 0);
    expect(live.apply(updated(1, "rail", tile("rail.a", 5)), 0)).toHaveLength(1);
    expect(live.apply(updated(1, "rail", tile("rail.a", 6)), 0)).toEqual([]);
    live.restartSequence();
    expect(live.apply(updated(1, "rail", tile("rail.a", 7)), 0)).toHaveLength(1);
  });

  it("keeps a pushed tile newer than the refetched screen that crossed it", () => {
    const live = new LiveScreen(screen(), 0);
    live.apply(updated(1, "rail", tile("rail.b", 9, "pushed meanwhile")), 0);
    live.replace(screen(), 0); // the response was read before the push
    expect(titles(live)).toEqual(["hero.a", "rail.a", "pushed meanwhile"]);
    const fresher = screen();
    (fresher.sections[1] as { tiles: Tile[] }).tiles[1] = tile("rail.b", 12, "refetched");
    live.replace(fresher, 0);
    expect(titles(live)).toEqual(["hero.a", "rail.a", "refetched"]);
  });

  it("refetches when the first tile goes stale, measured on the server's clock, within bounds", () => {
    const screenWithShortTile = screen();
    (screenWithShortTile.sections[1] as { tiles: Tile[] }).tiles[0] = tile("rail.a", 4, "short", 10_000);
    const live = new LiveScreen(screenWithShortTile, 1_000_000);
    expect(live.refetchAtMs(1_000_000)).toBe(1_010_000);
    // A push renews the tile it replaces.
    live.apply(updated(1, "rail", tile("rail.a", 5, "renewed", 60_000)), 1_005_000);
    expect(live.refetchAtMs(1_005_000)).toBe(1_060_000);
    // Never sooner than 5 s from now, however stale.
    expect(live.refetchAtMs(2_000_000)).toBe(2_005_000);
  });
});

describe("LiveScreen: lazy sections, pages and whole sections", () => {
  const stubbed = (): Screen => {
    const base = screen();
    return {
      ...base,
      sections: [
        ...base.sections,
        {
          __typename: "LazySection",
          id: "later",
          revision: 0,
          title: "Later",
          variant: "DEFAULT",
          accessibilityLabel: "Later",
          kind: "CAROUSEL_SECTION",
        },
      ],
    };
  };
  const carousel = (id: string, tiles: Tile[], revision = 5) => ({
    __typename: "CarouselSection" as const,
    id,
    revision,
    title: id,
    variant: "DEFAULT" as const,
    accessibilityLabel: id,
    tiles,
  });

  it("loads a stub in place, then its next page after the tiles it holds", () => {
    const live = new LiveScreen(stubbed(), 0);
    expect(live.lazySectionIds).toEqual(["later"]);

    const first = live.loaded(
      "later",
      {
        ...carousel("later", [tile("later.a", 4), tile("later.b", 4)]),
        pageInfo: { hasNextPage: true, endCursor: "c1" },
      },
      { append: false },
      0,
    );
    expect(first.map((change) => change.kind)).toEqual(["section"]);
    expect(live.lazySectionIds).toEqual([]);
    expect(live.nextPageOf("later")).toBe("c1");

    live.loaded(
      "later",
      { ...carousel("later", [tile("later.c", 4)]), pageInfo: { hasNextPage: false, endCursor: "c2" } },
      { append: true },
      0,
    );
    expect(live.nextPageOf("later")).toBeUndefined();
    expect(tilesOf(live.screen.sections[3] as Section).map((t) => t.id)).toEqual([
      "later.a",
      "later.b",
      "later.c",
    ]);
  });

  it("drops a stub that loads as nothing for this client", () => {
    const live = new LiveScreen(stubbed(), 0);
    expect(live.loaded("later", null, { append: false }, 0)).toEqual([
      { kind: "section-removed", sectionId: "later" },
    ]);
    expect(live.screen.sections.map((section) => section.id)).toEqual(["hero", "rail", "broken"]);
  });

  it("ignores tile deltas for a section it holds only in part, instead of refetching", () => {
    const live = new LiveScreen(stubbed(), 0);
    expect(live.apply(updated(1, "later", tile("later.a", 9)), 0)).toEqual([]);
    live.loaded(
      "later",
      { ...carousel("later", [tile("later.a", 4)]), pageInfo: { hasNextPage: true, endCursor: "c1" } },
      { append: false },
      0,
    );
    expect(live.apply(updated(2, "later", tile("later.z", 9)), 0)).toEqual([]);
    expect(live.apply(updated(3, "later", tile("later.a", 9)), 0).map((c) => c.kind)).toEqual(["replaced"]);
  });

  it("takes a pushed section whole, in place of its error or its stub, when its revision is higher", () => {
    const live = new LiveScreen(stubbed(), 0);
    const push = (sequence: number, section: ReturnType<typeof carousel>): Update => ({
      __typename: "SectionUpdate",
      sequence,
      sentAt,
      section,
    });

    expect(live.apply(push(1, carousel("broken", [tile("broken.a", 7)], 7)), 0)).toMatchObject([
      { kind: "section", section: { id: "broken", __typename: "CarouselSection" } },
    ]);
    expect(live.apply(push(2, carousel("broken", [tile("broken.a", 6)], 6)), 0)).toEqual([]);
    expect(live.apply(push(3, carousel("later", [tile("later.a", 1)], 1)), 0).map((c) => c.kind)).toEqual([
      "section",
    ]);
    expect(live.screen.sections.map((section) => section.__typename)).toEqual([
      "HeroSection",
      "CarouselSection",
      "CarouselSection",
      "CarouselSection",
    ]);
  });
});
