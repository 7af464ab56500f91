import type { Client } from "graphql-ws";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HomeUpdatesDocument, type HomeUpdatesSubscription } from "../gql/graphql.js";
import {
  type InProcessGateway,
  homeScreen,
  productOf,
  startGatewayInProcess,
  tilesOf,
  tokenFor,
  updateStreamOf,
} from "../support/gateways.js";
import { type RedisServer, startRedisServer, testKeyPrefix } from "../support/redis-server.js";
import { type TcpProxy, startTcpProxy } from "../support/tcp-proxy.js";
import { waitFor } from "../support/wait-for.js";
import { type Received, socketClient, subscribe } from "../support/ws-client.js";

// The gateway reaches Redis through a proxy that can cut its live-tile connection; the test pushes
// events and inspects Redis directly.
const keyPrefix = testKeyPrefix("live-tiles-reconnect");
const LIVE_TILES = "home-gateway:live-tiles";
/** A SUBSCRIBE (not an UNSUBSCRIBE) in the client's bytes. */
const SUBSCRIBE = /\r\nsubscribe\r\n/i;
/** Above any demo version. */
const VERSION_BASE = 5_000_000_000_000;
const CAPABILITIES = {
  platform: "WEB" as const,
  appVersion: "1.0.0",
  components: ["CAROUSEL_SECTION", "PRODUCT_TILE", "DEAL_TILE"] as (
    "CAROUSEL_SECTION" | "PRODUCT_TILE" | "DEAL_TILE"
  )[],
  actions: [] as never[],
};
type Update = HomeUpdatesSubscription["homeUpdates"];

let server: RedisServer;
let proxy: TcpProxy;
let redis: Redis;
let gateway: InProcessGateway;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startRedisServer();
  proxy = await startTcpProxy(server.port);
  redis = new Redis(server.url);
  gateway = await startGatewayInProcess({ redisUrl: `redis://127.0.0.1:${proxy.port}`, keyPrefix });
}, 60_000);

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await gateway?.stop();
  await proxy?.close();
  redis?.disconnect();
  await server?.stop();
});

function titlesHeard(received: Received<HomeUpdatesSubscription>): string[] {
  return received.messages.flatMap(({ homeUpdates: update }) =>
    update.__typename === "TileUpdate" && "title" in update.tile && typeof update.tile.title === "string"
      ? [update.tile.title]
      : [],
  );
}

function resyncs(received: Received<HomeUpdatesSubscription>): Update[] {
  return received.messages
    .map((message) => message.homeUpdates)
    .filter((u) => u.__typename === "ResyncRequired");
}

describe("live tiles when the change feed's Redis connection drops", () => {
  it("still pushes tiles after the connection dropped twice, the second time before its channels were subscribed again", async () => {
    const token = await tokenFor("alice");
    const tile = tilesOf(await homeScreen(gateway.origin, token)).find((t) => t.product?.service);
    expect(tile).toBeDefined();
    const product = { id: productOf(tile as never), service: tile?.product?.service as string };
    const client = socketClient(`${gateway.origin}/graphql`, { authorization: `Bearer ${token}` });
    clients.push(client);
    const alice = subscribe(client, HomeUpdatesDocument, { capabilities: CAPABILITIES });

    let version = VERSION_BASE;
    const push = async (title: string): Promise<void> => {
      const event = {
        schema: "home-gateway.update/v1",
        kind: "personal",
        user: "alice",
        product: {
          ...product,
          version: ++version,
          presentation: "offer",
          title,
          route: `product/${product.service}/${product.id}`,
          webUrl: `https://www.example.com/${product.service}/${product.id}`,
        },
      };
      await redis.xadd(updateStreamOf(keyPrefix), "*", "event", JSON.stringify(event));
    };

    // Live: the subscription (which starts listening asynchronously) hears a push.
    await waitFor(
      async () => {
        const title = `before-${version + 1}`;
        await push(title);
        await new Promise((resolve) => setTimeout(resolve, 100));
        return titlesHeard(alice).includes(title);
      },
      { timeoutMs: 15_000, intervalMs: 50, what: "alice's subscription live" },
    );
    const resyncsBefore = resyncs(alice).length;

    // The connection drops; the one that replaces it drops as its channels are being subscribed
    // again (what a socket timeout during an event-loop stall does); the third one stays.
    const cutAtResubscribe = proxy.cutAtNext(LIVE_TILES, SUBSCRIBE);
    expect(proxy.cut(LIVE_TILES)).toBe(1);
    await Promise.race([
      cutAtResubscribe,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error("the live-tile connection never subscribed again")), 15_000),
      ),
    ]);
    await waitFor(() => proxy.opened(LIVE_TILES) >= 3, { timeoutMs: 15_000, what: "a third connection" });
    // Told to refetch: changes published while it was away are lost to it.
    await waitFor(() => resyncs(alice).length > resyncsBefore, { timeoutMs: 15_000, what: "a resync" });
    expect(resyncs(alice).at(-1)).toMatchObject({ reason: "UPDATES_LOST" });

    // Every update pushed from now on reaches the subscription.
    const titles = ["after-1", "after-2", "after-3", "after-4", "after-5"];
    for (const title of titles) await push(title);
    await waitFor(() => titles.every((title) => titlesHeard(alice).includes(title)), {
      timeoutMs: 10_000,
      what: `every update pushed after the reconnects (heard: ${titlesHeard(alice).join(", ")})`,
    });
    expect(titlesHeard(alice).filter((title) => title.startsWith("after-"))).toEqual(titles);
    expect(alice.errors).toEqual([]);
    // One channel subscription each for alice and the generic changes, nothing left over.
    const live = (await redis.pubsub("NUMSUB", `${keyPrefix}changes:user:alice`)) as [string, number];
    expect(live[1]).toBe(1);
  }, 90_000);
});
