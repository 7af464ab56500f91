import type {
  Personalisation,
  PlannedSection,
  ProductInfo,
  ResolvedHome,
  ResolvedProduct,
  SectionKind,
} from "../domain/index.js";
import {
  ACTION_KIND_OF,
  type Action,
  type Analytics,
  type BasicTile,
  type Capabilities,
  type ComponentKind,
  type HomeScreen,
  type Image,
  type Price,
  SCHEMA_VERSION,
  SECTION_KIND_OF,
  type Section,
  type SectionBase,
  TILE_KIND_OF,
  type Tile,
  type TileBase,
  type TileVariant,
} from "./components.js";

export interface BuildOptions {
  readonly nowMs: number;
  /** Web origin for fallback URLs of actions that have no product page, e.g. a retry. */
  readonly webBaseUrl: string;
  /** BCP 47, for prices. */
  readonly locale: string;
}

/** How long a tile stays fresh without a pushed update, by what it shows. */
export const FRESH_FOR_MS: Record<Personalisation, number> = {
  PERSONALIZED: 5 * 60_000,
  GENERIC: 60_000,
  PENDING: 10_000,
  UNAVAILABLE: 30_000,
};

const STATE_RANK: Record<Personalisation, number> = {
  UNAVAILABLE: 0,
  PENDING: 1,
  GENERIC: 2,
  PERSONALIZED: 3,
};

/**
 * A tile's revision: grows with the versions of the data it shows and, for the same data, from
 * placeholder to generic to personalised, so a pushed personalised tile always outranks the generic
 * one it replaces.
 */
export function tileRevision(resolved: ResolvedProduct): number {
  return Math.max(resolved.personalVersion, resolved.genericVersion) * 4 + STATE_RANK[resolved.state];
}

const SECTION_TILE_VARIANT: Record<SectionKind, TileVariant> = {
  hero: "FEATURED",
  carousel: "STANDARD",
  grid: "COMPACT",
  list: "STANDARD",
};

const RETRY_AFTER_SECONDS = 30;

/** The whole screen for one client: rich components where declared, the baseline elsewhere. */
export function buildHomeScreen(
  home: ResolvedHome,
  capabilities: Capabilities,
  options: BuildOptions,
): HomeScreen {
  const sections = home.sections
    .map((section, position) =>
      "error" in section
        ? errorSection(
            section.plan,
            position,
            "SECTION_FAILED",
            "This section could not be loaded.",
            capabilities,
            options,
          )
        : productSection(section.plan, section.products, position, capabilities, options),
    )
    .filter((section): section is Section => section !== null);
  const nowMs = options.nowMs;
  const staleAfterMs = Math.min(
    nowMs + FRESH_FOR_MS.PERSONALIZED,
    ...sections.flatMap((s) => tilesOf(s).map((t) => t.staleAfter.getTime())),
  );
  const viewerId = home.viewer.kind === "user" ? home.viewer.id : null;
  return {
    __typename: "HomeScreen",
    id: `home:${viewerId ?? "anonymous"}`,
    revision: Math.max(0, ...sections.map((section) => section.revision)),
    schemaVersion: SCHEMA_VERSION,
    viewer: { id: viewerId, anonymous: viewerId === null },
    generatedAt: new Date(nowMs),
    staleAfter: new Date(staleAfterMs),
    sections,
  };
}

export function tilesOf(section: Section): readonly Tile[] {
  switch (section.__typename) {
    case "HeroSection":
      return [section.tile];
    case "ErrorSection":
      return [];
    default:
      return section.tiles;
  }
}

