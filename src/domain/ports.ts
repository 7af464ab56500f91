import type {
  HomePlan,
  ProductId,
  ProductInfo,
  ProductRef,
  ResolvedProduct,
  ServiceId,
  UserId,
  Viewer,
} from "./model.js";

/** One upstream product line. */
export interface ProductService {
  readonly id: ServiceId;
  /** Personalised info for one user and many products in ONE call; unknown products are absent. */
  personalised(user: UserId, products: readonly ProductId[]): Promise<Map<ProductId, ProductInfo>>;
  /** Generic, non-personalised info for all of this service's products. */
  generic(): Promise<Map<ProductId, ProductInfo>>;
}

/** Which products a viewer sees, in which sections and order: one call per viewer and screen. */
export interface Recommendations {
  forViewer(viewer: Viewer): Promise<HomePlan>;
}

/**
 * One request's product lookups: every `loadMany` of the same tick goes out as ONE batch (one L2
 * round trip, at most one call per product service), results aligned with the refs. Made per
 * request by `ProductData.loaderFor` (a DataLoader); the resolvers only pass it on.
 */
export interface ProductLoader {
  load(ref: ProductRef): Promise<ResolvedProduct>;
  loadMany(refs: readonly ProductRef[]): Promise<(ResolvedProduct | Error)[]>;
}

/** A key of the product caches: a user's personalised entry or a product's generic one. */
export type CacheKey =
  | { readonly scope: "user"; readonly user: UserId; readonly product: ProductId }
  | { readonly scope: "generic"; readonly product: ProductId };

export const personalKey = (user: UserId, product: ProductId): CacheKey => ({ scope: "user", user, product });
export const genericKey = (product: ProductId): CacheKey => ({ scope: "generic", product });

/** A stable string for a cache key; identical keys give identical strings. */
export function cacheKeyId(key: CacheKey): string {
  return key.scope === "user" ? `u:${key.user}\u0000${key.product}` : `g:${key.product}`;
}

export interface CacheWrite {
  readonly key: CacheKey;
  readonly value: ProductInfo;
}

/** A versioned write with its own TTL, one of a batch (`L2Cache.writeVersions`). */
export interface VersionedWrite extends CacheWrite {
  readonly ttlMs: number;
}

/**
 * What one write of a batch did: `written`; `repeated` when the store already held exactly this
 * version (its TTL is stretched to the write's); `stale` when it held a newer one (nothing
 * changed); `failed` when this entry could not be written (the others may have been).
 */
export type VersionedWriteResult =
  | { readonly result: "written" | "repeated" | "stale" }
  | { readonly result: "failed"; readonly error: unknown };

/** In-process, short-lived. Synchronous: it never leaves the process. */
export interface L1Cache {
  getMany(keys: readonly CacheKey[]): Map<string, ProductInfo>;
  /**
   * A mark to take before reading a value elsewhere: `setMany(..., { unlessEvictedSince: mark })`
   * then skips every key evicted after it, so a load that began before an invalidation cannot put
   * the old value back.
   */
  mark(): number;
  setMany(entries: readonly CacheWrite[], options?: { readonly unlessEvictedSince?: number }): void;
  /** Whether `key` was evicted (alone or with everything) after `mark` was taken. */
  evictedSince(key: CacheKey, mark: number): boolean;
  evict(keys: readonly CacheKey[]): void;
  /** Drops every entry (e.g. after invalidation messages may have been lost). */
  evictAll(): void;
}

/** Shared between instances, updated by pushes from product services. */
export interface L2Cache {
  /** All the keys in as few round trips as the store allows (one per user for the personal keys). */
  getMany(keys: readonly CacheKey[]): Promise<Map<string, ProductInfo>>;
  /**
   * Stores each entry unless the stored one has the same or a newer version; answers, per entry,
   * whether it was written.
   */
  setMany(entries: readonly CacheWrite[], options: { readonly ttlMs: number }): Promise<boolean[]>;
  /**
   * Versioned writes (as `setMany`, each with its TTL) in ONE call, answering for each entry, in
   * order, what it did. Entries of the same key are written in order. Rejects only when no entry
   * could be written (the store, the connection, a timeout): one call, one outcome for a breaker.
   */
  writeVersions(writes: readonly VersionedWrite[]): Promise<VersionedWriteResult[]>;
  /**
   * Removes the entries, whatever their version, so the next read loads them again; absent keys are
   * fine. A pushed invalidation needs it: evicting L1 alone would let the next read refill L1 from
   * the stale L2 entry.
   */
  delete(keys: readonly CacheKey[]): Promise<void>;
}

