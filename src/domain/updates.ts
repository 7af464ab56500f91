import { DomainError } from "./errors.js";
import type { ProductId, ProductInfo, UserId } from "./model.js";
import {
  type ActiveViewers,
  type CacheKey,
  type InvalidationBus,
  type L2Cache,
  type Logger,
  type ProductChange,
  type ProductChanges,
  type VersionedWrite,
  type VersionedWriteResult,
  cacheKeyId,
  genericKey,
  personalKey,
} from "./ports.js";

/** The id every update event names in its `schema` field; a new incompatible contract gets a new id. */
export const UPDATE_EVENT_SCHEMA_ID = "home-gateway.update/v1";

/**
 * A change a product service pushes (docs/update-events.md is the contract). Writes are versioned:
 * `info.version` for personal and generic events, so applying an event twice, or an older one after
 * a newer one, changes nothing.
 */
export type UpdateEvent =
  /** The viewer's personalised info for one product. */
  | { readonly kind: "personal"; readonly user: UserId; readonly info: ProductInfo }
  /** A product's generic info, for everyone. */
  | { readonly kind: "generic"; readonly info: ProductInfo }
  /** The viewer's recommendations changed: tiles added, removed or reordered. */
  | { readonly kind: "plan"; readonly user: UserId; readonly version: number }
  /**
   * Drop cached entries so the next read loads them: the viewer's personal entries when `user` is
   * set, else the products' generic entries.
   */
  | {
      readonly kind: "invalidate";
      readonly user?: UserId | undefined;
      readonly products: readonly ProductId[];
    };

export type UpdateKind = UpdateEvent["kind"];

export const UPDATE_KINDS: readonly UpdateKind[] = ["personal", "generic", "plan", "invalidate"];

/** Why an event was refused before it was applied; each reason is a metric label. */
export type UpdateRejectionReason =
  /** The stream entry has no `event` field. */
  | "missing_event_field"
  /** Larger than the configured limit. */
  | "too_large"
  | "not_json"
  /** `schema` is absent or names another contract. */
  | "unsupported_schema"
  /** `kind` is absent or not one of UPDATE_KINDS. */
  | "unknown_kind"
  /** A field is missing or has the wrong type or value; `field` names it. */
  | "invalid_field";

export const UPDATE_REJECTION_REASONS: readonly UpdateRejectionReason[] = [
  "missing_event_field",
  "too_large",
  "not_json",
  "unsupported_schema",
  "unknown_kind",
  "invalid_field",
];

export interface UpdateRejection {
  readonly reason: UpdateRejectionReason;
  /** The first offending field as a dotted path (`product.version`), when one is to blame. */
  readonly field?: string | undefined;
  /** What was wrong and what was expected, for the dead-letter entry and the log. */
  readonly detail: string;
}

/**
 * What applying an event did:
 * - `written`: L2 took the new version; L1 was invalidated and the change published;
 * - `stale`: L2 already held a newer version; nothing else happened;
 * - `repeated`: L2 already held exactly this version (a redelivered event, or a read that filled L2
 *   from the product service first): L1 was invalidated and the change published again, since
 *   whoever wrote that version may not have (a read fill never does; a crashed applier may not have);
 * - `dropped`: the viewer is inactive and the policy keeps their pushes out of L2: the entry was
 *   deleted and invalidated instead, so their next visit loads it on demand;
 * - `invalidated`: an invalidate event's entries were deleted and invalidated;
 * - `published`: a plan change was published (nothing is cached for plans).
 */
export type ApplyResult = "written" | "repeated" | "stale" | "dropped" | "invalidated" | "published";

export interface ApplyOutcome {
  readonly kind: UpdateKind;
  readonly result: ApplyResult;
  /** The cache keys written (`written`) or deleted (`dropped`, `invalidated`); empty otherwise. */
  readonly keys: readonly CacheKey[];
  /** For personal events when viewer activity is checked; absent when it is not (or the check failed). */
  readonly viewerActive?: boolean | undefined;
}

