import type { Cluster } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { whenReady } from "../../src/adapters/redis-client.js";
import { createRedisClusterClient } from "../../src/adapters/redis-cluster-client.js";
import { RedisShardedPubSub } from "../../src/adapters/redis-sharded-pubsub.js";
import { type RedisCluster, startRedisCluster } from "../support/redis-cluster.js";
import { testKeyPrefix } from "../support/redis-server.js";
import { silentLogger } from "../support/silent-logger.js";
import { type TcpProxy, startTcpProxy } from "../support/tcp-proxy.js";
import { waitFor } from "../support/wait-for.js";

/**
 * The cluster's live-tile feed (sharded pub/sub) when a shard subscriber's connection drops and
 * the connection that replaces it fails while its channels are being subscribed again: the gap that
 * test/integration/live-tiles-reconnect.test.ts covers for classic pub/sub on one Redis. ioredis
 * moves and reconnects the shard subscribers itself; here a TCP proxy in front of every node (the
 * client reaches the nodes through `natMap`) cuts or swallows that SSUBSCRIBE.
 */

// ioredis names each shard subscriber's connection `ioredis-cluster(ssubscriber)`.
const SHARD_SUBSCRIBER = "ssubscriber";
// The command itself as RESP sends it (not the connection name, which contains "ssubscribe" too).
const SSUBSCRIBE = /\$10\r\nssubscribe\r\n/i;

let cluster: RedisCluster;
let proxies: TcpProxy[];
let natMap: Record<string, { host: string; port: number }>;
beforeAll(async () => {
  cluster = await startRedisCluster();
  proxies = await Promise.all(cluster.nodes.map((node) => startTcpProxy(node.port)));
  natMap = Object.fromEntries(
    cluster.nodes.map((node, index) => [node.address, { host: "127.0.0.1", port: proxies[index]!.port }]),
  );
}, 60_000);
afterAll(async () => {
  await Promise.all((proxies ?? []).map((proxy) => proxy.close()));
  await cluster?.stop();
});

const opened: Cluster[] = [];
afterEach(() => {
  for (const client of opened.splice(0)) client.disconnect();
});

async function clusterClient(name: string, shardedSubscribers = false): Promise<Cluster> {
  const client = createRedisClusterClient({
    nodes: cluster.nodes.map((node) => ({ host: "127.0.0.1", port: node.port })),
    natMap,
    connectionName: name,
    logger: silentLogger,
    commandTimeoutMs: shardedSubscribers ? 2_000 : 1_000,
    shardedSubscribers,
  });
  opened.push(client);
  await whenReady(client, { timeoutMs: 10_000 });
  return client;
}

/** An engine as the cluster mode builds it, one channel listened to, and what it heard and told. */
async function listeningEngine(channel: string) {
  const [publisher, subscriber] = await Promise.all([
    clusterClient("test-publisher"),
    clusterClient("test-live-tiles", true),
  ]);
  const losses: string[] = [];
  const heard: string[] = [];
  const engine = new RedisShardedPubSub({
    publisher,
    subscriber,
    logger: silentLogger,
    onPossibleLoss: (reason) => losses.push(reason),
  });
  await engine.subscribe(channel, (payload) => heard.push((payload as { text: string }).text));
  const hears = async (text: string, timeoutMs: number): Promise<void> => {
    await waitFor(
      async () => {
        await engine.publish(channel, { text });
        return heard.includes(text);
      },
      { timeoutMs, intervalMs: 200, what: `"${text}" heard` },
    );
  };
  await hears("before", 10_000);
  return { losses, hears };
}

/** Drops every shard subscriber connection, as a failover or a network cut does. */
function dropShardSubscribers(): void {
  const cut = proxies.reduce((sum, proxy) => sum + proxy.cut(SHARD_SUBSCRIBER), 0);
  expect(cut).toBeGreaterThan(0);
}

describe("sharded pub/sub when a shard subscriber's connection drops", () => {
  it("hears the channel again, and tells the loss, after a drop", async () => {
    const { losses, hears } = await listeningEngine(`${testKeyPrefix("sharded-once")}channel`);
    dropShardSubscribers();
    await waitFor(() => losses.length > 0, { timeoutMs: 10_000, what: "the loss told" });
    await hears("after", 10_000);
  });

  it("hears the channel again when the replacing connection is cut as it subscribes again", async () => {
    const { losses, hears } = await listeningEngine(`${testKeyPrefix("sharded-cut")}channel`);
    const trapped = Promise.race(proxies.map((proxy) => proxy.cutAtNext(SHARD_SUBSCRIBER, SSUBSCRIBE)));
    dropShardSubscribers();
    await trapped;
    await waitFor(() => losses.length > 0, { timeoutMs: 15_000, what: "the loss told" });
    await hears("after", 20_000);
  }, 40_000);

  // ioredis only logs (debug) a failed resubscription; what ends this connection is the clients'
  // socket timeout (1 s by default: a command unanswered that long drops the connection).
  it("hears the channel again when the replacing connection's SSUBSCRIBE is never answered", async () => {
    const { losses, hears } = await listeningEngine(`${testKeyPrefix("sharded-swallowed")}channel`);
    const trapped = Promise.race(proxies.map((proxy) => proxy.swallowNext(SHARD_SUBSCRIBER, SSUBSCRIBE)));
    dropShardSubscribers();
    await trapped;
    await waitFor(() => losses.length > 0, { timeoutMs: 15_000, what: "the loss told" });
    await hears("after", 20_000);
  }, 40_000);
});
