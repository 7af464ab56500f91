import {
  type Clock,
  type Money,
  type ProductId,
  type ProductInfo,
  type ProductService,
  type ServiceId,
  UpstreamError,
  type UserId,
} from "../../domain/index.js";
import { seededRandom, unitHash } from "./seeded-random.js";
import { appendBounded } from "./call-log.js";

/** A fixed latency, or one drawn uniformly from [min, max] by the service's seeded generator. */
export type Latency = number | { readonly min: number; readonly max: number };

/** Derives a user's personalised info from the generic one; must be a pure function of its inputs. */
export type Personalise = (user: UserId, generic: ProductInfo) => ProductInfo;

export interface FakeProductServiceOptions {
  readonly id: ServiceId;
  readonly clock: Clock;
  /** The service's products as everyone sees them. */
  readonly products?: readonly ProductInfo[];
  /** Defaults to `personaliseByHash`. */
  readonly personalise?: Personalise;
  readonly latencyMs?: Latency;
  /** Share of calls, 0..1, that fail with an UpstreamError. */
  readonly failureRate?: number;
  /** Seeds latency and failure draws, so a run can be replayed. */
  readonly seed?: number;
}

export interface PersonalisedCall {
  readonly user: UserId;
  readonly products: ProductId[];
}

/**
 * An in-memory product service. Any user gets plausible personalised data for the service's
 * products (derived from the generic data by a hash of user and product), unless a test set exact
 * values. Latency and failures are simulated through the clock and a seeded generator.
 */
export class FakeProductService implements ProductService {
  readonly id: ServiceId;
  readonly calls: { readonly personalised: PersonalisedCall[]; generic: number } = {
    personalised: [],
    generic: 0,
  };
  latencyMs: Latency;
  failureRate: number;

  private readonly clock: Clock;
  private readonly personalise: Personalise;
  private readonly random: () => number;
  private readonly genericInfo = new Map<ProductId, ProductInfo>();
  /** Exact personal values set by `setPersonal`, by user then product. */
  private readonly personalInfo = new Map<UserId, Map<ProductId, ProductInfo>>();
  private failure: Error | null = null;
  private delayMs = 0;

  constructor(options: FakeProductServiceOptions) {
    this.id = options.id;
    this.clock = options.clock;
    this.personalise = options.personalise ?? personaliseByHash;
    this.latencyMs = options.latencyMs ?? 0;
    this.failureRate = options.failureRate ?? 0;
    this.random = seededRandom(options.seed ?? 1);
    for (const info of options.products ?? []) this.setGeneric(info);
  }

  async personalised(user: UserId, products: readonly ProductId[]): Promise<Map<ProductId, ProductInfo>> {
    appendBounded(this.calls.personalised, { user, products: [...products] });
    await this.respond();
    const found = new Map<ProductId, ProductInfo>();
    for (const product of products) {
      const info = this.peekPersonal(user, product);
      if (info) found.set(product, info);
    }
    return found;
  }

  async generic(): Promise<Map<ProductId, ProductInfo>> {
    this.calls.generic++;
    await this.respond();
    return new Map(this.genericInfo);
  }

  /** Every later call rejects with `error` (after its latency) until `failWith(null)`. */
  failWith(error: Error | null): void {
    this.failure = error;
  }

  /** Adds `ms` to every later call's latency; 0 turns it off. */
  delayBy(ms: number): void {
    this.delayMs = ms;
  }

  /**
   * Sets a user's exact info for a product. Its version is raised if needed so it is newer than
   * what the user saw before; the stored info is returned.
   */
  setPersonal(user: UserId, info: ProductInfo): ProductInfo {
    const previous = this.peekPersonal(user, info.id);
    const stored = withVersionAbove(this.own(info), previous?.version ?? 0);
    let forUser = this.personalInfo.get(user);
    if (!forUser) {
      forUser = new Map();
      this.personalInfo.set(user, forUser);
    }
    forUser.set(info.id, stored);
    return stored;
  }