/** What applying one event of a batch came to: its outcome, or why it must be retried. */
export type ApplyAttempt =
  | { readonly applied: true; readonly outcome: ApplyOutcome }
  | { readonly applied: false; readonly error: UpdateApplyError };

/** What applying events counts; an adapter turns it into metrics. */
export interface UpdateMetrics {
  updateApplied(outcome: ApplyOutcome): void;
}

export const NO_UPDATE_METRICS: UpdateMetrics = { updateApplied: () => undefined };

/** The event could not be applied (the L2 write or delete failed); it should be retried. */
export class UpdateApplyError extends DomainError {
  constructor(
    readonly kind: UpdateKind,
    message: string,
    cause: unknown,
  ) {
    super("UPDATE_APPLY_FAILED", message, { cause });
  }
}

export interface ActiveViewerPolicy {
  readonly store: ActiveViewers;
  /** A viewer touched within this window is active; 0 turns the check off (everything is kept). */
  readonly windowMs: number;
  /**
   * `measure` only reports whether each personal push was for an active viewer (`viewerActive` in
   * the outcome) so the cost can be seen before anything changes; `drop` also keeps pushes for
   * inactive viewers out of L2.
   */
  readonly mode: "measure" | "drop";
}

export interface UpdateApplierOptions {
  readonly l2: L2Cache;
  readonly bus: InvalidationBus;
  readonly changes: ProductChanges;
  readonly logger: Logger;
  readonly metrics?: UpdateMetrics;
  /**
   * TTL of pushed personal entries: a viewer who never comes back stops costing memory after it. A
   * write with the same version stretches the TTL, so a re-sent event keeps its entry alive.
   */
  readonly personalTtlMs?: number;
  /**
   * TTL of pushed generic entries. The generic refresh rewrites them with its own TTL every period;
   * pass the refresher's TTL so a product the services dropped disappears as it would without pushes.
   */
  readonly genericTtlMs?: number;
  /** Off when absent. */
  readonly activeViewers?: ActiveViewerPolicy;
}

/** One event of a batch: its L2 write or its deletions (or neither, for a plan) and its change. */
type Step = {
  readonly event: UpdateEvent;
  readonly viewerActive?: boolean | undefined;
  readonly change?: ProductChange;
} & (
  | { readonly write: VersionedWrite; readonly drop?: undefined }
  | {
      readonly drop: readonly CacheKey[];
      readonly result: "dropped" | "invalidated";
      readonly write?: undefined;
    }
  | { readonly write?: undefined; readonly drop?: undefined }
);

/** An event of a batch once L2 answered: its outcome and what to publish, or why it failed. */
type Stored =
  | { readonly outcome: ApplyOutcome; readonly change?: ProductChange | undefined }
  | { readonly error: UpdateApplyError };

/** Writes of one event before its apply fails, when each refused write's entry is gone by the read after it. */
const WRITE_ATTEMPTS = 3;

export const UPDATE_APPLIER_DEFAULTS = {
  personalTtlMs: 24 * 60 * 60_000,
  /** The generic refresh's default TTL: three periods of three minutes. */
  genericTtlMs: 9 * 60_000,
} as const;

/**
 * Applies one pushed update: writes L2 (versioned: an older or equal version is a no-op), tells every
 * instance to evict the keys from L1, then publishes the change for the viewers' live tiles, for
 * what was written and for a version L2 already held exactly. The latter matters: a read that missed
 * the caches fills L2 from the product service, possibly with the version an event in the stream
 * is about to bring, and it neither invalidates nor publishes; nor did an applier that crashed
 * between its L2 write and its publication. Publishing the same version twice is harmless (same
 * revision, clients keep the highest); publishing it never loses a live update.
 *
 * It rejects with {@link UpdateApplyError} when L2 could not be written or deleted, or when the
 * change could not be published: the caller must then keep the event and retry it. A retry finds
 * its version in L2 (`repeated`) and publishes it again, so a change whose publication failed still
 * reaches the live tiles. A failed invalidation is only logged: L1 entries expire on their own
 * within seconds.
 */
