import type {
  ProductInfo,
  ProductRef,
  ResolvedHome,
  ResolvedProduct,
  ResolvedSection,
  SectionKind,
  Viewer,
} from "../../src/domain/index.js";
import {
  ACTION_KINDS,
  type ActionKind,
  BASELINE_ACTIONS,
  BASELINE_COMPONENTS,
  type BuildOptions,
  COMPONENT_KINDS,
  type Capabilities,
  type ComponentKind,
} from "../../src/ui-components/index.js";

// Hand-built resolutions for the UI builders, shaped like what ProductData returns: generic data
// carries personalVersion 0, personalised data genericVersion 0, placeholders no data at all.

export const NOW_MS = Date.UTC(2025, 0, 15, 12, 0, 0);
export const WEB_BASE_URL = "https://www.example.com";

export function buildOptions(overrides: Partial<BuildOptions> = {}): BuildOptions {
  return { nowMs: NOW_MS, webBaseUrl: WEB_BASE_URL, locale: "en-US", ...overrides };
}

/** What a client declared, on top of the baseline every client renders. */
export function capabilities(
  components: readonly ComponentKind[] = [],
  actions: readonly ActionKind[] = [],
): Capabilities {
  return {
    platform: "IOS",
    appVersion: "5.0.0",
    components: new Set([...BASELINE_COMPONENTS, ...components]),
    actions: new Set([...BASELINE_ACTIONS, ...actions]),
  };
}

/** A client that renders the whole vocabulary. */
export const EVERYTHING: Capabilities = capabilities(COMPONENT_KINDS, ACTION_KINDS);

export function productInfo(id: string, overrides: Partial<ProductInfo> = {}): ProductInfo {
  const service = overrides.service ?? "shop";
  return {
    id,
    service,
    version: 1,
    presentation: "offer",
    title: `Product ${id}`,
    route: `product/${service}/${id}`,
    webUrl: `https://www.example.com/${service}/${id}`,
    ...overrides,
  };
}

export function refOf(id: string, service = "shop"): ProductRef {
  return { id, service };
}

export function genericProduct(info: ProductInfo, overrides: Partial<ResolvedProduct> = {}): ResolvedProduct {
  return {
    ref: refOf(info.id, info.service),
    state: "GENERIC",
    reason: "NOT_PERSONALISED",
    info,
    personalVersion: 0,
    genericVersion: info.version,
    ...overrides,
  };
}

export function personalProduct(
  info: ProductInfo,
  overrides: Partial<ResolvedProduct> = {},
): ResolvedProduct {
  return {
    ref: refOf(info.id, info.service),
    state: "PERSONALIZED",
    info,
    personalVersion: info.version,
    genericVersion: 0,
    ...overrides,
  };
}

export function pendingProduct(id: string, overrides: Partial<ResolvedProduct> = {}): ResolvedProduct {
  return {
    ref: refOf(id),
    state: "PENDING",
    reason: "SERVICE_SLOW",
    personalVersion: 0,
    genericVersion: 0,
    ...overrides,
  };
}

export function unavailableProduct(id: string, overrides: Partial<ResolvedProduct> = {}): ResolvedProduct {
  return {
    ref: refOf(id),
    state: "UNAVAILABLE",
    reason: "SERVICE_FAILED",
    personalVersion: 0,
    genericVersion: 0,
    ...overrides,
  };
}

/** A resolved section whose plan lists exactly `products`, in order. */
export function section(
  id: string,
  kind: SectionKind,
  products: readonly ResolvedProduct[],
  title = `Section ${id}`,
): ResolvedSection {
  return { plan: { id, kind, title, products: products.map((product) => product.ref) }, products };
}

/** A section whose products failed to resolve at all. */
export function failedSection(
  id: string,
  kind: SectionKind,
  refs: readonly ProductRef[],
  title = `Section ${id}`,
): ResolvedSection {
  return { plan: { id, kind, title, products: refs }, error: new Error("product service is down") };
}

export function home(
  sections: readonly ResolvedSection[],
  viewer: Viewer = { kind: "user", id: "user-1" },
): ResolvedHome {
  return { viewer, planIsFallback: false, sections };
}
