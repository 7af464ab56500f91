import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { whenReady } from "../../src/adapters/redis-client.js";
import { RedisInvalidationBus } from "../../src/adapters/redis-invalidation-bus.js";
import { RedisL2Cache } from "../../src/adapters/redis-l2-cache.js";
import { type CacheKey, type ProductInfo, cacheKeyId, personalKey } from "../../src/domain/index.js";
import {
  type GatewayProcess,
  GatewayProcesses,
  homeScreen,
  productOf,
  readiness,
  tilesOf,
  titleOf,
  tokenFor,
} from "../support/gateways.js";
import { RedisClients } from "../support/redis-clients.js";
import { type RedisServer, startRedisServer, testKeyPrefix } from "../support/redis-server.js";
import { silentLogger } from "../support/silent-logger.js";
import { waitFor } from "../support/wait-for.js";

/**
 * Two gateways in processes of their own, sharing one Redis, and what they serve after a product
 * update lands while their L1s hold the old value.
 *
 * The bounds asserted here are the ones docs/decisions/redis-fail-fast-and-invalidation-loss.md
 * documents. L1's TTL is 10 s (the default), so a value that changes within them was changed by
 * an invalidation or a loss report, not by the TTL.
 */

/** An invalidation that is delivered: the issue asks for "within a second". */
const DELIVERED_WITHIN_MS = 1_000;
/**
 * A lost invalidation, with Redis up: the subscriber reconnects after the first backoff step
 * (50 ms), resubscribes, and drops L1. Bounded by the reconnect backoff cap (2 s).
 */
const STALE_AFTER_PUBSUB_KILL_MS = 2_000;
/**
 * Redis restarted (empty): from the moment it answers again, a client reconnects within the
 * backoff cap (2 s) plus the handshake; the resubscribe then drops L1.
 */
const STALE_AFTER_RESTART_MS = 3_000;
const LOSS_LOG_LINE = "invalidations may have been lost; dropping L1";

let server: RedisServer;
let clients: RedisClients;
let admin: Redis;
let keyPrefix: string;
let channel: string;
let l2: RedisL2Cache;
let bus: RedisInvalidationBus;
const processes = new GatewayProcesses();
let gateways: GatewayProcess[] = [];

beforeAll(async () => {
  server = await startRedisServer();
  keyPrefix = testKeyPrefix("gateway-instances");
  channel = `${keyPrefix}l1-invalidate`;
  clients = new RedisClients(server.url);
  admin = await clients.open({ connectionName: "test-admin", commandTimeoutMs: 2_000 });
  l2 = new RedisL2Cache({ redis: admin, keyPrefix, logger: silentLogger });
  bus = new RedisInvalidationBus({
    publisher: admin,
    // The test only publishes; this connection is never opened, so it is no pub/sub client.
    subscriber: await clients.open({
      connectionName: "test-unused-subscriber",
      lazyConnect: true,
      ready: false,
    }),
    channelPrefix: keyPrefix,
    logger: silentLogger,
    instanceId: "test-update-applier",
  });
  // Invalidations are the subject here, not timeouts (the outage test's): a loaded 2-core machine
  // can stall a command past the production 100 ms, and an open L2 breaker would send the reads
  // to the demo upstreams, which do not know the update.
  const env = { REDIS_COMMAND_TIMEOUT_MS: "1000" };
  gateways = await Promise.all([
    processes.start({ redisUrl: server.url, keyPrefix, env }),
    processes.start({ redisUrl: server.url, keyPrefix, env }),
  ]);
}, 120_000);

afterAll(async () => {
  await processes.killAll();
  await clients?.closeAll();
  await server?.stop();
});

interface Target {
  readonly user: string;
  readonly key: CacheKey;
  /** What L2 (and every L1) held before the update. */
  readonly before: ProductInfo;
}

/**
 * Loads the user's home on every gateway, so every L1 holds the user's tiles, and picks one tile
 * with a title to update.
 */
