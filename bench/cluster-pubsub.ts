/**
 * Classic pub/sub (PUBLISH/SUBSCRIBE) against sharded pub/sub (SPUBLISH/SSUBSCRIBE) on a private
 * 3-master/3-replica Redis Cluster, the way the gateway uses them: per-viewer channels (the
 * live-tile feed), each heard by one of three gateway instances, and one channel every instance
 * hears (the L1 invalidation bus). Prints, per mode: bytes the nodes sent, CPU the nodes spent,
 * delivery latency. Run: `nice -n 10 npx tsx bench/cluster-pubsub.ts` (docs/decisions/cluster-pub-sub.md).
 */
import type { Cluster, Redis } from "ioredis";
import { createRedisClusterClient } from "../src/adapters/redis-cluster-client.js";
import { whenReady } from "../src/adapters/redis-client.js";
import { RedisClusterClients, startRedisCluster } from "../test/support/redis-cluster.js";
import { silentLogger } from "../test/support/silent-logger.js";

const VIEWERS = Number(process.env.VIEWERS ?? 600);
const MESSAGES = Number(process.env.MESSAGES ?? 6_000);
const INSTANCES = 3;
const PAYLOAD = JSON.stringify({ kind: "personal", info: { id: "p", version: 1, title: "x".repeat(300) } });

interface NodeStats {
  outBytes: number;
  cpuSeconds: number;
  /** Publish messages the nodes sent each other over the cluster bus (invisible in the byte counts). */
  busPublishes: number;
}

async function nodeStats(admins: readonly Redis[]): Promise<NodeStats> {
  let outBytes = 0;
  let cpuSeconds = 0;
  let busPublishes = 0;
  for (const admin of admins) {
    const cluster = String(await admin.call("CLUSTER", "INFO"));
    busPublishes += Number(/cluster_stats_messages_publish_sent:(\d+)/.exec(cluster)?.[1] ?? 0);
    busPublishes += Number(/cluster_stats_messages_publishshard_sent:(\d+)/.exec(cluster)?.[1] ?? 0);
    const info = await admin.info();
    outBytes += Number(/total_net_output_bytes:(\d+)/.exec(info)?.[1] ?? 0);
    outBytes += Number(/total_net_repl_output_bytes:(\d+)/.exec(info)?.[1] ?? 0);
    cpuSeconds += Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1] ?? 0);
    cpuSeconds += Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1] ?? 0);
  }
  return { outBytes, cpuSeconds, busPublishes };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(
  mode: "classic" | "sharded",
  channelsOf: (viewer: number) => string,
  seeds: { host: string; port: number }[],
  admins: readonly Redis[],
): Promise<Record<string, number | string>> {
  const open = async (sharded: boolean): Promise<Cluster> => {
    const client = createRedisClusterClient({
      nodes: seeds,
      connectionName: `bench-${mode}`,
      logger: silentLogger,
      commandTimeoutMs: 5_000,
      shardedSubscribers: sharded,
    });
    await whenReady(client, { timeoutMs: 10_000 });
    return client;
  };
  const publisher = await open(false);
  const subscribers = await Promise.all(Array.from({ length: INSTANCES }, () => open(mode === "sharded")));
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let received = 0;
  const event = mode === "sharded" ? "smessage" : "message";
  for (const subscriber of subscribers) {
    subscriber.on(event, (_channel: string, message: string) => {
      const started = sentAt.get(message.slice(0, 12));
      if (started !== undefined) latencies.push(performance.now() - started);
      received++;
    });
  }
  for (let viewer = 0; viewer < VIEWERS; viewer++) {
    const subscriber = subscribers[viewer % INSTANCES] as Cluster;
    const channel = channelsOf(viewer);
    await (mode === "sharded" ? subscriber.ssubscribe(channel) : subscriber.subscribe(channel));
  }
  const before = await nodeStats(admins);
  const startedMs = performance.now();
  const inFlight: Promise<unknown>[] = [];
  for (let index = 0; index < MESSAGES; index++) {
    const id = String(index).padStart(12, "0");
    sentAt.set(id, performance.now());
    const channel = channelsOf(index % VIEWERS);
    const message = id + PAYLOAD;
    inFlight.push(
      mode === "sharded" ? publisher.spublish(channel, message) : publisher.publish(channel, message),
    );
    // A steady rate, as pushes come: 200 messages per 10 ms tick.
    if (index % 200 === 199) {
      await Promise.all(inFlight.splice(0));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  await Promise.all(inFlight);
  const deadline = Date.now() + 10_000;
  while (received < MESSAGES && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 10));
  const elapsedMs = performance.now() - startedMs;
  // Let replication and the cluster bus settle before reading what the nodes sent.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const after = await nodeStats(admins);
  latencies.sort((a, b) => a - b);
  for (const client of [publisher, ...subscribers]) client.disconnect();
  return {
    mode,
    delivered: `${received}/${MESSAGES}`,
    "node bytes out per message": Math.round((after.outBytes - before.outBytes) / MESSAGES),
    "bus copies per message": Number(((after.busPublishes - before.busPublishes) / MESSAGES).toFixed(1)),
    "node CPU us per message": Math.round(((after.cpuSeconds - before.cpuSeconds) * 1e6) / MESSAGES),
    "latency p50 ms": Number(percentile(latencies, 50).toFixed(2)),
    "latency p99 ms": Number(percentile(latencies, 99).toFixed(2)),
    "messages/s": Math.round(MESSAGES / (elapsedMs / 1_000)),
  };
}

const cluster = await startRedisCluster();
const clients = new RedisClusterClients(cluster);
try {
  const admins = await Promise.all(cluster.nodes.map((node) => clients.openNode(node.port)));
  const seeds = cluster.nodes.map((node) => ({ host: "127.0.0.1", port: node.port }));
  const rows = [];
  for (const mode of ["classic", "sharded"] as const) {
    rows.push({
      feed: "per-viewer channels",
      ...(await measure(mode, (viewer) => `bench:${mode}:changes:user:v${viewer}`, seeds, admins)),
    });
  }
  for (const mode of ["classic", "sharded"] as const) {
    rows.push({
      feed: "one channel, every instance",
      ...(await measure(mode, () => `bench:${mode}:l1-invalidate`, seeds, admins)),
    });
  }
  console.log(
    `${VIEWERS} viewers, ${MESSAGES} messages of ${PAYLOAD.length + 12} bytes, ${INSTANCES} subscriber instances, 3 masters + 3 replicas`,
  );
  console.table(rows);
} finally {
  await clients.closeAll();
  await cluster.stop();
}
