import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { FakeL2Cache } from "../../src/adapters/fakes/fake-l2-cache.js";
import { RedisL2Cache } from "../../src/adapters/redis-l2-cache.js";
import { FailOpenL2Cache } from "../../src/adapters/fail-open-l2-cache.js";
import type { L2Cache } from "../../src/domain/index.js";
import { RedisClients } from "../support/redis-clients.js";
import { testKeyPrefix } from "../support/redis-server.js";
import { redisServerForFile } from "../support/redis-server-for-file.js";
import { silentLogger } from "../support/silent-logger.js";
import { type L2CacheHarness, describeL2CacheContract } from "./l2-cache.contract.js";

describeL2CacheContract("FakeL2Cache", async () => {
  const clock = new FakeClock();
  const cache = new FakeL2Cache({ clock });
  return { cache, peers: [], elapse: (ms) => clock.advance(ms), close: async () => undefined };
});

/** The breaker changes nothing a healthy store answers: decorated, the store keeps its contract. */
const failOpen = (inner: L2Cache): FailOpenL2Cache =>
  new FailOpenL2Cache({ inner, logger: silentLogger, timeoutMs: 2_000 });

describeL2CacheContract("FailOpenL2Cache over FakeL2Cache", async () => {
  const clock = new FakeClock();
  const cache = new FakeL2Cache({ clock });
  return {
    cache: failOpen(cache),
    peers: [],
    elapse: (ms) => clock.advance(ms),
    close: async () => undefined,
  };
});

const server = redisServerForFile();

describeL2CacheContract("RedisL2Cache", async () => redisHarness((cache) => cache));

// As the Redis modes build it: the breaker over the store (its timeout raised as the clients' below).
describeL2CacheContract("FailOpenL2Cache over RedisL2Cache", async () => redisHarness(failOpen));

async function redisHarness(decorate: (cache: RedisL2Cache) => L2Cache): Promise<L2CacheHarness> {
  const clients = new RedisClients(server.url);
  // Each test gets its own prefix: tests share the server but never each other's keys.
  const keyPrefix = testKeyPrefix("l2-contract");
  // The contract is about versions, not latency: a hundred batches in flight at once on a loaded
  // machine can outlast the production 100 ms command timeout, which other tests cover.
  const [first, ...others] = await Promise.all(
    [1, 2, 3].map(() => clients.open({ commandTimeoutMs: 2_000 })),
  );
  const make = (redis: NonNullable<typeof first>): L2Cache =>
    decorate(new RedisL2Cache({ redis, keyPrefix, logger: silentLogger }));
  return {
    cache: make(first!),
    // Separate connections: their scripts really do interleave on the server.
    peers: others.map(make),
    elapse: async () => undefined,
    close: () => clients.closeAll(),
  };
}