async function warmUp(user: string): Promise<Target> {
  const token = await tokenFor(user);
  const [firstGateway, ...others] = gateways as [GatewayProcess, ...GatewayProcess[]];
  const tile = tilesOf(await homeScreen(firstGateway.origin, token)).find(
    (candidate) => candidate.personalization.state === "PERSONALIZED" && titleOf(candidate) !== undefined,
  );
  if (!tile) throw new Error(`no personalised tile with a title for ${user}`);
  const key = personalKey(user, productOf(tile));
  // The first gateway writes L2 right after answering; the others then load from L2, not upstream.
  const before = await waitFor(async () => (await l2.getMany([key])).get(cacheKeyId(key)), {
    timeoutMs: 5_000,
    what: "the tile in L2",
  });
  for (const gateway of others) await homeScreen(gateway.origin, token);
  for (const gateway of gateways) expect(await titleServed(gateway, user, key)).toBe(before.title);
  return { user, key, before };
}

async function titleServed(
  gateway: GatewayProcess,
  user: string,
  key: CacheKey,
): Promise<string | undefined> {
  const tile = tilesOf(await homeScreen(gateway.origin, await tokenFor(user))).find(
    (candidate) => productOf(candidate) === key.product,
  );
  return tile && titleOf(tile);
}

/** A newer version of the target's entry, as a product service's push would carry it. */
function updateOf(target: Target, label: string): ProductInfo {
  return {
    ...target.before,
    // Product services version by the change's time; newer than anything a demo catalog holds.
    version: Math.max(target.before.version + 1, Date.now()),
    title: `${target.before.title} [${label}]`,
  };
}

/**
 * Polls every gateway until each serves `title`, at most `boundMs` after `sinceMs`; answers how
 * long after `sinceMs` each one first did.
 */
async function untilAllServe(
  target: Target,
  title: string,
  sinceMs: number,
  boundMs: number,
): Promise<number[]> {
  const seenAfterMs: (number | undefined)[] = gateways.map(() => undefined);
  await waitFor(
    async () => {
      await Promise.all(
        gateways.map(async (gateway, index) => {
          if (seenAfterMs[index] !== undefined) return;
          if ((await titleServed(gateway, target.user, target.key)) === title)
            seenAfterMs[index] = Date.now() - sinceMs;
        }),
      );
      return seenAfterMs.every((elapsed) => elapsed !== undefined);
    },
    {
      timeoutMs: Math.max(0, sinceMs + boundMs - Date.now()),
      intervalMs: 10,
      what: `every gateway serving "${title}"`,
    },
  ).catch((error: unknown) => {
    throw new Error(
      `not every gateway served the update within ${boundMs} ms (first seen after: ${seenAfterMs.join(" / ")}): ${String(error)}`,
      { cause: error },
    );
  });
  const elapsed = seenAfterMs as number[];
  expect(Math.max(...elapsed)).toBeLessThanOrEqual(boundMs);
  return elapsed;
}

/** The bus's "possible loss" reports in a gateway's log, by cause. */
function lossReports(gateway: GatewayProcess, cause: string): number {
  return gateway.logs().filter((line) => line["msg"] === LOSS_LOG_LINE && line["cause"] === cause).length;
}

async function subscribers(): Promise<number> {
  const [, count] = (await admin.pubsub("NUMSUB", channel)) as [string, number];
  return count;
}

