import type { Cluster } from "ioredis";
import { type RedisCommands, isCluster } from "./redis-cluster-client.js";

/**
 * Readiness of the Redis the gateway was given, with the reason when it is not: asks Redis itself
 * (so readiness recovers with Redis even on an instance that sends no traffic), and explains what
 * an operator can fix. With one Redis it reads `INFO cluster`: a REDIS_URL naming one node of a
 * Redis Cluster answers every keyed command with MOVED, and is reported as such at once. With a
 * cluster it runs a keyed command, which fails on CLUSTERDOWN or a MOVED loop, and asks a connected
 * node for the cluster's state beside it: the client retries a CLUSTERDOWN reply until its command
 * times out, so the keyed command alone would only say "timed out".
 */
export class RedisReadiness {
  private lastError: string | undefined;
  private lastReason: string | undefined;

  constructor(
    private readonly redis: RedisCommands,
    private readonly options: { readonly timeoutMs: number },
  ) {
    const remember = (error: Error): void => {
      this.lastError = error.message;
    };
    redis.on("error", remember);
    if (isCluster(redis)) redis.on("node error", remember);
    redis.on("ready", () => {
      this.lastError = undefined;
    });
  }

  async check(): Promise<boolean> {
    if (this.redis.status !== "ready") {
      this.lastReason = `not connected to Redis${this.lastError ? `: ${explain(this.lastError)}` : ""}`;
      return false;
    }
    try {
      await withTimeout(this.probe(), this.options.timeoutMs);
      this.lastReason = undefined;
      return true;
    } catch (error) {
      this.lastReason = explain(error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  /** Why the last check failed; undefined after a check that passed. */
  reason(): string | undefined {
    return this.lastReason;
  }

  private async probe(): Promise<void> {
    if (isCluster(this.redis)) {
      const cluster = this.redis;
      const state = clusterStateOf(cluster);
      try {
        await cluster.exists("{readyz}");
      } catch (error) {
        const failed = await state.catch(() => undefined);
        throw failed === undefined ? error : new Error(`CLUSTERDOWN ${failed}`, { cause: error });
      }
      const failed = await state.catch(() => undefined);
      if (failed !== undefined) throw new Error(`CLUSTERDOWN ${failed}`);
      return;
    }
    const info = await this.redis.info("cluster");
    if (/^cluster_enabled:1/m.test(info)) {
      throw new Error("MOVED: REDIS_URL names one node of a Redis Cluster");
    }
  }
}

/**
 * `cluster_state:fail` as one connected master reports it (with its address), or undefined when
 * that master says ok or none is connected.
 */
async function clusterStateOf(cluster: Cluster): Promise<string | undefined> {
  const node = cluster.nodes("master").find((candidate) => candidate.status === "ready");
  if (!node) return undefined;
  const info = await node.cluster("INFO");
  const state = /^cluster_state:(\w+)/m.exec(String(info))?.[1];
  return state === "fail" ? `cluster_state:fail, says ${node.options.host}:${node.options.port}` : undefined;
}

/** An operator's reading of a Redis error: what it means here. */
function explain(message: string): string {
  if (/^(MOVED|ASK)\b/.test(message)) {
    return `${message.split(/[ :]/)[0]}: REDIS_URL names one node of a Redis Cluster; set REDIS_CLUSTER_NODES instead`;
  }
  // The client's own "Too many Cluster redirections. Last error: ReplyError: CLUSTERDOWN ..." too.
  const down = /\bCLUSTERDOWN\b.*/.exec(message);
  if (down) return `the Redis Cluster is down (${down[0]})`;
  if (/\b(NOAUTH|WRONGPASS|NOPERM)\b/.test(message)) return `Redis refuses the credentials (${message})`;
  return message;
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
