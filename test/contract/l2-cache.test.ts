import { afterAll, beforeAll } from "vitest";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { FakeL2Cache } from "../../src/adapters/fakes/fake-l2-cache.js";
import { RedisL2Cache } from "../../src/adapters/redis-l2-cache.js";
import { RedisClients } from "../support/redis-clients.js";
import { type RedisServer, startRedisServer, testKeyPrefix } from "../support/redis-server.js";
import { silentLogger } from "../support/silent-logger.js";
import { describeL2CacheContract } from "./l2-cache.contract.js";

describeL2CacheContract("FakeL2Cache", async () => {
  const clock = new FakeClock();
  const cache = new FakeL2Cache({ clock });
  return { cache, peers: [], elapse: (ms) => clock.advance(ms), close: async () => undefined };
});

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server.stop();
});

describeL2CacheContract("RedisL2Cache", async () => {
  const clients = new RedisClients(server.url);
  // Each test gets its own prefix: tests share the server but never each other's keys.
  const keyPrefix = testKeyPrefix("l2-contract");
  // The contract is about versions, not latency: a hundred batches in flight at once on a loaded
  // machine can outlast the production 100 ms command timeout, which other tests cover.
  const [first, ...others] = await Promise.all(
    [1, 2, 3].map(() => clients.open({ commandTimeoutMs: 2_000 })),
  );
  const make = (redis: NonNullable<typeof first>): RedisL2Cache =>
    new RedisL2Cache({ redis, keyPrefix, logger: silentLogger });
  return {
    cache: make(first!),
    // Separate connections: their scripts really do interleave on the server.
    peers: others.map(make),
    elapse: async () => undefined,
    close: () => clients.closeAll(),
  };
});
