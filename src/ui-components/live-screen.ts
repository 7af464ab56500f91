import type { FallbackReason, ProductInfo, ResolvedHome, ResolvedProduct } from "../domain/index.js";
import { type BuildOptions, MAX_REVISION, type TilePlace, buildTile, tileId, tileRevision } from "./build.js";
import type { Capabilities, Tile } from "./components.js";

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
  | { readonly __typename: "ResyncRequired"; readonly reason: string };

interface Slot {
  readonly place: TilePlace;
  resolved: ResolvedProduct;
  /** Whether the client holds a tile for it (a client may not render placeholders, say). */
  visible: boolean;
  revision: number;
}

interface SectionState {
  readonly id: string;
  /** False for sections the client got as an error node or not at all: pushes cannot patch them. */
  readonly patchable: boolean;
  /** The client holds it as a HeroSection, which has room for its one tile only. */
  readonly hero: boolean;
  slots: Slot[];
}

/**
 * The screen one subscription's client holds, as the server last described it, and the deltas that
 * bring it up to date. Revisions only grow per tile, whatever the versions of the data say.
 */
export class LiveScreen {
  private sections: SectionState[];

  constructor(
    home: ResolvedHome,
    private readonly capabilities: Capabilities,
    private readonly options: () => BuildOptions,
  ) {
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
    return this.update(info.id, (slot) =>
      slot.resolved.state !== "PERSONALIZED" && info.version > slot.resolved.genericVersion
        ? {
            ...slot.resolved,
            state: "GENERIC",
            reason: slot.resolved.reason ?? ("NOT_PERSONALISED" satisfies FallbackReason),
            info,
            genericVersion: info.version,
          }
        : null,
    );
  }

  /** The viewer's plan changed: inserts and removals where sections stayed put, else a resync. */
  replan(next: ResolvedHome): HomeUpdate[] {
    const nextSections = this.stateOf(next);
    const sameLayout =
      nextSections.length === this.sections.length &&
      nextSections.every((section, index) => {
        const current = this.sections[index] as SectionState;
        return (
          section.id === current.id && section.patchable && current.patchable && section.hero === current.hero
        );
      });
    if (!sameLayout) {
      this.sections = nextSections;
      return [{ __typename: "ResyncRequired", reason: "SECTIONS_CHANGED" }];
    }
    const updates: HomeUpdate[] = [];
    for (const [index, section] of nextSections.entries()) {
      const current = this.sections[index] as SectionState;
      const before = current.slots.filter((slot) => slot.visible).map((slot) => slot.resolved.ref.id);
      const after = section.slots.filter((slot) => slot.visible).map((slot) => slot.resolved.ref.id);
      const kept = before.filter((id) => after.includes(id));
      if (kept.join("\n") !== after.filter((id) => before.includes(id)).join("\n")) {
        this.sections = nextSections;
        return [{ __typename: "ResyncRequired", reason: "TILES_REORDERED" }];
      }
      for (const slot of section.slots) {
        const held = current.slots.find((old) => old.visible && old.resolved.ref.id === slot.resolved.ref.id);
        // A kept tile is still what the client holds: the snapshot may already have read data whose
        // change is yet to reach this screen, and the revision must stay above what was sent.
        if (held && slot.visible) {
          slot.resolved = held.resolved;
          slot.revision = held.revision;
        }
      }
      for (const slot of current.slots) {
        if (slot.visible && !after.includes(slot.resolved.ref.id)) {
          updates.push({
            __typename: "TileRemoval",
            sectionId: section.id,
            tileId: tileId(slot.place, slot.resolved.ref.id),
          });
        }
      }
      section.slots.forEach((slot, position) => {
        if (!slot.visible || before.includes(slot.resolved.ref.id)) return;
        const tile = this.build(slot.resolved, slot.place);
        if (tile) {
          const visibleIndex = section.slots.slice(0, position).filter((s) => s.visible).length;
          updates.push({ __typename: "TileInsert", sectionId: section.id, index: visibleIndex, tile });
        }
      });
    }
    this.sections = nextSections;
    return updates;
  }

  private update(productId: string, next: (slot: Slot) => ResolvedProduct | null): HomeUpdate[] {
    const updates: HomeUpdate[] = [];
    for (const section of this.sections) {
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
        const built = this.build(resolved, slot.place);
        if (!built) return;
        // Grows even when the data's own versions do not order the two states (e.g. an old
        // personalised entry replacing a fresher generic one).
        const revision = Math.min(Math.max(built.revision, slot.revision + 1), MAX_REVISION);
        const tile = { ...built, revision };
        slot.resolved = resolved;
        slot.revision = revision;
        if (slot.visible) {
          updates.push({ __typename: "TileUpdate", sectionId: section.id, tile });
        } else {
          slot.visible = true;
          const index = section.slots.slice(0, position).filter((s) => s.visible).length;
          updates.push({ __typename: "TileInsert", sectionId: section.id, index, tile });
        }
      });
    }
    return dedupeResyncs(updates);
  }

  private build(resolved: ResolvedProduct, place: TilePlace): Tile | null {
    return buildTile(resolved, place, this.capabilities, this.options());
  }

  private stateOf(home: ResolvedHome): SectionState[] {
    return home.sections.map((section) => {
      if ("error" in section) return { id: section.plan.id, patchable: false, hero: false, slots: [] };
      const allUnavailable =
        section.products.length > 0 && section.products.every((product) => product.state === "UNAVAILABLE");
      const slots = section.products.map((resolved, position): Slot => {
        const place: TilePlace = { sectionId: section.plan.id, kind: section.plan.kind, position };
        const tile = this.build(resolved, place);
        return {
          place,
          resolved,
          visible: tile !== null,
          revision: tile?.revision ?? tileRevision(resolved),
        };
      });
      const visible = slots.filter((slot) => slot.visible).length;
      // Must match buildHomeScreen's choice: a push cannot grow a HeroSection into a list.
      const hero =
        section.plan.kind === "hero" && visible === 1 && this.capabilities.components.has("HERO_SECTION");
      return { id: section.plan.id, patchable: !allUnavailable && visible > 0, hero, slots };
    });
  }
}

function dedupeResyncs(updates: HomeUpdate[]): HomeUpdate[] {
  const resync = updates.find((update) => update.__typename === "ResyncRequired");
  return resync ? [resync] : updates;
}
