import type { ChainableCommander } from "ioredis";
import { CodedError } from "../domain/errors.js";
import type { ProductInfo } from "../domain/model.js";
import {
  type CacheKey,
  type CacheWrite,
  type L2Cache,
  type Logger,
  type VersionedWrite,
  type VersionedWriteResult,
  cacheKeyId,
} from "../domain/ports.js";
import { cacheEntryName, tagOf } from "../domain/key-names.js";
import { type RedisCommands, isCluster } from "./redis-cluster-client.js";

export interface RedisL2CacheOptions {
  /** A client from `createRedisClient` or `createRedisClusterClient`: short command timeout, no offline queue. */
  readonly redis: RedisCommands;
  /** Prepended to every key, e.g. "hg:"; must not contain braces (they would move the hash tag). */
  readonly keyPrefix: string;
  readonly logger: Logger;
}

/**
 * Stores `value` unless the stored entry has the same or a newer version, atomically.
 * KEYS[1] the entry; ARGV[1] incoming version; ARGV[2] the JSON value; ARGV[3] TTL in ms.
 * Returns 1 when written, 0 when the stored entry has this very version, -1 when it has a newer one.
 *
 * An equal version is not written, but its TTL is stretched to the incoming one: the writer says
 * the stored value is still current (the generic refresh rewrites unchanged entries every period,
 * and they must not expire between refreshes). A stored value that is not valid JSON with a numeric
 * version counts as absent and is replaced.
 */
const VERSIONED_SET_LUA = `
local incoming = tonumber(ARGV[1])
local current = redis.call('GET', KEYS[1])
if current then
  local ok, decoded = pcall(cjson.decode, current)
  if ok and type(decoded) == 'table' then
    local stored = tonumber(decoded['version'])
    if stored and stored > incoming then
      return -1
    end
    if stored and stored == incoming then
      if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
      end
      return 0
    end
  end
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
`;

/** ioredis sends it as EVALSHA and falls back to EVAL once per connection when the script is unknown. */
const VERSIONED_SET_COMMAND = "homeGatewayVersionedSet";

/** The versioned-set script's answers. */
const WRITE_RESULTS: Readonly<Record<string, "written" | "repeated" | "stale">> = {
  "1": "written",
  "0": "repeated",
  "-1": "stale",
};

interface VersionedSet {
  [VERSIONED_SET_COMMAND](key: string, version: string, value: string, ttlMs: string): unknown;
}

export class L2WriteError extends CodedError<"L2_WRITE_FAILED"> {
  constructor(message: string, options?: { cause?: unknown }) {
    super("L2_WRITE_FAILED", message, options);
  }
}

export class L2ReadError extends CodedError<"L2_READ_FAILED"> {
  constructor(message: string, options?: { cause?: unknown }) {
    super("L2_READ_FAILED", message, options);
  }
}

/**
 * L2 on Redis. Keys are `<prefix>{u:<user>}:p:<product>` (personal) and `<prefix>{g}:p:<product>`
 * (generic): the braces are a Redis Cluster hash tag, so all of one viewer's keys live in one slot
 * and a home query reads them with ONE `MGET`. Ids are URI-encoded so that no id can forge another
 * key or move the hash tag. Values are `ProductInfo` as JSON; writes go through a Lua script that
 * keeps the newest version.
 *
 * On a Redis Cluster every command stays within one slot: a home's reads are at most two MGETs (the
 * viewer's tag and the generic tag) sent at once, and writes and deletes go as one pipeline per tag,
 * all at once. On one server the same commands go as one pipeline.
 */
export class RedisL2Cache implements L2Cache {
  private readonly redis: RedisCommands;
  private readonly prefix: string;
  private readonly logger: Logger;

  constructor(options: RedisL2CacheOptions) {
    if (/[{}]/.test(options.keyPrefix)) {
      throw new Error(`keyPrefix must not contain braces: ${JSON.stringify(options.keyPrefix)}`);
    }
    this.redis = options.redis;
    this.prefix = options.keyPrefix;
    this.logger = options.logger;
    // Idempotent: several caches may share one client.
    this.redis.defineCommand(VERSIONED_SET_COMMAND, { numberOfKeys: 1, lua: VERSIONED_SET_LUA });
  }

  /** The Redis key of a cache key; exposed for tests and operators. */
  redisKeyOf(key: CacheKey): string {
    return `${this.prefix}${cacheEntryName(key)}`;
  }

