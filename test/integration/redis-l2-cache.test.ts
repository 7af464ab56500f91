import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { FakeProductService } from "../../src/adapters/fakes/fake-product-service.js";
import { LruL1Cache } from "../../src/adapters/lru-l1-cache.js";
import { RedisL2Cache } from "../../src/adapters/redis-l2-cache.js";
import {
  type CacheKey,
  NO_TELEMETRY,
  ProductData,
  type ProductRef,
  type Viewer,
  cacheKeyId,
  genericKey,
  personalKey,
} from "../../src/domain/index.js";
import { productInfo } from "../contract/product-info.js";
import { RecordingLogger } from "../support/recording-logger.js";
import { commandsDuring } from "../support/redis-command-stats.js";
import { RedisClients } from "../support/redis-clients.js";
import { type RedisServer, startRedisServer, testKeyPrefix } from "../support/redis-server.js";
import { silentLogger } from "../support/silent-logger.js";
import { waitFor } from "../support/wait-for.js";

let server: RedisServer;
let clients: RedisClients;
let admin: Redis;
let redis: Redis;
let keyPrefix: string;
let logger: RecordingLogger;
let cache: RedisL2Cache;

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  clients = new RedisClients(server.url);
  admin = await clients.open({ connectionName: "test-admin" });
  redis = await clients.open({ connectionName: "test-l2" });
  keyPrefix = testKeyPrefix("redis-l2");
  logger = new RecordingLogger();
  cache = new RedisL2Cache({ redis, keyPrefix, logger });
});
afterEach(async () => {
  await clients.closeAll();
});

const TTL_MS = 60_000;
const tiles = (user: string, count: number): CacheKey[] =>
  Array.from({ length: count }, (_, index) => personalKey(user, `product-${index}`));

describe("RedisL2Cache against a real Redis", () => {
  it("hash-tags a user's keys by user and generic keys together, so each group shares a cluster slot", () => {
    expect(cache.redisKeyOf(personalKey("ana", "p1"))).toBe(`${keyPrefix}{u:ana}:p:p1`);
    expect(cache.redisKeyOf(genericKey("p1"))).toBe(`${keyPrefix}{g}:p:p1`);
    expect(cache.redisKeyOf(personalKey("a}b", "p:1"))).toBe(`${keyPrefix}{u:a%7Db}:p:p%3A1`);
  });

  it("reads 24 personal keys of one viewer with exactly one MGET and nothing else", async () => {
    const keys = tiles("ana", 24);
    await cache.setMany(
      keys.filter((_, index) => index % 2 === 0).map((key) => ({ key, value: productInfo(key.product, 1) })),
      { ttlMs: TTL_MS },
    );
    let found = new Map();
    const commands = await commandsDuring(admin, async () => {
      found = await cache.getMany(keys);
    });
    expect(commands).toEqual({ mget: 1 });
    expect(found.size).toBe(12);
  });

  it("reads personal and generic keys with one MGET per hash tag", async () => {
    const commands = await commandsDuring(admin, () =>
      cache.getMany([...tiles("ana", 20), genericKey("g1"), genericKey("g2"), ...tiles("bob", 3)]),
    );
    expect(commands).toEqual({ mget: 3 });
  });

  it("treats a corrupt value as a miss, logs it with the key, and lets the next write replace it", async () => {
    const key = personalKey("ana", "p1");
    await redis.set(cache.redisKeyOf(key), "{not json");
    await redis.set(
      cache.redisKeyOf(personalKey("ana", "p2")),
      JSON.stringify({ id: "someone-else", version: 1 }),
    );

    const found = await cache.getMany([key, personalKey("ana", "p2")]);

    expect(found.size).toBe(0);
    expect(logger.at("warn").map((entry) => entry.fields["key"])).toEqual([
      cache.redisKeyOf(key),
      cache.redisKeyOf(personalKey("ana", "p2")),
    ]);
    expect(await cache.setMany([{ key, value: productInfo("p1", 1) }], { ttlMs: TTL_MS })).toEqual([true]);
    expect((await cache.getMany([key])).get(cacheKeyId(key))?.version).toBe(1);
  });

  it("writes a batch as one script call per entry", async () => {
    const keys = tiles("ana", 24);
    const commands = await commandsDuring(admin, () =>
      cache.setMany(
        keys.map((key) => ({ key, value: productInfo(key.product, 1) })),
        { ttlMs: TTL_MS },
      ),
    );
    // The first use on a connection sends the script body (EVAL), later ones its hash (EVALSHA).
    expect((commands["eval"] ?? 0) + (commands["evalsha"] ?? 0)).toBe(24);
    // commandstats also counts what the script itself calls: one GET and one SET per new entry.
    expect(commands["get"]).toBe(24);
    expect(commands["set"]).toBe(24);
    expect(Object.keys(commands).sort()).toEqual(
      ["eval", "evalsha", "get", "set"].filter((name) => commands[name] !== undefined),
    );
  });

  it("keeps an entry alive when the same version is written again with a TTL", async () => {
    const key = genericKey("p1");
    await cache.setMany([{ key, value: productInfo("p1", 1) }], { ttlMs: 500 });
    expect(await cache.setMany([{ key, value: productInfo("p1", 1) }], { ttlMs: TTL_MS })).toEqual([false]);
    expect(await redis.pttl(cache.redisKeyOf(key))).toBeGreaterThan(10_000);
  });

  it("still writes after the server forgot its scripts (NOSCRIPT falls back to EVAL)", async () => {
    const key = genericKey("p1");
    await cache.setMany([{ key, value: productInfo("p1", 1) }], { ttlMs: TTL_MS });
    await admin.script("FLUSH");
    expect(await cache.setMany([{ key, value: productInfo("p1", 2) }], { ttlMs: TTL_MS })).toEqual([true]);
  });
});

