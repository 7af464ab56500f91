import type {
  Clock,
  HomePlan,
  PlannedSection,
  ProductRef,
  Recommendations,
  SectionKind,
  ServiceId,
  Viewer,
} from "../../domain/index.js";
import { LRUCache } from "lru-cache";
import { appendBounded } from "./call-log.js";
import { demoCatalog } from "./demo-catalog.js";
import type { FakeProductService } from "./fake-product-service.js";
import { hashString, unitHash } from "./seeded-random.js";

export interface FakeRecommendationsOptions {
  readonly clock: Clock;
  /** The products to plan from, in their generic order; defaults to the demo catalog. */
  readonly products?: readonly ProductRef[];
  /** Or the products these services hold now (ignored when `products` is given). */
  readonly services?: readonly FakeProductService[];
  /** Tiles over all sections of a plan, hero included. */
  readonly tilesPerUser?: number;
}

interface SectionStyle {
  readonly id: string;
  readonly kind: SectionKind;
  readonly title: string;
  readonly anonymousTitle: string;
}

/** Where each demo product line's products go; products of any other service get a list of their own. */
const SECTION_BY_SERVICE: Readonly<Record<string, SectionStyle>> = {
  shop: { id: "deals", kind: "carousel", title: "Deals for you", anonymousTitle: "Today's deals" },
  media: { id: "watching", kind: "carousel", title: "Continue watching", anonymousTitle: "Popular to watch" },
  travel: { id: "trips", kind: "carousel", title: "Trips for you", anonymousTitle: "Trending trips" },
  banking: { id: "accounts", kind: "grid", title: "Your accounts", anonymousTitle: "Plans and savings" },
  mobile: { id: "accounts", kind: "grid", title: "Your accounts", anonymousTitle: "Plans and savings" },
  insurance: { id: "cover", kind: "list", title: "Cover for you", anonymousTitle: "Popular cover" },
};

const DEFAULT_TILES = 30;

/**
 * Plans home screens from a product list: a hero, then one section per product line (carousels,
 * a grid of metrics, a list of offers). Products are dealt round-robin across services so every
 * line shows up; each user gets their own deterministic order, anonymous viewers the catalog order.
 */
export class FakeRecommendations implements Recommendations {
  readonly calls: Viewer[] = [];
  private readonly clock: Clock;
  private readonly products: readonly ProductRef[];
  private readonly tilesPerUser: number;
  private readonly plans = new Map<string, HomePlan>();
  /** Plans computed before: a viewer's plan depends on nothing else, and computing it is not free. */
  private readonly computed = new LRUCache<string, HomePlan>({ max: 10_000 });
  private failure: Error | null = null;
  private delayMs = 0;

  constructor(options: FakeRecommendationsOptions) {
    this.clock = options.clock;
    this.products =
      options.products ??
      options.services?.flatMap((service) =>
        service.productIds().map((id) => ({ id, service: service.id })),
      ) ??
      demoProductRefs();
    this.tilesPerUser = options.tilesPerUser ?? Math.min(DEFAULT_TILES, this.products.length);
    if (!Number.isInteger(this.tilesPerUser) || this.tilesPerUser < 1) {
      throw new RangeError(`tilesPerUser must be a positive integer, got ${this.tilesPerUser}`);
    }
    if (this.tilesPerUser > this.products.length) {
      throw new RangeError(
        `tilesPerUser (${this.tilesPerUser}) exceeds the ${this.products.length} products available`,
      );
    }
  }

  async forViewer(viewer: Viewer): Promise<HomePlan> {
    appendBounded(this.calls, viewer);
    if (this.delayMs > 0) await this.clock.sleep(this.delayMs);
    if (this.failure) throw this.failure;
    const key = viewerKey(viewer);
    const plan = this.plans.get(key) ?? this.computed.get(key);
    if (plan) return plan;
    const computed = this.planFor(viewer);
    this.computed.set(key, computed);
    return computed;
  }

  /** Every later call rejects with `error` (after any delay) until `failWith(null)`. */
  failWith(error: Error | null): void {
    this.failure = error;
  }

  delayBy(ms: number): void {
    this.delayMs = ms;
  }

  /** An exact plan for one viewer (ANONYMOUS for the generic one); `null` goes back to the computed plan. */
  setPlan(viewer: Viewer, plan: HomePlan | null): void {
    if (plan) this.plans.set(viewerKey(viewer), plan);
    else this.plans.delete(viewerKey(viewer));
  }

  private planFor(viewer: Viewer): HomePlan {
    const user = viewer.kind === "user" ? viewer.id : undefined;
    const picked = dealRoundRobin(this.products, this.tilesPerUser, user);
    const [hero, ...rest] = picked;
    const sections: PlannedSection[] = [];
    if (hero) {
      sections.push({
        id: "hero",
        kind: "hero",
        title: user ? "Picked for you" : "Featured",
        products: [hero],
      });
    }
    const byStyle = new Map<string, { style: SectionStyle; products: ProductRef[] }>();
    for (const ref of rest) {
      const style = styleOf(ref.service);
      const group = byStyle.get(style.id) ?? { style, products: [] };
      group.products.push(ref);
      byStyle.set(style.id, group);
    }
    const groups = [...byStyle.values()];
    // Users see the sections in their own order too; anonymous viewers in the catalog's.
    if (user)
      groups.sort(
        (a, b) => hashString(`${user}\u0000${a.style.id}`) - hashString(`${user}\u0000${b.style.id}`),
      );
    for (const { style, products } of groups) {
      sections.push({
        id: style.id,
        kind: style.kind,
        title: user ? style.title : style.anonymousTitle,
        products,
      });
    }
    return { sections };
  }
}

/** The key `setPlan` stores a viewer's plan under. */
function viewerKey(viewer: Viewer): string {
  return viewer.kind === "user" ? `user:${viewer.id}` : "anonymous";
}

function styleOf(service: ServiceId): SectionStyle {
  return (
    SECTION_BY_SERVICE[service] ?? {
      id: service,
      kind: "list",
      title: `From ${service}`,
      anonymousTitle: service,
    }
  );
}

/**
 * Takes `count` products one service at a time, so a short plan still spans every service. With a
 * user, the service order and each service's product order follow a hash of the user.
 */
function dealRoundRobin(
  products: readonly ProductRef[],
  count: number,
  user: string | undefined,
): ProductRef[] {
  const byService = new Map<ServiceId, ProductRef[]>();
  for (const ref of products) byService.set(ref.service, [...(byService.get(ref.service) ?? []), ref]);
  const queues = [...byService.entries()];
  if (user !== undefined) {
    const rank = (text: string): number => unitHash(`${user}\u0000${text}`);
    queues.sort(([a], [b]) => rank(a) - rank(b));
    for (const [, refs] of queues) refs.sort((a, b) => rank(a.id) - rank(b.id));
  }
  const picked: ProductRef[] = [];
  for (let round = 0; picked.length < count; round++) {
    for (const [, refs] of queues) {
      const ref = refs[round];
      if (ref && picked.length < count) picked.push(ref);
    }
  }
  return picked;
}

function demoProductRefs(): ProductRef[] {
  // Only ids and services matter here, so any time will do.
  return [...demoCatalog({ nowMs: 0 }).values()]
    .flat()
    .map((info) => ({ id: info.id, service: info.service }));
}
