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
import { CAPABILITIES, type Received, socketClient, subscribe } from "../support/ws-client.js";

// The gateway reaches Redis through a proxy that can cut its live-tile connection; the test pushes
// events and inspects Redis directly.
const keyPrefix = testKeyPrefix("live-tiles-reconnect");
const LIVE_TILES = "home-gateway:live-tiles";
/** A SUBSCRIBE (not an UNSUBSCRIBE) in the client's bytes. */
const SUBSCRIBE = /\r\nsubscribe\r\n/i;
/** Above any demo version. */
const VERSION_BASE = 5_000_000_000_000;
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

let version = VERSION_BASE;
let product: { id: string; service: string } | undefined;

/** A personal event for alice's first product, each newer than the last. */
async function push(title: string): Promise<void> {
  const target = product as { id: string; service: string };
  const event = {
    schema: "home-gateway.update/v1",
    kind: "personal",
    user: "alice",
    product: {
      ...target,
      version: ++version,
      presentation: "offer",
      title,
      route: `product/${target.service}/${target.id}`,
      webUrl: `https://www.example.com/${target.service}/${target.id}`,
    },
  };
  await redis.xadd(updateStreamOf(keyPrefix), "*", "event", JSON.stringify(event));
}

/** Alice's live subscription, once it hears pushes. */
async function liveAlice(): Promise<Received<HomeUpdatesSubscription>> {
  const token = await tokenFor("alice");
  if (!product) {
    const tile = tilesOf(await homeScreen(gateway.origin, token)).find((t) => t.product?.service);
    expect(tile).toBeDefined();
    product = { id: productOf(tile as never), service: tile?.product?.service as string };
  }
  const client = socketClient(`${gateway.origin}/graphql`, { authorization: `Bearer ${token}` });
  clients.push(client);
  const alice = subscribe(client, HomeUpdatesDocument, { capabilities: CAPABILITIES });
  // The subscription starts listening asynchronously: push until it hears one.
  await waitFor(
    async () => {
      const title = `before-${version + 1}`;
      await push(title);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return titlesHeard(alice).includes(title);
    },
    { timeoutMs: 15_000, intervalMs: 50, what: "alice's subscription live" },
  );
  return alice;
}

/** Told to refetch (what was published while it was deaf is lost), then every new push arrives. */
async function resyncedThenHearsEverything(
  alice: Received<HomeUpdatesSubscription>,
  resyncsBefore: number,
  label: string,
): Promise<void> {
  await waitFor(() => resyncs(alice).length > resyncsBefore, { timeoutMs: 20_000, what: "a resync" });
  expect(resyncs(alice).at(-1)).toMatchObject({ reason: "UPDATES_LOST" });
  const titles = [1, 2, 3, 4, 5].map((index) => `${label}-${index}`);
  for (const title of titles) await push(title);
  await waitFor(() => titles.every((title) => titlesHeard(alice).includes(title)), {
    timeoutMs: 10_000,
    what: `every update pushed after the reconnects (heard: ${titlesHeard(alice).slice(-8).join(", ")})`,
  });
  expect(titlesHeard(alice).filter((title) => title.startsWith(`${label}-`))).toEqual(titles);
  expect(alice.errors).toEqual([]);
}

const within = (promise: Promise<void>, what: string): Promise<unknown> =>
  Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} within 15 s`)), 15_000)),
  ]);

describe("live tiles when the change feed's Redis connection drops", () => {
  it("still pushes tiles after the connection dropped twice, the second time before its channels were subscribed again", async () => {
    const alice = await liveAlice();
    const resyncsBefore = resyncs(alice).length;
    const opened = proxy.opened(LIVE_TILES);

    // The connection drops; the one that replaces it drops as its channels are being subscribed
    // again (what a socket timeout during an event-loop stall does); the third one stays.
    const cutAtResubscribe = proxy.cutAtNext(LIVE_TILES, SUBSCRIBE);
    expect(proxy.cut(LIVE_TILES)).toBe(1);
    await within(cutAtResubscribe, "the live-tile connection subscribing again");
    await waitFor(() => proxy.opened(LIVE_TILES) >= opened + 2, {
      timeoutMs: 15_000,
      what: "a third connection",
    });
    await resyncedThenHearsEverything(alice, resyncsBefore, "after-double-drop");
    // One channel subscription for alice, nothing left over.
    const live = (await redis.pubsub("NUMSUB", `${keyPrefix}changes:user:alice`)) as [string, number];
    expect(live[1]).toBe(1);
  }, 90_000);

  it("drops and reopens a connection whose resubscription is never answered, then pushes tiles again", async () => {
    const alice = await liveAlice();
    const resyncsBefore = resyncs(alice).length;
    const opened = proxy.opened(LIVE_TILES);

    // The connection drops; the SUBSCRIBE of the one that replaces it is lost on the way (it times
    // out after the live-tile client's 5 s): that connection stays up, subscribed to nothing.
    const swallowed = proxy.swallowNext(LIVE_TILES, SUBSCRIBE);
    expect(proxy.cut(LIVE_TILES)).toBe(1);
    await within(swallowed, "the live-tile connection subscribing again");
    await resyncedThenHearsEverything(alice, resyncsBefore, "after-lost-subscribe");
    expect(proxy.opened(LIVE_TILES)).toBeGreaterThanOrEqual(opened + 2);
  }, 90_000);
});
