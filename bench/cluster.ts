/**
 * Redis Cluster against one Redis, side by side in one run (`npm run bench:cluster`, under
 * `nice -n 10`): the figures README's "Scale out" sizing guide is computed from.
 * - a home read from L2 (L1 off): requests per second and p50 through one gateway, cluster / standalone;
 * - a personal update from XADD to the subscribed client, p50 and p99: cluster with 3 partitions,
 *   standalone with 1;
 * - events applied per second by 3 gateway instances from a backlog: 1 partition against 3;
 * - bytes per cached entry (MEMORY USAGE) and entries per viewer.
 */
import "reflect-metadata";
import type { Client } from "graphql-ws";
import type { Cluster, Redis } from "ioredis";
import { UPDATE_EVENT_FIELD } from "../src/adapters/redis-update-stream.js";
import { streamForEvent } from "../src/adapters/update-stream/partitions.js";
import { personalKey } from "../src/domain/index.js";
import { HomeUpdatesDocument, type HomeUpdatesSubscription } from "../test/gql/graphql.js";
import {
  type InProcessGateway,
  homeScreen,
  productOf,
  queryHome,
  startGatewayInProcess,
  tilesOf,
  tokenFor,
  updateStreamOf,
} from "../test/support/gateways.js";
import { RedisClients } from "../test/support/redis-clients.js";
import { RedisClusterClients, startRedisCluster } from "../test/support/redis-cluster.js";
import { startRedisServer, testKeyPrefix } from "../test/support/redis-server.js";
import { RedisL2Cache } from "../src/adapters/redis-l2-cache.js";
import { silentLogger } from "../test/support/silent-logger.js";
import { waitFor } from "../test/support/wait-for.js";
import { socketClient, subscribe } from "../test/support/ws-client.js";

const VIEWERS = 40;
const HOME_REQUESTS = Number(process.env.HOME_REQUESTS ?? 600);
const PUSHES = Number(process.env.PUSHES ?? 200);
const BACKLOG = Number(process.env.BACKLOG ?? 6_000);
const CAPABILITIES = {
  platform: "WEB" as const,
  appVersion: "1.0.0",
  components: ["CAROUSEL_SECTION", "PRODUCT_TILE", "DEAL_TILE"] as (
    "CAROUSEL_SECTION" | "PRODUCT_TILE" | "DEAL_TILE"
  )[],
  actions: [] as never[],
};

type Target = { readonly redisUrl: string } | { readonly clusterNodes: string };

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Home queries answered from L2: L1 and the response cache off, entries written by a first pass. */
async function homeFromL2(target: Target): Promise<{ perSecond: number; p50Ms: number }> {
  const keyPrefix = testKeyPrefix("bench-home");
  const env = {
    L1_TTL_MS: "1",
    RESPONSE_CACHE_TTL_MS: "0",
    RATE_LIMIT_PER_MINUTE: "0",
    REDIS_COMMAND_TIMEOUT_MS: "1000",
  };
  const gateway = await startGatewayInProcess({ ...target, keyPrefix, env });
  try {
    const tokens = await Promise.all(Array.from({ length: VIEWERS }, (_, i) => tokenFor(`bench-${i}`)));
    for (const token of tokens) await homeScreen(gateway.origin, token);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const token of tokens) await homeScreen(gateway.origin, token);
    const durations: number[] = [];
    const startedMs = performance.now();
    let next = 0;
    await Promise.all(
      [0, 1, 2, 3].map(async () => {
        while (next < HOME_REQUESTS) {
          const token = tokens[next++ % tokens.length] as string;
          const response = await queryHome(gateway.origin, token);
          if (response.status !== 200) throw new Error(`home failed: ${response.status}`);
          durations.push(response.durationMs);
        }
      }),
    );
    return {
      perSecond: Math.round(HOME_REQUESTS / ((performance.now() - startedMs) / 1_000)),
      p50Ms: Number(percentile(durations, 50).toFixed(2)),
    };
  } finally {
    await gateway.stop();
  }
}

