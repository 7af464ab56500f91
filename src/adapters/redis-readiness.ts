import { type RedisCommands, isCluster } from "./redis-cluster-client.js";

/**
 * Readiness of the Redis the gateway was given, with the reason when it is not: asks Redis itself
 * (so readiness recovers with Redis even on an instance that sends no traffic), and explains what
 * an operator can fix. With one Redis it reads `INFO cluster`: a REDIS_URL naming one node of a
 * Redis Cluster answers every keyed command with MOVED, and is reported as such at once. With a
 * cluster it runs a keyed command, which fails on CLUSTERDOWN or a MOVED loop.
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
      await this.redis.exists("{readyz}");
      return;
    }
    const info = await this.redis.info("cluster");
    if (/^cluster_enabled:1/m.test(info)) {
      throw new Error("MOVED: REDIS_URL names one node of a Redis Cluster");
    }
  }
}

/** An operator's reading of a Redis error: what it means here. */
function explain(message: string): string {
  if (/^(MOVED|ASK)\b/.test(message)) {
    return `${message.split(/[ :]/)[0]}: REDIS_URL names one node of a Redis Cluster; set REDIS_CLUSTER_NODES instead`;
  }
  if (/^CLUSTERDOWN\b/.test(message)) return `the Redis Cluster is down (${message})`;
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
