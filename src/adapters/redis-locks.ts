import { randomUUID } from "node:crypto";
import { CodedError } from "../domain/errors.js";
import type { Lease, Locks } from "../domain/ports.js";
import type { RedisCommands } from "./redis-cluster-client.js";

export interface RedisLocksOptions {
  /** A command client from `createRedisClient`. */
  readonly redis: RedisCommands;
  /** Prepended to `lock:<name>`. */
  readonly keyPrefix: string;
  /** Written into lock tokens so `GET` shows who holds a lock; random by default. */
  readonly instanceId?: string;
}

/** Deletes the lock only if it still holds this lease's token: a lapsed lease never frees another's. */
const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

const RELEASE_COMMAND = "homeGatewayReleaseLock";

interface ReleaseLock {
  [RELEASE_COMMAND](key: string, token: string): Promise<number>;
}

export class LockError extends CodedError<"LOCK_FAILED"> {
  constructor(message: string, options?: { cause?: unknown }) {
    super("LOCK_FAILED", message, options);
  }
}

/**
 * Leases on Redis, for jobs one instance at a time should run: `SET key token NX PX ttl` takes it,
 * a compare-and-delete script gives it back. A single Redis, not Redlock: losing the lock to a Redis
 * failover at worst runs a job twice, which the jobs here (idempotent, versioned writes) tolerate.
 */
export class RedisLocks implements Locks {
  private readonly redis: RedisCommands;
  private readonly prefix: string;
  private readonly instanceId: string;

  constructor(options: RedisLocksOptions) {
    this.redis = options.redis;
    this.prefix = options.keyPrefix;
    this.instanceId = options.instanceId ?? randomUUID();
    this.redis.defineCommand(RELEASE_COMMAND, { numberOfKeys: 1, lua: RELEASE_LUA });
  }

  async tryAcquire(name: string, options: { readonly ttlMs: number }): Promise<Lease | null> {
    const key = `${this.prefix}lock:${name}`;
    const token = `${this.instanceId}:${randomUUID()}`;
    const ttlMs = Math.max(1, Math.ceil(options.ttlMs));
    let reply: string | null;
    try {
      reply = await this.redis.set(key, token, "PX", ttlMs, "NX");
    } catch (error) {
      throw new LockError(`Taking the lock "${name}" failed`, { cause: error });
    }
    if (reply !== "OK") return null;
    return {
      release: async () => {
        try {
          await (this.redis as unknown as ReleaseLock)[RELEASE_COMMAND](key, token);
        } catch (error) {
          throw new LockError(`Releasing the lock "${name}" failed; it lapses by itself`, { cause: error });
        }
      },
    };
  }
}
