import type { Client } from "graphql-ws";
import type { Cluster, Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisL2Cache } from "../../src/adapters/redis-l2-cache.js";
import { UPDATE_EVENT_FIELD } from "../../src/adapters/redis-update-stream.js";
import { partitionStreams, streamForEvent } from "../../src/adapters/update-stream/partitions.js";
import { personalKey } from "../../src/domain/index.js";
import { HomeUpdatesDocument, type HomeUpdatesSubscription } from "../gql/graphql.js";
import {
  type HomeResponse,
  type InProcessGateway,
  type Screen,
  homeScreen,
  productOf,
  queryHome,
  readiness,
  startGatewayInProcess,
  tilesOf,
  tokenFor,
  updateStreamOf,
} from "../support/gateways.js";
import { commandCalls } from "../support/redis-command-stats.js";
import { type RedisCluster, RedisClusterClients, startRedisCluster } from "../support/redis-cluster.js";
import { testKeyPrefix } from "../support/redis-server.js";
import { silentLogger } from "../support/silent-logger.js";
import { waitFor } from "../support/wait-for.js";
import { CAPABILITIES, type Received, socketClient, subscribe } from "../support/ws-client.js";

/**
 * Whole gateways composed as main.ts composes them in Redis Cluster mode (REDIS_CLUSTER_NODES,
 * three update partitions), on a private 3-master/3-replica cluster: what a home query costs the
 * cluster, and a pushed update crossing instances. The failover case comes last: it changes which
 * nodes are masters.
 */

const PARTITIONS = 3;
const keyPrefix = testKeyPrefix("gateway-cluster");
const stream = updateStreamOf(keyPrefix);
let cluster: RedisCluster;
let clients: RedisClusterClients;
let redis: Cluster;
let l2: RedisL2Cache;
let consumer: InProcessGateway;
let other: InProcessGateway;
const sockets: Client[] = [];

type Update = HomeUpdatesSubscription["homeUpdates"];

beforeAll(async () => {
  cluster = await startRedisCluster();
  clients = new RedisClusterClients(cluster);
  redis = await clients.open({ commandTimeoutMs: 2_000 });
  l2 = new RedisL2Cache({ redis, keyPrefix, logger: silentLogger });
  // Counting commands, not racing timeouts: a loaded 2-core machine may stall one past 100 ms.
  // The failover test queries as fast as it can: no per-viewer rate limit to run into.
  const env = {
    REDIS_COMMAND_TIMEOUT_MS: "1000",
    UPDATE_STREAM_PARTITIONS: String(PARTITIONS),
    RATE_LIMIT_PER_MINUTE: "0",
  };
  // `other` reads other streams: every event is consumed by `consumer`, and `other`'s viewers can
  // only hear of it through the cluster.
  [consumer, other] = await Promise.all([
    startGatewayInProcess({ clusterNodes: cluster.seeds, keyPrefix, env }),
    startGatewayInProcess({
      clusterNodes: cluster.seeds,
      keyPrefix,
      env: { ...env, UPDATE_STREAM: `${keyPrefix}elsewhere` },
    }),
  ]);
}, 60_000);

afterAll(async () => {
  for (const socket of sockets) await socket.dispose();
  await Promise.allSettled([consumer?.stop(), other?.stop()]);
  await clients?.closeAll();
  await cluster?.stop();
});

/** Command calls summed over every node that is a master now. */
async function mastersCommandCalls(): Promise<Map<string, number>> {
  const admins = await Promise.all((await cluster.masterPorts()).map((port) => clients.openNode(port)));
  const total = new Map<string, number>();
  for (const calls of await Promise.all(admins.map((admin: Redis) => commandCalls(admin)))) {
    for (const [name, count] of calls) total.set(name, (total.get(name) ?? 0) + count);
  }
  return total;
}

async function commandsDuring(action: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await mastersCommandCalls();
  await action();
  const after = await mastersCommandCalls();
  const delta: Record<string, number> = {};
  for (const [name, count] of after) {
    const difference = count - (before.get(name) ?? 0);
    if (name !== "info" && difference > 0) delta[name] = difference;
  }
  return delta;
}