describe("the read path (ProductData) over LruL1Cache and RedisL2Cache", () => {
  const services = ["shop", "travel", "banking", "mobile"].map((id) => ({ id, count: 6 }));
  const viewer: Viewer = { kind: "user", id: "ana" };

  function instance() {
    const clock = new FakeClock();
    const fakes = services.map(
      ({ id, count }) =>
        new FakeProductService({
          id,
          clock,
          products: Array.from({ length: count }, (_, index) =>
            productInfo(`${id}-${index}`, 1, { service: id }),
          ),
        }),
    );
    const data = new ProductData({
      l1: new LruL1Cache({ ttlMs: 10_000, clock }),
      l2: cache,
      services: new Map(fakes.map((service) => [service.id, service])),
      clock,
      logger: silentLogger,
      telemetry: NO_TELEMETRY,
      lateArrivals: { arrived: () => undefined },
      softTimeoutMs: 150,
      l2TtlMs: TTL_MS,
    });
    const refs: ProductRef[] = fakes.flatMap((service) =>
      service.productIds().map((id) => ({ id, service: service.id })),
    );
    const home = async () => data.loaderFor(viewer).loadMany(refs);
    return { home, fakes, refs };
  }

  it("reads a 24-tile home with one MGET, then with no Redis command while L1 holds it all", async () => {
    const first = instance();
    expect(first.refs).toHaveLength(24);

    const cold = await commandsDuring(admin, first.home);
    expect(cold["mget"]).toBe(1);
    // Writes to L2 happen after the answer; wait until they have landed.
    await waitFor(
      async () => (await cache.getMany(first.refs.map((ref) => personalKey("ana", ref.id)))).size === 24,
      {
        timeoutMs: 5_000,
      },
    );

    expect(await commandsDuring(admin, first.home)).toEqual({});

    // Another instance, empty L1: one MGET serves every tile, no product service is asked.
    const second = instance();
    expect(await commandsDuring(admin, second.home)).toEqual({ mget: 1 });
    expect(second.fakes.map((service) => service.calls.personalised.length)).toEqual([0, 0, 0, 0]);
  });
});
