import { Cluster, type ClusterOptions, type Redis } from "ioredis";
import type { Logger } from "../domain/ports.js";
import { REDIS_CLIENT_DEFAULTS } from "./redis-client.js";

/** A client every Redis adapter takes: one server, or a Redis Cluster with each command in one slot. */
export type RedisCommands = Redis | Cluster;

export interface RedisClusterSeed {
  readonly host: string;
  readonly port: number;
}

export interface RedisClusterClientOptions {
  /** Some of the cluster's nodes; the client learns the rest (and who serves which slot) from them. */
  readonly nodes: readonly RedisClusterSeed[];
  readonly username?: string;
  readonly password?: string;
  /** TLS to every node (`rediss://` seeds). */
  readonly tls?: boolean;
  readonly connectionName: string;
  readonly logger: Logger;
  readonly commandTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
  readonly socketTimeoutMs?: number;
  readonly maxReconnectDelayMs?: number;
  readonly lazyConnect?: boolean;
  /**
   * Sharded pub/sub (SSUBSCRIBE) through one connection per shard, which ioredis moves with the
   * slots on failover and resharding. Only clients that subscribe need it.
   */
  readonly shardedSubscribers?: boolean;
  /**
   * Where to reach a node that the cluster announces at another address (NAT, a proxy in front of
   * each node): `host:port` as announced, mapped to the address to connect to.
   */
  readonly natMap?: Readonly<Record<string, { readonly host: string; readonly port: number }>>;
}

/**
 * An ioredis `Cluster` configured like {@link createRedisClient}'s standalone client: fails fast
 * (no offline queue, one retry, short command timeout), reconnects forever with a bounded backoff.
 * What is cluster-specific: MOVED and ASK are followed (slots move during resharding), CLUSTERDOWN
 * and TRYAGAIN are retried for a short while (a failover takes a few seconds), the slot map is
 * refreshed on every redirection and every few seconds, and reads go to masters only (a replica
 * may lag behind a versioned write that was just acknowledged).
 */
export function createRedisClusterClient(options: RedisClusterClientOptions): Cluster {
  const maxReconnectDelayMs = options.maxReconnectDelayMs ?? REDIS_CLIENT_DEFAULTS.maxReconnectDelayMs;
  const clusterOptions: ClusterOptions = {
    enableOfflineQueue: false,
    enableReadyCheck: true,
    scaleReads: "master",
    maxRedirections: 16,
    retryDelayOnFailover: 100,
    retryDelayOnClusterDown: 100,
    retryDelayOnTryAgain: 100,
    retryDelayOnMoved: 0,
    slotsRefreshTimeout: 1_000,
    slotsRefreshInterval: 5_000,
    lazyConnect: options.lazyConnect ?? false,
    shardedSubscribers: options.shardedSubscribers ?? false,
    ...(options.natMap && { natMap: { ...options.natMap } }),
    clusterRetryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt - 1, 10), maxReconnectDelayMs),
    redisOptions: {
      connectionName: options.connectionName,
      commandTimeout: options.commandTimeoutMs ?? REDIS_CLIENT_DEFAULTS.commandTimeoutMs,
      connectTimeout: options.connectTimeoutMs ?? REDIS_CLIENT_DEFAULTS.connectTimeoutMs,
      socketTimeout: options.socketTimeoutMs ?? REDIS_CLIENT_DEFAULTS.socketTimeoutMs,
      maxRetriesPerRequest: 1,
      autoResendUnfulfilledCommands: false,
      ...(options.username !== undefined && { username: options.username }),
      ...(options.password !== undefined && { password: options.password }),
      ...(options.tls && { tls: {} }),
    },
  };
  const client = new Cluster(
    options.nodes.map((node) => ({ host: node.host, port: node.port })),
    clusterOptions,
  );
  watchCluster(client, options.connectionName, options.logger);
  return client;
}

/** Logs the cluster client's ups and downs once per transition, and keeps errors from going unhandled. */
function watchCluster(client: Cluster, name: string, logger: Logger): void {
  let up = false;
  let lastError: string | undefined;
  client.on("ready", () => {
    if (!up) logger.info({ connection: name }, "redis cluster connection ready");
    up = true;
    lastError = undefined;
  });
  client.on("close", () => {
    if (up) logger.warn({ connection: name, err: lastError }, "redis cluster connection lost; reconnecting");
    up = false;
  });
  client.on("error", (error: Error) => {
    if (error.message !== lastError) logger.warn({ connection: name, err: error }, "redis cluster error");
    lastError = error.message;
  });
  client.on("node error", (error: Error, node: string) => {
    if (error.message !== lastError)
      logger.warn({ connection: name, node, err: error }, "redis cluster node error");
    lastError = error.message;
  });
}

/** True for a cluster client: its multi-key commands and pipelines must stay within one slot. */
export function isCluster(client: RedisCommands): client is Cluster {
  return client.isCluster;
}

/** The command timeout a client was made with, whichever kind it is. */
export function commandTimeoutOf(client: RedisCommands): number | undefined {
  return isCluster(client) ? client.options.redisOptions?.commandTimeout : client.options.commandTimeout;
}

/** The socket timeout a client was made with, whichever kind it is. */
export function socketTimeoutOf(client: RedisCommands): number | undefined {
  return isCluster(client) ? client.options.redisOptions?.socketTimeout : client.options.socketTimeout;
}
