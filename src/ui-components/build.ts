import type {
  Personalisation,
  PlannedSection,
  ProductInfo,
  ResolvedHome,
  ResolvedProduct,
  ResolvedSection,
  SectionKind,
} from "../domain/index.js";
import {
  ACTION_KIND_OF,
  type Action,
  type Analytics,
  type BasicTile,
  type Capabilities,
  type ComponentKind,
  type DealTile,
  type HomeScreen,
  type Image,
  type LazySection,
  type MediaTile,
  type MetricTile,
  type PageInfo,
  type PlaceholderTile,
  type Price,
  type ProductTile,
  SCHEMA_VERSION,
  SECTION_KIND_OF,
  type ScreenSection,
  type Section,
  type SectionBase,
  TILE_KIND_OF,
  type Tile,
  type TileBase,
  type TileVariant,
  WHOLE_SECTION,
} from "./components.js";

export interface BuildOptions {
  readonly nowMs: number;
  /** Web origin for fallback URLs of actions that have no product page, e.g. a retry. */
  readonly webBaseUrl: string;
  /** BCP 47, for prices. */
  readonly locale: string;
  /**
   * Told about a tile that could not be completed (a value no client could read); the tile is
   * shown as a placeholder instead, or left out for clients that do not render placeholders.
   */
  readonly onTileFault?: (fault: TileFault) => void;
}