/** XADD of a personal event to its arrival at a subscribed client on another instance. */
async function pushLatency(
  target: Target,
  partitions: number,
  xadd: (stream: string, json: string) => Promise<unknown>,
): Promise<{ p50Ms: number; p99Ms: number }> {
  const keyPrefix = testKeyPrefix("bench-push");
  const env = {
    UPDATE_STREAM_PARTITIONS: String(partitions),
    RATE_LIMIT_PER_MINUTE: "0",
    REDIS_COMMAND_TIMEOUT_MS: "1000",
  };
  const consumer = await startGatewayInProcess({ ...target, keyPrefix, env });
  const holder = await startGatewayInProcess({
    ...target,
    keyPrefix,
    env: { ...env, UPDATE_STREAM: `${keyPrefix}elsewhere` },
  });
  const sockets: Client[] = [];
  try {
    const user = "alice";
    const token = await tokenFor(user);
    const tile = tilesOf(await homeScreen(holder.origin, token)).find((t) => t.product?.service === "travel");
    const product = { id: productOf(tile as never), service: "travel" };
    const socket = socketClient(`${holder.origin}/graphql`, { authorization: `Bearer ${token}` });
    sockets.push(socket);
    const received = subscribe<HomeUpdatesSubscription, Record<string, unknown>>(
      socket,
      HomeUpdatesDocument,
      {
        capabilities: CAPABILITIES,
      },
    );
    const stream = streamForEvent(
      { kind: "personal", user, info: { id: product.id } as never },
      updateStreamOf(keyPrefix),
      partitions,
    );
    let version = Date.now() + 1_000_000;
    const event = (title: string): string =>
      JSON.stringify({
        schema: "home-gateway.update/v1",
        kind: "personal",
        user,
        product: {
          ...product,
          version: ++version,
          presentation: "offer",
          title,
          route: "r",
          webUrl: "https://www.example.com/x",
        },
      });
    await waitFor(
      async () => {
        await xadd(stream, event("warm-up"));
        await new Promise((resolve) => setTimeout(resolve, 100));
        return received.messages.length > 0;
      },
      { timeoutMs: 15_000, what: "the subscription live" },
    );
    const latencies: number[] = [];
    for (let index = 0; index < PUSHES; index++) {
      const title = `push ${index}`;
      const before = received.messages.length;
      const sentMs = performance.now();
      await xadd(stream, event(title));
      await waitFor(() => received.messages.length > before, { timeoutMs: 5_000, intervalMs: 1 });
      latencies.push(performance.now() - sentMs);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return {
      p50Ms: Number(percentile(latencies, 50).toFixed(2)),
      p99Ms: Number(percentile(latencies, 99).toFixed(2)),
    };
  } finally {
    for (const socket of sockets) await socket.dispose();
    await Promise.allSettled([consumer.stop(), holder.stop()]);
  }
}

/** A backlog of personal events for many viewers, then 3 instances applying it: events per second. */
async function throughput(
  target: Target,
  partitions: number,
  xaddMany: (entries: readonly (readonly [string, string])[]) => Promise<unknown>,
): Promise<number> {
  const keyPrefix = testKeyPrefix("bench-throughput");
  const base = updateStreamOf(keyPrefix);
  const entries = Array.from({ length: BACKLOG }, (_, index) => {
    const user = `viewer-${index % 600}`;
    const product = { id: `P-${index % 30}`, service: "travel" };
    const json = JSON.stringify({
      schema: "home-gateway.update/v1",
      kind: "personal",
      user,
      product: {
        ...product,
        version: index + 1,
        presentation: "offer",
        title: `t${index}`,
        route: "r",
        webUrl: "https://www.example.com/x",
      },
    });
    return [
      streamForEvent({ kind: "personal", user, info: { id: product.id } as never }, base, partitions),
      json,
    ] as const;
  });
  await xaddMany(entries);
  const env = {
    UPDATE_STREAM_PARTITIONS: String(partitions),
    RATE_LIMIT_PER_MINUTE: "0",
    REDIS_COMMAND_TIMEOUT_MS: "1000",
    GENERIC_REFRESH_MS: "3600000",
  };
  const startedMs = performance.now();
  const gateways: InProcessGateway[] = await Promise.all(
    [1, 2, 3].map(() => startGatewayInProcess({ ...target, keyPrefix, env })),
  );
  try {
    const applied = async (): Promise<number> => {
      let total = 0;
      for (const gateway of gateways) {
        const text = await (await fetch(`${gateway.origin}/metrics`)).text();
        for (const line of text.split("\n")) {
          if (line.startsWith("home_gateway_updates_applied_total{")) total += Number(line.split(" ")[1]);
        }
      }
      return total;
    };
    await waitFor(async () => (await applied()) >= BACKLOG, {
      timeoutMs: 120_000,
      intervalMs: 50,
      what: "the backlog applied",
    });
    return Math.round(BACKLOG / ((performance.now() - startedMs) / 1_000));
  } finally {
    await Promise.allSettled(gateways.map((gateway) => gateway.stop()));
  }
}

const server = await startRedisServer();
const cluster = await startRedisCluster();
const standaloneClients = new RedisClients(server.url);
const clusterClients = new RedisClusterClients(cluster);
try {
  const one: Redis = await standaloneClients.open({ commandTimeoutMs: 10_000 });
  const many: Cluster = await clusterClients.open({ commandTimeoutMs: 10_000 });
  const standalone = { redisUrl: server.url };
  const clustered = { clusterNodes: cluster.seeds };
  const xaddOne = (stream: string, json: string): Promise<unknown> =>
    one.xadd(stream, "*", UPDATE_EVENT_FIELD, json);
  const xaddCluster = (stream: string, json: string): Promise<unknown> =>
    many.xadd(stream, "*", UPDATE_EVENT_FIELD, json);
  const batch =
    (xadd: (stream: string, json: string) => Promise<unknown>) =>
    async (entries: readonly (readonly [string, string])[]): Promise<void> => {
      for (let index = 0; index < entries.length; index += 500) {
        await Promise.all(entries.slice(index, index + 500).map(([stream, json]) => xadd(stream, json)));
      }
    };

  const homeStandalone = await homeFromL2(standalone);
  const homeCluster = await homeFromL2(clustered);
  const pushStandalone = await pushLatency(standalone, 1, xaddOne);
  const pushCluster = await pushLatency(clustered, 3, xaddCluster);
  const eventsOne = await throughput(clustered, 1, batch(xaddCluster));
  const eventsThree = await throughput(clustered, 3, batch(xaddCluster));

  // What one cached entry costs: a viewer's entries as a home writes them.
  const keyPrefix = testKeyPrefix("bench-size");
  const sizer = await startGatewayInProcess({
    clusterNodes: cluster.seeds,
    keyPrefix,
    env: { RATE_LIMIT_PER_MINUTE: "0" },
  });
  let bytesPerEntry = 0;
  let entriesPerViewer = 0;
  try {
    const tiles = tilesOf(await homeScreen(sizer.origin, await tokenFor("sizing")));
    entriesPerViewer = tiles.length;
    const l2 = new RedisL2Cache({ redis: many, keyPrefix, logger: silentLogger });
    const keys = tiles.map((tile) => l2.redisKeyOf(personalKey("sizing", productOf(tile))));
    await waitFor(async () => (await many.exists(...keys.slice(0, 1))) === 1, { timeoutMs: 5_000 });
    const sizes = await Promise.all(
      keys.map((key) => many.call("MEMORY", "USAGE", key) as Promise<number | null>),
    );
    const known = sizes.filter((size): size is number => typeof size === "number");
    bytesPerEntry = Math.round(known.reduce((sum, size) => sum + size, 0) / Math.max(1, known.length));
  } finally {
    await sizer.stop();
  }

  console.log(
    `machine: ${(await import("node:os")).cpus().length} cores; cluster: 3 masters + 3 replicas on loopback`,
  );
  console.table([
    {
      row: "home from L2 (L1 off), req/s",
      standalone: homeStandalone.perSecond,
      cluster: homeCluster.perSecond,
      ratio: Number((homeCluster.perSecond / homeStandalone.perSecond).toFixed(2)),
    },
    {
      row: "home from L2, p50 ms",
      standalone: homeStandalone.p50Ms,
      cluster: homeCluster.p50Ms,
      ratio: Number((homeCluster.p50Ms / homeStandalone.p50Ms).toFixed(2)),
    },
    {
      row: "XADD to client p50 ms (cluster: 3 partitions)",
      standalone: pushStandalone.p50Ms,
      cluster: pushCluster.p50Ms,
      ratio: Number((pushCluster.p50Ms / pushStandalone.p50Ms).toFixed(2)),
    },
    {
      row: "XADD to client p99 ms (cluster: 3 partitions)",
      standalone: pushStandalone.p99Ms,
      cluster: pushCluster.p99Ms,
      ratio: Number((pushCluster.p99Ms / pushStandalone.p99Ms).toFixed(2)),
    },
    {
      row: "events applied/s, 3 instances, cluster",
      standalone: `1 partition: ${eventsOne}`,
      cluster: `3 partitions: ${eventsThree}`,
      ratio: Number((eventsThree / eventsOne).toFixed(2)),
    },
    { row: "bytes per cached entry (MEMORY USAGE)", standalone: "", cluster: bytesPerEntry, ratio: "" },
    { row: "entries per viewer (tiles of a home)", standalone: "", cluster: entriesPerViewer, ratio: "" },
  ]);
} finally {
  await standaloneClients.closeAll();
  await clusterClients.closeAll();
  await cluster.stop();
  await server.stop();
  process.exit(0);
}