describe("the home query through whole gateways on a Redis Cluster", () => {
  const user = "ana";
  let tiles: ReturnType<typeof tilesOf> = [];

  it("is ready, with Redis up", async () => {
    for (const gateway of [consumer, other]) {
      expect((await readiness(gateway.origin)).body).toEqual({
        status: "ready",
        checks: { redis: "up", updates: "up" },
      });
    }
  });

  it("warm L2, empty L1: a home of 24+ tiles costs at most two MGETs and no GET on the masters", async () => {
    tiles = tilesOf(await homeScreen(consumer.origin, await tokenFor(user)));
    expect(tiles.length).toBeGreaterThanOrEqual(24);
    const keys = tiles.map((tile) => personalKey(user, productOf(tile)));
    await waitFor(async () => (await l2.getMany(keys)).size === keys.length, {
      timeoutMs: 10_000,
      what: "the viewer's entries in L2",
    });

    let screen: Screen | undefined;
    const counts = await commandsDuring(async () => {
      screen = await homeScreen(other.origin, await tokenFor(user));
    });
    expect(tilesOf(screen as Screen).every((tile) => tile.personalization.state === "PERSONALIZED")).toBe(
      true,
    );
    expect(counts["mget"]).toBeGreaterThanOrEqual(1);
    expect(counts["mget"]).toBeLessThanOrEqual(2);
    expect(counts["get"]).toBeUndefined();
  });

  it("L1 holds it: no cache read or write at all", async () => {
    const counts = await commandsDuring(async () => {
      for (let i = 0; i < 3; i++) await homeScreen(other.origin, await tokenFor(user));
    });
    // What may run meanwhile is background work: stream reads, heartbeats, rate-limit syncs (which
    // send PEXPIRE of their own, so an L2 write shows here as the EVALSHA that wraps its PEXPIRE).
    for (const name of ["mget", "get", "evalsha", "del"]) expect(counts[name], name).toBeUndefined();
  });
});

describe("readiness tells the truth", () => {
  it("REDIS_URL naming one node of the cluster: degraded, saying so, and the update consumer says it cannot run", async () => {
    // A master that does not hold the stream's slot: the consumer's commands get MOVED.
    const streamSlot = Number(await redis.cluster("KEYSLOT", `${keyPrefix}wrong-mode`));
    const holder = await cluster.masterOf(streamSlot);
    const port = (await cluster.masterPorts()).find((candidate) => candidate !== holder.port);
    const wrong = await startGatewayInProcess({
      redisUrl: `redis://127.0.0.1:${port}`,
      keyPrefix,
      env: { UPDATE_STREAM: `${keyPrefix}wrong-mode` },
    });
    try {
      const ready = await waitFor(
        async () => {
          const answer = await readiness(wrong.origin);
          return answer.body.checks["updates"] === "down" ? answer : undefined;
        },
        { timeoutMs: 10_000, what: "the update consumer reported down" },
      );
      expect(ready.status).toBe(200);
      expect(ready.body.status).toBe("degraded");
      expect(ready.body.checks["redis"]).toBe("down");
      expect(ready.body.reasons?.["redis"]).toContain("set REDIS_CLUSTER_NODES");
      expect(ready.body.reasons?.["updates"]).toContain("MOVED");
    } finally {
      await wrong.stop();
    }
  });
});

describe("a pushed update on a Redis Cluster with partitions", () => {
  it("reaches the viewer's subscription on the other instance within a second, and no other viewer's", async () => {
    const tile = tilesOf(await homeScreen(other.origin, await tokenFor("alice"))).find(
      (candidate) => candidate.product?.service === "travel",
    );
    expect(tile).toBeDefined();
    const product = { id: productOf(tile as never), service: "travel" };
    const alice = await live(other, "alice");
    const bob = await live(other, "bob");

    let version = Date.now() + 1_000_000;
    const update = await waitFor(
      async () => {
        await append(personalEvent("alice", product, ++version, "Alice's fare"));
        await new Promise((resolve) => setTimeout(resolve, 100));
        return alice.messages
          .map((message) => message.homeUpdates)
          .find((u): u is Extract<Update, { __typename: "TileUpdate" }> => u.__typename === "TileUpdate");
      },
      { timeoutMs: 15_000, intervalMs: 50, what: "alice's tile pushed through the other instance" },
    );
    expect(update.tile.id).toBe(tile?.id);

    const sentMs = Date.now();
    const before = alice.messages.length;
    await append(personalEvent("alice", product, version + 10, "Timed"));
    await waitFor(() => alice.messages.length > before, {
      timeoutMs: 1_000,
      intervalMs: 10,
      what: "the tile",
    });
    expect(Date.now() - sentMs).toBeLessThan(1_000);
    expect(bob.messages).toEqual([]);
    expect(alice.errors).toEqual([]);
  });

  it("spreads the partitions over more than one slot, each with its own group", async () => {
    for (const partition of partitionStreams(stream, PARTITIONS)) {
      const groups = (await redis.xinfo("GROUPS", partition)) as unknown[][];
      expect(groups.map((group) => group[1])).toEqual(["home-gateway"]);
    }
    const slots = await Promise.all(
      partitionStreams(stream, PARTITIONS).map((name) => redis.cluster("KEYSLOT", name)),
    );
    expect(new Set(slots).size).toBe(PARTITIONS);
  });
});

