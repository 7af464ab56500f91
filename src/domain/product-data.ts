import DataLoader from "dataloader";
import type {
  FallbackReason,
  ProductId,
  ProductInfo,
  ProductRef,
  ResolvedProduct,
  ServiceId,
  UserId,
  Viewer,
} from "./model.js";
import {
  type CacheKey,
  type CacheWrite,
  type Clock,
  type L1Cache,
  type L2Cache,
  type LateArrivals,
  type Logger,
  NO_SPANS,
  type ProductLoader,
  type ProductService,
  type Spans,
  cacheKeyId,
  genericKey,
  personalKey,
  productRefOf,
} from "./ports.js";
import type { KeyClass, Telemetry } from "./metrics.js";

export interface ProductDataOptions {
  readonly l1: L1Cache;
  readonly l2: L2Cache;
  readonly services: ReadonlyMap<ServiceId, ProductService>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly telemetry: Telemetry;
  /** Traces the soft-timeout fallback; none by default. */
  readonly spans?: Spans;
  readonly lateArrivals: LateArrivals;
  /** How long a request waits for personalised data before showing generic info. */
  readonly softTimeoutMs: number;
  readonly l2TtlMs: number;
}

/** How the load of one key settled; shared by every request that joined it. */
type Settled =
  | { readonly kind: "found"; readonly info: ProductInfo }
  | { readonly kind: "absent" }
  | { readonly kind: "failed" };

/** What a request knows of a key at its deadline; `late` is the load still running past it. */
type Outcome = Settled | { readonly kind: "late"; readonly pending: Promise<Settled> };

type Fetch = (service: ProductService, ids: readonly ProductId[]) => Promise<Map<ProductId, ProductInfo>>;

interface Miss {
  readonly ref: ProductRef;
  readonly key: CacheKey;
  readonly id: string;
}

const TIMED_OUT = Symbol("timed out");
const DEADLINE_CANCELLED = Symbol("deadline cancelled");

/**
 * The read path of the product caches, shared by all requests of a process:
 * L1, then L2 in one batch, then at most one call per product service, with concurrent requests
 * that miss the same key sharing one load. Each request gets its own DataLoader from `loaderFor`.
 */
export class ProductData {
  /**
   * Loads under way, by cache key id, so concurrent requests join instead of repeating them; each
   * with the L1 mark taken when it began, so that a request never joins a load older than an
   * invalidation of its key (that load may bring the value the invalidation replaced).
   */
  private readonly inFlight = new Map<
    string,
    { readonly settled: Promise<Settled>; readonly mark: number }
  >();

  constructor(private readonly options: ProductDataOptions) {}

  /** A loader for one request and one viewer; its batch covers every tile of the request. */
  loaderFor(viewer: Viewer): ProductLoader {
    const batch =
      viewer.kind === "user"
        ? (refs: readonly ProductRef[]) => this.resolveForUser(viewer.id, refs)
        : (refs: readonly ProductRef[]) =>
            this.resolveGeneric(refs, () => "ANONYMOUS_VIEWER", this.options.softTimeoutMs);
    return new DataLoader(batch, { cacheKeyFn: (ref) => ref.id });
  }

  private async resolveForUser(user: UserId, refs: readonly ProductRef[]): Promise<ResolvedProduct[]> {
    const deadline = this.deadline(this.options.softTimeoutMs);
    const outcomes = await this.lookup(
      "personal",
      refs,
      (ref) => personalKey(user, ref.id),
      (service, ids) => service.personalised(user, ids),
      deadline.promise,
    );
    deadline.cancel();

    const results = new Map<ProductId, ResolvedProduct>();
    const fallbacks: ProductRef[] = [];
    const reasons = new Map<ProductId, FallbackReason>();
    const late: Promise<Settled>[] = [];
    for (const ref of refs) {
      const outcome = outcomes.get(ref.id) ?? { kind: "absent" };
      if (outcome.kind === "found") {
        results.set(ref.id, personalised(ref, outcome.info));
        continue;
      }
      if (outcome.kind === "late") late.push(outcome.pending);
      fallbacks.push(ref);
      reasons.set(ref.id, reasonFor(outcome));
    }
    if (late.length > 0) this.pushWhenArrived(user, late);
    if (fallbacks.length > 0) {
      // Past the soft timeout, generic info is only worth what the caches hold: a short grace covers
      // an L2 round trip, not another upstream wait.
      const graceMs = Math.max(deadline.remainingMs(), this.options.softTimeoutMs / 5);
      const why = (id: ProductId): FallbackReason => reasons.get(id) ?? "NOT_PERSONALISED";
      const generic = await (this.options.spans ?? NO_SPANS).run(
        "home.generic_fallback",
        { "hg.products": fallbacks.length, "hg.late": late.length },
        () => this.resolveGeneric(fallbacks, why, graceMs),
      );
      for (const resolved of generic) results.set(resolved.ref.id, resolved);
    }
    return refs.map((ref) => results.get(ref.id) as ResolvedProduct);
  }

