import { randomUUID } from "node:crypto";
import type { Logger as PinoLogger } from "pino";
import { LruL1Cache } from "../adapters/lru-l1-cache.js";
import { LruResponseCache } from "../adapters/lru-response-cache.js";
import {
  TracedL1Cache,
  TracedProductService,
  TracedRecommendations,
  type Tracing,
} from "../adapters/otel-tracing.js";
import { PromTelemetry } from "../adapters/prom-telemetry.js";
import { SystemClock } from "../adapters/system-clock.js";
import type { GatewayPorts } from "../app.js";
import type { Config } from "../config.js";
import { GenericRefresher, ResponseReuse } from "../domain/index.js";
import { inMemoryMode } from "./in-memory.js";
import type { Mode, ModeContext } from "./mode.js";
import { task } from "./mode.js";
import { redisMode } from "./redis.js";
import { redisClusterMode } from "./redis-cluster.js";
import { type Upstreams, demoActivity, demoUpstreams, httpUpstreams } from "./upstreams.js";

/**
 * The gateway's ports for a validated configuration: the mode's shared state (Redis when REDIS_URL
 * is set, else in memory), HTTP upstreams when PRODUCT_SERVICES is set (else the simulated demo
 * services), and what runs the same in every mode (L1, the generic refresh, the demo's pushes).
 */
export async function buildPorts(
  config: Config,
  logger: PinoLogger,
  tracing?: Tracing,
): Promise<GatewayPorts> {
  const clock = new SystemClock();
  const telemetry = new PromTelemetry({ collectDefaultMetrics: true });
  const context: ModeContext = {
    config,
    logger,
    telemetry,
    clock,
    instanceId: `${process.pid}-${randomUUID().slice(0, 8)}`,
    ...(tracing && { tracing }),
  };
  const upstreams = traceUpstreams(
    httpUpstreams(config) ??
      demoUpstreams({ clock, latencyMs: config.DEMO_LATENCY_MS, failureRate: config.DEMO_FAILURE_RATE }),
    tracing,
  );
  const mode = await modeFor(context);

  const refresher = new GenericRefresher({
    services: new Map(upstreams.services.map((service) => [service.id, service])),
    l2: mode.l2,
    bus: mode.bus,
    locks: mode.locks,
    clock,
    logger,
    periodMs: config.GENERIC_REFRESH_MS,
  });
  const activity =
    config.DEMO_UPDATE_INTERVAL_MS > 0
      ? demoActivity({
          ...upstreams,
          push: mode.push,
          clock,
          logger,
          intervalMs: config.DEMO_UPDATE_INTERVAL_MS,
        })
      : undefined;
  const l1 = new LruL1Cache({
    ttlMs: config.L1_TTL_MS,
    max: config.L1_MAX_ENTRIES,
    maxBytes: config.L1_MAX_BYTES,
  });

  return {
    ...upstreams,
    l1: tracing ? new TracedL1Cache(l1, tracing.tracer) : l1,
    l2: mode.l2,
    bus: mode.bus,
    changes: mode.changes,
    clock,
    logger,
    telemetry,
    metrics: telemetry.registry,
    edgeMetrics: telemetry,
    readiness: mode.readiness,
    ...(mode.activeViewers && { activeViewers: mode.activeViewers }),
    ...(mode.rateLimiter && { rateLimiter: mode.rateLimiter }),
    ...(mode.persistedQueries && { persistedQueries: mode.persistedQueries }),
    ...(config.RESPONSE_CACHE_TTL_MS > 0 && {
      responseReuse: new ResponseReuse({
        cache: new LruResponseCache({ maxBytes: config.RESPONSE_CACHE_MAX_BYTES }),
        ttlMs: config.RESPONSE_CACHE_TTL_MS,
        metrics: telemetry,
      }),
    }),
    // Stopped in reverse: the demo stops pushing before the mode's update source stops applying.
    background: [
      task("generic-refresh", refresher),
      ...mode.background,
      ...(activity ? [task("demo-activity", activity)] : []),
    ],
    close: () => mode.close(),
    ...(tracing && { tracing }),
  };
}

/**
 * One mode per deployment shape. A new one (Redis Cluster, say) is a module beside `redis.ts`
 * returning a `Mode`, and a branch here on the variable that selects it.
 */
async function modeFor(context: ModeContext): Promise<Mode> {
  const { config } = context;
  if (config.REDIS_URL) return redisMode(config.REDIS_URL, context);
  if (config.REDIS_CLUSTER_NODES) return redisClusterMode(config.REDIS_CLUSTER_NODES, context);
  return inMemoryMode(context);
}

/** With tracing on, each upstream call is a client span; without it the upstreams are untouched. */
function traceUpstreams(upstreams: Upstreams, tracing: Tracing | undefined): Upstreams {
  if (!tracing) return upstreams;
  return {
    services: upstreams.services.map((service) => new TracedProductService(service, tracing.tracer)),
    recommendations: new TracedRecommendations(upstreams.recommendations, tracing.tracer),
  };
}
