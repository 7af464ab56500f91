import type { Cluster } from "ioredis";
import { ErrorsAreMissesCache } from "@apollo/utils.keyvaluecache";
import { FailOpenL2Cache } from "../adapters/fail-open-l2-cache.js";
import { PartitionedUpdateStream, appendUpdateEvent } from "../adapters/partitioned-update-stream.js";
import { whenReady } from "../adapters/redis-client.js";
import { createRedisClusterClient } from "../adapters/redis-cluster-client.js";
import { RedisActiveViewers } from "../adapters/redis-active-viewers.js";
import { RedisInvalidationBus } from "../adapters/redis-invalidation-bus.js";
import { RedisKeyValueCache } from "../adapters/redis-key-value-cache.js";
import { RedisL2Cache } from "../adapters/redis-l2-cache.js";
import { RedisLocks } from "../adapters/redis-locks.js";
import { updateStreamClientTimeouts } from "../adapters/redis-update-stream.js";
import { RedisReadiness } from "../adapters/redis-readiness.js";
import { RedisWindowRateLimiter } from "../adapters/redis-window-rate-limiter.js";
import type { RedisClusterConfig } from "../config.js";
import { shardedChangeFeed } from "./change-feeds.js";
import { type Mode, type ModeContext, task, traced, updateApplierFor } from "./mode.js";

/**
 * The Redis Cluster mode (REDIS_CLUSTER_NODES): the Redis mode's adapters over cluster clients,
 * every command within one slot. The invalidation bus and the live tiles use sharded pub/sub
 * (docs/decisions/cluster-pub-sub.md); the update stream is read as UPDATE_STREAM_PARTITIONS
 * partitions (docs/update-events.md). Clients: commands, the bus's and the live tiles' sharded
 * subscribers (a connection per master each), and one per partition for its blocking reads.
 */
export async function redisClusterMode(cluster: RedisClusterConfig, context: ModeContext): Promise<Mode> {
  const { config, logger, telemetry, clock, instanceId } = context;
  const commandTimeoutMs = config.REDIS_COMMAND_TIMEOUT_MS;
  const keyPrefix = config.REDIS_KEY_PREFIX;
  const client = (
    connectionName: string,
    options: { commandTimeoutMs?: number; socketTimeoutMs?: number; shardedSubscribers?: boolean } = {},
  ): Cluster =>
    createRedisClusterClient({
      nodes: cluster.nodes,
      ...(cluster.username !== undefined && { username: cluster.username }),
      ...(cluster.password !== undefined && { password: cluster.password }),
      tls: cluster.tls,
      connectionName,
      logger,
      commandTimeoutMs,
      ...options,
    });
  const commands = client("home-gateway:commands");
  const busSubscriber = client("home-gateway:invalidations", { shardedSubscribers: true });
  // SSUBSCRIBE is off the request path, and thousands arrive at once when sockets reconnect.
  const liveSubscriber = client("home-gateway:live-tiles", {
    shardedSubscribers: true,
    commandTimeoutMs: Math.max(commandTimeoutMs, 5_000),
  });
  const redisReadiness = new RedisReadiness(commands, { timeoutMs: commandTimeoutMs * 5 });
  // Starting without Redis is allowed (requests fall back to the product services); say so loudly.
  await whenReady(commands, { timeoutMs: 5_000 }).catch((error: unknown) =>
    logger.warn(
      { err: error },
      "the Redis Cluster is not reachable at start; serving without L2 until it is",
    ),
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
    subscriber: busSubscriber,
    sharded: true,
    channelPrefix: keyPrefix,
    logger,
    instanceId,
    metrics: telemetry,
    readyTimeoutMs: 5_000,
  });
  const locks = new RedisLocks({ redis: commands, keyPrefix, instanceId });
  const feed = shardedChangeFeed({
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
    clientFor: () => client("home-gateway:updates", updateStreamClientTimeouts(config.UPDATE_BLOCK_MS)),
    stream: stream.base,
    partitions: stream.partitions,
    applier: updateApplierFor(context, { l2, bus, changes, activeViewers }),
    consumer: instanceId,
    clock,
    logger,
    metrics: telemetry,
    group: config.UPDATE_GROUP,
    blockMs: config.UPDATE_BLOCK_MS,
    batchSize: config.UPDATE_BATCH_SIZE,
    claimIdleMs: config.UPDATE_CLAIM_IDLE_MS,
    maxEventBytes: config.UPDATE_MAX_EVENT_BYTES,
    heartbeat: { redis: commands },
  });
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
    name: "redis-cluster",
    l2,
    bus,
    locks,
    changes,
    ...(activeViewers && { activeViewers }),
    ...(rateLimiter && { rateLimiter }),
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
    push: (event) => appendUpdateEvent(commands, event, stream),
    background: [
      task("update-stream", updates),
      ...(rateLimiter ? [task("rate-limit-sync", rateLimiter)] : []),
    ],
    close: async () => {
      await Promise.allSettled([commands.quit(), busSubscriber.quit(), liveSubscriber.quit()]);
    },
  };
}