  /** Generic info for `refs`; `reasonFor` says why a product is not personalised. */
  private async resolveGeneric(
    refs: readonly ProductRef[],
    whyNotPersonal: (id: ProductId) => FallbackReason,
    waitMs: number,
  ): Promise<ResolvedProduct[]> {
    const deadline = this.deadline(waitMs);
    const outcomes = await this.lookup(
      "generic",
      refs,
      (ref) => genericKey(ref.id),
      (service) => service.generic(),
      deadline.promise,
    );
    deadline.cancel();
    return refs.map((ref) => {
      const why = whyNotPersonal(ref.id);
      const outcome = outcomes.get(ref.id) ?? { kind: "absent" };
      if (outcome.kind === "found") {
        const info = outcome.info;
        return { ref, state: "GENERIC", reason: why, info, personalVersion: 0, genericVersion: info.version };
      }
      // Nothing to show yet, but a load still running will push the tile when it lands.
      if (why === "SERVICE_SLOW" || outcome.kind === "late") {
        return { ref, state: "PENDING", reason: "SERVICE_SLOW", personalVersion: 0, genericVersion: 0 };
      }
      const failed = why === "SERVICE_FAILED" || outcome.kind === "failed";
      return {
        ref,
        state: "UNAVAILABLE",
        reason: failed ? "SERVICE_FAILED" : "NO_DATA",
        personalVersion: 0,
        genericVersion: 0,
      };
    });
  }

  /** L1, then L2 in one batch, then upstream once per service; keys not settled by `deadline` come back late. */
  private async lookup(
    keyClass: KeyClass,
    refs: readonly ProductRef[],
    keyOf: (ref: ProductRef) => CacheKey,
    fetch: Fetch,
    deadline: Promise<typeof TIMED_OUT>,
  ): Promise<Map<ProductId, Outcome>> {
    const { l1, telemetry } = this.options;
    const outcomes = new Map<ProductId, Outcome>();
    const mark = l1.mark();
    const keys = refs.map(keyOf);
    const fromL1 = l1.getMany(keys);
    telemetry.cacheLookup("l1", keyClass, { hits: fromL1.size, misses: refs.length - fromL1.size });

    const loads = new Map<ProductId, Promise<Settled>>();
    const misses: Miss[] = [];
    refs.forEach((ref, index) => {
      const key = keys[index] as CacheKey;
      const id = cacheKeyId(key);
      const hit = fromL1.get(id);
      const running = this.inFlight.get(id);
      if (hit) outcomes.set(ref.id, { kind: "found", info: hit });
      else if (running && !l1.evictedSince(key, running.mark)) loads.set(ref.id, running.settled);
      else misses.push({ ref, key, id });
    });

    if (misses.length > 0) {
      const settle = new Map<string, (settled: Settled) => void>();
      for (const miss of misses) {
        const promise = new Promise<Settled>((resolve) => settle.set(miss.id, resolve));
        const entry = { settled: promise, mark };
        this.inFlight.set(miss.id, entry);
        // A newer load of the key may have taken its place meanwhile; that one stays.
        void promise.finally(() => {
          if (this.inFlight.get(miss.id) === entry) this.inFlight.delete(miss.id);
        });
        loads.set(miss.ref.id, promise);
      }
      void this.load(keyClass, misses, keyOf, fetch, mark, (id, settled) => settle.get(id)?.(settled));
    }

    await Promise.all(
      [...loads].map(async ([productId, pending]) => {
        const settled = await Promise.race([pending, deadline]);
        outcomes.set(productId, settled === TIMED_OUT ? { kind: "late", pending } : settled);
      }),
    );
    return outcomes;
  }

