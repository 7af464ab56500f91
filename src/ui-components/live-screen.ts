import type {
  FallbackReason,
  PlannedSection,
  ProductInfo,
  ResolvedHome,
  ResolvedProduct,
  ResolvedSection,
} from "../domain/index.js";
import {
  type BuildOptions,
  MAX_REVISION,
  type TilePlace,
  buildSection,
  buildTile,
  tileId,
  tileRevision,
} from "./build.js";
import type { Capabilities, Section, Tile } from "./components.js";

/** A change to the screen a client holds; the subscription numbers them in order. */
export type HomeUpdate =
  | { readonly __typename: "TileUpdate"; readonly sectionId: string; readonly tile: Tile }
  | {
      readonly __typename: "TileInsert";
      readonly sectionId: string;
      readonly index: number;
      readonly tile: Tile;
    }
  | { readonly __typename: "TileRemoval"; readonly sectionId: string; readonly tileId: string }
  /** The whole section, in place of the one with its id (clients that declared SECTION_UPDATE). */
  | { readonly __typename: "SectionUpdate"; readonly section: Section }
  | { readonly __typename: "ResyncRequired"; readonly reason: string };

interface Slot {
  readonly place: TilePlace;
  resolved: ResolvedProduct;
  /** Whether the client holds a tile for it (a client may not render placeholders, say). */
  visible: boolean;
  revision: number;
}

interface SectionState {
  readonly source: ResolvedSection;
  /** Where it is on screen, as `home` placed it. */
  readonly position: number;
  /** What the client holds for it: the section, an ErrorSection, or nothing (it was left out). */
  readonly held: "section" | "error" | "none";
  /** The component the client holds it as, and its title: a change of either is a whole-section change. */
  readonly typename: Section["__typename"] | null;
  readonly title: string | null;
  /** Only a held section with tiles can take tile deltas. */
  readonly patchable: boolean;
  /** The client holds it as a HeroSection, which has room for its one tile only. */
  readonly hero: boolean;
  slots: Slot[];
  /** The highest revision the client holds for the section or any tile of it. */
  revision: number;
}

/**
 * The screen one subscription's client holds, as the server last described it, and the deltas that
 * bring it up to date. Revisions only grow per tile and per section, whatever the data's versions.
 */
export class LiveScreen {
  private sections: SectionState[];
  /** Whether the client takes whole sections (SectionUpdate) instead of a resync. */
  private readonly sectionUpdates: boolean;

  /**
   * @param cohort Says which screens build a tile alike: the same for clients that declared the same
   * capabilities and locale. Screens of one cohort share the delta a generic change makes when every
   * input of the tile is the same (see `sharedGenericUpdate`); without it, nothing is shared.
   */
  constructor(
    home: ResolvedHome,
    private readonly capabilities: Capabilities,
    private readonly options: () => BuildOptions,
    private readonly cohort?: string,
  ) {
    this.sectionUpdates = capabilities.updates?.has("SECTION_UPDATE") ?? false;
    this.sections = this.stateOf(home);
  }

  /** Forgets what the client held; after a resync it holds this. */
  reset(home: ResolvedHome): void {
    this.sections = this.stateOf(home);
  }

  /** The viewer's personalised data for a product changed, or arrived late. */
  personal(info: ProductInfo): HomeUpdate[] {
    return this.update(info.id, (slot) =>
      info.version > slot.resolved.personalVersion || slot.resolved.state !== "PERSONALIZED"
        ? { ...slot.resolved, state: "PERSONALIZED", reason: undefined, info, personalVersion: info.version }
        : null,
    );
  }

  /** A product's generic data changed: it matters where the viewer sees it generically. */
  generic(info: ProductInfo): HomeUpdate[] {
    return this.update(
      info.id,
      (slot) =>
        slot.resolved.state !== "PERSONALIZED" && info.version > slot.resolved.genericVersion
          ? {
              ...slot.resolved,
              state: "GENERIC",
              reason: slot.resolved.reason ?? ("NOT_PERSONALISED" satisfies FallbackReason),
              info,
              genericVersion: info.version,
            }
          : null,
      info,
    );
  }

