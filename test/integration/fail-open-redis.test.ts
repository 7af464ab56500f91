import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FailOpenL2Cache, L2CircuitOpenError } from "../../src/adapters/fail-open-l2-cache.js";
import { RedisL2Cache } from "../../src/adapters/redis-l2-cache.js";
import { cacheKeyId, genericKey } from "../../src/domain/index.js";
import { productInfo } from "../contract/product-info.js";
import { RedisClients } from "../support/redis-clients.js";
import { type RedisServer, startRedisServer, testKeyPrefix } from "../support/redis-server.js";
import { silentLogger } from "../support/silent-logger.js";
import { settled, waitFor } from "../support/wait-for.js";

const COMMAND_TIMEOUT_MS = 100;
/** Generous on purpose: the point is that calls settle instead of hanging, not a tight latency. */
const SETTLES_WITHIN_MS = 2_000;
const KEY = genericKey("p1");

let server: RedisServer;
let clients: RedisClients;
let redis: Redis;
let cache: FailOpenL2Cache;

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  clients = new RedisClients(server.url);
  redis = await clients.open({ connectionName: "test-l2", commandTimeoutMs: COMMAND_TIMEOUT_MS });
  cache = new FailOpenL2Cache({
    inner: new RedisL2Cache({ redis, keyPrefix: testKeyPrefix("fail-open"), logger: silentLogger }),
    logger: silentLogger,
    failureThreshold: 3,
    openForMs: 200,
    timeoutMs: 250,
  });
  await cache.setMany([{ key: KEY, value: productInfo("p1", 1) }], { ttlMs: 60_000 });
});
afterEach(async () => {
  server.thaw();
  await clients.closeAll();
});

/** Runs `count` reads one after another; each must settle within the bound. */
async function readsSettle(count: number): Promise<{ ok: boolean; error?: unknown }[]> {
  const outcomes = [];
  for (let index = 0; index < count; index++) {
    const startedMs = Date.now();
    const outcome = await settled(cache.getMany([KEY]));
    expect(Date.now() - startedMs).toBeLessThan(SETTLES_WITHIN_MS);
    outcomes.push(outcome);
  }
  return outcomes;
}

describe("the Redis client on its own", () => {
  it("rejects commands to a frozen Redis by its command timeout, with no breaker in front", async () => {
    const bare = new RedisL2Cache({ redis, keyPrefix: testKeyPrefix("bare"), logger: silentLogger });
    server.freeze();
    const startedMs = Date.now();
    const outcomes = await Promise.all([settled(bare.getMany([KEY])), settled(redis.ping())]);
    expect(Date.now() - startedMs).toBeLessThan(SETTLES_WITHIN_MS);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([false, false]);
  });
});

describe("FailOpenL2Cache over RedisL2Cache when Redis misbehaves", () => {
  it("frozen (SIGSTOP): calls reject instead of hanging, the breaker opens, and reads work again after SIGCONT", async () => {
    server.freeze();

    const outcomes = await readsSettle(6);
    expect(outcomes.every((outcome) => !outcome.ok)).toBe(true);
    expect(cache.state).toBe("open");
    expect(outcomes.at(-1)?.error).toBeInstanceOf(L2CircuitOpenError);

    // Concurrent calls while frozen settle too.
    const burst = await Promise.all(Array.from({ length: 20 }, () => settled(cache.getMany([KEY]))));
    expect(burst.every((outcome) => !outcome.ok)).toBe(true);

    server.thaw();
    const found = await waitFor(
      async () => {
        const outcome = await settled(cache.getMany([KEY]));
        return outcome.ok ? outcome.value : undefined;
      },
      { timeoutMs: 10_000, what: "recovery after SIGCONT" },
    );
    expect(found.get(cacheKeyId(KEY))?.version).toBe(1);
    expect(cache.state).toBe("closed");
  });

  it("stopped: calls fail at once, the breaker opens, and a restarted Redis is used again", async () => {
    await server.stop();

    const outcomes = await readsSettle(5);
    expect(outcomes.every((outcome) => !outcome.ok)).toBe(true);
    expect(cache.state).toBe("open");

    await server.restart();
    // The restarted server is empty: a write then a read proves the client reconnected.
    await waitFor(
      async () =>
        (await settled(cache.setMany([{ key: KEY, value: productInfo("p1", 2) }], { ttlMs: 60_000 }))).ok,
      { timeoutMs: 10_000, what: "a write after the restart" },
    );
    expect((await cache.getMany([KEY])).get(cacheKeyId(KEY))?.version).toBe(2);
    expect(cache.state).toBe("closed");
  });
});

/** Holds the event loop, as a long burst of the gateway's own work (GraphQL, GC) does. */
function busyFor(ms: number): void {
  const endMs = performance.now() + ms;
  while (performance.now() < endMs) {
    // Spinning on purpose: nothing else may run meanwhile.
  }
}

/**
 * Sends `call` from a check-phase callback and holds the loop past every timeout: Redis answers at
 * once, but the answer can only be read in the next poll phase, and the timers that expired
 * meanwhile are run before it.
 */
function sentThenBusy<T>(call: () => Promise<T>, busyMs: number): ReturnType<typeof settled<T>> {
  return new Promise((resolve) =>
    setImmediate(() => {
      const outcome = settled(call());
      busyFor(busyMs);
      resolve(outcome);
    }),
  );
}

describe("a gateway busy past the timeouts, with Redis answering in time", () => {
  it("the client resolves a command whose reply was waiting when its timer fired", async () => {
    const outcome = await sentThenBusy(() => redis.ping(), COMMAND_TIMEOUT_MS * 4);
    expect(outcome).toEqual({ ok: true, value: "PONG" });
  });

  it("FailOpenL2Cache counts no failure: the read is found and the breaker stays closed", async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      const outcome = await sentThenBusy(() => cache.getMany([KEY]), 400);
      expect(outcome.ok ? [...outcome.value.keys()] : outcome.error).toEqual([cacheKeyId(KEY)]);
    }
    expect(cache.state).toBe("closed");
  });
});