  /** Reads L2 for the misses, then asks each service once for what L2 lacked; settles every miss, never rejects. */
  private async load(
    keyClass: KeyClass,
    misses: readonly Miss[],
    keyOf: (ref: ProductRef) => CacheKey,
    fetch: Fetch,
    mark: number,
    settle: (id: string, settled: Settled) => void,
  ): Promise<void> {
    const { l1, l2, services, telemetry, logger, clock } = this.options;
    let fromL2 = new Map<string, ProductInfo>();
    try {
      fromL2 = await l2.getMany(misses.map((miss) => miss.key));
    } catch (error) {
      // A cache failure is a miss: the product services still answer.
      telemetry.cacheError("l2", "getMany");
      logger.warn({ err: error, keys: misses.length, keyClass }, "L2 read failed; treating as misses");
    }
    telemetry.cacheLookup("l2", keyClass, { hits: fromL2.size, misses: misses.length - fromL2.size });

    const hits: CacheWrite[] = [];
    const byService = new Map<ServiceId, Miss[]>();
    for (const miss of misses) {
      const hit = fromL2.get(miss.id);
      if (hit) {
        hits.push({ key: miss.key, value: hit });
        settle(miss.id, { kind: "found", info: hit });
      } else {
        byService.set(miss.ref.service, [...(byService.get(miss.ref.service) ?? []), miss]);
      }
    }
    if (hits.length > 0) l1.setMany(hits, { unlessEvictedSince: mark });

    await Promise.all(
      [...byService].map(async ([serviceId, group]) => {
        const startedMs = clock.nowMs();
        let answer: Map<ProductId, ProductInfo>;
        try {
          const service = services.get(serviceId);
          if (!service) throw new Error(`no product service is configured for "${serviceId}"`);
          answer = await fetch(
            service,
            group.map((miss) => miss.ref.id),
          );
        } catch (error) {
          telemetry.upstreamCall(serviceId, keyClass, clock.nowMs() - startedMs, "error");
          logger.warn(
            { err: error, service: serviceId, keyClass, products: group.length },
            "product service failed",
          );
          for (const miss of group) settle(miss.id, { kind: "failed" });
          return;
        }
        telemetry.upstreamCall(serviceId, keyClass, clock.nowMs() - startedMs, "ok");
        const writes = [...answer.values()].map((info) => ({ key: keyOf(productRefOf(info)), value: info }));
        l1.setMany(writes, { unlessEvictedSince: mark });
        for (const miss of group) {
          const info = answer.get(miss.ref.id);
          settle(miss.id, info ? { kind: "found", info } : { kind: "absent" });
        }
        await this.writeL2(writes);
      }),
    );
  }

  private async writeL2(writes: readonly CacheWrite[]): Promise<void> {
    if (writes.length === 0) return;
    try {
      await this.options.l2.setMany(writes, { ttlMs: this.options.l2TtlMs });
    } catch (error) {
      this.options.telemetry.cacheError("l2", "setMany");
      this.options.logger.warn({ err: error, keys: writes.length }, "L2 write failed; the next miss reloads");
    }
  }

  private pushWhenArrived(user: UserId, late: readonly Promise<Settled>[]): void {
    for (const pending of late) {
      void pending.then((settled) => {
        if (settled.kind === "found") this.options.lateArrivals.arrived(user, [settled.info]);
      });
    }
  }

  private deadline(waitMs: number): {
    promise: Promise<typeof TIMED_OUT>;
    cancel: () => void;
    remainingMs: () => number;
  } {
    const { clock } = this.options;
    const controller = new AbortController();
    const atMs = clock.nowMs() + waitMs;
    const timedOut = (): typeof TIMED_OUT => TIMED_OUT;
    const promise = clock.sleep(waitMs, controller.signal).then(timedOut, timedOut);
    return {
      promise,
      // With a reason of our own: abort() without one builds a DOMException, stack trace and all.
      cancel: () => controller.abort(DEADLINE_CANCELLED),
      remainingMs: () => Math.max(0, atMs - clock.nowMs()),
    };
  }
}

function personalised(ref: ProductRef, info: ProductInfo): ResolvedProduct {
  return { ref, state: "PERSONALIZED", info, personalVersion: info.version, genericVersion: 0 };
}

function reasonFor(outcome: Outcome): FallbackReason {
  switch (outcome.kind) {
    case "late":
      return "SERVICE_SLOW";
    case "failed":
      return "SERVICE_FAILED";
    default:
      return "NOT_PERSONALISED";
  }
}
