import { type Cluster, Command, Redis, type RedisOptions } from "ioredis";
import { CodedError } from "../domain/errors.js";
import type { Logger } from "../domain/ports.js";
import { afterWaitingIo } from "./loop-aware-timeout.js";

export interface RedisClientOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://` for TLS. */
  readonly url: string;
  /** Shown by `CLIENT LIST`, so an operator can tell the gateway's connections apart. */
  readonly connectionName: string;
  readonly logger: Logger;
  /**
   * Every command rejects after this long without a reply. This is what keeps a frozen or
   * partitioned Redis from holding a request: the TCP connection stays up, so nothing else fires.
   */
  readonly commandTimeoutMs?: number;
  /** Limit for opening the TCP connection. */
  readonly connectTimeoutMs?: number;
  /**
   * A connection that has commands outstanding and receives nothing for this long is destroyed and
   * reopened: it finds a dead peer long before TCP retransmission gives up (minutes).
   */
  readonly socketTimeoutMs?: number;
  /** Reconnect delays grow from 50 ms up to this ceiling; reconnects never stop. */
  readonly maxReconnectDelayMs?: number;
  /** Connect on the first command or on `connect()` instead of at once. */
  readonly lazyConnect?: boolean;
  /**
   * Resubscribe channels after a reconnect. A subscriber that must know when it was deaf (the
   * invalidation bus) turns this off and resubscribes itself.
   */
  readonly autoResubscribe?: boolean;
}

export const REDIS_CLIENT_DEFAULTS = {
  commandTimeoutMs: 100,
  connectTimeoutMs: 1_000,
  socketTimeoutMs: 1_000,
  maxReconnectDelayMs: 2_000,
} as const;

/**
 * ioredis's `commandTimeout` rejects a command from a plain timer: after the gateway held its event
 * loop past the timeout (GraphQL work, a GC pause), every command then in flight "timed out" although
 * Redis had answered in microseconds, and five of them in a row opened the L2 circuit breaker for
 * seconds, sending every request to the product services. The timer is the same (set per command
 * from `commandTimeout`, cleared by its reply); only its verdict waits for the replies already
 * waiting in the socket to be read (see `afterWaitingIo`). Installed once for every ioredis client
 * of the process, single-server and cluster nodes alike: all of them are the gateway's, built here
 * or in redis-cluster-client.ts. `test/integration/fail-open-redis.test.ts` holds the loop past the
 * timeout and checks that a reply Redis sent in time is taken, and that a frozen Redis still times
 * out.
 */
function installLoopAwareCommandTimeouts(): void {
  const commands = Command.prototype as unknown as {
    setTimeout(this: TimedCommand, ms: number): void;
    loopAwareTimeouts?: true;
  };
  if (commands.loopAwareTimeouts) return;
  commands.loopAwareTimeouts = true;
  commands.setTimeout = function setTimeout(this: TimedCommand, ms: number): void {
    if (this._commandTimeoutTimer) return;
    this._commandTimeoutTimer = globalThis.setTimeout(() => {
      if (this.isResolved) return;
      afterWaitingIo(() => {
        if (!this.isResolved) this.reject(new Error("Command timed out"));
      });
    }, ms);
  };
}

/** The parts of ioredis 5's `Command` its own `setTimeout` uses (`_clearTimers` clears the timer on a reply). */
interface TimedCommand {
  _commandTimeoutTimer?: NodeJS.Timeout;
  isResolved: boolean;
  reject(error: Error): void;
}

installLoopAwareCommandTimeouts();

