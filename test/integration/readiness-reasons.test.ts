import { afterAll, describe, expect, it } from "vitest";
import {
  type InProcessGateway,
  type Readiness,
  readiness,
  startGatewayInProcess,
} from "../support/gateways.js";
import { type RedisCluster, RedisClusterClients, startRedisCluster } from "../support/redis-cluster.js";
import { type RedisServer, startRedisServer, testKeyPrefix } from "../support/redis-server.js";
import { waitFor } from "../support/wait-for.js";

/**
 * `/readyz` names what an operator can fix when Redis refuses the gateway: wrong credentials, or a
 * Redis Cluster that has lost a shard. Still answering (degraded, 200), never leaking the password.
 */

const gateways: InProcessGateway[] = [];
let redis: RedisServer | undefined;
let cluster: RedisCluster | undefined;
let clients: RedisClusterClients | undefined;

afterAll(async () => {
  await Promise.allSettled(gateways.map((gateway) => gateway.stop()));
  await redis?.stop();
  await clients?.closeAll();
  await cluster?.stop();
});

async function until(origin: string, reason: RegExp, what: string): Promise<Readiness> {
  let last: Readiness | undefined;
  await waitFor(
    async () => {
      last = await readiness(origin);
      return last.body.status === "degraded" && reason.test(last.body.reasons?.["redis"] ?? "");
    },
    { timeoutMs: 20_000, intervalMs: 200, what },
  );
  return last as Readiness;
}

describe("readiness reasons", () => {
  it("a wrong Redis password: degraded, saying Redis refuses the credentials, without the password", async () => {
    const password = `right-${Date.now()}`;
    const wrong = `wrong-${Date.now()}`;
    redis = await startRedisServer({ password });
    const url = new URL(redis.url);
    url.password = wrong;
    const gateway = await startGatewayInProcess({
      redisUrl: url.toString(),
      keyPrefix: testKeyPrefix("readiness-reasons"),
    });
    gateways.push(gateway);

    const ready = await until(
      gateway.origin,
      /refuses the credentials \((WRONGPASS|NOAUTH)/,
      "readiness to report the refused credentials",
    );
    expect(ready.status).toBe(200);
    expect(ready.body.checks["redis"]).toBe("down");
    const text = JSON.stringify(ready.body);
    expect(text).not.toContain(wrong);
    expect(text).not.toContain(password);
  }, 60_000);

  it("a Redis Cluster that lost a shard with no replica: degraded, saying the cluster is down", async () => {
    cluster = await startRedisCluster({ masters: 3, replicasPerMaster: 0 });
    const gateway = await startGatewayInProcess({
      clusterNodes: cluster.seeds,
      keyPrefix: testKeyPrefix("readiness-reasons-cluster"),
    });
    gateways.push(gateway);
    expect((await readiness(gateway.origin)).body.checks["redis"]).toBe("up");

    // A master other than the one the probe asks, with no replica to take over: once the cluster
    // sees it gone, every node answers CLUSTERDOWN.
    clients = new RedisClusterClients(cluster);
    const masters = await cluster.masterPorts();
    const slot = Number(await (await clients.openNode(masters[0] as number)).cluster("KEYSLOT", "{readyz}"));
    const probed = (await cluster.masterOf(slot)).port;
    const victim = masters.find((port) => port !== probed);
    await cluster.nodes.find((node) => node.port === victim)?.kill();

    const ready = await until(
      gateway.origin,
      /^the Redis Cluster is down \(CLUSTERDOWN/,
      "readiness to report the cluster down",
    );
    expect(ready.status).toBe(200);
    expect(ready.body.checks["redis"]).toBe("down");
  }, 60_000);
});
