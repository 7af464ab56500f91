import type { ResolvedHome, ResolvedSection } from "./home.js";
import type { ProductId, ResolvedProduct, UserId, Viewer } from "./model.js";
import {
  type CacheKey,
  type InvalidationBus,
  type Logger,
  type ProductChange,
  type ProductChanges,
  personalKey,
} from "./ports.js";

/**
 * Reusing a whole serialised answer (`home`, `section`) for the same viewer and the same request,
 * for as long as nothing it was built from has changed. docs/decisions/response-reuse.md says why
 * and what "changed" means; in short: every change that reaches L1 (an invalidation from the bus,
 * a loss of invalidations, a late personalised arrival, a plan change) moves an epoch, and an
 * answer built before its viewer's epoch or the generic epoch moved is never served again.
 */

/** One answer as it went out: status, headers (content length and ETag included) and the exact bytes. */
export interface ReusableResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/** What the cache holds: the answer, whose it is, and the epoch it was built under. */
export interface StoredResponse {
  readonly viewer: Viewer;
  /** {@link ChangeEpochs.now} when the answer began to be built; it is valid until a change after it. */
  readonly builtAt: number;
  readonly response: ReusableResponse;
}

/** Serialised answers by request key; in-process, so synchronous. Bounded by the adapter (bytes, TTL). */
export interface ResponseCache {
  get(key: string): StoredResponse | undefined;
  set(key: string, value: StoredResponse, options: { readonly ttlMs: number }): void;
  delete(key: string): void;
  clear(): void;
}

/**
 * The product a plan change is published under on the invalidation bus: no product has this id, so
 * L1 evicts nothing for it, and every instance's response reuse hears that the viewer's screen changed.
 */
export const PLAN_CHANGE_PRODUCT: ProductId = "\u0000plan";

/**
 * When each viewer's data, the generic data, or everything last changed, as one sequence.
 * Viewers' epochs are kept for the `maxViewers` who changed last; a forgotten viewer counts as
 * changed when the oldest forgotten one did (a floor), which can only make an answer look older.
 */
export class ChangeEpochs {
  private sequence = 0;
  private generic = 0;
  private everything = 0;
  private floor = 0;
  /** In the order of their last change: Map keeps insertion order, and a change re-inserts. */
  private readonly viewers = new Map<UserId, number>();
  private readonly maxViewers: number;

  constructor(options: { readonly maxViewers?: number } = {}) {
    this.maxViewers = options.maxViewers ?? 100_000;
  }

  /** The epoch to build an answer under. */
  now(): number {
    return this.sequence;
  }

  /** Whether anything the viewer's answers depend on changed after `epoch`. */
  changedSince(viewer: Viewer, epoch: number): boolean {
    if (this.generic > epoch || this.everything > epoch) return true;
    if (viewer.kind === "anonymous") return false;
    return (this.viewers.get(viewer.id) ?? this.floor) > epoch;
  }

  viewerChanged(user: UserId): void {
    const epoch = ++this.sequence;
    this.viewers.delete(user);
    this.viewers.set(user, epoch);
    if (this.viewers.size > this.maxViewers) {
      const [oldest] = this.viewers;
      if (oldest) {
        this.viewers.delete(oldest[0]);
        this.floor = oldest[1];
      }
    }
  }

  genericChanged(): void {
    this.generic = ++this.sequence;
  }

  everythingChanged(): void {
    this.everything = ++this.sequence;
  }

  /** Personal keys move their viewer's epoch, generic keys the generic one. */
  keysChanged(keys: readonly CacheKey[]): void {
    let generic = false;
    for (const key of keys) {
      if (key.scope === "user") this.viewerChanged(key.user);
      else generic = true;
    }
    if (generic) this.genericChanged();
  }
}

/** Counts for /metrics; an adapter turns them into counters. */
export interface ResponseReuseMetrics {
  responseReuse(outcome: "hit" | "miss" | "stale" | "stored" | "not_stored"): void;
}

export const NO_RESPONSE_REUSE_METRICS: ResponseReuseMetrics = { responseReuse: () => undefined };

export interface ResponseReuseOptions {
  readonly cache: ResponseCache;
  readonly epochs?: ChangeEpochs;
  /** How long an answer may be reused at most; keep it within the L1 TTL. */
  readonly ttlMs: number;
  readonly metrics?: ResponseReuseMetrics;
}

/** A build in progress: the viewer and the epoch it started under, plus the resolvers' verdict. */
export class ReuseTicket {
  private vouched = false;
  private refusal: string | undefined;

  constructor(
    readonly viewer: Viewer,
    readonly epoch: number,
  ) {}

  /** A resolver built its part from settled data only. */
  vouch(): void {
    this.vouched = true;
  }

  /** A resolver's part must not be reused (a fallback, a placeholder, an error, a pending tile). */
  refuse(reason: string): void {
    this.refusal ??= reason;
  }

  /** Reusable only when some resolver vouched for it and none refused. */
  get reusable(): boolean {
    return this.vouched && this.refusal === undefined;
  }

