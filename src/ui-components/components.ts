import type { FallbackReason, Personalisation } from "../domain/index.js";

/**
 * The server-driven UI vocabulary, version 1. Every node carries `__typename` so the GraphQL layer
 * resolves unions and interfaces without guessing, and so the tree can be serialised as it is.
 */
export const SCHEMA_VERSION = "1";

/** Components a client can declare it renders. The baseline ones every client renders. */
export const COMPONENT_KINDS = [
  "LIST_SECTION",
  "CAROUSEL_SECTION",
  "GRID_SECTION",
  "HERO_SECTION",
  "ERROR_SECTION",
  "BASIC_TILE",
  "PRODUCT_TILE",
  "DEAL_TILE",
  "METRIC_TILE",
  "MEDIA_TILE",
  "PLACEHOLDER_TILE",
] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

export const ACTION_KINDS = ["OPEN_URL", "NAVIGATE", "OPEN_PRODUCT", "DEEP_LINK", "RETRY"] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Kinds of live update; a client declares SECTION_UPDATE to get whole sections pushed. */
export const HOME_UPDATE_KINDS = [
  "TILE_UPDATE",
  "TILE_INSERT",
  "TILE_REMOVAL",
  "RESYNC_REQUIRED",
  "SECTION_UPDATE",
] as const;
export type HomeUpdateKind = (typeof HOME_UPDATE_KINDS)[number];

export const PLATFORMS = ["IOS", "ANDROID", "WEB"] as const;
export type Platform = (typeof PLATFORMS)[number];

/** What every client renders, declared or not: the floor that downgrades land on. */
export const BASELINE_COMPONENTS: ReadonlySet<ComponentKind> = new Set(["LIST_SECTION", "BASIC_TILE"]);
export const BASELINE_ACTIONS: ReadonlySet<ActionKind> = new Set(["OPEN_URL"]);