describe("a master of the cluster killed under load", () => {
  it("fails no query; the replica takes over; events appended after the promotion are applied and pushed", async () => {
    const user = "alice";
    const token = await tokenFor(user);
    const tile = tilesOf(await homeScreen(other.origin, token)).find(
      (candidate) => candidate.product?.service === "travel",
    );
    const product = { id: productOf(tile as never), service: "travel" };
    const alice = await live(other, user);
    let version = Date.now() + 2_000_000;
    // The subscription is live once a push reaches it.
    await waitFor(
      async () => {
        await append(personalEvent(user, product, ++version, "before"));
        await new Promise((resolve) => setTimeout(resolve, 100));
        return alice.messages.length > 0;
      },
      { timeoutMs: 15_000, intervalMs: 50, what: "a push before the failover" },
    );

    // Steady load: home queries on both instances and an event every 50 ms, until stopped.
    let loading = true;
    const failures: string[] = [];
    let queries = 0;
    const load = Promise.all(
      [consumer, other].flatMap((gateway) =>
        [0, 1].map(async () => {
          while (loading) {
            const response = await queryHome(gateway.origin, token).catch((error: unknown): HomeResponse => ({
              status: 0,
              durationMs: 0,
              body: { errors: [{ message: String(error) }] },
            }));
            queries++;
            if (response.status !== 200 || !response.body?.data?.home || response.body.errors) {
              failures.push(`${response.status} ${JSON.stringify(response.body)?.slice(0, 200)}`);
            }
          }
        }),
      ),
    );
    const events = (async () => {
      while (loading) {
        await append(personalEvent(user, product, ++version, `load ${version}`)).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    // The master of alice's partition: her events, pushes and cache all live there or beside it.
    const victim = await cluster.masterOf(Number(await redis.cluster("KEYSLOT", streamOf(user, product))));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await victim.kill();
    await cluster.untilHealthy({ timeoutMs: 20_000 });

    // After the promotion: an event with a title of its own arrives.
    const marker = `after failover ${Date.now()}`;
    await waitFor(
      async () => {
        await append(personalEvent(user, product, ++version, marker)).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 200));
        return alice.messages.some(
          (message) =>
            message.homeUpdates.__typename === "TileUpdate" &&
            "title" in message.homeUpdates.tile &&
            message.homeUpdates.tile.title === marker,
        );
      },
      { timeoutMs: 20_000, intervalMs: 100, what: "a push of an event appended after the promotion" },
    );
    loading = false;
    await Promise.all([load, events]);
    await victim.start();

    expect(failures).toEqual([]);
    expect(queries).toBeGreaterThan(10);
    // Every event after the promotion is applied: the newest one is in L2.
    const last = version;
    await waitFor(
      async () => {
        const found = [...(await l2.getMany([personalKey(user, product.id)])).values()][0];
        return found?.version === last;
      },
      { timeoutMs: 15_000, intervalMs: 100, what: "the last event's version in L2" },
    );
  }, 90_000);
});

async function live(gateway: InProcessGateway, user: string): Promise<Received<HomeUpdatesSubscription>> {
  const socket = socketClient(`${gateway.origin}/graphql`, {
    authorization: `Bearer ${await tokenFor(user)}`,
  });
  sockets.push(socket);
  return subscribe(socket, HomeUpdatesDocument, { capabilities: CAPABILITIES });
}

function streamOf(user: string, product: { id: string; service: string }): string {
  return streamForEvent(
    {
      kind: "personal",
      user,
      info: { id: product.id, service: product.service, version: 1, title: "" } as never,
    },
    stream,
    PARTITIONS,
  );
}

async function append(event: PushedEvent): Promise<void> {
  await redis.xadd(streamOf(event.user, event.product), "*", UPDATE_EVENT_FIELD, JSON.stringify(event));
}

type PushedEvent = {
  user: string;
  product: { id: string; service: string } & Record<string, unknown>;
} & Record<string, unknown>;

function personalEvent(
  user: string,
  product: { id: string; service: string },
  version: number,
  title: string,
): PushedEvent {
  return {
    schema: "home-gateway.update/v1",
    kind: "personal",
    user,
    product: {
      ...product,
      version,
      presentation: "offer",
      title,
      price: { amountMinor: 4999, currency: "EUR" },
      route: `product/${product.service}/${product.id}`,
      webUrl: `https://www.example.com/${product.service}/${product.id}`,
    },
  };
}
