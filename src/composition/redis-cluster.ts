import type { Cluster } from "ioredis";
import { whenReady } from "../adapters/redis-client.js";
import { createRedisClusterClient } from "../adapters/redis-cluster-client.js";
import { RedisReadiness } from "../adapters/redis-readiness.js";
import { RedisInvalidationBus } from "../adapters/redis-invalidation-bus.js";
import { updateStreamClientTimeouts } from "../adapters/redis-update-stream.js";
import type { RedisClusterConfig } from "../config.js";
import { shardedChangeFeed } from "./change-feeds.js";
import type { Mode, ModeContext } from "./mode.js";
import { redisModeOver } from "./redis-shared.js";

/**
 * The Redis Cluster mode (REDIS_CLUSTER_NODES): the Redis mode's adapters over cluster clients,
 * every command within one slot. The invalidation bus and the live tiles use sharded pub/sub
 * (docs/decisions/cluster-pub-sub.md); the update stream is read as UPDATE_STREAM_PARTITIONS
 * partitions (docs/update-events.md). Clients: commands, the bus's and the live tiles' sharded
 * subscribers (a connection per master each), and one per partition for its blocking reads.
 */
export async function redisClusterMode(cluster: RedisClusterConfig, context: ModeContext): Promise<Mode> {
  const { config, logger, telemetry, instanceId } = context;
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
  const readiness = new RedisReadiness(commands, { timeoutMs: commandTimeoutMs * 5 });
  // Starting without Redis is allowed (requests fall back to the product services); say so loudly.
  await whenReady(commands, { timeoutMs: 5_000 }).catch((error: unknown) =>
    logger.warn(
      { err: error },
      "the Redis Cluster is not reachable at start; serving without L2 until it is",
    ),
  );

  return redisModeOver(context, {
    name: "redis-cluster",
    commands,
    readiness,
    bus: new RedisInvalidationBus({
      publisher: commands,
      subscriber: busSubscriber,
      sharded: true,
      channelPrefix: keyPrefix,
      logger,
      instanceId,
      metrics: telemetry,
      readyTimeoutMs: 5_000,
    }),
    feed: shardedChangeFeed({ publisher: commands, subscriber: liveSubscriber, prefix: keyPrefix, logger }),
    updatesClient: () => client("home-gateway:updates", updateStreamClientTimeouts(config.UPDATE_BLOCK_MS)),
    close: async () => {
      await Promise.allSettled([commands.quit(), busSubscriber.quit(), liveSubscriber.quit()]);
    },
  });
}
