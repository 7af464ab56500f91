import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisCluster, startRedisCluster } from "../support/redis-cluster.js";

let cluster: RedisCluster;
beforeAll(async () => {
  cluster = await startRedisCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});

describe("the test cluster", () => {
  it("has three masters covering every slot, and a replica takes over a killed master", async () => {
    expect(await cluster.masterPorts()).toHaveLength(3);
    const master = await cluster.masterOf(0);
    await master.kill();
    await cluster.untilHealthy({ timeoutMs: 20_000 });
    const after = await cluster.masterOf(0);
    expect(after.port).not.toBe(master.port);
    await master.start();
  }, 40_000);
});