  /**
   * Sets a product's generic info (adding the product if new); the version is raised if needed so
   * it is newer than before. Users without exact values see their derived info change with it.
   */
  setGeneric(info: ProductInfo): ProductInfo {
    const previous = this.genericInfo.get(info.id);
    const stored = withVersionAbove(this.own(info), previous?.version ?? 0);
    this.genericInfo.set(info.id, stored);
    return stored;
  }

  /** What `personalised` would answer for one product, without latency, failure or a recorded call. */
  peekPersonal(user: UserId, product: ProductId): ProductInfo | undefined {
    const exact = this.personalInfo.get(user)?.get(product);
    if (exact) return exact;
    const generic = this.genericInfo.get(product);
    return generic ? this.personalise(user, generic) : undefined;
  }

  peekGeneric(product: ProductId): ProductInfo | undefined {
    return this.genericInfo.get(product);
  }

  productIds(): ProductId[] {
    return [...this.genericInfo.keys()];
  }

  private own(info: ProductInfo): ProductInfo {
    return info.service === this.id ? info : { ...info, service: this.id };
  }

  private async respond(): Promise<void> {
    const waitMs = this.drawLatency() + this.delayMs;
    // Drawn even when the rate is 0, so changing the rate mid-test does not shift later latencies.
    const failsByChance = this.random() < this.failureRate;
    if (waitMs > 0) await this.clock.sleep(waitMs);
    if (this.failure) throw this.failure;
    if (failsByChance) throw new UpstreamError(this.id, "simulated failure");
  }

  private drawLatency(): number {
    const latency = this.latencyMs;
    if (typeof latency === "number") return latency;
    return Math.round(latency.min + (latency.max - latency.min) * this.random());
  }
}

function withVersionAbove(info: ProductInfo, previousVersion: number): ProductInfo {
  return info.version > previousVersion ? info : { ...info, version: previousVersion + 1 };
}

/**
 * The default personalisation: a user-specific price (up to 15 % off, shown against the list price),
 * a "For you" badge on about a third of the products, metric values and viewing progress, all fixed
 * by a hash of user and product so the same user always sees the same data.
 */
export function personaliseByHash(user: UserId, generic: ProductInfo): ProductInfo {
  const hash = (salt: string): number => unitHash(`${user}\u0000${generic.id}\u0000${salt}`);
  let personal: ProductInfo = { ...generic };
  if (generic.price) {
    const discount = Math.floor(hash("price") * 16) / 100;
    if (discount > 0) {
      const price = discounted(generic.price, discount);
      const originalPrice = generic.originalPrice ?? generic.price;
      // A "-20%" badge must still tell the truth about the lower personal price.
      const badge = PERCENT_OFF.test(generic.badge ?? "") ? percentOff(price, originalPrice) : generic.badge;
      personal = { ...personal, price, originalPrice, badge };
    }
  }
  // Metrics describe the user's own account: "For you" would say nothing there.
  if (generic.presentation !== "metric" && hash("badge") < 1 / 3)
    personal = { ...personal, badge: "For you" };
  if (generic.metric) {
    const fraction = 0.05 + 0.9 * hash("metric");
    const value = Math.round(generic.metric.max * fraction * 10) / 10;
    personal = { ...personal, metric: { ...generic.metric, value } };
  }
  if (generic.presentation === "media") {
    const watched = hash("progress");
    // About a third not started: a fresh title is as plausible as a half-watched one.
    const progress = watched < 1 / 3 ? undefined : Math.round((watched - 1 / 3) * 1.5 * 100) / 100;
    personal = { ...personal, progress };
  }
  return personal;
}

const PERCENT_OFF = /^-\d+%$/;

function percentOff(price: Money, originalPrice: Money): string {
  return `-${Math.round((1 - price.amountMinor / originalPrice.amountMinor) * 100)}%`;
}

function discounted(price: Money, discount: number): Money {
  // Rounded down to whole units, then minus one minor unit: prices look like 1,099.99 or 89.99.
  const major = Math.floor((price.amountMinor * (1 - discount)) / 100);
  return { ...price, amountMinor: Math.max(1, major * 100 - 1) };
}