/** A tile replaced by a placeholder: which one, and why. */
export interface TileFault {
  readonly tileId: string;
  readonly product: { readonly id: string; readonly service: string };
  /** What could not be sent, e.g. "endsAt: not a valid date". */
  readonly reason: string;
  readonly cause?: unknown;
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

/** Revisions are GraphQL SafeInts: no revision may exceed this. */
export const MAX_REVISION = Number.MAX_SAFE_INTEGER;
/**
 * Versions up to this (about 1.7e15: as milliseconds, the year 55,000) each get revisions of their
 * own; above it, every {@link VERSIONS_PER_REVISION_STEP} versions share one, so the largest version
 * an event may carry (2^53 - 1) still leaves room below {@link MAX_REVISION}.
 */
const EXACT_VERSIONS = 3 * 2 ** 49;
const VERSIONS_PER_REVISION_STEP = 16;

/**
 * A tile's revision: grows with the versions of the data it shows and, for the same data, from
 * placeholder to generic to personalised, so a pushed personalised tile always outranks the generic
 * one it replaces. Never above 2^53 - 2^50 for any version (upstreams may send any number), which
 * leaves the live screen room to raise it.
 */
export function tileRevision(resolved: ResolvedProduct): number {
  const version = Math.floor(
    Math.min(Math.max(resolved.personalVersion, resolved.genericVersion, 0), Number.MAX_SAFE_INTEGER),
  );
  const step =
    version <= EXACT_VERSIONS
      ? version
      : EXACT_VERSIONS + Math.floor((version - EXACT_VERSIONS) / VERSIONS_PER_REVISION_STEP);
  return step * 4 + STATE_RANK[resolved.state];
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
  const loaded = home.sections
    .map((section, position) => buildSection(section, position, capabilities, options))
    .filter((section): section is Section => section !== null);
  const sections: ScreenSection[] = loaded;
  home.deferred?.forEach((plan, index) =>
    sections.push(lazySection(plan, home.sections.length + index, capabilities)),
  );
  const nowMs = options.nowMs;
  const staleAfterMs = Math.min(
    nowMs + FRESH_FOR_MS.PERSONALIZED,
    ...loaded.flatMap((s) => tilesOf(s).map((t) => t.staleAfter.getTime())),
  );
  const viewerId = home.viewer.kind === "user" ? home.viewer.id : null;
  return {
    __typename: "HomeScreen",
    id: `home:${viewerId ?? "anonymous"}`,
    revision: Math.max(0, ...loaded.map((section) => section.revision)),
    schemaVersion: SCHEMA_VERSION,
    viewer: { id: viewerId, anonymous: viewerId === null },
    generatedAt: new Date(nowMs),
    staleAfter: new Date(staleAfterMs),
    sections,
  };
}

/** Where a page of a section's tiles starts, and its page info; `home` sends sections whole. */
export interface SectionPage {
  /** Index in the whole section of the page's first product. */
  readonly firstTile: number;
  readonly pageInfo: PageInfo;
}

const WHOLE: SectionPage = { firstTile: 0, pageInfo: WHOLE_SECTION };

/**
 * One section as `home` shows it at `position`, or a page of its tiles (the section's products are
 * then the page's); null when this client can be shown nothing of it.
 */
export function buildSection(
  section: ResolvedSection,
  position: number,
  capabilities: Capabilities,
  options: BuildOptions,
  page: SectionPage = WHOLE,
): Section | null {
  return "error" in section
    ? errorSection(
        section.plan,
        position,
        "SECTION_FAILED",
        "This section could not be loaded.",
        capabilities,
        options,
      )
    : productSection(section.plan, section.products, position, capabilities, options, page);
}

/** The stub of a section not loaded yet, with the component it is planned as for this client. */
function lazySection(plan: PlannedSection, position: number, capabilities: Capabilities): LazySection {
  const kind = SECTION_KIND_OF[sectionTypename(plan, plan.products.length, capabilities)];
  return {
    __typename: "LazySection",
    id: plan.id,
    revision: 0,
    title: plan.title,
    variant: plan.kind === "hero" ? "EMPHASIZED" : "DEFAULT",
    accessibilityLabel: plan.title,
    analytics: { loggingId: plan.id, component: kind, position },
    kind,
  };
}

/** The component a planned section becomes with this many tiles, for this client. */
function sectionTypename(
  plan: PlannedSection,
  tiles: number,
  capabilities: Capabilities,
): Exclude<Section["__typename"], "ErrorSection"> {
  const wanted =
    plan.kind === "hero" && tiles === 1
      ? "HeroSection"
      : plan.kind === "carousel"
        ? "CarouselSection"
        : plan.kind === "grid"
          ? "GridSection"
          : "ListSection";
  return capabilities.components.has(SECTION_KIND_OF[wanted]) ? wanted : "ListSection";
}

export function tilesOf(section: ScreenSection): readonly Tile[] {
  switch (section.__typename) {
    case "HeroSection":
      return [section.tile];
    case "ErrorSection":
    case "LazySection":
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
  page: SectionPage,
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
      buildTile(
        product,
        { sectionId: plan.id, kind: plan.kind, position: page.firstTile + index },
        capabilities,
        options,
      ),
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
  const typename = sectionTypename(plan, tiles.length, capabilities);
  const common = base(SECTION_KIND_OF[typename]);
  const pageInfo = page.pageInfo;
  switch (typename) {
    case "HeroSection":
      return { __typename: typename, ...common, tile: tiles[0] as Tile };
    case "CarouselSection":
      return { __typename: typename, ...common, tiles, pageInfo };
    case "GridSection":
      return { __typename: typename, ...common, columns: 2, tiles, pageInfo };
    default:
      return { __typename: "ListSection", ...common, tiles, pageInfo };
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

/**
 * The tile for one product in one place, or null when this client cannot be shown anything useful.
 * A tile that cannot be completed fails alone: it becomes a placeholder (reported through
 * `options.onTileFault`), never an error of the whole screen.
 */
export function buildTile(
  resolved: ResolvedProduct,
  place: TilePlace,
  capabilities: Capabilities,
  options: BuildOptions,
): Tile | null {
  let fault: { reason: string; cause?: unknown };
  try {
    const tile = completeTile(resolved, place, capabilities, options);
    const unreadable = tile && unreadableValueOf(tile);
    if (!unreadable) return tile;
    fault = { reason: unreadable };
  } catch (error) {
    fault = { reason: "the tile could not be built", cause: error };
  }
  const product = { id: resolved.ref.id, service: resolved.ref.service };
  options.onTileFault?.({ tileId: tileId(place, resolved.ref.id), product, ...fault });
  const unavailable: ResolvedProduct = {
    ref: resolved.ref,
    state: "UNAVAILABLE",
    reason: "NO_DATA",
    personalVersion: resolved.personalVersion,
    genericVersion: resolved.genericVersion,
  };
  return completeTile(unavailable, place, capabilities, options);
}

/**
 * What in a built tile the schema's scalars would refuse to send (and so fail every node above it),
 * or undefined when it can be sent.
 */
export function unreadableValueOf(tile: Tile): string | undefined {
  if (!Number.isSafeInteger(tile.revision) || tile.revision < 0) return `revision: ${tile.revision}`;
  const dates: [string, Date | null][] = [
    ["generatedAt", tile.generatedAt],
    ["staleAfter", tile.staleAfter],
  ];
  const integers: [string, number | undefined][] = [];
  const numbers: [string, number | null][] = [];
  switch (tile.__typename) {
    case "DealTile":
      dates.push(["endsAt", tile.endsAt]);
      integers.push(["price", tile.price.amountMinor], ["originalPrice", tile.originalPrice?.amountMinor]);
      break;
    case "ProductTile":
      integers.push(["price", tile.price?.amountMinor]);
      break;
    case "MetricTile":
      numbers.push(["value", tile.value], ["max", tile.max]);
      break;
    case "MediaTile":
      numbers.push(["progress", tile.progress]);
      break;
    default:
      break;
  }
  for (const [field, date] of dates) {
    if (date !== null && Number.isNaN(date.getTime())) return `${field}: not a valid date`;
  }
  for (const [field, value] of integers) {
    if (value !== undefined && !Number.isSafeInteger(value))
      return `${field}: ${value} is not a safe integer`;
  }
  for (const [field, value] of numbers) {
    if (value !== null && !Number.isFinite(value)) return `${field}: ${value} is not a finite number`;
  }
  return undefined;
}

function completeTile(
  resolved: ResolvedProduct,
  place: TilePlace,
  capabilities: Capabilities,
  options: BuildOptions,
): Tile | null {
  const rich = richTile(resolved, place, options, capabilities);
  if (capabilities.components.has(TILE_KIND_OF[rich.__typename])) return rich;
  if (rich.__typename === "PlaceholderTile") return null;
  const info = resolved.info as ProductInfo;
  return extend<BasicTile>(tileBase(resolved, place, options, "BASIC_TILE", capabilities), {
    __typename: "BasicTile",
    title: info.title,
    subtitle: summary(info, options.locale),
    image: imageOf(info),
  });
}

/** The richest tile for the data, before the client's components are considered (its actions are). */
function richTile(
  resolved: ResolvedProduct,
  place: TilePlace,
  options: BuildOptions,
  capabilities: Capabilities,
): Tile {
  const info = resolved.info;
  const base = (component: ComponentKind): TileBase =>
    tileBase(resolved, place, options, component, capabilities);
  if (!info) {
    return extend<PlaceholderTile>(base("PLACEHOLDER_TILE"), {
      __typename: "PlaceholderTile",
      message: resolved.state === "PENDING" ? "Loading" : "Not available right now",
    });
  }
  const image = imageOf(info);
  const price = info.price ? formatPrice(info.price, options.locale) : null;
  switch (info.presentation) {
    case "deal":
      if (price) {
        return extend<DealTile>(base("DEAL_TILE"), {
          __typename: "DealTile",
          title: info.title,
          image,
          price,
          originalPrice: info.originalPrice ? formatPrice(info.originalPrice, options.locale) : null,
          discount: info.badge ? { label: info.badge, tone: "POSITIVE" } : null,
          endsAt: info.endsAtMs === undefined ? null : new Date(info.endsAtMs),
        });
      }
      break;
    case "metric":
      if (info.metric) {
        const ratio = info.metric.max > 0 ? info.metric.value / info.metric.max : 0;
        return extend<MetricTile>(base("METRIC_TILE"), {
          __typename: "MetricTile",
          title: info.title,
          value: info.metric.value,
          max: info.metric.max,
          unit: info.metric.unit,
          caption: summary(info, options.locale) ?? "",
          tone: ratio >= 0.9 ? "CRITICAL" : ratio >= 0.75 ? "WARNING" : "NEUTRAL",
        });
      }
      break;
    case "media":
      if (image) {
        return extend<MediaTile>(base("MEDIA_TILE"), {
          __typename: "MediaTile",
          title: info.title,
          subtitle: info.subtitle ?? null,
          image,
          progress: info.progress ?? null,
        });
      }
      break;
    case "offer":
      break;
  }
  return extend<ProductTile>(base("PRODUCT_TILE"), {
    __typename: "ProductTile",
    title: info.title,
    subtitle: info.subtitle ?? null,
    image,
    price,
    badge: info.badge ? { label: info.badge, tone: "ACCENT" } : null,
  });
}

/**
 * `{ ...base, ...extra }` for a `base` nobody else holds, built by adding `extra`'s properties to
 * it. On Node 20, each property that follows a spread in an object literal takes a slow path (about
 * 0.7 us), which made every tile literal cost 5-8 us: a third of the time to build a warm screen.
 */
function extend<T extends TileBase>(base: TileBase, extra: Omit<T, keyof TileBase>): T {
  return Object.assign(base, extra) as T;
}

function tileBase(
  resolved: ResolvedProduct,
  place: TilePlace,
  options: BuildOptions,
  component: ComponentKind,
  capabilities: Capabilities,
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
      ? negotiateAction(
          {
            __typename: "OpenProductAction",
            productId: info.id,
            service: info.service,
            fallbackUrl: info.webUrl,
            accessibilityLabel: `Open ${info.title}`,
          },
          capabilities,
        )
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

interface NumberFormatter {
  readonly format: Intl.NumberFormat;
  /** Minor units per major unit, as a power of ten (2 for EUR). */
  readonly fractionDigits: number;
  /** What `format` made of each value so far. */
  readonly formatted: Map<number, string>;
}

/**
 * Building an Intl formatter costs tens of microseconds, and formatting one number a few more: a
 * screen formats dozens, and the same prices and metrics come back on every request, so both the
 * formatters and their results are kept (the warm home spent a third of its screen-building time
 * here). Both maps are bounded: locales come from clients, values from every product.
 */
const formatters = new Map<string, NumberFormatter>();
const MAX_FORMATTERS = 256;
const MAX_FORMATTED_PER_FORMATTER = 1_000;

function formatter(locale: string, currency: string | null): NumberFormatter {
  const key = `${locale}|${currency ?? ""}`;
  let entry = formatters.get(key);
  if (!entry) {
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    const format = currency
      ? new Intl.NumberFormat(locale, { style: "currency", currency })
      : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    entry = {
      format,
      fractionDigits: format.resolvedOptions().maximumFractionDigits ?? 2,
      formatted: new Map(),
    };
    formatters.set(key, entry);
  }
  return entry;
}

function formatWith(formatter: NumberFormatter, value: number): string {
  // A Map cannot tell -0 from 0, and Intl writes them differently.
  if (Object.is(value, -0)) return formatter.format.format(value);
  let text = formatter.formatted.get(value);
  if (text === undefined) {
    if (formatter.formatted.size >= MAX_FORMATTED_PER_FORMATTER) formatter.formatted.clear();
    text = formatter.format.format(value);
    formatter.formatted.set(value, text);
  }
  return text;
}

function formatPrice(money: { amountMinor: number; currency: string }, locale: string): Price {
  const entry = formatter(locale, money.currency);
  const formatted = formatWith(entry, money.amountMinor / 10 ** entry.fractionDigits);
  // Not `{ ...money, formatted }`: see `extend`.
  return { amountMinor: money.amountMinor, currency: money.currency, formatted };
}

function formatNumber(value: number, locale: string): string {
  return formatWith(formatter(locale, null), value);
}
