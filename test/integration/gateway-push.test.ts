import type { Client } from "graphql-ws";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HomeUpdatesDocument, type HomeUpdatesSubscription } from "../gql/graphql.js";
import {
  GatewayProcesses,
  type GatewayProcess,
  homeScreen,
  productOf,
  tilesOf,
  tokenFor,
  updateStreamOf,
} from "../support/gateways.js";
import { type RedisServer, startRedisServer, testKeyPrefix } from "../support/redis-server.js";
import { waitFor } from "../support/wait-for.js";
import { CAPABILITIES, type Received, socketClient, subscribe } from "../support/ws-client.js";

// Instance A consumes the update stream; instance B reads another (empty) stream, so every event
// is certainly consumed by A, and B's viewers can only hear of it through Redis.
const keyPrefix = testKeyPrefix("gateway-push");
const processes = new GatewayProcesses();
const clients: Client[] = [];
let server: RedisServer;
let redis: Redis;
let consumer: GatewayProcess;
let other: GatewayProcess;

type Update = HomeUpdatesSubscription["homeUpdates"];

beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
  [consumer, other] = await Promise.all([
    processes.start({ redisUrl: server.url, keyPrefix }),
    processes.start({ redisUrl: server.url, keyPrefix, env: { UPDATE_STREAM: `${keyPrefix}elsewhere` } }),
  ]);
}, 90_000);

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await processes.killAll();
  redis.disconnect();
  await server.stop();
});

async function live(gateway: GatewayProcess, user: string): Promise<Received<HomeUpdatesSubscription>> {
  const client = socketClient(`${gateway.origin}/graphql`, {
    authorization: `Bearer ${await tokenFor(user)}`,
  });
  clients.push(client);
  return subscribe(client, HomeUpdatesDocument, { capabilities: CAPABILITIES });
}

const personalEvent = (
  user: string,
  product: { id: string; service: string },
  version: number,
  title: string,
): string =>
  JSON.stringify({
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
  });

describe("pushed updates across gateway instances", () => {
  it("a viewer on instance B gets the tile for an event instance A consumed; another viewer gets nothing", async () => {
    const tile = tilesOf(await homeScreen(other.origin, await tokenFor("alice"))).find(
      (t) => t.product?.service === "travel",
    );
    expect(tile).toBeDefined();
    const product = { id: productOf(tile as never), service: "travel" };
    const alice = await live(other, "alice");
    const bob = await live(other, "bob");

    // XADD until the subscription (which starts listening asynchronously) hears one; each is newer.
    let version = Date.now() + 1_000_000;
    const update = await waitFor(
      async () => {
        version += 1;
        await redis.xadd(
          updateStreamOf(keyPrefix),
          "*",
          "event",
          personalEvent("alice", product, version, "Alice's fare"),
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
        return alice.messages
          .map((message) => message.homeUpdates)
          .find((u): u is Extract<Update, { __typename: "TileUpdate" }> => u.__typename === "TileUpdate");
      },
      { timeoutMs: 15_000, intervalMs: 50, what: "alice's tile pushed through instance B" },
    );
    expect(update.tile.id).toBe(tile?.id);
    expect("title" in update.tile && update.tile.title).toBe("Alice's fare");
    expect(update.tile.revision).toBeGreaterThan(tile?.revision as number);
    expect(bob.messages).toEqual([]);

    // One event, sent now, arrives within a second.
    const sentMs = Date.now();
    const before = alice.messages.length;
    await redis.xadd(
      updateStreamOf(keyPrefix),
      "*",
      "event",
      personalEvent("alice", product, version + 10, "Timed"),
    );
    await waitFor(() => alice.messages.length > before, {
      timeoutMs: 1_000,
      intervalMs: 10,
      what: "the tile within a second",
    });
    expect(Date.now() - sentMs).toBeLessThan(1_000);
    expect(bob.messages).toEqual([]);
    expect(alice.errors).toEqual([]);

    // A applied them; B, reading another stream, applied nothing.
    const applied = async (gateway: GatewayProcess): Promise<number> => {
      const text = await (await fetch(`${gateway.origin}/metrics`)).text();
      const line = text
        .split("\n")
        .find((l) => l.startsWith('home_gateway_updates_applied_total{kind="personal",result="written"}'));
      return Number(line?.split(" ")[1] ?? 0);
    };
    expect(await applied(consumer)).toBeGreaterThanOrEqual(2);
    expect(await applied(other)).toBe(0);
  }, 60_000);
});