function productSection(
  plan: PlannedSection,
  products: readonly ResolvedProduct[],
  position: number,
  capabilities: Capabilities,
  options: BuildOptions,
): Section | null {
  if (products.length > 0 && products.every((product) => product.state === "UNAVAILABLE")) {
    return errorSection(
      plan,
      position,
      "SECTION_UNAVAILABLE",
      "This section is unavailable right now.",
      capabilities,
      options,
    );
  }
  const tiles = products
    .map((product, index) =>
      buildTile(product, { sectionId: plan.id, kind: plan.kind, position: index }, capabilities, options),
    )
    .filter((tile): tile is Tile => tile !== null);
  if (tiles.length === 0) return null;

  const base = (kind: ComponentKind): Omit<SectionBase, "revision"> & { revision: number } => ({
    id: plan.id,
    revision: Math.max(...tiles.map((tile) => tile.revision)),
    title: plan.title,
    variant: plan.kind === "hero" ? "EMPHASIZED" : "DEFAULT",
    accessibilityLabel: plan.title,
    analytics: { loggingId: plan.id, component: kind, position },
  });
  const wanted: Section["__typename"] =
    plan.kind === "hero" && tiles.length === 1
      ? "HeroSection"
      : plan.kind === "carousel"
        ? "CarouselSection"
        : plan.kind === "grid"
          ? "GridSection"
          : "ListSection";
  const typename = capabilities.components.has(SECTION_KIND_OF[wanted]) ? wanted : "ListSection";
  const common = base(SECTION_KIND_OF[typename]);
  switch (typename) {
    case "HeroSection":
      return { __typename: typename, ...common, tile: tiles[0] as Tile };
    case "CarouselSection":
      return { __typename: typename, ...common, tiles };
    case "GridSection":
      return { __typename: typename, ...common, columns: 2, tiles };
    default:
      return { __typename: "ListSection", ...common, tiles };
  }
}

function errorSection(
  plan: PlannedSection,
  position: number,
  code: string,
  message: string,
  capabilities: Capabilities,
  options: BuildOptions,
): Section | null {
  if (!capabilities.components.has("ERROR_SECTION")) return null;
  const fallbackUrl = new URL("/", options.webBaseUrl).toString();
  const retry: Action = {
    __typename: "RetryAction",
    sectionId: plan.id,
    retryAfterSeconds: RETRY_AFTER_SECONDS,
    fallbackUrl,
    accessibilityLabel: `Retry ${plan.title}`,
  };
  return {
    __typename: "ErrorSection",
    id: plan.id,
    revision: 0,
    title: plan.title,
    variant: "DEFAULT",
    accessibilityLabel: `${plan.title}: ${message}`,
    analytics: { loggingId: plan.id, component: "ERROR_SECTION", position },
    message,
    code,
    retry: negotiateAction(retry, capabilities),
  };
}

export interface TilePlace {
  readonly sectionId: string;
  readonly kind: SectionKind;
  readonly position: number;
}

/** A tile's id: stable for the same product in the same section, whatever the tile shows. */
export function tileId(place: Pick<TilePlace, "sectionId">, productId: string): string {
  return `${place.sectionId}.${productId}`;
}

/** The tile for one product in one place, or null when this client cannot be shown anything useful. */
export function buildTile(
  resolved: ResolvedProduct,
  place: TilePlace,
  capabilities: Capabilities,
  options: BuildOptions,
): Tile | null {
  const rich = richTile(resolved, place, options);
  if (capabilities.components.has(TILE_KIND_OF[rich.__typename])) {
    return { ...rich, action: rich.action && negotiateAction(rich.action, capabilities) };
  }
  if (rich.__typename === "PlaceholderTile") return null;
  const info = resolved.info as ProductInfo;
  const basic: BasicTile = {
    ...tileBase(resolved, place, options, "BASIC_TILE"),
    __typename: "BasicTile",
    title: info.title,
    subtitle: summary(info, options.locale),
    image: imageOf(info),
  };
  return { ...basic, action: basic.action && negotiateAction(basic.action, capabilities) };
}

