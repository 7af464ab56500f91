import type {
  ActionKind,
  ClientCapabilitiesInput,
  ComponentKind,
  RendererHomeQuery,
  RendererHomeUpdatesSubscription,
  RendererSectionQuery,
  RendererTileFragment,
} from "./gql/graphql.js";

/**
 * The screen a client holds and the rules for changing it: no DOM here, so the rules are tested
 * without a browser. The schema's contract, as a client sees it:
 * - a node's `revision` only grows: keep the highest seen per id, whatever arrives in what order;
 * - `sequence` counts 1, 2, 3... per subscription: a gap means updates were lost, so refetch `home`;
 * - `ResyncRequired` (and anything this client does not understand) means refetch `home`;
 * - a tile's `staleAfter` says when to refetch if no pushed update replaced it;
 * - a `SectionUpdate` replaces the section with its id whole (a stub included);
 * - a section not loaded yet (a LazySection) or loaded in part (more pages) ignores deltas for tiles
 *   it does not hold: it gets them fresh when it loads.
 */

export type Screen = RendererHomeQuery["home"];
export type Section = Screen["sections"][number];
export type Tile = RendererTileFragment;
export type Update = RendererHomeUpdatesSubscription["homeUpdates"];
/** A section as the `section` query answers it, with its page info when it is a list of tiles. */
export type LoadedSection = NonNullable<RendererSectionQuery["section"]>;
export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor?: string | null;
}

/** Sections `home` loads in full; the rest come as stubs loaded one by one. */
export const FIRST_SECTIONS = 2;
/** Tiles per page when a stub loads; a longer section shows "Show more". */
export const PAGE_SIZE = 8;

/** The section and, for a list of tiles, where its page ends. */
export function splitPage(loaded: LoadedSection): { section: Section; pageInfo: PageInfo | null } {
  if ("pageInfo" in loaded) {
    const { pageInfo, ...section } = loaded;
    return { section: section as unknown as Section, pageInfo };
  }
  return { section: loaded as unknown as Section, pageInfo: null };
}

/** Every component and action this renderer draws: all of the schema's, so nothing is downgraded. */
export const RENDERED_COMPONENTS: readonly ComponentKind[] = [
  "HERO_SECTION",
  "CAROUSEL_SECTION",
  "GRID_SECTION",
  "LIST_SECTION",
  "ERROR_SECTION",
  "BASIC_TILE",
  "PRODUCT_TILE",
  "DEAL_TILE",
  "METRIC_TILE",
  "MEDIA_TILE",
  "PLACEHOLDER_TILE",
];
export const PERFORMED_ACTIONS: readonly ActionKind[] = [
  "OPEN_URL",
  "NAVIGATE",
  "OPEN_PRODUCT",
  "DEEP_LINK",
  "RETRY",
];

export function capabilities(locale: string | undefined): ClientCapabilitiesInput {
  return {
    platform: "WEB",
    appVersion: "1.0.0",
    components: [...RENDERED_COMPONENTS],
    actions: [...PERFORMED_ACTIONS],
    updates: ["SECTION_UPDATE"],
    ...(locale && { locale }),
  };
}

/** What an update did to the screen, for the view to mirror; `refetch` asks for a fresh `home`. */
export type Change =
  | { readonly kind: "replaced"; readonly sectionId: string; readonly tile: Tile }
  | { readonly kind: "inserted"; readonly sectionId: string; readonly index: number; readonly tile: Tile }
  | { readonly kind: "removed"; readonly sectionId: string; readonly tileId: string }
  /** The section is new as a whole (loaded, pushed, or a page longer): draw it again. */
  | { readonly kind: "section"; readonly section: Section }
  /** A stub that loaded as nothing for this client: it goes away. */
  | { readonly kind: "section-removed"; readonly sectionId: string }
  | { readonly kind: "refetch"; readonly reason: string };

/** The tiles of a section, in order; none for an error section. */
export function tilesOf(section: Section): readonly Tile[] {
  switch (section.__typename) {
    case "HeroSection":
      return [section.tile];
    case "CarouselSection":
    case "GridSection":
    case "ListSection":
      return section.tiles;
    default:
      return [];
  }
}

const MIN_REFRESH_MS = 5_000;
const MAX_REFRESH_MS = 15 * 60_000;