/**
 * An ioredis client that fails fast instead of waiting for Redis:
 * - no offline queue: while disconnected every command rejects at once rather than piling up,
 *   unbounded, to be replayed late against a Redis that has moved on;
 * - one retry budget (`maxRetriesPerRequest: 1`) and no replay of unanswered commands after a
 *   reconnect (a cache write that timed out must not land seconds later);
 * - a short per-command timeout (not counting the replies waiting to be read when the gateway was
 *   busy past it, see `installLoopAwareCommandTimeouts`) and a socket timeout for a peer that
 *   stopped answering;
 * - reconnects forever with a bounded backoff, so recovery needs no restart.
 *
 * Because the offline queue is off, commands sent before the first `ready` fail: wait with
 * {@link whenReady} where that matters (tests, start-up checks). Blocking commands (XREADGROUP
 * BLOCK, BLPOP) also get `commandTimeoutMs`: give them their own client with a larger timeout.
 */
export function createRedisClient(options: RedisClientOptions): Redis {
  const maxReconnectDelayMs = options.maxReconnectDelayMs ?? REDIS_CLIENT_DEFAULTS.maxReconnectDelayMs;
  const redisOptions: RedisOptions = {
    connectionName: options.connectionName,
    commandTimeout: options.commandTimeoutMs ?? REDIS_CLIENT_DEFAULTS.commandTimeoutMs,
    connectTimeout: options.connectTimeoutMs ?? REDIS_CLIENT_DEFAULTS.connectTimeoutMs,
    socketTimeout: options.socketTimeoutMs ?? REDIS_CLIENT_DEFAULTS.socketTimeoutMs,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    autoResendUnfulfilledCommands: false,
    autoResubscribe: options.autoResubscribe ?? true,
    lazyConnect: options.lazyConnect ?? false,
    retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt - 1, 10), maxReconnectDelayMs),
  };
  const client = new Redis(options.url, redisOptions);
  watchConnection(client, options.connectionName, options.logger);
  return client;
}

/**
 * Logs the connection's ups and downs once per transition rather than once per failed reconnect,
 * and keeps ioredis from printing unhandled "error" events itself.
 */
function watchConnection(client: Redis, name: string, logger: Logger): void {
  let up = false;
  let lastError: string | undefined;
  client.on("ready", () => {
    if (!up) logger.info({ connection: name }, "redis connection ready");
    up = true;
    lastError = undefined;
  });
  client.on("close", () => {
    if (up) logger.warn({ connection: name, err: lastError }, "redis connection lost; reconnecting");
    up = false;
  });
  client.on("error", (error: Error) => {
    // Every failed reconnect emits an error; only a new kind of failure is worth a line.
    if (error.message !== lastError) logger.warn({ connection: name, err: error }, "redis connection error");
    lastError = error.message;
  });
}

export class RedisNotReadyError extends CodedError<"REDIS_NOT_READY"> {
  constructor(connectionName: string, timeoutMs: number, options?: { cause?: unknown }) {
    super(
      "REDIS_NOT_READY",
      `Redis connection "${connectionName}" was not ready within ${timeoutMs} ms`,
      options,
    );
  }
}

/**
 * Resolves once the client is ready for commands (connecting it if it is lazy); rejects with
 * {@link RedisNotReadyError} after `timeoutMs`. The client keeps trying in the background either way.
 */
export async function whenReady(
  client: Redis | Cluster,
  options: { readonly timeoutMs: number },
): Promise<void> {
  const name =
    (client.isCluster
      ? (client as Cluster).options.redisOptions?.connectionName
      : (client as Redis).options.connectionName) ?? "redis";
  if (client.status === "ready") return;
  if (client.status === "end") {
    throw new RedisNotReadyError(name, options.timeoutMs, {
      cause: new Error("the connection was closed for good"),
    });
  }
  await new Promise<void>((resolve, reject) => {
    const onReady = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      client.off("ready", onReady);
      reject(new RedisNotReadyError(name, options.timeoutMs));
    }, options.timeoutMs);
    client.once("ready", onReady);
    if (client.status === "wait") {
      // A lazy client: connect() failing is reported through "error"/"close" and retried by
      // ioredis itself, so the timer above is the only outcome that matters here.
      client.connect().catch(() => undefined);
    }
  });
}