export class UpdateApplier {
  private readonly options: UpdateApplierOptions;
  private readonly metrics: UpdateMetrics;
  private readonly personalTtlMs: number;
  private readonly genericTtlMs: number;

  constructor(options: UpdateApplierOptions) {
    this.options = options;
    this.metrics = options.metrics ?? NO_UPDATE_METRICS;
    this.personalTtlMs = options.personalTtlMs ?? UPDATE_APPLIER_DEFAULTS.personalTtlMs;
    this.genericTtlMs = options.genericTtlMs ?? UPDATE_APPLIER_DEFAULTS.genericTtlMs;
    const policy = options.activeViewers;
    if (policy && !(Number.isFinite(policy.windowMs) && policy.windowMs >= 0)) {
      throw new RangeError(`activeViewers.windowMs must be a finite number >= 0, got ${policy.windowMs}`);
    }
  }

  async apply(event: UpdateEvent): Promise<ApplyOutcome> {
    const outcome = await this.applyEvent(event);
    this.metrics.updateApplied(outcome);
    return outcome;
  }

  /**
   * Applies events that touch distinct cache keys and viewers (the caller keeps each viewer's and
   * each product's events in order across calls) by the same policy as `apply`, in the same few
   * round trips however many they are: one activity check for all their viewers; ONE versioned L2
   * write for all their entries (their deletions, rare, beside it); one invalidation of every key
   * written or deleted; then every publication, sent at once in the events' order. The answers are
   * aligned with `events`, one per event: an entry L2 could not write, or a change that could not be
   * published, fails alone (to be retried) and holds no other event up. The write tells stale from
   * repeated by itself, so unlike `apply` no read follows a refused write.
   */
  async applyMany(events: readonly UpdateEvent[]): Promise<ApplyAttempt[]> {
    const activity = await this.activityOf(events);
    const steps = events.map((event) => this.stepOf(event, activity));
    const stored = await this.store(steps);
    const keys = stored.flatMap((done) => ("outcome" in done ? done.outcome.keys : []));
    // Invalidation before publication: a client told of a change must not read the old one back.
    if (keys.length > 0) await this.invalidate(keys);
    const published = await Promise.all(
      stored.map(async (done): Promise<ApplyAttempt> => {
        if (!("outcome" in done)) return { applied: false, error: done.error };
        try {
          if (done.change) await this.publish(done.change);
        } catch (error) {
          return { applied: false, error: error as UpdateApplyError };
        }
        return { applied: true, outcome: done.outcome };
      }),
    );
    for (const attempt of published) if (attempt.applied) this.metrics.updateApplied(attempt.outcome);
    return published;
  }

  /** Each personal event's viewer activity, in one call; empty when no policy asks for it. */
  private async activityOf(events: readonly UpdateEvent[]): Promise<Map<UserId, boolean>> {
    const policy = this.options.activeViewers;
    const users = [...new Set(events.flatMap((event) => (event.kind === "personal" ? [event.user] : [])))];
    if (!policy || policy.windowMs === 0 || users.length === 0) return new Map();
    try {
      const active = await policy.store.areActive(users, policy.windowMs);
      return new Map(users.map((user, index) => [user, active[index] === true]));
    } catch (error) {
      this.options.logger.warn(
        { err: error, users: users.length },
        "viewer activity unknown; the pushes are kept as for active viewers",
      );
      return new Map();
    }
  }

