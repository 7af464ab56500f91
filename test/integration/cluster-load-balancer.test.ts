import { type Client, createClient } from "graphql-ws";
import type { Cluster } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { print } from "graphql";
import { UPDATE_EVENT_FIELD } from "../../src/adapters/redis-update-stream.js";
import { streamForEvent } from "../../src/adapters/update-stream/partitions.js";
import { HomeUpdatesDocument, type HomeUpdatesSubscription } from "../gql/graphql.js";
import {
  GatewayProcesses,
  type GatewayProcess,
  homeScreen,
  productOf,
  queryHome,
  tilesOf,
  tokenFor,
  updateStreamOf,
} from "../support/gateways.js";
import { type Haproxy, startHaproxy } from "../support/haproxy.js";
import { type RedisCluster, RedisClusterClients, startRedisCluster } from "../support/redis-cluster.js";
import { testKeyPrefix } from "../support/redis-server.js";
import { waitFor } from "../support/wait-for.js";
import { CAPABILITIES, type Received, socketClient, subscribe } from "../support/ws-client.js";

/**
 * Three gateway processes on a private Redis Cluster behind Debian's haproxy, as production runs
 * them: a push crossing instances, slots resharded under load, and one instance stopped (SIGTERM)
 * under load. `a` consumes the update stream; `b` and `c` read other streams, so an event reaches
 * their viewers only through the cluster's pub/sub.
 */

const PARTITIONS = 3;
const keyPrefix = testKeyPrefix("cluster-lb");
const stream = updateStreamOf(keyPrefix);
const processes = new GatewayProcesses();
const sockets: Client[] = [];
let cluster: RedisCluster;
let clients: RedisClusterClients;
let redis: Cluster;
let a: GatewayProcess;
let b: GatewayProcess;
let c: GatewayProcess;
let haproxy: Haproxy;

type Update = HomeUpdatesSubscription["homeUpdates"];

beforeAll(async () => {
  cluster = await startRedisCluster();
  clients = new RedisClusterClients(cluster);
  redis = await clients.open({ commandTimeoutMs: 2_000 });
  const env = {
    UPDATE_STREAM_PARTITIONS: String(PARTITIONS),
    REDIS_COMMAND_TIMEOUT_MS: "500",
    // haproxy checks every 500 ms and drops a gateway after two 503s.
    SHUTDOWN_DELAY_MS: "1500",
    RATE_LIMIT_PER_MINUTE: "0",
  };
  const elsewhere = { ...env, UPDATE_STREAM: `${keyPrefix}elsewhere` };
  [a, b, c] = await Promise.all([
    processes.start({ clusterNodes: cluster.seeds, keyPrefix, env }),
    processes.start({ clusterNodes: cluster.seeds, keyPrefix, env: elsewhere }),
    processes.start({ clusterNodes: cluster.seeds, keyPrefix, env: elsewhere }),
  ]);
  haproxy = await startHaproxy([a.origin, b.origin, c.origin]);
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) await socket.dispose();
  await haproxy?.stop();
  await processes.killAll();
  await clients?.closeAll();
  await cluster?.stop();
});

