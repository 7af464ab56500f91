import { ErrorsAreMissesCache } from "@apollo/utils.keyvaluecache";
import { FailOpenL2Cache } from "../adapters/fail-open-l2-cache.js";
import { createRedisClient, whenReady } from "../adapters/redis-client.js";
import { RedisActiveViewers } from "../adapters/redis-active-viewers.js";
import { RedisInvalidationBus } from "../adapters/redis-invalidation-bus.js";
import { RedisKeyValueCache } from "../adapters/redis-key-value-cache.js";
import { RedisL2Cache } from "../adapters/redis-l2-cache.js";
import { RedisLocks } from "../adapters/redis-locks.js";
import { updateStreamClientTimeouts } from "../adapters/redis-update-stream.js";
import { PartitionedUpdateStream, appendUpdateEvent } from "../adapters/partitioned-update-stream.js";
import { RedisReadiness } from "../adapters/redis-readiness.js";
import { RedisWindowRateLimiter } from "../adapters/redis-window-rate-limiter.js";
import { redisChangeFeed } from "./change-feeds.js";
import { type Mode, type ModeContext, task, traced, updateApplierFor } from "./mode.js";

/**
 * The Redis mode (REDIS_URL): L2, the bus, locks, live tiles, persisted queries, rate-limit budgets
 * and the update stream shared by every instance through one Redis. Four connections: commands,
 * the bus's subscriber, the live tiles' subscriber, and the stream's blocking reads.
 */
export async function redisMode(url: string, context: ModeContext): Promise<Mode> {
  const { config, logger, telemetry, clock, instanceId } = context;
  const commandTimeoutMs = config.REDIS_COMMAND_TIMEOUT_MS;
  const keyPrefix = config.REDIS_KEY_PREFIX;
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
  const liveSubscriber = createRedisClient({
    url,
    connectionName: "home-gateway:live-tiles",
    logger,
    // SUBSCRIBE is off the request path, and thousands arrive at once when sockets reconnect:
    // the request path's 100 ms would fail them under load (seen at 10,000 subscriptions).
    commandTimeoutMs: Math.max(commandTimeoutMs, 5_000),
    // The change feed subscribes its channels again itself: ioredis forgets those whose
    // resubscription was not answered when the connection drops again, and would stay deaf.
    autoResubscribe: false,
  });
  // Not critical: without Redis the gateway still answers (L1 and product services), degraded.
  const redisReadiness = new RedisReadiness(commands, { timeoutMs: commandTimeoutMs * 5 });
  // Starting without Redis is allowed (requests fall back to the product services); say so loudly.
  await whenReady(commands, { timeoutMs: 2_000 }).catch((error: unknown) =>
    logger.warn({ err: error }, "Redis is not reachable at start; serving without L2 until it is"),
  );

  const failOpenL2 = new FailOpenL2Cache({
    inner: new RedisL2Cache({ redis: commands, keyPrefix, logger }),
    logger,
    timeoutMs: commandTimeoutMs * 2,
    onStateChange: (state) => telemetry.setBreakerState("l2", state),
  });
  telemetry.setBreakerState("l2", failOpenL2.state);
  const bus = new RedisInvalidationBus({
    publisher: commands,
    subscriber,
    channelPrefix: keyPrefix,
    logger,
    instanceId,
    metrics: telemetry,
  });
  const locks = new RedisLocks({ redis: commands, keyPrefix, instanceId });
  const feed = redisChangeFeed({
    publisher: commands,
    subscriber: liveSubscriber,
    prefix: keyPrefix,
    logger,
  });
  const { l2, changes } = traced(context, { l2: failOpenL2, changes: feed });
  const activeViewers =
    config.ACTIVE_VIEWER_WINDOW_MS > 0
      ? new RedisActiveViewers({
          redis: commands,
          keyPrefix,
          clock,
          logger,
          windowMs: config.ACTIVE_VIEWER_WINDOW_MS,
        })
      : undefined;
  const stream = { base: config.UPDATE_STREAM, partitions: config.UPDATE_STREAM_PARTITIONS };
  const updates = new PartitionedUpdateStream({
    // Each partition's consumer owns its client (stop() disconnects it); its timeouts outlast a
    // blocking read.
    clientFor: () =>
      createRedisClient({
        url,
        connectionName: "home-gateway:updates",
        logger,
        ...updateStreamClientTimeouts(config.UPDATE_BLOCK_MS),
      }),
    partitions: stream.partitions,
    applier: updateApplierFor(context, { l2, bus, changes, activeViewers }),
    consumer: instanceId,
    clock,
    logger,
    metrics: telemetry,
    stream: stream.base,
    group: config.UPDATE_GROUP,
    blockMs: config.UPDATE_BLOCK_MS,
    batchSize: config.UPDATE_BATCH_SIZE,
    claimIdleMs: config.UPDATE_CLAIM_IDLE_MS,
    maxEventBytes: config.UPDATE_MAX_EVENT_BYTES,
    // A crashed instance's entries are claimed once its heartbeat lapses (about 3-4 s).
    heartbeat: { redis: commands },
  });
  // Budgets shared by every instance, synced off the request path.
  const rateLimiter =
    config.RATE_LIMIT_PER_MINUTE > 0
      ? new RedisWindowRateLimiter({
          points: config.RATE_LIMIT_PER_MINUTE,
          keyPrefix,
          logger,
          redis: commands,
          windowMs: 60_000,
          clock,
        })
      : undefined;

  return {
    name: "redis",
    l2,
    bus,
    locks,
    changes,
    ...(activeViewers && { activeViewers }),
    ...(rateLimiter && { rateLimiter }),
    // Registrations shared by every instance; a failing Redis reads as "not found", and the client
    // then sends the query again.
    persistedQueries: new ErrorsAreMissesCache(
      new RedisKeyValueCache({ redis: commands, keyPrefix }),
      logger,
    ),
    readiness: [
      {
        name: "redis",
        critical: false,
        check: () => redisReadiness.check(),
        reason: () => redisReadiness.reason(),
      },
      {
        name: "updates",
        critical: false,
        check: () => updates.problem() === undefined,
        reason: () => updates.problem(),
      },
    ],
    // The demo's simulated services push the way real ones do: XADD to the stream.
    push: (event) => appendUpdateEvent(commands, event, stream),
    background: [
      task("update-stream", updates),
      ...(rateLimiter ? [task("rate-limit-sync", rateLimiter)] : []),
    ],
    close: async () => {
      await Promise.allSettled([commands.quit(), subscriber.quit(), liveSubscriber.quit()]);
    },
  };
}
