/** The viewer's id as the token names it. */
export type UserId = string;
/** A product line, served by one upstream product service (e.g. "travel"). */
export type ServiceId = string;
/** A product, unique across services. */
export type ProductId = string;

export type Viewer = { readonly kind: "anonymous" } | { readonly kind: "user"; readonly id: UserId };

export const ANONYMOUS: Viewer = Object.freeze({ kind: "anonymous" });

export interface ProductRef {
  readonly id: ProductId;
  readonly service: ServiceId;
}

export interface Money {
  /** In the currency's minor unit (cents), so no float rounding reaches a price. */
  readonly amountMinor: number;
  /** ISO 4217. */
  readonly currency: string;
}

/** What a product service says about a product, for one user (personalised) or for everyone (generic). */
export interface ProductInfo {
  readonly id: ProductId;
  readonly service: ServiceId;
  /**
   * Increases with every change of this entry (per user and product, or per product when generic);
   * a write carrying an older version never replaces a newer one. Product services use the
   * change's timestamp in milliseconds, or any counter that only grows.
   */
  readonly version: number;
  /** How the product wants to be shown; the screen composer maps it to a component. */
  readonly presentation: ProductPresentation;
  readonly title: string;
  readonly subtitle?: string | undefined;
  readonly imageUrl?: string | undefined;
  readonly imageAlt?: string | undefined;
  readonly price?: Money | undefined;
  readonly originalPrice?: Money | undefined;
  readonly badge?: string | undefined;
  /** For `metric` products: progress of something measured (data used, savings goal). */
  readonly metric?: { readonly value: number; readonly max: number; readonly unit: string } | undefined;
  /** For `media` products: how far the viewer got (0..1). */
  readonly progress?: number | undefined;
  /** When a deal ends, epoch milliseconds. */
  readonly endsAtMs?: number | undefined;
  /** The app route that opens the product, e.g. "product/travel/FL-1". */
  readonly route: string;
  /** A web page every client can open when it cannot follow the route. */
  readonly webUrl: string;
}

export type ProductPresentation = "offer" | "deal" | "metric" | "media";

export type SectionKind = "hero" | "carousel" | "grid" | "list";

/** One section of a viewer's home screen as recommendations plan it: which products, in which order. */
export interface PlannedSection {
  readonly id: string;
  readonly kind: SectionKind;
  readonly title: string;
  readonly products: readonly ProductRef[];
}

export interface HomePlan {
  readonly sections: readonly PlannedSection[];
}

/** Why a tile shows what it shows. */
export const PERSONALISATION_STATES = ["PERSONALIZED", "GENERIC", "PENDING", "UNAVAILABLE"] as const;
export type Personalisation = (typeof PERSONALISATION_STATES)[number];

export const FALLBACK_REASONS = [
  "ANONYMOUS_VIEWER",
  "SERVICE_SLOW",
  "SERVICE_FAILED",
  "NOT_PERSONALISED",
  "NO_DATA",
] as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

/** A product's data as one request resolved it, with how it got there. */
export interface ResolvedProduct {
  readonly ref: ProductRef;
  readonly state: Personalisation;
  readonly reason?: FallbackReason | undefined;
  /** Absent when state is PENDING or UNAVAILABLE. */
  readonly info?: ProductInfo | undefined;
  /** Versions behind this resolution; they order the tile's revisions. */
  readonly personalVersion: number;
  readonly genericVersion: number;
}
