import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { ServiceId } from "../domain/model.js";
import type {
  BreakerState,
  CacheTier,
  InvalidationBusMetrics,
  KeyClass,
  PossibleLossCause,
  SocketCounts,
  Telemetry,
  UpdateStreamMetrics,
  UpstreamOutcome,
} from "../domain/metrics.js";
import type { ResponseReuseMetrics } from "../domain/response-reuse.js";
import {
  type ApplyOutcome,
  UPDATE_REJECTION_REASONS,
  type UpdateMetrics,
  type UpdateRejectionReason,
} from "../domain/updates.js";

export interface PromTelemetryOptions {
  /** Metric name prefix. */
  readonly prefix?: string;
  /** Process metrics (CPU, memory, event loop lag, GC); off in tests that build many instances. */
  readonly collectDefaultMetrics?: boolean;
  /** Labels on every series, e.g. `{ instance: "gw-1" }`. */
  readonly defaultLabels?: Readonly<Record<string, string>>;
}

const BREAKER_STATES: readonly BreakerState[] = ["closed", "half-open", "open"];

/**
 * The gateway's metrics on a registry of its own (never prom-client's global one), so several
 * instances can live in one process (tests) without clashing. Serve `registry.metrics()` with
 * `registry.contentType` from `/metrics`.
 */