  async getMany(keys: readonly CacheKey[]): Promise<Map<string, ProductInfo>> {
    const found = new Map<string, ProductInfo>();
    if (keys.length === 0) return found;

    const batches = groupByHashTag(keys);
    const replies = await this.mgetAll(batches);

    batches.forEach((batch, batchIndex) => {
      const values = replies[batchIndex] ?? [];
      batch.forEach((key, index) => {
        const raw = values[index];
        if (raw === null || raw === undefined) return;
        const info = this.decode(key, raw);
        if (info) found.set(cacheKeyId(key), info);
      });
    });
    return found;
  }

  async setMany(entries: readonly CacheWrite[], options: { readonly ttlMs: number }): Promise<boolean[]> {
    if (entries.length === 0) return [];
    const ttlMs = String(Math.max(1, Math.ceil(options.ttlMs)));
    const writable = entries.filter((entry) => {
      if (Number.isFinite(entry.value.version)) return true;
      this.logger.warn(
        { key: cacheKeyId(entry.key), version: entry.value.version },
        "L2 write skipped: the version is not a finite number",
      );
      return false;
    });
    if (writable.length === 0) return entries.map(() => false);

    const groups = this.pipelineGroups(writable, (entry) => entry.key);
    const replies = await this.execAll(
      groups.map((group) => (pipeline) => {
        for (const entry of group) {
          (pipeline as unknown as VersionedSet)[VERSIONED_SET_COMMAND](
            this.redisKeyOf(entry.key),
            String(entry.value.version),
            JSON.stringify(entry.value),
            ttlMs,
          );
        }
      }),
    );
    const outcome = new Map<CacheWrite, [Error | null, unknown]>();
    groups.forEach((group, groupIndex) =>
      group.forEach((entry, index) =>
        outcome.set(entry, replies[groupIndex]?.[index] ?? [new Error("no reply"), 0]),
      ),
    );
    const failures = [...outcome.values()].filter(([error]) => error !== null);
    if (failures.length === outcome.size) {
      throw new L2WriteError(`L2 write of ${entries.length} entries failed`, { cause: failures[0]?.[0] });
    }
    return entries.map((entry) => {
      const reply = outcome.get(entry);
      if (!reply) return false;
      const [error, written] = reply;
      if (error) {
        // The other entries landed; this one may or may not have: "not known to be written".
        this.logger.warn({ err: error, key: cacheKeyId(entry.key) }, "L2 write of one entry failed");
        return false;
      }
      return written === 1;
    });
  }

  /**
   * One pipeline of versioned-set scripts on one server; on a Cluster one per hash tag, all sent at
   * once. An entry whose command failed (a key of another type, a slot moving) is `failed` alone.
   */
  async writeVersions(writes: readonly VersionedWrite[]): Promise<VersionedWriteResult[]> {
    if (writes.length === 0) return [];
    const answers = writes.map((write): VersionedWriteResult =>
      Number.isFinite(write.value.version)
        ? { result: "failed", error: new L2WriteError("no reply") }
        : {
            result: "failed",
            error: new L2WriteError(
              `L2 write of ${cacheKeyId(write.key)}: the version is not a finite number`,
            ),
          },
    );
    const writable = writes.flatMap((write, index) => (Number.isFinite(write.value.version) ? [index] : []));
    const groups = this.pipelineGroups(writable, (index) => (writes[index] as VersionedWrite).key);
    const replies = await this.execAll(
      groups.map((group) => (pipeline) => {
        for (const index of group) {
          const write = writes[index] as VersionedWrite;
          (pipeline as unknown as VersionedSet)[VERSIONED_SET_COMMAND](
            this.redisKeyOf(write.key),
            String(write.value.version),
            JSON.stringify(write.value),
            String(Math.max(1, Math.ceil(write.ttlMs))),
          );
        }
      }),
    );
    groups.forEach((group, groupIndex) =>
      group.forEach((writeIndex, index) => {
        const [error, reply] = replies[groupIndex]?.[index] ?? [null, null];
        const result = WRITE_RESULTS[String(reply)];
        if (error) answers[writeIndex] = { result: "failed", error };
        else if (result) answers[writeIndex] = { result };
      }),
    );
    const failures = answers.flatMap((answer) => (answer.result === "failed" ? [answer.error] : []));
    if (failures.length === answers.length) {
      throw new L2WriteError(`L2 write of ${writes.length} entries failed`, { cause: failures[0] });
    }
    return answers;
  }