/**
 * Tells every gateway instance to evict L1 entries. Delivery is at most once: a subscriber that may
 * have missed messages (reconnect, sequence gap) is told so through `onPossibleLoss` and must then
 * drop everything it holds.
 */
export interface InvalidationBus {
  publish(keys: readonly CacheKey[]): Promise<void>;
  subscribe(handlers: InvalidationHandlers): Promise<{ unsubscribe(): Promise<void> }>;
}

export interface InvalidationHandlers {
  onInvalidate(keys: readonly CacheKey[]): void;
  onPossibleLoss(reason: string): void;
}

/** A lease on a named job so that one instance at a time runs it (e.g. the generic refresh). */
export interface Locks {
  /** The lease if it was free; it lapses by itself after `ttlMs` if never released. */
  tryAcquire(name: string, options: { readonly ttlMs: number }): Promise<Lease | null>;
}

export interface Lease {
  release(): Promise<void>;
}

/** How many requests a caller (a viewer, or an address for anonymous callers) may make. */
export interface RateLimiter {
  /** Spends one request of `key`'s budget; `allowed: false` with the wait when it is spent. */
  consume(key: string): Promise<{ readonly allowed: boolean; readonly retryAfterMs: number }>;
}

/** Time, so tests can move it by hand. */
export interface Clock {
  nowMs(): number;
  /** Resolves after `ms`; rejects with the signal's reason if it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** A change viewers with the product on screen should see: what the live-tile feed carries. */
export type ProductChange =
  | { readonly kind: "personal"; readonly user: UserId; readonly info: ProductInfo }
  | { readonly kind: "generic"; readonly info: ProductInfo }
  /** The viewer's recommendations changed (tiles added, removed or reordered). */
  | { readonly kind: "plan"; readonly user: UserId };

/** Fans changes out to the viewers' subscriptions, on whichever instance they are connected. */
export interface ProductChanges {
  publish(change: ProductChange): Promise<void>;
}

/** The feed behind live tiles: what one viewer's subscription hears. */
export interface ChangeFeed extends ProductChanges {
  /**
   * Calls `onChange` with the viewer's own changes (personal, plan) and with generic ones, until the
   * returned function is called. Delivery is at most once; `onPossibleLoss` says changes may be gone.
   */
  listen(viewer: Viewer, handlers: ChangeHandlers): Promise<() => Promise<void>>;
}

export interface ChangeHandlers {
  onChange(change: ProductChange): void;
  onPossibleLoss?(reason: string): void;
}

/** Personalised data that arrived after its tile was served generically. Issue-neutral hook. */
export interface LateArrivals {
  arrived(user: UserId, products: readonly ProductInfo[]): void;
}

/** What a span may carry: counts and names, never keys, tokens or a viewer's data. */
export type SpanAttributes = Readonly<Record<string, string | number | boolean>>;

/**
 * Marks a stretch of work worth seeing in a trace (the soft-timeout fallback, say); a tracing
 * adapter records it as a span, and without tracing it only runs `work`.
 */
export interface Spans {
  run<T>(name: string, attributes: SpanAttributes, work: () => Promise<T>): Promise<T>;
}

export const NO_SPANS: Spans = { run: (_name, _attributes, work) => work() };

/** Where the domain reports what it cannot act on; an adapter writes it out. */
export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export function productRefOf(info: ProductInfo): ProductRef {
  return { id: info.id, service: info.service };
}

/** A named check for /readyz; `critical: false` degrades readiness without failing it. */
export interface ReadinessCheck {
  readonly name: string;
  readonly critical: boolean;
  check(): boolean | Promise<boolean>;
  /** Why the last check failed, for /readyz's `reasons` (no secrets: operators and probes read it). */
  reason?(): string | undefined;
}

/** Background work that starts with the gateway and stops (in reverse order) before it closes. */
export interface BackgroundTask {
  readonly name: string;
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
}

/**
 * Who has been around lately, so pushes for viewers who are not can be kept out of L2. The request
 * path calls `touch`; the update applier asks `isActive`.
 */
export interface ActiveViewers {
  /**
   * The viewer is around now. Cheap enough for every request (adapters may skip repeated touches
   * for a while) and never rejects: a lost touch only makes a viewer look inactive sooner.
   */
  touch(user: UserId): Promise<void>;
  /** Whether the viewer was touched within the last `windowMs`. */
  isActive(user: UserId, windowMs: number): Promise<boolean>;
  /** `isActive` for many viewers in one round trip, answers aligned with `users`. */
  areActive(users: readonly UserId[], windowMs: number): Promise<boolean[]>;
}

/** Something that feeds update events to an applier until stopped: a stream consumer, a queue. */
export interface UpdateSource {
  start(): void;
  /** Resolves once no event is being applied any more. */
  stop(): Promise<void>;
}