describe("gateway instances in separate processes sharing one Redis", () => {
  it("an update applied through Redis is served by every instance within a second, long before L1's TTL", async ({
    annotate,
  }) => {
    const target = await warmUp("ana");
    expect(await subscribers()).toBe(2);
    const update = updateOf(target, "update 1");

    // Without the invalidation, L1 keeps serving what it holds: what follows is the bus's doing.
    expect(await l2.setMany([{ key: target.key, value: update }], { ttlMs: 60 * 60_000 })).toEqual([true]);
    for (const gateway of gateways)
      expect(await titleServed(gateway, target.user, target.key)).toBe(target.before.title);

    await bus.publish([target.key]);
    const publishedMs = Date.now();

    const elapsed = await untilAllServe(target, update.title, publishedMs, DELIVERED_WITHIN_MS);
    await annotate(`served by both instances ${elapsed.join(" / ")} ms after the invalidation`);
  });

  it("pub/sub connections killed, update sent while they are deaf: stale for less than the reconnect bound", async ({
    annotate,
  }) => {
    const target = await warmUp("ben");
    const reportsBefore = gateways.map((gateway) => lossReports(gateway, "reconnect"));

    const update = updateOf(target, "sent while deaf");
    expect(await l2.setMany([{ key: target.key, value: update }], { ttlMs: 60 * 60_000 })).toEqual([true]);
    // The kill and the invalidation in one transaction, so that no gateway can have subscribed again
    // in between (it reconnects within tens of ms): the invalidation is lost, not delivered.
    const invalidation = JSON.stringify({ p: "test", s: 1, k: [["u", target.user, target.key.product]] });
    const replies = await admin
      .multi()
      .client("KILL", "TYPE", "pubsub")
      .publish(channel, invalidation)
      .exec();
    const publishedMs = Date.now();
    const [killed, receivers] = (replies ?? []).map(([error, reply]) => (error ? error.message : reply));
    expect(
      killed,
      `pub/sub connections killed; gateway logs:\n${gateways.map((gateway) => gateway.output()).join("\n---\n")}`,
    ).toBe(2);
    expect(receivers, "subscribers that heard the invalidation").toBe(0);

    const elapsed = await untilAllServe(target, update.title, publishedMs, STALE_AFTER_PUBSUB_KILL_MS);
    // What dropped L1 is the bus's loss report after resubscribing.
    await waitFor(
      () =>
        gateways.every((gateway, index) => lossReports(gateway, "reconnect") > (reportsBefore[index] ?? 0)),
      { timeoutMs: 2_000, what: "a reconnect loss report from every gateway" },
    );
    expect(await subscribers()).toBe(2);
    await annotate(`lost invalidation; stale for ${elapsed.join(" / ")} ms after the update`);
  });

  it("Redis restarted (and emptied), the update's invalidation never arrives: stale for less than the reconnect bound", async ({
    annotate,
  }) => {
    const target = await warmUp("cleo");
    const reportsBefore = gateways.map((gateway) => lossReports(gateway, "reconnect"));

    await server.restart();
    const answersAgainMs = Date.now();
    await whenReady(admin, { timeoutMs: 5_000 });
    // The restarted Redis is empty; the update is re-seeded into it, and its invalidation is not
    // sent at all (the worst case: it went to the old server as it died). Only the gateways' own
    // reaction to the reconnect can make them drop what their L1s hold.
    const update = updateOf(target, "after restart");
    expect(await l2.setMany([{ key: target.key, value: update }], { ttlMs: 60 * 60_000 })).toEqual([true]);

    // Only L2 knows the update (the demo upstreams do not), so queries wait for the gateways'
    // command connections: a query answered from upstream meanwhile would be stale for a reason
    // that has nothing to do with invalidations.
    await waitFor(
      async () =>
        (await Promise.all(gateways.map((gateway) => readiness(gateway.origin)))).every(
          (ready) => ready.body.checks["redis"] === "up",
        ),
      { timeoutMs: STALE_AFTER_RESTART_MS, intervalMs: 20, what: "every gateway's Redis connection back" },
    );
    const elapsed = await untilAllServe(target, update.title, answersAgainMs, STALE_AFTER_RESTART_MS);
    await waitFor(
      () =>
        gateways.every((gateway, index) => lossReports(gateway, "reconnect") > (reportsBefore[index] ?? 0)),
      { timeoutMs: 2_000, what: "a reconnect loss report from every gateway" },
    );
    await annotate(
      `no invalidation sent; new value served ${elapsed.join(" / ")} ms after Redis answered again`,
    );
  });
});
