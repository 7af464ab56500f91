import { createRedisClient, whenReady } from "../adapters/redis-client.js";
import { RedisReadiness } from "../adapters/redis-readiness.js";
import { RedisInvalidationBus } from "../adapters/redis-invalidation-bus.js";
import { updateStreamClientTimeouts } from "../adapters/redis-update-stream.js";
import { redisChangeFeed } from "./change-feeds.js";
import type { Mode, ModeContext } from "./mode.js";
import { redisModeOver } from "./redis-shared.js";

/**
 * The Redis mode (REDIS_URL): L2, the bus, locks, live tiles, persisted queries, rate-limit budgets
 * and the update stream shared by every instance through one Redis. Four connections: commands,
 * the bus's subscriber, the live tiles' subscriber, and the stream's blocking reads.
 */
export async function redisMode(url: string, context: ModeContext): Promise<Mode> {
  const { config, logger, telemetry, instanceId } = context;
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
  const readiness = new RedisReadiness(commands, { timeoutMs: commandTimeoutMs * 5 });
  // Starting without Redis is allowed (requests fall back to the product services); say so loudly.
  await whenReady(commands, { timeoutMs: 2_000 }).catch((error: unknown) =>
    logger.warn({ err: error }, "Redis is not reachable at start; serving without L2 until it is"),
  );

  return redisModeOver(context, {
    name: "redis",
    commands,
    readiness,
    bus: new RedisInvalidationBus({
      publisher: commands,
      subscriber,
      channelPrefix: keyPrefix,
      logger,
      instanceId,
      metrics: telemetry,
    }),
    feed: redisChangeFeed({ publisher: commands, subscriber: liveSubscriber, prefix: keyPrefix, logger }),
    // Each partition's consumer owns its client; its timeouts outlast a blocking read.
    updatesClient: () =>
      createRedisClient({
        url,
        connectionName: "home-gateway:updates",
        logger,
        ...updateStreamClientTimeouts(config.UPDATE_BLOCK_MS),
      }),
    close: async () => {
      await Promise.allSettled([commands.quit(), subscriber.quit(), liveSubscriber.quit()]);
    },
  });
}