  /** One DEL per hash tag (a Cluster refuses a DEL across slots), sent together. */
  async delete(keys: readonly CacheKey[]): Promise<void> {
    if (keys.length === 0) return;
    const groups = this.pipelineGroups(groupByHashTag(keys), (group) => group[0] as CacheKey);
    const replies = await this.execAll(
      groups.map((tags) => (pipeline) => {
        for (const group of tags) pipeline.del(...group.map((key) => this.redisKeyOf(key)));
      }),
    ).catch((error: unknown) => {
      throw new L2WriteError(`L2 delete of ${keys.length} keys failed`, { cause: error });
    });
    const failure = replies.flat().find(([error]) => error !== null);
    if (failure) throw new L2WriteError(`L2 delete of ${keys.length} keys failed`, { cause: failure[0] });
  }

  /** One MGET per hash tag, all sent at once (one round trip): a pipeline on one server. */
  private async mgetAll(batches: readonly CacheKey[][]): Promise<(string | null)[][]> {
    const [only] = batches;
    try {
      if (batches.length === 1 && only)
        return [await this.redis.mget(only.map((key) => this.redisKeyOf(key)))];
      if (isCluster(this.redis)) {
        return await Promise.all(
          batches.map((batch) => this.redis.mget(batch.map((key) => this.redisKeyOf(key)))),
        );
      }
      const pipeline = this.redis.pipeline();
      for (const batch of batches) pipeline.mget(batch.map((key) => this.redisKeyOf(key)));
      const replies = (await pipeline.exec()) ?? [];
      return replies.map(([error, values]) => {
        if (error) throw error;
        return values as (string | null)[];
      });
    } catch (error) {
      throw new L2ReadError(`L2 read of ${batches.flat().length} keys failed`, { cause: error });
    }
  }

  /**
   * How items are split into pipelines: all in one on a single server; one per hash tag on a
   * Cluster, whose pipelines must stay within one slot.
   */
  private pipelineGroups<Item>(items: readonly Item[], keyOf: (item: Item) => CacheKey): Item[][] {
    if (!isCluster(this.redis)) return [[...items]];
    const groups = new Map<string, Item[]>();
    for (const item of items) {
      const tag = tagOf(keyOf(item));
      const group = groups.get(tag);
      if (group) group.push(item);
      else groups.set(tag, [item]);
    }
    return [...groups.values()];
  }

  /**
   * Sends one pipeline per builder, all at once, and answers each one's replies. A pipeline that
   * fails as a whole (the connection, a CROSSSLOT) answers its error for each of its commands.
   */
  private async execAll(
    builders: readonly ((pipeline: ChainableCommander) => void)[],
  ): Promise<[Error | null, unknown][][]> {
    return Promise.all(
      builders.map(async (build) => {
        const pipeline = this.redis.pipeline();
        build(pipeline);
        try {
          return (await pipeline.exec()) ?? [];
        } catch (error) {
          const failure = error instanceof Error ? error : new Error(String(error));
          return Array.from({ length: pipeline.length }, (): [Error | null, unknown] => [failure, null]);
        }
      }),
    );
  }

  /** A value that is not a ProductInfo for this key is a miss: the next load replaces it. */
  private decode(key: CacheKey, raw: string): ProductInfo | undefined {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isProductInfoFor(parsed, key)) return parsed;
      this.logger.warn(
        { key: this.redisKeyOf(key) },
        "L2 value is not this key's product info; treated as a miss",
      );
    } catch (error) {
      this.logger.warn({ err: error, key: this.redisKeyOf(key) }, "L2 value is not JSON; treated as a miss");
    }
    return undefined;
  }
}

function groupByHashTag(keys: readonly CacheKey[]): CacheKey[][] {
  const groups = new Map<string, CacheKey[]>();
  for (const key of keys) {
    const tag = tagOf(key);
    const group = groups.get(tag);
    if (group) group.push(key);
    else groups.set(tag, [key]);
  }
  return [...groups.values()];
}

function isProductInfoFor(value: unknown, key: CacheKey): value is ProductInfo {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    candidate["id"] === key.product &&
    typeof candidate["service"] === "string" &&
    typeof candidate["version"] === "number" &&
    typeof candidate["title"] === "string"
  );
}
