import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { Redis } from "ioredis";
import type { Logger as PinoLogger } from "pino";
import { PubSub } from "graphql-subscriptions";
import { RedisPubSub } from "graphql-redis-subscriptions";
import { ErrorsAreMissesCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { FailOpenL2Cache } from "./adapters/fail-open-l2-cache.js";
import { FlexibleRateLimiter } from "./adapters/flexible-rate-limiter.js";
import { RedisWindowRateLimiter } from "./adapters/redis-window-rate-limiter.js";
import { PubSubChangeFeed } from "./adapters/pubsub-change-feed.js";
import { HttpProductService } from "./adapters/http-product-service.js";
import { HttpRecommendations } from "./adapters/http-recommendations.js";
import { LruL1Cache } from "./adapters/lru-l1-cache.js";
import {
  TracedChangeFeed,
  TracedL1Cache,
  TracedL2Cache,
  TracedProductService,
  TracedRecommendations,
  type Tracing,
  tracedApplier,
} from "./adapters/otel-tracing.js";
import { PromTelemetry } from "./adapters/prom-telemetry.js";
import { createRedisClient, whenReady } from "./adapters/redis-client.js";
import { RedisInvalidationBus } from "./adapters/redis-invalidation-bus.js";
import { RedisKeyValueCache } from "./adapters/redis-key-value-cache.js";
import { RedisL2Cache } from "./adapters/redis-l2-cache.js";
import { RedisLocks } from "./adapters/redis-locks.js";
import { RedisActiveViewers } from "./adapters/redis-active-viewers.js";
import {
  RedisUpdateStream,
  UPDATE_EVENT_FIELD,
  updateStreamClientTimeouts,
} from "./adapters/redis-update-stream.js";
import { encodeUpdateEvent } from "./adapters/update-event-json.js";
import { SystemClock } from "./adapters/system-clock.js";
import type { BackgroundTask, GatewayPorts, ReadinessCheck } from "./app.js";
import type { Config } from "./config.js";
import {
  type ActiveViewers,
  type ChangeFeed,
  type Clock,
  GENERIC_REFRESH_DEFAULTS,
  type RateLimiter,
  GenericRefresher,
  UpdateApplier,
  type UpdateEvent,
  type InvalidationBus,
  type L1Cache,
  type L2Cache,
  type Locks,
  type ProductService,
  type Recommendations,
} from "./domain/index.js";
import { demoActivity, demoUpstreams, inMemoryInfrastructure, inMemoryUpdateSource } from "./embedded.js";

/**
 * The gateway's ports for a validated configuration: Redis when REDIS_URL is set (else in-memory),
 * HTTP upstreams when PRODUCT_SERVICES is set (else the simulated demo services).
 */
export async function buildPorts(
  config: Config,
  logger: PinoLogger,
  tracing?: Tracing,
): Promise<GatewayPorts> {
  const clock = new SystemClock();
  const instanceId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const telemetry = new PromTelemetry({ collectDefaultMetrics: true });
  const upstreams = traceUpstreams(
    httpUpstreams(config) ??
      demoUpstreams({ clock, latencyMs: config.DEMO_LATENCY_MS, failureRate: config.DEMO_FAILURE_RATE }),
    tracing,
  );
  const infrastructure = config.REDIS_URL
    ? await redisInfrastructure(config.REDIS_URL, config, { logger, telemetry, instanceId })
    : {
        ...inMemoryInfrastructure({ clock }),
        changes: new PubSubChangeFeed({
          pubsub: new PubSub({ eventEmitter: unboundedEmitter() }),
          prefix: config.REDIS_KEY_PREFIX,
          logger,
        }),
        readiness: [],
        redis: undefined,
        persistedQueries: undefined,
        activeViewers: () => undefined,
        updateSource: ({ applier, clock: time }: { applier: Pick<UpdateApplier, "apply">; clock: Clock }) => {
          const source = inMemoryUpdateSource({ applier, clock: time, logger });
          return { source, push: async (event: UpdateEvent) => source.append(event) };
        },
        close: async () => undefined,
      };
  const shared = traceInfrastructure(infrastructure, tracing);

  const refresher = new GenericRefresher({
    services: new Map(upstreams.services.map((service) => [service.id, service])),
    l2: shared.l2,
    bus: shared.bus,
    locks: shared.locks,
    clock,
    logger,
    periodMs: config.GENERIC_REFRESH_MS,
  });
  const activeViewers = shared.activeViewers(config.ACTIVE_VIEWER_WINDOW_MS, clock);
  const applier = new UpdateApplier({
    l2: shared.l2,
    bus: shared.bus,
    changes: shared.changes,
    logger,
    metrics: telemetry,
    personalTtlMs: config.L2_TTL_MS,
    genericTtlMs: config.GENERIC_REFRESH_MS * GENERIC_REFRESH_DEFAULTS.ttlMultiple,
    ...(activeViewers && {
      activeViewers: {
        store: activeViewers,
        windowMs: config.ACTIVE_VIEWER_WINDOW_MS,
        mode: config.ACTIVE_VIEWER_MODE,
      },
    }),
  });
  const updates = shared.updateSource({
    applier: tracing ? tracedApplier(applier, tracing.tracer) : applier,
    clock,
  });
  const activity =
    config.DEMO_UPDATE_INTERVAL_MS > 0
      ? demoActivity({
          services: upstreams.services,
          recommendations: upstreams.recommendations,
          push: updates.push,
          clock,
          logger,
          intervalMs: config.DEMO_UPDATE_INTERVAL_MS,
        })
      : undefined;
  const rateLimiter = rateLimiterFor(config, shared.redis, { clock, logger });
  // Stopped in reverse: the demo stops pushing before the stream stops applying.
  const background: BackgroundTask[] = [
    { name: "generic-refresh", start: () => refresher.start(), stop: () => refresher.stop() },
    { name: "update-stream", start: () => updates.source.start(), stop: () => updates.source.stop() },
    ...(activity
      ? [{ name: "demo-activity", start: () => activity.start(), stop: () => activity.stop() }]
      : []),
    ...(rateLimiter instanceof RedisWindowRateLimiter
      ? [{ name: "rate-limit-sync", start: () => rateLimiter.start(), stop: () => rateLimiter.stop() }]
      : []),
  ];

  return {
    ...upstreams,
    l1: traceL1(
      new LruL1Cache({ ttlMs: config.L1_TTL_MS, max: config.L1_MAX_ENTRIES, maxBytes: config.L1_MAX_BYTES }),
      tracing,
    ),
    l2: shared.l2,
    bus: shared.bus,
    changes: shared.changes,
    clock: clock satisfies Clock,
    logger,
    telemetry,
    metrics: telemetry.registry,
    edgeMetrics: telemetry,
    readiness: shared.readiness,
    ...(activeViewers && { activeViewers }),
    ...(rateLimiter && { rateLimiter }),
    ...(shared.persistedQueries && { persistedQueries: shared.persistedQueries }),
    background,
    close: shared.close,
    ...(tracing && { tracing }),
  };
}

function httpUpstreams(
  config: Config,
): { services: ProductService[]; recommendations: Recommendations } | undefined {
  if (!config.PRODUCT_SERVICES || !config.RECOMMENDATIONS_URL) return undefined;
  const timeoutMs = config.UPSTREAM_TIMEOUT_MS;
  return {
    services: [...config.PRODUCT_SERVICES].map(
      ([id, baseUrl]) => new HttpProductService({ id, baseUrl, timeoutMs }),
    ),
    recommendations: new HttpRecommendations({ baseUrl: config.RECOMMENDATIONS_URL, timeoutMs }),
  };
}

async function redisInfrastructure(
  url: string,
  config: Config,
  context: { logger: PinoLogger; telemetry: PromTelemetry; instanceId: string },
): Promise<{
  l2: L2Cache;
  bus: InvalidationBus;
  locks: Locks;
  changes: PubSubChangeFeed;
  readiness: ReadinessCheck[];
  redis: Redis | undefined;
  persistedQueries: KeyValueCache<string>;
  activeViewers: (windowMs: number, clock: Clock) => ActiveViewers | undefined;
  updateSource: (options: { applier: Pick<UpdateApplier, "apply">; clock: Clock }) => {
    source: { start(): void; stop(): Promise<void> };
    push: (event: UpdateEvent) => Promise<void>;
  };
  close: () => Promise<void>;
}> {
  const { logger, telemetry, instanceId } = context;
  const commandTimeoutMs = config.REDIS_COMMAND_TIMEOUT_MS;
  const commands = createRedisClient({
    url,
    connectionName: "home-gateway:commands",
    logger,
    commandTimeoutMs,
  });
  const subscriber = createRedisClient({
    url,
    connectionName: "home-gateway:invalidations",
    logger,
    commandTimeoutMs,
    // The bus resubscribes by itself, so it knows when its subscription is back and can drop L1.
    autoResubscribe: false,
  });
  // Starting without Redis is allowed (requests fall back to the product services); say so loudly.
  await whenReady(commands, { timeoutMs: 2_000 }).catch((error: unknown) =>
    logger.warn({ err: error }, "Redis is not reachable at start; serving without L2 until it is"),
  );

  const l2 = new FailOpenL2Cache({
    inner: new RedisL2Cache({ redis: commands, keyPrefix: config.REDIS_KEY_PREFIX, logger }),
    logger,
    timeoutMs: commandTimeoutMs * 2,
    onStateChange: (state) => telemetry.setBreakerState("l2", state),
  });
  telemetry.setBreakerState("l2", l2.state);
  const bus = new RedisInvalidationBus({
    publisher: commands,
    subscriber,
    channelPrefix: config.REDIS_KEY_PREFIX,
    logger,
    instanceId,
    metrics: telemetry,
  });
  const locks = new RedisLocks({ redis: commands, keyPrefix: config.REDIS_KEY_PREFIX, instanceId });
  const liveSubscriber = createRedisClient({
    url,
    connectionName: "home-gateway:live-tiles",
    logger,
    // SUBSCRIBE is off the request path, and thousands arrive at once when sockets reconnect:
    // the request path's 100 ms would fail them under load (seen at 10,000 subscriptions).
    commandTimeoutMs: Math.max(commandTimeoutMs, 5_000),
  });
  const changes = new PubSubChangeFeed({
    pubsub: new RedisPubSub({ publisher: commands, subscriber: liveSubscriber }),
    prefix: config.REDIS_KEY_PREFIX,
    logger,
  });
  // Pub/sub loses what is sent while the subscriber is away: subscriptions must resync after it.
  let wasConnected = false;
  liveSubscriber.on("ready", () => {
    if (wasConnected) changes.possibleLoss("live-tile subscriber reconnected");
    wasConnected = true;
  });
  return {
    l2,
    bus,
    locks,
    changes,
    redis: commands,
    // Registrations shared by every instance; a failing Redis reads as "not found", and the client
    // then sends the query again.
    persistedQueries: new ErrorsAreMissesCache(
      new RedisKeyValueCache({ redis: commands, keyPrefix: config.REDIS_KEY_PREFIX }),
      logger,
    ),
    activeViewers: (windowMs, clock) =>
      windowMs > 0
        ? new RedisActiveViewers({
            redis: commands,
            keyPrefix: config.REDIS_KEY_PREFIX,
            clock,
            logger,
            windowMs,
          })
        : undefined,
    updateSource: ({ applier, clock }) => {
      const source = new RedisUpdateStream({
        // The stream owns this client (stop() disconnects it); its timeouts outlast a blocking read.
        redis: createRedisClient({
          url,
          connectionName: "home-gateway:updates",
          logger,
          ...updateStreamClientTimeouts(config.UPDATE_BLOCK_MS),
        }),
        applier,
        consumer: instanceId,
        clock,
        logger,
        metrics: telemetry,
        stream: config.UPDATE_STREAM,
        group: config.UPDATE_GROUP,
        blockMs: config.UPDATE_BLOCK_MS,
        batchSize: config.UPDATE_BATCH_SIZE,
        claimIdleMs: config.UPDATE_CLAIM_IDLE_MS,
        maxEventBytes: config.UPDATE_MAX_EVENT_BYTES,
        // A crashed instance's entries are claimed once its heartbeat lapses (about 3-4 s).
        heartbeat: { redis: commands },
      });
      // The demo's simulated services push the way real ones do: XADD to the stream.
      const push = async (event: UpdateEvent): Promise<void> => {
        await commands.xadd(config.UPDATE_STREAM, "*", UPDATE_EVENT_FIELD, encodeUpdateEvent(event));
      };
      return { source, push };
    },
    // Not critical: without Redis the gateway still answers (L1 and product services), degraded.
    readiness: [{ name: "redis", critical: false, check: () => pingWithin(commands, commandTimeoutMs * 5) }],
    close: async () => {
      await Promise.allSettled([commands.quit(), subscriber.quit(), liveSubscriber.quit()]);
    },
  };
}

/** Asks Redis itself, so readiness recovers with Redis even on an instance that sends no traffic. */
async function pingWithin(redis: Redis, timeoutMs: number): Promise<boolean> {
  if (redis.status !== "ready") return false;
  const timedOut = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  return Promise.race([
    redis.ping().then(
      (answer) => answer === "PONG",
      () => false,
    ),
    timedOut,
  ]);
}

/** Shared budgets through Redis when there is one (synced off the request path), else per instance. */
function rateLimiterFor(
  config: Config,
  redis: Redis | undefined,
  context: { clock: Clock; logger: PinoLogger },
): RateLimiter | undefined {
  if (config.RATE_LIMIT_PER_MINUTE === 0) return undefined;
  const common = {
    points: config.RATE_LIMIT_PER_MINUTE,
    keyPrefix: config.REDIS_KEY_PREFIX,
    logger: context.logger,
  };
  return redis
    ? new RedisWindowRateLimiter({ ...common, redis, windowMs: 60_000, clock: context.clock })
    : new FlexibleRateLimiter({ ...common, windowSeconds: 60 });
}

/**
 * The in-memory change feed's emitter: every live subscription listens on the generic channel, so
 * more than Node's default of 10 listeners is the normal case, not a leak to warn about.
 */
function unboundedEmitter(): EventEmitter {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return emitter;
}

/** With tracing on, each upstream call is a client span; without it the upstreams are untouched. */
function traceUpstreams<
  Upstreams extends { services: readonly ProductService[]; recommendations: Recommendations },
>(upstreams: Upstreams, tracing: Tracing | undefined): Upstreams {
  if (!tracing) return upstreams;
  return {
    ...upstreams,
    services: upstreams.services.map((service) => new TracedProductService(service, tracing.tracer)),
    recommendations: new TracedRecommendations(upstreams.recommendations, tracing.tracer),
  };
}

/** With tracing on, L2 calls and the live-tile fan-out are spans. */
function traceInfrastructure<Shared extends { l2: L2Cache; changes: ChangeFeed }>(
  shared: Shared,
  tracing: Tracing | undefined,
): Shared {
  if (!tracing) return shared;
  return {
    ...shared,
    l2: new TracedL2Cache(shared.l2, tracing.tracer),
    changes: new TracedChangeFeed(shared.changes, tracing.tracer),
  };
}

function traceL1(l1: L1Cache, tracing: Tracing | undefined): L1Cache {
  return tracing ? new TracedL1Cache(l1, tracing.tracer) : l1;
}