  get refusedBecause(): string | undefined {
    return this.refusal;
  }
}

/** The use case: look an answer up, keep one, and hear of every change that ends reuse. */
export class ResponseReuse {
  private readonly cache: ResponseCache;
  readonly epochs: ChangeEpochs;
  private readonly ttlMs: number;
  private readonly metrics: ResponseReuseMetrics;

  constructor(options: ResponseReuseOptions) {
    if (!(Number.isFinite(options.ttlMs) && options.ttlMs > 0)) {
      throw new RangeError(`ttlMs must be a finite number > 0, got ${options.ttlMs}`);
    }
    this.cache = options.cache;
    this.epochs = options.epochs ?? new ChangeEpochs();
    this.ttlMs = options.ttlMs;
    this.metrics = options.metrics ?? NO_RESPONSE_REUSE_METRICS;
  }

  /** Taken before anything of the answer is read, so a change while it is built is noticed. */
  ticket(viewer: Viewer): ReuseTicket {
    return new ReuseTicket(viewer, this.epochs.now());
  }

  /** The stored answer to this viewer's request `key`, unless something changed since it was built. */
  lookup(viewer: Viewer, key: string): ReusableResponse | undefined {
    const stored = this.cache.get(key);
    if (!stored) {
      this.metrics.responseReuse("miss");
      return undefined;
    }
    if (!sameViewer(stored.viewer, viewer) || this.epochs.changedSince(viewer, stored.builtAt)) {
      this.cache.delete(key);
      this.metrics.responseReuse("stale");
      return undefined;
    }
    this.metrics.responseReuse("hit");
    return stored.response;
  }

  /** Keeps the answer if the resolvers vouched for it and nothing changed while it was built. */
  keep(key: string, ticket: ReuseTicket, response: ReusableResponse): boolean {
    if (!ticket.reusable || this.epochs.changedSince(ticket.viewer, ticket.epoch)) {
      this.metrics.responseReuse("not_stored");
      return false;
    }
    this.cache.set(key, { viewer: ticket.viewer, builtAt: ticket.epoch, response }, { ttlMs: this.ttlMs });
    this.metrics.responseReuse("stored");
    return true;
  }

  /** L1 entries were invalidated (from the bus, from any instance). */
  keysChanged(keys: readonly CacheKey[]): void {
    this.epochs.keysChanged(keys);
  }

  /** Personalised data arrived late and went into L1. */
  viewerChanged(user: UserId): void {
    this.epochs.viewerChanged(user);
  }

  /** Invalidations may have been lost: nothing built before now is reused. */
  everythingChanged(): void {
    this.epochs.everythingChanged();
    this.cache.clear();
  }
}

function sameViewer(a: Viewer, b: Viewer): boolean {
  return a.kind === "anonymous" ? b.kind === "anonymous" : b.kind === "user" && a.id === b.id;
}

/** Why a resolved screen must not be reused, or undefined when every part of it is settled. */
export function unsettled(home: ResolvedHome): string | undefined {
  if (home.planIsFallback) return "plan fallback";
  for (const section of home.sections) {
    const reason = unsettledSection(section);
    if (reason) return reason;
  }
  return undefined;
}

/** Why a resolved section must not be reused, or undefined when it is settled. */
export function unsettledSection(section: ResolvedSection): string | undefined {
  if ("error" in section) return "section error";
  for (const product of section.products) {
    const reason = unsettledProduct(product);
    if (reason) return reason;
  }
  return undefined;
}

/**
 * Personalised, or generic for a lasting reason (an anonymous viewer, a product the service does
 * not personalise): settled. A soft-timeout or failure fallback, a pending or unavailable tile: not.
 */
function unsettledProduct(product: ResolvedProduct): string | undefined {
  if (product.state === "PERSONALIZED") return undefined;
  if (
    product.state === "GENERIC" &&
    (product.reason === "ANONYMOUS_VIEWER" || product.reason === "NOT_PERSONALISED")
  ) {
    return undefined;
  }
  return `tile ${product.state.toLowerCase()}${product.reason ? ` (${product.reason})` : ""}`;
}

/**
 * The live feed's publisher, plus: a plan change is also sent on the invalidation bus (under
 * {@link PLAN_CHANGE_PRODUCT}), so every instance stops reusing the viewer's answers before the app,
 * told by its subscription, asks for its screen again.
 */
export class PlanChangesOnTheBus implements ProductChanges {
  constructor(
    private readonly inner: ProductChanges,
    private readonly bus: InvalidationBus,
    private readonly logger: Logger,
  ) {}

  async publish(change: ProductChange): Promise<void> {
    if (change.kind === "plan") {
      await this.bus
        .publish([personalKey(change.user, PLAN_CHANGE_PRODUCT)])
        .catch((error: unknown) =>
          this.logger.warn(
            { err: error, user: change.user },
            "plan change not sent on the bus; reused screens end with their TTL",
          ),
        );
    }
    await this.inner.publish(change);
  }
}