  /** What an event of a batch asks of L2, before anything is sent. */
  private stepOf(event: UpdateEvent, activity: ReadonlyMap<UserId, boolean>): Step {
    switch (event.kind) {
      case "personal": {
        const key = personalKey(event.user, event.info.id);
        const viewerActive = activity.get(event.user);
        const change: ProductChange = { kind: "personal", user: event.user, info: event.info };
        if (viewerActive === false && this.options.activeViewers?.mode === "drop") {
          return { event, drop: [key], result: "dropped", viewerActive };
        }
        const write = { key, value: event.info, ttlMs: this.personalTtlMs };
        return { event, write, change, viewerActive };
      }
      case "generic": {
        const write = { key: genericKey(event.info.id), value: event.info, ttlMs: this.genericTtlMs };
        return { event, write, change: { kind: "generic", info: event.info } };
      }
      case "plan":
        return { event, change: { kind: "plan", user: event.user } };
      case "invalidate": {
        const user = event.user;
        const keys = event.products.map((product) =>
          user === undefined ? genericKey(product) : personalKey(user, product),
        );
        return { event, drop: keys, result: "invalidated" };
      }
    }
  }

  /** The batch's L2 writes in one call and its deletions in another, at the same time. */
  private async store(steps: readonly Step[]): Promise<Stored[]> {
    const writes = steps.flatMap((step) => (step.write ? [step.write] : []));
    const drops = steps.flatMap((step) => step.drop ?? []);
    const [written, dropped] = await Promise.all([
      writes.length === 0
        ? Promise.resolve([])
        : this.options.l2
            .writeVersions(writes)
            .catch((error: unknown) => writes.map((): VersionedWriteResult => ({ result: "failed", error }))),
      drops.length === 0
        ? Promise.resolve(undefined)
        : this.options.l2.delete(drops).then(
            () => undefined,
            (error: unknown) => ({ error }),
          ),
    ]);
    let writeIndex = 0;
    return steps.map((step) => {
      const { event, viewerActive } = step;
      const activity = viewerActive === undefined ? {} : { viewerActive };
      if (step.write) {
        const answer = written[writeIndex++] ?? { result: "failed", error: new Error("no answer") };
        const what = `${event.kind} update of ${cacheKeyId(step.write.key)} at version ${step.write.value.version}`;
        if (answer.result === "failed") {
          return { error: new UpdateApplyError(event.kind, `${what}: the L2 write failed`, answer.error) };
        }
        const keys = answer.result === "stale" ? [] : [step.write.key];
        const outcome = { kind: event.kind, result: answer.result, keys, ...activity };
        return answer.result === "stale" ? { outcome } : { outcome, change: step.change };
      }
      if (step.drop) {
        if (dropped) {
          const what = `${event.kind} update: deleting ${step.drop.length} L2 entries failed`;
          return { error: new UpdateApplyError(event.kind, what, dropped.error) };
        }
        return { outcome: { kind: event.kind, result: step.result, keys: step.drop, ...activity } };
      }
      return { outcome: { kind: event.kind, result: "published", keys: [] }, change: step.change };
    });
  }

  private async applyEvent(event: UpdateEvent): Promise<ApplyOutcome> {
    switch (event.kind) {
      case "personal":
        return this.applyPersonal(event.user, event.info);
      case "generic": {
        const key = genericKey(event.info.id);
        const result = await this.write("generic", key, event.info, this.genericTtlMs);
        if (result === "stale") return { kind: "generic", result, keys: [] };
        await this.invalidate([key]);
        await this.publish({ kind: "generic", info: event.info });
        return { kind: "generic", result, keys: [key] };
      }
      case "plan":
        // Plans are not cached, so there is nothing to version against: a repeated plan event makes
        // the viewer's client refetch its screen once more, which is harmless.
        await this.publish({ kind: "plan", user: event.user });
        return { kind: "plan", result: "published", keys: [] };
      case "invalidate": {
        const user = event.user;
        const keys = event.products.map((product) =>
          user === undefined ? genericKey(product) : personalKey(user, product),
        );
        await this.drop("invalidate", keys);
        return { kind: "invalidate", result: "invalidated", keys };
      }
    }
  }

