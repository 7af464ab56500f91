import type { ServiceId } from "./model.js";
import type { UpdateRejectionReason } from "./updates.js";

/**
 * What the gateway counts, port by port; `PromTelemetry` implements them all, and each has a no-op
 * for when nothing is measured. The applier's own (`UpdateMetrics`) lives beside it in updates.ts.
 */

export type CacheTier = "l1" | "l2";
export type KeyClass = "personal" | "generic";
export type UpstreamOutcome = "ok" | "error" | "late";

/** What the request path counts; an adapter turns it into metrics. */
export interface Telemetry {
  cacheLookup(tier: CacheTier, keyClass: KeyClass, result: { hits: number; misses: number }): void;
  cacheError(tier: CacheTier, operation: string): void;
  upstreamCall(service: ServiceId, kind: KeyClass, durationMs: number, outcome: UpstreamOutcome): void;
}

export const NO_TELEMETRY: Telemetry = {
  cacheLookup: () => undefined,
  cacheError: () => undefined,
  upstreamCall: () => undefined,
};

/** Why a subscriber may have missed messages; a small fixed set, fit for a metric label. */
export type PossibleLossCause = "gap" | "reconnect" | "late-subscribe" | "malformed" | "ended";

/** What the bus counts; `PromTelemetry` provides it. */
export interface InvalidationBusMetrics {
  invalidationSent(keys: number): void;
  invalidationReceived(keys: number): void;
  invalidationGap(): void;
  possibleLoss(cause: PossibleLossCause): void;
}

/** The states of a circuit breaker, as its metric reports them. */
export type BreakerState = "closed" | "open" | "half-open";

/** What the update stream's consumer counts. */
export interface UpdateStreamMetrics {
  /** An entry was refused and dead-lettered. */
  updateRejected(reason: UpdateRejectionReason): void;
  updateDeadLettered(): void;
  /** Idle pending entries taken over from a consumer (any, this one included) that did not ack them. */
  updatesClaimed(count: number): void;
  /** An apply rejected; the entry stays pending and is retried. */
  updateApplyFailed(): void;
  /**
   * `lag`: entries in the stream not yet delivered to the group (Redis 7; undefined when Redis cannot
   * tell, e.g. right after entries were deleted). `pending`: delivered but not yet acknowledged.
   */
  updateStreamBacklog(backlog: { readonly lag: number | undefined; readonly pending: number }): void;
}

export const NO_UPDATE_STREAM_METRICS: UpdateStreamMetrics = {
  updateRejected: () => undefined,
  updateDeadLettered: () => undefined,
  updatesClaimed: () => undefined,
  updateApplyFailed: () => undefined,
  updateStreamBacklog: () => undefined,
};

/** What the socket holds open right now; read at each scrape. */
export interface SocketCounts {
  readonly connections: number;
  readonly subscriptions: number;
}

/** What the request edge reports: every HTTP answer, every GraphQL error code, the open sockets. */
export interface EdgeMetrics {
  httpRequest(request: { route: string; method: string; status: number; durationMs: number }): void;
  graphqlError(code: string): void;
  observeSockets(read: () => SocketCounts): void;
}