export class LiveScreen {
  private held: Screen;
  private lastSequence = 0;
  /** Local time (ms) after which each tile should be refetched, unless a push replaces it first. */
  private readonly freshUntilMs = new Map<string, number>();
  /** Where the next page of each section loaded in part starts. */
  private readonly nextPage = new Map<string, string>();

  constructor(screen: Screen, nowMs: number) {
    this.held = screen;
    this.resetFreshness(nowMs);
  }

  get screen(): Screen {
    return this.held;
  }

  /** How many updates this subscription has delivered, by its own count. */
  get sequence(): number {
    return this.lastSequence;
  }

  /** Sections held as stubs, to load. */
  get lazySectionIds(): string[] {
    return this.held.sections.filter((section) => section.__typename === "LazySection").map((s) => s.id);
  }

  /** The cursor of a section's next page, if it has more tiles than it holds. */
  nextPageOf(sectionId: string): string | undefined {
    return this.nextPage.get(sectionId);
  }

  /**
   * A section the `section` query loaded: in place of its stub (or of itself, from the start), or
   * its next page after the tiles held. Null means this client is shown nothing of it.
   */
  loaded(
    sectionId: string,
    loaded: LoadedSection | null,
    options: { append: boolean },
    nowMs: number,
  ): Change[] {
    const index = this.held.sections.findIndex((section) => section.id === sectionId);
    const current = this.held.sections[index];
    if (!current) return [];
    if (!loaded) {
      this.held.sections.splice(index, 1);
      this.nextPage.delete(sectionId);
      return [{ kind: "section-removed", sectionId }];
    }
    const { section, pageInfo } = splitPage(loaded);
    let next = section;
    if (options.append && hasTileList(current) && hasTileList(section)) {
      const have = new Set(current.tiles.map((tile) => tile.id));
      next = { ...current, tiles: [...current.tiles, ...section.tiles.filter((tile) => !have.has(tile.id))] };
    }
    this.held.sections[index] = next;
    if (pageInfo?.hasNextPage && pageInfo.endCursor) this.nextPage.set(sectionId, pageInfo.endCursor);
    else this.nextPage.delete(sectionId);
    for (const tile of tilesOf(next)) if (!this.freshUntilMs.has(tile.id)) this.touch(tile, nowMs);
    return [{ kind: "section", section: next }];
  }

  /** A new subscription (after a reconnect) counts from 1 again. */
  restartSequence(): void {
    this.lastSequence = 0;
  }

  /**
   * Takes a refetched screen. A pushed tile that arrived while the query was in flight may be newer
   * than the one in the response: the higher revision wins, as everywhere.
   */
  replace(screen: Screen, nowMs: number): void {
    const held = new Map(this.held.sections.flatMap(tilesOf).map((tile) => [tile.id, tile]));
    const newer = (tile: Tile): Tile => {
      const mine = held.get(tile.id);
      return mine && mine.revision > tile.revision ? mine : tile;
    };
    this.nextPage.clear();
    this.held = {
      ...screen,
      sections: screen.sections.map((section) => {
        switch (section.__typename) {
          case "HeroSection":
            return { ...section, tile: newer(section.tile) };
          case "CarouselSection":
          case "GridSection":
          case "ListSection":
            return { ...section, tiles: section.tiles.map(newer) };
          default:
            return section;
        }
      }),
    };
    this.resetFreshness(nowMs);
  }

  /** Applies one pushed update; returns what changed, and `refetch` when the screen can't be trusted. */
  apply(update: Update, nowMs: number): Change[] {
    if (update.sequence <= this.lastSequence) return []; // a repeat: already applied
    const gap = update.sequence > this.lastSequence + 1;
    this.lastSequence = update.sequence;
    const changes = this.applyOne(update, nowMs);
    if (gap) changes.push({ kind: "refetch", reason: "sequence gap: updates were lost" });
    return changes;
  }

  /** When to refetch `home` if nothing is pushed meanwhile (local ms), within sane bounds. */
  refetchAtMs(nowMs: number): number {
    const earliest = Math.min(...this.freshUntilMs.values(), nowMs + MAX_REFRESH_MS);
    return Math.max(earliest, nowMs + MIN_REFRESH_MS);
  }