  /**
   * Sections the client holds as an ErrorSection that show this product: a change to it says their
   * source may be back, so they are worth loading again (then `recovered`) before the change applies.
   */
  recovering(productId: string): PlannedSection[] {
    if (!this.sectionUpdates) return [];
    return this.sections
      .filter(
        (section) =>
          section.held === "error" && section.source.plan.products.some((ref) => ref.id === productId),
      )
      .map((section) => section.source.plan);
  }

  /** A failed section loaded again: the whole section in place if it shows something now. */
  recovered(section: ResolvedSection): HomeUpdate[] {
    const index = this.sections.findIndex((state) => state.source.plan.id === section.plan.id);
    const current = this.sections[index];
    if (!current || current.held !== "error") return [];
    const next = this.sectionState(section, current.position);
    if (next.held !== "section") return [];
    this.sections[index] = next;
    return [{ __typename: "SectionUpdate", section: this.wholeSection(next, current) }];
  }

  /**
   * The viewer's plan changed. The same sections in the same order take tile inserts and removals,
   * or (clients that declared SECTION_UPDATE) a whole section for one whose title, component or tile
   * order changed; anything else is a resync.
   */
  replan(next: ResolvedHome): HomeUpdate[] {
    const nextSections = this.stateOf(next);
    const sameSections =
      nextSections.length === this.sections.length &&
      nextSections.every((section, index) => section.source.plan.id === this.sections[index]?.source.plan.id);
    if (!sameSections) return this.resync(nextSections, "SECTIONS_CHANGED");
    const changedShape = nextSections.some((section, index) => {
      const current = this.sections[index] as SectionState;
      return !section.patchable || !current.patchable || section.hero !== current.hero;
    });
    if (!this.sectionUpdates && changedShape) return this.resync(nextSections, "SECTIONS_CHANGED");
    const updates: HomeUpdate[] = [];
    for (const [index, section] of nextSections.entries()) {
      const current = this.sections[index] as SectionState;
      const reordered = !sameOrder(current, section);
      if (!this.sectionUpdates) {
        if (reordered) return this.resync(nextSections, "TILES_REORDERED");
        updates.push(...this.tileDeltas(current, section));
        continue;
      }
      // A section appearing or going away moves the others: deltas cannot say that.
      if ((current.held === "none") !== (section.held === "none")) {
        return this.resync(nextSections, "SECTIONS_CHANGED");
      }
      if (section.held === "none") continue;
      const whole =
        reordered ||
        section.held !== current.held ||
        section.typename !== current.typename ||
        section.title !== current.title;
      if (!whole) {
        if (section.patchable) updates.push(...this.tileDeltas(current, section));
        continue;
      }
      keepHeldRevisions(current, section);
      updates.push({ __typename: "SectionUpdate", section: this.wholeSection(section, current) });
    }
    this.sections = nextSections;
    return updates;
  }

  private resync(next: SectionState[], reason: string): HomeUpdate[] {
    this.sections = next;
    return [{ __typename: "ResyncRequired", reason }];
  }

  /** Inserts and removals that turn `current`'s tiles into `section`'s, whose order they share. */
  private tileDeltas(current: SectionState, section: SectionState): HomeUpdate[] {
    const updates: HomeUpdate[] = [];
    const id = section.source.plan.id;
    const before = visibleIds(current);
    const after = visibleIds(section);
    for (const slot of section.slots) {
      const held = current.slots.find((old) => old.visible && old.resolved.ref.id === slot.resolved.ref.id);
      // A kept tile is still what the client holds: the snapshot may already have read data whose
      // change is yet to reach this screen, and the revision must stay above what was sent.
      if (held && slot.visible) {
        slot.resolved = held.resolved;
        slot.revision = held.revision;
      }
    }
    section.revision = Math.max(section.revision, current.revision);
    for (const slot of current.slots) {
      if (slot.visible && !after.includes(slot.resolved.ref.id)) {
        updates.push({
          __typename: "TileRemoval",
          sectionId: id,
          tileId: tileId(slot.place, slot.resolved.ref.id),
        });
      }
    }
    section.slots.forEach((slot, position) => {
      if (!slot.visible || before.includes(slot.resolved.ref.id)) return;
      const tile = this.build(slot.resolved, slot.place);
      if (tile) {
        const visibleIndex = section.slots.slice(0, position).filter((s) => s.visible).length;
        updates.push({ __typename: "TileInsert", sectionId: id, index: visibleIndex, tile });
      }
    });
    return updates;
  }

