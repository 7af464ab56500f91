import type {
  ActiveViewers,
  ChangeFeed,
  Clock,
  Logger,
  ProductData,
  ProductLoader,
  Recommendations,
  ReuseTicket,
  SectionCursors,
  Viewer,
} from "../domain/index.js";
import type { ComponentVersionRules } from "../ui-components/index.js";
import type { TileFaultLog } from "./tile-fault-log.js";

/** What every resolver of one operation shares. */
export interface GatewayContext {
  readonly viewer: Viewer;
  /** Per operation: batches and deduplicates every product lookup of this request. */
  readonly products: ProductLoader;
  readonly services: HomeServices;
  /**
   * Present when this answer may be kept for reuse: resolvers vouch for what they built from
   * settled data, and refuse for fallbacks, placeholders and errors.
   */
  readonly reuse?: ReuseTicket;
}

/** Process-wide collaborators the resolvers call. */
export interface HomeServices {
  readonly recommendations: Recommendations;
  readonly productData: ProductData;
  readonly changes: ChangeFeed;
  readonly activeViewers?: ActiveViewers;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly webBaseUrl: string;
  /** Components gated by app version (COMPONENT_VERSION_RULES). */
  readonly componentRules: ComponentVersionRules;
  readonly tileFaults: TileFaultLog;
  /** Signs and reads the page cursors of `section`. */
  readonly cursors: SectionCursors;
}

export function createContext(viewer: Viewer, services: HomeServices): GatewayContext {
  return { viewer, products: services.productData.loaderFor(viewer), services };
}
