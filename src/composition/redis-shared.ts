import { ErrorsAreMissesCache } from "@apollo/utils.keyvaluecache";
import { FailOpenL2Cache } from "../adapters/fail-open-l2-cache.js";
import { PartitionedUpdateStream, appendUpdateEvent } from "../adapters/update-stream/partitioned.js";
import type { RedisCommands } from "../adapters/redis-cluster-client.js";
import { RedisActiveViewers } from "../adapters/redis-active-viewers.js";
import type { RedisInvalidationBus } from "../adapters/redis-invalidation-bus.js";
import { RedisKeyValueCache } from "../adapters/redis-key-value-cache.js";
import { RedisL2Cache } from "../adapters/redis-l2-cache.js";
import { RedisLocks } from "../adapters/redis-locks.js";
import type { RedisReadiness } from "../adapters/redis-readiness.js";
import { RedisWindowRateLimiter } from "../adapters/redis-window-rate-limiter.js";
import type { ChangeFeed, ReadinessCheck } from "../domain/index.js";
import { type Mode, type ModeContext, task, traced, updateApplierFor } from "./mode.js";

/**
 * What the Redis and the Redis Cluster modes differ in: their clients, and how the bus and the
 * live tiles listen (pub/sub or sharded pub/sub). Everything else is built the same over them.
 */
export interface RedisDeployment {
  readonly name: "redis" | "redis-cluster";
  /** The commands connection: L2, locks, budgets, the bus's and the feed's publications. */
  readonly commands: RedisCommands;
  readonly bus: RedisInvalidationBus;
  /** The live-tile feed, before tracing. */
  readonly feed: ChangeFeed;
  /** Built before the first connection, so that a refusal at start (a wrong password) is remembered. */
  readonly readiness: RedisReadiness;
  /** A client of its own for one partition's blocking reads; the consumer disconnects it. */
  readonly updatesClient: () => RedisCommands;
  /** Quits the deployment's own connections (commands and subscribers). */
  readonly close: () => Promise<void>;
}

/**
 * The shared state over a Redis deployment, in dependency order: L2 behind its breaker, locks, the
 * live tiles, who was around, the update stream and its applier, the shared rate-limit budgets,
 * persisted queries, readiness and the background work.
 */
export function redisModeOver(context: ModeContext, deployment: RedisDeployment): Mode {
  const { config, logger, telemetry, clock, instanceId } = context;
  const { commands, bus, readiness: redisReadiness } = deployment;
  const keyPrefix = config.REDIS_KEY_PREFIX;
  const commandTimeoutMs = config.REDIS_COMMAND_TIMEOUT_MS;
  const failOpenL2 = new FailOpenL2Cache({
    inner: new RedisL2Cache({ redis: commands, keyPrefix, logger }),
    logger,
    timeoutMs: commandTimeoutMs * 2,
    onStateChange: (state) => telemetry.setBreakerState("l2", state),
  });
  telemetry.setBreakerState("l2", failOpenL2.state);
  const locks = new RedisLocks({ redis: commands, keyPrefix, instanceId });
  const { l2, changes } = traced(context, { l2: failOpenL2, changes: deployment.feed });
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
    clientFor: deployment.updatesClient,
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
    name: deployment.name,
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
    readiness: readinessChecks(redisReadiness, updates),
    // The demo's simulated services push the way real ones do: XADD to the stream.
    push: (event) => appendUpdateEvent(commands, event, stream),
    background: [
      task("update-stream", updates),
      ...(rateLimiter ? [task("rate-limit-sync", rateLimiter)] : []),
    ],
    close: deployment.close,
  };
}

function readinessChecks(
  redisReadiness: RedisReadiness,
  updates: PartitionedUpdateStream,
): readonly ReadinessCheck[] {
  return [
    // Not critical: without Redis the gateway still answers (L1 and product services), degraded.
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
  ];
}