  /**
   * `generic`: the generic change this is, when the screen may take the delta another screen of its
   * cohort made for the same change (generic data only: a personalised tile is never shared).
   */
  private update(
    productId: string,
    next: (slot: Slot) => ResolvedProduct | null,
    generic?: ProductInfo,
  ): HomeUpdate[] {
    const updates: HomeUpdate[] = [];
    for (const section of this.sections) {
      // Reloaded whole instead, by the subscription, through `recovering` and `recovered`.
      if (this.sectionUpdates && section.held === "error") continue;
      section.slots.forEach((slot, position) => {
        if (slot.resolved.ref.id !== productId) return;
        const resolved = next(slot);
        if (!resolved) return;
        if (!section.patchable) {
          updates.push({ __typename: "ResyncRequired", reason: "SECTION_RECOVERED" });
          return;
        }
        if (section.hero && !slot.visible) {
          updates.push({ __typename: "ResyncRequired", reason: "SECTIONS_CHANGED" });
          return;
        }
        const sectionId = section.source.plan.id;
        const index = slot.visible ? -1 : section.slots.slice(0, position).filter((s) => s.visible).length;
        const shared =
          generic !== undefined && this.cohort !== undefined && resolved.info === generic
            ? { info: generic, key: sharedKey(this.cohort, slot, resolved, index) }
            : undefined;
        let update = shared && SHARED_GENERIC_UPDATES.get(shared.info)?.get(shared.key);
        if (!update) {
          const built = this.build(resolved, slot.place);
          if (!built) return;
          // Grows even when the data's own versions do not order the two states (e.g. an old
          // personalised entry replacing a fresher generic one).
          const revision = Math.min(Math.max(built.revision, slot.revision + 1), MAX_REVISION);
          const tile = { ...built, revision };
          update = slot.visible
            ? { __typename: "TileUpdate", sectionId, tile }
            : { __typename: "TileInsert", sectionId, index, tile };
          if (shared) rememberShared(shared.info, shared.key, update);
        }
        const revision = update.tile.revision;
        slot.resolved = resolved;
        slot.revision = revision;
        section.revision = Math.max(section.revision, revision);
        slot.visible = true;
        updates.push(update);
      });
    }
    return dedupeResyncs(updates);
  }

  private build(resolved: ResolvedProduct, place: TilePlace): Tile | null {
    return buildTile(resolved, place, this.capabilities, this.options());
  }

  /**
   * The section as `home` would show it now, with every tile at the revision the screen keeps for
   * it, and a section revision above anything the client holds for it.
   */
  private wholeSection(state: SectionState, held: SectionState): Section {
    const built = this.built(state) as Section;
    const revisions = new Map(
      state.slots.map((slot) => [tileId(slot.place, slot.resolved.ref.id), slot.revision] as const),
    );
    const withRevision = (tile: Tile): Tile => {
      const revision = revisions.get(tile.id);
      return revision === undefined || revision === tile.revision ? tile : { ...tile, revision };
    };
    const tiles =
      built.__typename === "HeroSection"
        ? [withRevision(built.tile)]
        : built.__typename === "ErrorSection"
          ? []
          : built.tiles.map(withRevision);
    const revision = Math.min(
      Math.max(held.revision + 1, ...tiles.map((tile) => tile.revision)),
      MAX_REVISION,
    );
    state.revision = revision;
    switch (built.__typename) {
      case "HeroSection":
        return { ...built, revision, tile: tiles[0] as Tile };
      case "ErrorSection":
        return { ...built, revision };
      default:
        return { ...built, revision, tiles };
    }
  }

  private built(state: SectionState): Section | null {
    const source: ResolvedSection =
      "error" in state.source
        ? state.source
        : { plan: state.source.plan, products: state.slots.map((slot) => slot.resolved) };
    return buildSection(source, state.position, this.capabilities, this.options());
  }

  private stateOf(home: ResolvedHome): SectionState[] {
    return home.sections.map((section, position) => this.sectionState(section, position));
  }