describe("three gateways on a Redis Cluster behind haproxy", () => {
  it("an update consumed by instance A reaches the viewer's subscription on instance C within a second, and no other viewer's", async () => {
    const product = await travelProductOf("alice", c.origin);
    const alice = live(c.origin, "alice", await tokenFor("alice"));
    const bob = live(c.origin, "bob", await tokenFor("bob"));
    let version = Date.now() + 1_000_000;
    await waitFor(
      async () => {
        await append(personalEvent("alice", product, ++version, "warm-up"));
        await new Promise((resolve) => setTimeout(resolve, 100));
        return tileUpdates(alice).length > 0;
      },
      { timeoutMs: 15_000, intervalMs: 50, what: "alice's subscription on C live" },
    );
    const before = tileUpdates(alice).length;
    const sentMs = Date.now();
    await append(personalEvent("alice", product, version + 10, "Timed"));
    await waitFor(() => tileUpdates(alice).length > before, {
      timeoutMs: 1_000,
      intervalMs: 5,
      what: "the push",
    });
    expect(Date.now() - sentMs).toBeLessThan(1_000);
    expect(bob.messages).toEqual([]);
    expect(alice.errors).toEqual([]);
  });

  it("moves slots holding cached viewers (redis-cli --cluster reshard) under load without failing a query", async () => {
    const viewers = Array.from({ length: 60 }, (_, index) => `reshard-${index}`);
    const tokens = new Map(
      await Promise.all(viewers.map(async (viewer) => [viewer, await tokenFor(viewer)] as const)),
    );
    for (const viewer of viewers) await homeScreen(haproxy.origin, tokens.get(viewer) as string);
    // The master whose first slots hold the most of these viewers, and how many slots to take.
    const nodes = await clusterNodes();
    const slotOf = new Map(
      await Promise.all(
        viewers.map(
          async (viewer) => [viewer, Number(await redis.cluster("KEYSLOT", `{u:${viewer}}`))] as const,
        ),
      ),
    );
    const [source] = nodes
      .filter((node) => node.master)
      .map((node) => ({
        node,
        held: viewers.filter((v) => inRange(slotOf.get(v) as number, node.from, node.from + 599)),
      }))
      .sort((x, y) => y.held.length - x.held.length);
    if (!source || source.held.length === 0) throw new Error("no viewer in the first 600 slots of a master");
    const target = nodes.find((node) => node.master && node.id !== source.node.id);
    const moved = source.held;
    const slots = Math.max(...moved.map((viewer) => (slotOf.get(viewer) as number) - source.node.from)) + 1;

    const failures: string[] = [];
    let queries = 0;
    let loading = true;
    const load = Promise.all(
      [0, 1, 2, 3].map(async (worker) => {
        for (let index = worker; loading; index += 4) {
          const viewer = moved[index % moved.length] as string;
          const response = await queryHome(haproxy.origin, tokens.get(viewer) as string).catch(
            (error: unknown) => ({
              status: 0,
              durationMs: 0,
              body: { errors: [{ message: String(error) }] },
            }),
          );
          queries++;
          if (response.status !== 200 || response.body?.errors) {
            failures.push(`${response.status} ${JSON.stringify(response.body)?.slice(0, 200)}`);
          }
        }
      }),
    );
    await cluster.cli([
      "reshard",
      "--cluster-from",
      source.node.id,
      "--cluster-to",
      target?.id as string,
      "--cluster-slots",
      String(slots),
      "--cluster-yes",
    ]);
    loading = false;
    await load;
    const after = await clusterNodes();
    for (const viewer of moved) {
      const owner = after.find(
        (node) =>
          node.master && node.ranges.some(([from, to]) => inRange(slotOf.get(viewer) as number, from, to)),
      );
      expect(owner?.id, viewer).toBe(target?.id);
    }
    expect(failures).toEqual([]);
    expect(queries).toBeGreaterThan(10);
    // The moved viewers' entries moved with their slots: served personalised, from L2.
    const screen = await homeScreen(haproxy.origin, tokens.get(moved[0] as string) as string);
    expect(tilesOf(screen).every((tile) => tile.personalization.state === "PERSONALIZED")).toBe(true);
  }, 120_000);

  it("SIGTERM to one instance under load fails no request at haproxy; its subscribers reconnect to another and get pushes again", async () => {
    const product = await travelProductOf("carol", haproxy.origin);
    const token = await tokenFor("carol");
    // Sockets through haproxy until one lands on b (leastconn spreads them).
    const subscriptions: { received: Received<HomeUpdatesSubscription>; opened: string[] }[] = [];
    for (let i = 0; i < 6; i++) subscriptions.push(liveWithRetry(haproxy.origin, token));
    let version = Date.now() + 5_000_000;
    await waitFor(
      async () => {
        await append(personalEvent("carol", product, ++version, "before"));
        await new Promise((resolve) => setTimeout(resolve, 100));
        return subscriptions.every((s) => tileUpdates(s.received).length > 0);
      },
      { timeoutMs: 15_000, intervalMs: 50, what: "every subscription live" },
    );

    const failures: string[] = [];
    let queries = 0;
    let loading = true;
    const load = Promise.all(
      [0, 1, 2, 3].map(async () => {
        while (loading) {
          const response = await queryHome(haproxy.origin, token).catch((error: unknown) => ({
            status: 0,
            durationMs: 0,
            body: { errors: [{ message: String(error) }] },
          }));
          queries++;
          if (response.status !== 200 || response.body?.errors) {
            failures.push(`${response.status} ${JSON.stringify(response.body)?.slice(0, 200)}`);
          }
        }
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const closesBefore = subscriptions.reduce((sum, s) => sum + s.opened.length, 0);
    await processes.signal(b, "SIGTERM");
    // Closed sockets reconnected (through haproxy, to a or c), and a push after it reaches every one.
    const marker = `after SIGTERM ${Date.now()}`;
    await waitFor(
      async () => {
        await append(personalEvent("carol", product, ++version, marker));
        await new Promise((resolve) => setTimeout(resolve, 200));
        return subscriptions.every((s) =>
          tileUpdates(s.received).some((u) => "title" in u.tile && u.tile.title === marker),
        );
      },
      { timeoutMs: 20_000, intervalMs: 100, what: "a push to every subscription after the SIGTERM" },
    );
    loading = false;
    await load;
    expect(failures).toEqual([]);
    expect(queries).toBeGreaterThan(10);
    // Some sockets were on b and came back elsewhere.
    expect(subscriptions.reduce((sum, s) => sum + s.opened.length, 0)).toBeGreaterThan(closesBefore);
  }, 90_000);
});

function live(origin: string, _user: string, token: string): Received<HomeUpdatesSubscription> {
  const socket = socketClient(`${origin}/graphql`, { authorization: `Bearer ${token}` });
  sockets.push(socket);
  return subscribe(socket, HomeUpdatesDocument, { capabilities: CAPABILITIES });
}

/** A subscription whose client reconnects, as an app does; `opened` grows with every connection. */
function liveWithRetry(
  origin: string,
  token: string,
): { received: Received<HomeUpdatesSubscription>; opened: string[] } {
  const opened: string[] = [];
  const socket = createClient({
    url: `${origin.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 20,
    retryWait: async () => new Promise((resolve) => setTimeout(resolve, 100)),
    shouldRetry: () => true,
    onNonLazyError: () => undefined,
    on: { connected: () => opened.push(new Date().toISOString()) },
  });
  sockets.push(socket);
  const received: Received<HomeUpdatesSubscription> = {
    messages: [],
    errors: [],
    completed: false,
    dispose: () => undefined,
  };
  received.dispose = socket.subscribe<HomeUpdatesSubscription>(
    { query: print(HomeUpdatesDocument), variables: { capabilities: CAPABILITIES } },
    {
      next: (message) => {
        if (message.data) received.messages.push(message.data);
      },
      error: (error) => received.errors.push(error),
      complete: () => {
        received.completed = true;
      },
    },
  );
  return { received, opened };
}

function tileUpdates(
  received: Received<HomeUpdatesSubscription>,
): Extract<Update, { __typename: "TileUpdate" }>[] {
  return received.messages
    .map((message) => message.homeUpdates)
    .filter((u): u is Extract<Update, { __typename: "TileUpdate" }> => u.__typename === "TileUpdate");
}

async function travelProductOf(user: string, origin: string): Promise<{ id: string; service: string }> {
  const tile = tilesOf(await homeScreen(origin, await tokenFor(user))).find(
    (candidate) => candidate.product?.service === "travel",
  );
  if (!tile) throw new Error(`no travel tile on ${user}'s screen`);
  return { id: productOf(tile), service: "travel" };
}

interface NodeLine {
  readonly id: string;
  readonly master: boolean;
  readonly from: number;
  readonly ranges: readonly (readonly [number, number])[];
}

async function clusterNodes(): Promise<NodeLine[]> {
  const text = String(await redis.cluster("NODES"));
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const parts = line.split(" ");
      const ranges = parts
        .slice(8)
        .filter((range) => !range.startsWith("["))
        .map((range) => {
          const [from, to = from] = range.split("-").map(Number);
          return [from as number, to as number] as const;
        });
      return {
        id: parts[0] as string,
        master: (parts[2] ?? "").includes("master") && !(parts[2] ?? "").includes("fail"),
        from: ranges[0]?.[0] ?? -1,
        ranges,
      };
    });
}

function inRange(slot: number, from: number, to: number): boolean {
  return slot >= from && slot <= to;
}

type PushedEvent = {
  user: string;
  product: { id: string; service: string } & Record<string, unknown>;
} & Record<string, unknown>;

async function append(event: PushedEvent): Promise<void> {
  const target = streamForEvent(
    { kind: "personal", user: event.user, info: { id: event.product.id } as never },
    stream,
    PARTITIONS,
  );
  await redis.xadd(target, "*", UPDATE_EVENT_FIELD, JSON.stringify(event));
}

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