/** Design tokens: the client maps each to its own palette and type scale. */
export const TONES = ["NEUTRAL", "ACCENT", "POSITIVE", "WARNING", "CRITICAL"] as const;
export type Tone = (typeof TONES)[number];
export const TILE_VARIANTS = ["COMPACT", "STANDARD", "FEATURED"] as const;
export type TileVariant = (typeof TILE_VARIANTS)[number];
export const SECTION_VARIANTS = ["DEFAULT", "EMPHASIZED"] as const;
export type SectionVariant = (typeof SECTION_VARIANTS)[number];
export const ASPECT_RATIOS = ["SQUARE", "LANDSCAPE", "PORTRAIT", "WIDE"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export interface Image {
  readonly url: string;
  /** Empty for decorative images, so screen readers skip them. */
  readonly alt: string;
  readonly aspectRatio: AspectRatio;
}

export interface Badge {
  readonly label: string;
  readonly tone: Tone;
}

export interface Price {
  readonly amountMinor: number;
  readonly currency: string;
  /** Formatted for the viewer's locale, e.g. "€1,299.00". */
  readonly formatted: string;
}

export interface Analytics {
  /** Stable for the same content in the same place; log it with every impression and tap. */
  readonly loggingId: string;
  readonly component: ComponentKind;
  /** 0-based position within the parent. */
  readonly position: number;
}

export interface Personalization {
  readonly state: Personalisation;
  readonly reason: FallbackReason | null;
}

// --- actions -----------------------------------------------------------------------------------

interface ActionBase {
  /** A web page that does the same thing, for clients that cannot perform the action natively. */
  readonly fallbackUrl: string;
  readonly accessibilityLabel: string;
}
export interface OpenUrlAction extends ActionBase {
  readonly __typename: "OpenUrlAction";
  readonly url: string;
}
export interface NavigateAction extends ActionBase {
  readonly __typename: "NavigateAction";
  readonly route: string;
}
export interface OpenProductAction extends ActionBase {
  readonly __typename: "OpenProductAction";
  readonly productId: string;
  readonly service: string;
}
export interface DeepLinkAction extends ActionBase {
  readonly __typename: "DeepLinkAction";
  readonly url: string;
}
export interface RetryAction extends ActionBase {
  readonly __typename: "RetryAction";
  readonly sectionId: string;
  readonly retryAfterSeconds: number;
}
export type Action = OpenUrlAction | NavigateAction | OpenProductAction | DeepLinkAction | RetryAction;

export const ACTION_KIND_OF: Record<Action["__typename"], ActionKind> = {
  OpenUrlAction: "OPEN_URL",
  NavigateAction: "NAVIGATE",
  OpenProductAction: "OPEN_PRODUCT",
  DeepLinkAction: "DEEP_LINK",
  RetryAction: "RETRY",
};

// --- tiles -------------------------------------------------------------------------------------

export interface TileBase {
  readonly id: string;
  /** Grows whenever what the tile shows changes; a client keeps the highest it has seen per id. */
  readonly revision: number;
  readonly product: { readonly id: string; readonly service: string } | null;
  readonly personalization: Personalization;
  readonly generatedAt: Date;
  /** After this the client should refetch if no pushed update replaced the tile. */
  readonly staleAfter: Date;
  readonly variant: TileVariant;
  readonly accessibilityLabel: string;
  readonly analytics: Analytics;
  readonly action: Action | null;
}
export interface BasicTile extends TileBase {
  readonly __typename: "BasicTile";
  readonly title: string;
  readonly subtitle: string | null;
  readonly image: Image | null;
}
export interface ProductTile extends TileBase {
  readonly __typename: "ProductTile";
  readonly title: string;
  readonly subtitle: string | null;
  readonly image: Image | null;
  readonly price: Price | null;
  readonly badge: Badge | null;
}
export interface DealTile extends TileBase {
  readonly __typename: "DealTile";
  readonly title: string;
  readonly image: Image | null;
  readonly price: Price;
  readonly originalPrice: Price | null;
  readonly discount: Badge | null;
  readonly endsAt: Date | null;
}
export interface MetricTile extends TileBase {
  readonly __typename: "MetricTile";
  readonly title: string;
  readonly value: number;
  readonly max: number;
  readonly unit: string;
  /** e.g. "3.2 of 10 GB used". */
  readonly caption: string;
  readonly tone: Tone;
}
export interface MediaTile extends TileBase {
  readonly __typename: "MediaTile";
  readonly title: string;
  readonly subtitle: string | null;
  readonly image: Image;
  /** 0..1, how far the viewer got; null when not started. */
  readonly progress: number | null;
}
export interface PlaceholderTile extends TileBase {
  readonly __typename: "PlaceholderTile";
  /** Short text for the space, e.g. "Loading your offer"; null to show a skeleton only. */
  readonly message: string | null;
}
export type Tile = BasicTile | ProductTile | DealTile | MetricTile | MediaTile | PlaceholderTile;

export const TILE_KIND_OF: Record<Tile["__typename"], ComponentKind> = {
  BasicTile: "BASIC_TILE",
  ProductTile: "PRODUCT_TILE",
  DealTile: "DEAL_TILE",
  MetricTile: "METRIC_TILE",
  MediaTile: "MEDIA_TILE",
  PlaceholderTile: "PLACEHOLDER_TILE",
};

// --- sections ----------------------------------------------------------------------------------

export interface SectionBase {
  readonly id: string;
  readonly revision: number;
  readonly title: string | null;
  readonly variant: SectionVariant;
  readonly accessibilityLabel: string;
  readonly analytics: Analytics;
}
/** Relay-style: where a page of a section's tiles sits in the whole section. */
export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  /** Pass as `after` to `section` for the tiles after the page's first or last one. */
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

/** The page info of a section sent whole, as `home` sends every section it loads. */
export const WHOLE_SECTION: PageInfo = Object.freeze({
  hasNextPage: false,
  hasPreviousPage: false,
  startCursor: null,
  endCursor: null,
});

export interface HeroSection extends SectionBase {
  readonly __typename: "HeroSection";
  readonly tile: Tile;
}
export interface CarouselSection extends SectionBase {
  readonly __typename: "CarouselSection";
  readonly pageInfo: PageInfo;
  readonly tiles: readonly Tile[];
}
export interface GridSection extends SectionBase {
  readonly __typename: "GridSection";
  readonly pageInfo: PageInfo;
  readonly columns: number;
  readonly tiles: readonly Tile[];
}
export interface ListSection extends SectionBase {
  readonly __typename: "ListSection";
  readonly pageInfo: PageInfo;
  readonly tiles: readonly Tile[];
}
export interface ErrorSection extends SectionBase {
  readonly __typename: "ErrorSection";
  readonly message: string;
  /** Stable, machine-readable, e.g. SECTION_UNAVAILABLE. */
  readonly code: string;
  readonly retry: Action;
}
export type Section = HeroSection | CarouselSection | GridSection | ListSection | ErrorSection;

/**
 * A section `home` did not load (past `firstSections`): what it is planned as, for a skeleton, and
 * its id to load it by with `section`.
 */
export interface LazySection extends SectionBase {
  readonly __typename: "LazySection";
  /** The component it is planned as; the loaded section may still be an ErrorSection, or nothing. */
  readonly kind: ComponentKind;
}

/** A section as a screen lists it: loaded, or a stub to load. */
export type ScreenSection = Section | LazySection;

export const SECTION_KIND_OF: Record<Section["__typename"], ComponentKind> = {
  HeroSection: "HERO_SECTION",
  CarouselSection: "CAROUSEL_SECTION",
  GridSection: "GRID_SECTION",
  ListSection: "LIST_SECTION",
  ErrorSection: "ERROR_SECTION",
};

export interface HomeScreen {
  readonly __typename: "HomeScreen";
  readonly id: string;
  readonly revision: number;
  readonly schemaVersion: string;
  readonly viewer: { readonly id: string | null; readonly anonymous: boolean };
  readonly generatedAt: Date;
  readonly staleAfter: Date;
  readonly sections: readonly ScreenSection[];
}

/** What the client says it can render; the server never sends it anything else. */
export interface Capabilities {
  readonly platform: Platform;
  readonly appVersion: string;
  readonly components: ReadonlySet<ComponentKind>;
  readonly actions: ReadonlySet<ActionKind>;
  /**
   * Live updates it applies beyond v1's tile deltas and resyncs; absent: those only. Without
   * SECTION_UPDATE, a section that would be pushed whole is a ResyncRequired instead.
   */
  readonly updates?: ReadonlySet<HomeUpdateKind>;
}

/** A client that declared nothing: the baseline only. */
export const BASELINE_CAPABILITIES: Capabilities = {
  platform: "WEB",
  appVersion: "0.0.0",
  components: BASELINE_COMPONENTS,
  actions: BASELINE_ACTIONS,
};
