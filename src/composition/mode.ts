import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { Logger as PinoLogger } from "pino";
import { TracedChangeFeed, TracedL2Cache, type Tracing, tracedApplier } from "../adapters/otel-tracing.js";
import type { PromTelemetry } from "../adapters/prom-telemetry.js";
import type { Config } from "../config.js";
import {
  type ActiveViewers,
  type BackgroundTask,
  type ChangeFeed,
  type Clock,
  GENERIC_REFRESH_DEFAULTS,
  type InvalidationBus,
  type L2Cache,
  type Locks,
  PlanChangesOnTheBus,
  type RateLimiter,
  type ReadinessCheck,
  UpdateApplier,
  type UpdateEvent,
} from "../domain/index.js";

/** What every mode is built from: the configuration and what the process has already made. */
export interface ModeContext {
  readonly config: Config;
  readonly logger: PinoLogger;
  readonly telemetry: PromTelemetry;
  readonly clock: Clock;
  /** Names this process to its peers (bus messages, locks, the stream's consumer). */
  readonly instanceId: string;
  readonly tracing?: Tracing;
}

/**
 * What a mode (in-memory, Redis, and later Redis Cluster) builds: the state the instances share,
 * the update source that feeds it, and the background work of its own. Each mode builds its parts
 * in dependency order, ending with the update source, which needs the applier, which needs the rest.
 */
export interface Mode {
  readonly name: string;
  readonly l2: L2Cache;
  readonly bus: InvalidationBus;
  readonly locks: Locks;
  readonly changes: ChangeFeed;
  /** Who was around lately; absent when the mode keeps no such record. */
  readonly activeViewers?: ActiveViewers;
  readonly rateLimiter?: RateLimiter;
  /** Where persisted queries are kept; absent: in the gateway's memory. */
  readonly persistedQueries?: KeyValueCache<string>;
  readonly readiness: readonly ReadinessCheck[];
  /** How a product service's update reaches this mode's update source (the demo pushes through it). */
  readonly push: (event: UpdateEvent) => Promise<void>;
  /** This mode's own background work, in start order (stopped in reverse). */
  readonly background: readonly BackgroundTask[];
  /** Releases the mode's connections once everything else has stopped. */
  close(): Promise<void>;
}

/** With tracing on, L2 calls and the live-tile fan-out are spans. */
export function traced(
  context: ModeContext,
  parts: { readonly l2: L2Cache; readonly changes: ChangeFeed },
): { l2: L2Cache; changes: ChangeFeed } {
  const { tracing } = context;
  if (!tracing) return parts;
  return {
    l2: new TracedL2Cache(parts.l2, tracing.tracer),
    changes: new TracedChangeFeed(parts.changes, tracing.tracer),
  };
}

/** The applier every mode's update source feeds: the same policy whatever the transport. */
export function updateApplierFor(
  context: ModeContext,
  parts: {
    readonly l2: L2Cache;
    readonly bus: InvalidationBus;
    readonly changes: ChangeFeed;
    readonly activeViewers: ActiveViewers | undefined;
  },
): Pick<UpdateApplier, "apply" | "applyMany"> {
  const { config, logger, telemetry, tracing } = context;
  const applier = new UpdateApplier({
    l2: parts.l2,
    bus: parts.bus,
    // A plan change also goes on the bus, so no instance reuses the viewer's old screen.
    changes: new PlanChangesOnTheBus(parts.changes, parts.bus, logger),
    logger,
    metrics: telemetry,
    personalTtlMs: config.L2_TTL_MS,
    genericTtlMs: config.GENERIC_REFRESH_MS * GENERIC_REFRESH_DEFAULTS.ttlMultiple,
    ...(parts.activeViewers && {
      activeViewers: {
        store: parts.activeViewers,
        windowMs: config.ACTIVE_VIEWER_WINDOW_MS,
        mode: config.ACTIVE_VIEWER_MODE,
      },
    }),
  });
  return tracing ? tracedApplier(applier, tracing.tracer) : applier;
}

/** Background work with a start and a stop, under a name for the logs. */
export function task(name: string, work: { start(): void; stop(): Promise<void> }): BackgroundTask {
  return { name, start: () => work.start(), stop: () => work.stop() };
}