/** The richest tile for the data, before the client's capabilities are considered. */
function richTile(resolved: ResolvedProduct, place: TilePlace, options: BuildOptions): Tile {
  const info = resolved.info;
  if (!info) {
    return {
      ...tileBase(resolved, place, options, "PLACEHOLDER_TILE"),
      __typename: "PlaceholderTile",
      message: resolved.state === "PENDING" ? "Loading" : "Not available right now",
    };
  }
  const image = imageOf(info);
  const price = info.price ? formatPrice(info.price, options.locale) : null;
  switch (info.presentation) {
    case "deal":
      if (price) {
        return {
          ...tileBase(resolved, place, options, "DEAL_TILE"),
          __typename: "DealTile",
          title: info.title,
          image,
          price,
          originalPrice: info.originalPrice ? formatPrice(info.originalPrice, options.locale) : null,
          discount: info.badge ? { label: info.badge, tone: "POSITIVE" } : null,
          endsAt: info.endsAtMs === undefined ? null : new Date(info.endsAtMs),
        };
      }
      break;
    case "metric":
      if (info.metric) {
        const ratio = info.metric.max > 0 ? info.metric.value / info.metric.max : 0;
        return {
          ...tileBase(resolved, place, options, "METRIC_TILE"),
          __typename: "MetricTile",
          title: info.title,
          value: info.metric.value,
          max: info.metric.max,
          unit: info.metric.unit,
          caption: summary(info, options.locale) ?? "",
          tone: ratio >= 0.9 ? "CRITICAL" : ratio >= 0.75 ? "WARNING" : "NEUTRAL",
        };
      }
      break;
    case "media":
      if (image) {
        return {
          ...tileBase(resolved, place, options, "MEDIA_TILE"),
          __typename: "MediaTile",
          title: info.title,
          subtitle: info.subtitle ?? null,
          image,
          progress: info.progress ?? null,
        };
      }
      break;
    case "offer":
      break;
  }
  return {
    ...tileBase(resolved, place, options, "PRODUCT_TILE"),
    __typename: "ProductTile",
    title: info.title,
    subtitle: info.subtitle ?? null,
    image,
    price,
    badge: info.badge ? { label: info.badge, tone: "ACCENT" } : null,
  };
}

function tileBase(
  resolved: ResolvedProduct,
  place: TilePlace,
  options: BuildOptions,
  component: ComponentKind,
): TileBase {
  const info = resolved.info;
  const analytics: Analytics = {
    loggingId: `${place.sectionId}.${resolved.ref.id}`,
    component,
    position: place.position,
  };
  return {
    id: tileId(place, resolved.ref.id),
    revision: tileRevision(resolved),
    product: { id: resolved.ref.id, service: resolved.ref.service },
    personalization: { state: resolved.state, reason: resolved.reason ?? null },
    generatedAt: new Date(options.nowMs),
    staleAfter: new Date(options.nowMs + FRESH_FOR_MS[resolved.state]),
    variant: SECTION_TILE_VARIANT[place.kind],
    accessibilityLabel: info
      ? [info.title, summary(info, options.locale)].filter(Boolean).join(", ")
      : resolved.state === "PENDING"
        ? "Loading content"
        : "Not available right now",
    analytics,
    action: info
      ? {
          __typename: "OpenProductAction",
          productId: info.id,
          service: info.service,
          fallbackUrl: info.webUrl,
          accessibilityLabel: `Open ${info.title}`,
        }
      : null,
  };
}

/** The richest form of the action the client declared, down to opening its fallback URL. */
export function negotiateAction(action: Action, capabilities: Capabilities): Action {
  if (capabilities.actions.has(ACTION_KIND_OF[action.__typename])) return action;
  const { fallbackUrl, accessibilityLabel } = action;
  return { __typename: "OpenUrlAction", url: fallbackUrl, fallbackUrl, accessibilityLabel };
}

/** One line that says what a rich tile would show, for the baseline tile and screen readers. */
function summary(info: ProductInfo, locale: string): string | null {
  if (info.metric) {
    const { value, max, unit } = info.metric;
    return `${formatNumber(value, locale)} of ${formatNumber(max, locale)} ${unit}`;
  }
  const parts = [info.subtitle, info.price && formatPrice(info.price, locale).formatted, info.badge];
  const line = parts.filter(Boolean).join(" · ");
  return line === "" ? null : line;
}

function imageOf(info: ProductInfo): Image | null {
  if (!info.imageUrl) return null;
  return {
    url: info.imageUrl,
    alt: info.imageAlt ?? "",
    aspectRatio: info.presentation === "media" ? "PORTRAIT" : "LANDSCAPE",
  };
}

// Building an Intl formatter costs tens of microseconds; a screen formats dozens of prices.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, currency: string | null): Intl.NumberFormat {
  const key = `${locale}|${currency ?? ""}`;
  let format = formatters.get(key);
  if (!format) {
    if (formatters.size >= 256) formatters.clear(); // locales come from clients: keep this bounded
    format = currency
      ? new Intl.NumberFormat(locale, { style: "currency", currency })
      : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    formatters.set(key, format);
  }
  return format;
}

function formatPrice(money: { amountMinor: number; currency: string }, locale: string): Price {
  const format = formatter(locale, money.currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return { ...money, formatted: format.format(money.amountMinor / 10 ** digits) };
}

function formatNumber(value: number, locale: string): string {
  return formatter(locale, null).format(value);
}