  private async applyPersonal(user: UserId, info: ProductInfo): Promise<ApplyOutcome> {
    const key = personalKey(user, info.id);
    const viewerActive = await this.viewerActivity(user);
    if (viewerActive === false && this.options.activeViewers?.mode === "drop") {
      // Not writing is not enough: an older entry left in L2 would be served on the next visit.
      await this.drop("personal", [key]);
      return { kind: "personal", result: "dropped", keys: [key], viewerActive };
    }
    const result = await this.write("personal", key, info, this.personalTtlMs);
    if (result === "stale") return { kind: "personal", result, keys: [], viewerActive };
    await this.invalidate([key]);
    await this.publish({ kind: "personal", user, info });
    return { kind: "personal", result, keys: [key], viewerActive };
  }

  /** Undefined when no policy is configured, or when the store could not say (then the push is kept). */
  private async viewerActivity(user: UserId): Promise<boolean | undefined> {
    const policy = this.options.activeViewers;
    if (!policy || policy.windowMs === 0) return undefined;
    try {
      return await policy.store.isActive(user, policy.windowMs);
    } catch (error) {
      this.options.logger.warn(
        { err: error, user },
        "viewer activity unknown; the push is kept as for an active viewer",
      );
      return undefined;
    }
  }

  /**
   * `repeated` when L2 refused the write because it already held exactly this version. Telling that
   * from an older event costs one read, only for refused writes (duplicates and reordered events).
   * When that read finds neither this version nor a newer one, the entry that refused the write was
   * deleted in between (an invalidate event, its TTL): the write is tried again, since calling the
   * event stale would leave its change unpublished for good. Should the entry keep changing, the
   * apply fails and the event is retried later.
   */
  private async write(
    kind: UpdateKind,
    key: CacheKey,
    info: ProductInfo,
    ttlMs: number,
  ): Promise<"written" | "repeated" | "stale"> {
    let cause: unknown;
    try {
      for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
        const [written] = await this.options.l2.setMany([{ key, value: info }], { ttlMs });
        if (written === true) return "written";
        const held = (await this.options.l2.getMany([key])).get(cacheKeyId(key));
        if (held !== undefined && held.version > info.version) return "stale";
        if (held?.version === info.version) return "repeated";
      }
    } catch (error) {
      cause = error;
    }
    throw new UpdateApplyError(
      kind,
      cause === undefined
        ? `${kind} update of ${cacheKeyId(key)} at version ${info.version}: the L2 entry changed under ${WRITE_ATTEMPTS} writes`
        : `${kind} update of ${cacheKeyId(key)} at version ${info.version}: the L2 write failed`,
      cause,
    );
  }

  private async drop(kind: UpdateKind, keys: readonly CacheKey[]): Promise<void> {
    try {
      await this.options.l2.delete(keys);
    } catch (error) {
      throw new UpdateApplyError(kind, `${kind} update: deleting ${keys.length} L2 entries failed`, error);
    }
    await this.invalidate(keys);
  }

  private async invalidate(keys: readonly CacheKey[]): Promise<void> {
    try {
      await this.options.bus.publish(keys);
    } catch (error) {
      // L2 is right already; other instances serve their L1 copy until its TTL ends.
      this.options.logger.warn(
        { err: error, keys: keys.map(cacheKeyId) },
        "update applied to L2 but the L1 invalidation was not sent",
      );
    }
  }

  /**
   * A publication that failed (or timed out: it may have gone out all the same) fails the apply, so
   * the event is retried rather than acknowledged: otherwise viewers with the tile on screen would
   * keep the old one until some newer change or refetch. Publishing a version twice is harmless.
   */
  private async publish(change: ProductChange): Promise<void> {
    try {
      await this.options.changes.publish(change);
    } catch (error) {
      const what = change.kind === "plan" ? "plan change" : `${change.kind} change of ${change.info.id}`;
      throw new UpdateApplyError(change.kind, `${what}: publishing it failed`, error);
    }
  }
}