  private applyOne(update: Update, nowMs: number): Change[] {
    switch (update.__typename) {
      case "TileUpdate": {
        const found = this.find(update.tile.id, update.sectionId);
        if (!found && this.holdsInPart(update.sectionId)) return [];
        if (!found)
          return [{ kind: "refetch", reason: `update for a tile not on screen: ${update.tile.id}` }];
        return this.replaceTile(found.section, found.index, update.tile, nowMs);
      }
      case "TileInsert": {
        const section = this.section(update.sectionId);
        if (this.holdsInPart(update.sectionId)) {
          if (!section || !hasTileList(section) || update.index >= section.tiles.length) return [];
        }
        if (!section || !hasTileList(section)) {
          return [{ kind: "refetch", reason: `insert into a section not on screen: ${update.sectionId}` }];
        }
        const existing = section.tiles.findIndex((tile) => tile.id === update.tile.id);
        if (existing >= 0) return this.replaceTile(section, existing, update.tile, nowMs);
        const index = Math.max(0, Math.min(update.index, section.tiles.length));
        section.tiles.splice(index, 0, update.tile);
        this.touch(update.tile, nowMs);
        return [{ kind: "inserted", sectionId: section.id, index, tile: update.tile }];
      }
      case "TileRemoval": {
        const section = this.section(update.sectionId);
        if (!section) return [];
        if (section.__typename === "HeroSection") {
          return section.tile.id === update.tileId
            ? [{ kind: "refetch", reason: "the hero's tile was removed" }]
            : [];
        }
        if (!hasTileList(section)) return [];
        const index = section.tiles.findIndex((tile) => tile.id === update.tileId);
        if (index < 0) return [];
        section.tiles.splice(index, 1);
        this.freshUntilMs.delete(update.tileId);
        return [{ kind: "removed", sectionId: section.id, tileId: update.tileId }];
      }
      case "SectionUpdate": {
        const section = update.section as unknown as Section;
        const index = this.held.sections.findIndex((held) => held.id === section.id);
        const current = this.held.sections[index];
        if (!current) return [{ kind: "refetch", reason: `a section not on screen: ${section.id}` }];
        if (current.__typename !== "LazySection" && current.revision >= section.revision) return [];
        this.held.sections[index] = section;
        this.nextPage.delete(section.id);
        for (const tile of tilesOf(section)) this.touch(tile, nowMs);
        return [{ kind: "section", section }];
      }
      case "ResyncRequired":
        return [{ kind: "refetch", reason: update.reason }];
      default:
        // A kind of update this client was built without: it cannot apply it, so it starts over.
        return [
          { kind: "refetch", reason: `unknown update ${(update as { __typename?: string }).__typename}` },
        ];
    }
  }

  private replaceTile(section: Section, index: number, tile: Tile, nowMs: number): Change[] {
    const current = section.__typename === "HeroSection" ? section.tile : tilesOf(section)[index];
    if (current && current.revision >= tile.revision) return []; // older or the same: keep ours
    if (section.__typename === "HeroSection") section.tile = tile;
    else if (hasTileList(section)) section.tiles[index] = tile;
    this.touch(tile, nowMs);
    return [{ kind: "replaced", sectionId: section.id, tile }];
  }

  /** Not loaded yet, or loaded without all its pages: it holds only some of its tiles. */
  private holdsInPart(sectionId: string): boolean {
    return this.section(sectionId)?.__typename === "LazySection" || this.nextPage.has(sectionId);
  }

  private section(id: string): Section | undefined {
    return this.held.sections.find((section) => section.id === id);
  }

  /** The tile in its section, or anywhere on screen if it is not where the update says. */
  private find(tileId: string, sectionId: string): { section: Section; index: number } | undefined {
    const preferred = this.section(sectionId);
    const sections = preferred ? [preferred, ...this.held.sections] : this.held.sections;
    for (const section of sections) {
      const index = tilesOf(section).findIndex((tile) => tile.id === tileId);
      if (index >= 0) return { section, index };
    }
    return undefined;
  }

  private resetFreshness(nowMs: number): void {
    this.freshUntilMs.clear();
    for (const tile of this.held.sections.flatMap(tilesOf)) this.touch(tile, nowMs);
  }

  /** Fresh for as long as the server said, measured on its own clock so clock skew cannot matter. */
  private touch(tile: Tile, nowMs: number): void {
    const freshForMs = Date.parse(tile.staleAfter) - Date.parse(tile.generatedAt);
    this.freshUntilMs.set(tile.id, nowMs + (Number.isFinite(freshForMs) ? Math.max(0, freshForMs) : 0));
  }
}

type TileListSection = Extract<Section, { tiles: unknown }>;

function hasTileList(section: Section): section is TileListSection {
  return "tiles" in section;
}