  private sectionState(source: ResolvedSection, position: number): SectionState {
    const built = buildSection(source, position, this.capabilities, this.options());
    const held = built === null ? "none" : built.__typename === "ErrorSection" ? "error" : "section";
    const shown = new Map(
      (built === null
        ? []
        : built.__typename === "HeroSection"
          ? [built.tile]
          : built.__typename === "ErrorSection"
            ? []
            : built.tiles
      ).map((tile) => [tile.id, tile.revision] as const),
    );
    const slots =
      "error" in source
        ? []
        : source.products.map((resolved, index): Slot => {
            const place: TilePlace = { sectionId: source.plan.id, kind: source.plan.kind, position: index };
            const revision = shown.get(tileId(place, resolved.ref.id));
            return {
              place,
              resolved,
              visible: revision !== undefined,
              revision: revision ?? tileRevision(resolved),
            };
          });
    return {
      source,
      position,
      held,
      typename: built?.__typename ?? null,
      title: built?.title ?? null,
      patchable: held === "section",
      hero: built?.__typename === "HeroSection",
      slots,
      revision: built?.revision ?? 0,
    };
  }
}

function visibleIds(section: SectionState): string[] {
  return section.slots.filter((slot) => slot.visible).map((slot) => slot.resolved.ref.id);
}

/** Whether the tiles both hold keep their order (tiles may come and go around them). */
function sameOrder(current: SectionState, next: SectionState): boolean {
  const before = visibleIds(current);
  const after = visibleIds(next);
  const kept = before.filter((id) => after.includes(id));
  return kept.join("\n") === after.filter((id) => before.includes(id)).join("\n");
}

/** A tile the client holds keeps its revision in a whole-section update, or passes it if it changed. */
function keepHeldRevisions(current: SectionState, next: SectionState): void {
  for (const slot of next.slots) {
    const held = current.slots.find((old) => old.visible && old.resolved.ref.id === slot.resolved.ref.id);
    if (!held) continue;
    slot.revision = sameData(held.resolved, slot.resolved)
      ? held.revision
      : Math.min(Math.max(slot.revision, held.revision + 1), MAX_REVISION);
  }
}

function sameData(a: ResolvedProduct, b: ResolvedProduct): boolean {
  return (
    a.state === b.state && a.personalVersion === b.personalVersion && a.genericVersion === b.genericVersion
  );
}

function dedupeResyncs(updates: HomeUpdate[]): HomeUpdate[] {
  const resync = updates.find((update) => update.__typename === "ResyncRequired");
  return resync ? [resync] : updates;
}

type TileDelta = Extract<HomeUpdate, { readonly tile: Tile }>;

/**
 * The deltas generic changes made, by change (the one message every subscription heard) and by
 * everything the tile and its delta are built from: the cohort (capabilities, locale), the tile's
 * place, the product's state and versions, the revision the client holds and whether it holds the
 * tile. Screens with equal keys get the same object, so the fan-out builds, executes and (by
 * identity) recognises it once per cohort instead of once per subscription. Only generic data is
 * keyed here; a personalised slot never takes this path. Gone with the change's data.
 */
const SHARED_GENERIC_UPDATES = new WeakMap<ProductInfo, Map<string, TileDelta>>();

/** Deltas taken from `SHARED_GENERIC_UPDATES`: the same object went to every screen of a cohort. */
const SHARED = new WeakSet<HomeUpdate>();

/** Whether other subscriptions got this very delta (same object): its GraphQL result can be shared. */
export function isSharedUpdate(update: HomeUpdate): boolean {
  return SHARED.has(update);
}

function rememberShared(info: ProductInfo, key: string, update: TileDelta): void {
  let byKey = SHARED_GENERIC_UPDATES.get(info);
  if (!byKey) {
    byKey = new Map();
    SHARED_GENERIC_UPDATES.set(info, byKey);
  }
  byKey.set(key, update);
  SHARED.add(update);
}

function sharedKey(cohort: string, slot: Slot, resolved: ResolvedProduct, index: number): string {
  const { place } = slot;
  return [
    cohort,
    place.sectionId,
    place.kind,
    place.position,
    resolved.ref.id,
    resolved.ref.service,
    resolved.state,
    resolved.reason ?? "",
    resolved.personalVersion,
    resolved.genericVersion,
    slot.revision,
    index,
  ].join("\u0000");
}