export class PromTelemetry
  implements Telemetry, InvalidationBusMetrics, UpdateMetrics, UpdateStreamMetrics, ResponseReuseMetrics
{
  readonly registry: Registry;
  private readonly responseReuses: Counter<"outcome">;
  private readonly cacheHits: Counter<"tier" | "key_class">;
  private readonly cacheMisses: Counter<"tier" | "key_class">;
  private readonly cacheErrors: Counter<"tier" | "operation">;
  private readonly upstreamDuration: Histogram<"service" | "kind" | "outcome">;
  private readonly breakerState: Gauge<"breaker" | "state">;
  private readonly invalidationMessagesSent: Counter;
  private readonly invalidationKeysSent: Counter;
  private readonly invalidationMessagesReceived: Counter;
  private readonly invalidationKeysReceived: Counter;
  private readonly invalidationGaps: Counter;
  private readonly possibleLossResets: Counter<"cause">;
  private readonly updatesApplied: Counter<"kind" | "result">;
  private readonly personalUpdatesByActivity: Counter<"viewer">;
  private readonly updatesRejected: Counter<"reason">;
  private readonly updatesDeadLettered: Counter;
  private readonly updatesClaimedTotal: Counter;
  private readonly updateApplyFailures: Counter;
  private readonly updateStreamLag: Gauge;
  private readonly updateStreamPending: Gauge;
  private readonly httpRequestDuration: Histogram<"route" | "method" | "status">;
  private readonly graphqlErrors: Counter<"code">;
  private socketCounts: () => SocketCounts = () => ({ connections: 0, subscriptions: 0 });

  // eslint-disable-next-line max-lines-per-function -- one declaration per metric, in the order /metrics lists them: splitting it would only scatter the list.
  constructor(options: PromTelemetryOptions = {}) {
    const prefix = options.prefix ?? "home_gateway_";
    const registry = new Registry();
    this.registry = registry;
    if (options.defaultLabels) registry.setDefaultLabels(options.defaultLabels);
    if (options.collectDefaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix });
    const registers = [registry];

    this.responseReuses = new Counter({
      name: `${prefix}response_reuse_total`,
      help: "Whole home/section answers: reused (hit), not held (miss), held but changed since (stale), kept for reuse (stored) or not (not_stored).",
      labelNames: ["outcome"],
      registers,
    });
    this.cacheHits = new Counter({
      name: `${prefix}cache_hits_total`,
      help: "Product cache lookups answered, per tier and key class (personal or generic).",
      labelNames: ["tier", "key_class"],
      registers,
    });
    this.cacheMisses = new Counter({
      name: `${prefix}cache_misses_total`,
      help: "Product cache lookups not answered, per tier and key class.",
      labelNames: ["tier", "key_class"],
      registers,
    });
    this.cacheErrors = new Counter({
      name: `${prefix}cache_errors_total`,
      help: "Cache operations that failed (and were treated as misses), per tier and operation.",
      labelNames: ["tier", "operation"],
      registers,
    });
    this.upstreamDuration = new Histogram({
      name: `${prefix}upstream_call_duration_seconds`,
      help: "Product service calls, per service, kind (personal or generic) and outcome.",
      labelNames: ["service", "kind", "outcome"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2],
      registers,
    });
    this.breakerState = new Gauge({
      name: `${prefix}circuit_breaker_state`,
      help: "1 for the state each circuit breaker is in, 0 for the others.",
      labelNames: ["breaker", "state"],
      registers,
    });
    this.invalidationMessagesSent = new Counter({
      name: `${prefix}invalidation_messages_sent_total`,
      help: "L1 invalidation messages published.",
      registers,
    });
    this.invalidationKeysSent = new Counter({
      name: `${prefix}invalidation_keys_sent_total`,
      help: "Cache keys in the L1 invalidation messages published.",
      registers,
    });
    this.invalidationMessagesReceived = new Counter({
      name: `${prefix}invalidation_messages_received_total`,
      help: "L1 invalidation messages received.",
      registers,
    });
    this.invalidationKeysReceived = new Counter({
      name: `${prefix}invalidation_keys_received_total`,
      help: "Cache keys in the L1 invalidation messages received.",
      registers,
    });
    this.invalidationGaps = new Counter({
      name: `${prefix}invalidation_gaps_total`,
      help: "Gaps detected in a publisher's invalidation sequence numbers.",
      registers,
    });
    this.possibleLossResets = new Counter({
      name: `${prefix}l1_possible_loss_resets_total`,
      help: "Times L1 was dropped because invalidations may have been lost, per cause.",
      labelNames: ["cause"],
      registers,
    });
    this.updatesApplied = new Counter({
      name: `${prefix}updates_applied_total`,
      help: "Pushed update events applied, per kind and result (written, repeated, stale, dropped, invalidated, published).",
      labelNames: ["kind", "result"],
      registers,
    });
    this.personalUpdatesByActivity = new Counter({
      name: `${prefix}personal_updates_by_viewer_activity_total`,
      help: "Personal updates per viewer activity (active, inactive) when the active-viewer check is on: the share pushed for viewers who were not around.",
      labelNames: ["viewer"],
      registers,
    });
    this.updatesRejected = new Counter({
      name: `${prefix}updates_rejected_total`,
      help: "Update stream entries refused by validation (and dead-lettered), per reason.",
      labelNames: ["reason"],
      registers,
    });
    // Every reason from the start at 0, so a rate() alert sees the first rejection of a kind.
    for (const reason of UPDATE_REJECTION_REASONS) this.updatesRejected.inc({ reason }, 0);
    this.updatesDeadLettered = new Counter({
      name: `${prefix}updates_dead_lettered_total`,
      help: "Update stream entries moved to the dead-letter stream.",
      registers,
    });
    this.updatesClaimedTotal = new Counter({
      name: `${prefix}updates_claimed_total`,
      help: "Idle pending update entries claimed from a consumer that did not acknowledge them.",
      registers,
    });
    this.updateApplyFailures = new Counter({
      name: `${prefix}update_apply_failures_total`,
      help: "Update applications that failed (L2 unavailable); the entries stay pending and are retried.",
      registers,
    });
    this.updateStreamLag = new Gauge({
      name: `${prefix}update_stream_lag`,
      help: "Entries in the update stream not yet delivered to the consumer group (sampled; Redis 7).",
      registers,
    });
    this.updateStreamPending = new Gauge({
      name: `${prefix}update_stream_pending`,
      help: "Update entries delivered to the group but not yet acknowledged (sampled).",
      registers,
    });
    this.httpRequestDuration = new Histogram({
      name: `${prefix}http_request_duration_seconds`,
      help: "HTTP requests answered, per route (graphql, healthz, readyz, metrics, other), method and status.",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.graphqlErrors = new Counter({
      name: `${prefix}graphql_errors_total`,
      help: "GraphQL errors returned over HTTP, per extensions.code (a response may carry several).",
      labelNames: ["code"],
      registers,
    });
    const counts = (): SocketCounts => this.socketCounts();
    new Gauge({
      name: `${prefix}socket_connections`,
      help: "WebSocket connections accepted (connection_init passed) and still open.",
      registers,
      collect() {
        this.set(counts().connections);
      },
    });
    new Gauge({
      name: `${prefix}open_subscriptions`,
      help: "Subscriptions running on this instance's sockets.",
      registers,
      collect() {
        this.set(counts().subscriptions);
      },
    });
  }

  responseReuse(outcome: "hit" | "miss" | "stale" | "stored" | "not_stored"): void {
    this.responseReuses.inc({ outcome });
  }

  cacheLookup(tier: CacheTier, keyClass: KeyClass, result: { hits: number; misses: number }): void {
    if (result.hits > 0) this.cacheHits.inc({ tier, key_class: keyClass }, result.hits);
    if (result.misses > 0) this.cacheMisses.inc({ tier, key_class: keyClass }, result.misses);
  }

  cacheError(tier: CacheTier, operation: string): void {
    this.cacheErrors.inc({ tier, operation });
  }

  upstreamCall(service: ServiceId, kind: KeyClass, durationMs: number, outcome: UpstreamOutcome): void {
    this.upstreamDuration.observe({ service, kind, outcome }, durationMs / 1_000);
  }

  /** Wire to `FailOpenL2Cache`'s `onStateChange`, e.g. `(state) => telemetry.setBreakerState("l2", state)`. */
  setBreakerState(breaker: string, state: BreakerState): void {
    for (const candidate of BREAKER_STATES)
      this.breakerState.set({ breaker, state: candidate }, candidate === state ? 1 : 0);
  }

  invalidationSent(keys: number): void {
    this.invalidationMessagesSent.inc();
    this.invalidationKeysSent.inc(keys);
  }

  invalidationReceived(keys: number): void {
    this.invalidationMessagesReceived.inc();
    this.invalidationKeysReceived.inc(keys);
  }

  invalidationGap(): void {
    this.invalidationGaps.inc();
  }

  possibleLoss(cause: PossibleLossCause): void {
    this.possibleLossResets.inc({ cause });
  }

  updateApplied(outcome: ApplyOutcome): void {
    this.updatesApplied.inc({ kind: outcome.kind, result: outcome.result });
    if (outcome.viewerActive !== undefined) {
      this.personalUpdatesByActivity.inc({ viewer: outcome.viewerActive ? "active" : "inactive" });
    }
  }

  updateRejected(reason: UpdateRejectionReason): void {
    this.updatesRejected.inc({ reason });
  }

  updateDeadLettered(): void {
    this.updatesDeadLettered.inc();
  }

  updatesClaimed(count: number): void {
    this.updatesClaimedTotal.inc(count);
  }

  updateApplyFailed(): void {
    this.updateApplyFailures.inc();
  }

  httpRequest(request: { route: string; method: string; status: number; durationMs: number }): void {
    this.httpRequestDuration.observe(
      { route: request.route, method: request.method, status: String(request.status) },
      request.durationMs / 1_000,
    );
  }

  graphqlError(code: string): void {
    this.graphqlErrors.inc({ code });
  }

  /** The socket server's live counts, read at each scrape. */
  observeSockets(read: () => SocketCounts): void {
    this.socketCounts = read;
  }

  updateStreamBacklog(backlog: { readonly lag: number | undefined; readonly pending: number }): void {
    if (backlog.lag !== undefined) this.updateStreamLag.set(backlog.lag);
    this.updateStreamPending.set(backlog.pending);
  }
}
