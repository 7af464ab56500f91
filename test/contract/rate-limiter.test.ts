import { FakeRateLimiter } from "../../src/adapters/fakes/fake-rate-limiter.js";
import { FlexibleRateLimiter } from "../../src/adapters/flexible-rate-limiter.js";
import { RedisClients } from "../support/redis-clients.js";
import { testKeyPrefix } from "../support/redis-server.js";
import { redisServerForFile } from "../support/redis-server-for-file.js";
import { silentLogger } from "../support/silent-logger.js";
import { budgetHarness, describeRateLimiterContract, redisWindowHarness } from "./rate-limiter.contract.js";

describeRateLimiterContract("FakeRateLimiter", async () => {
  const limiter = new FakeRateLimiter();
  return {
    limiter,
    peers: [new FakeRateLimiter()],
    exhaust: async (key) => limiter.deny(key),
    close: async () => undefined,
  };
});

const FLEXIBLE_WINDOW_SECONDS = 2;
describeRateLimiterContract("FlexibleRateLimiter", async () => {
  const make = (): FlexibleRateLimiter =>
    new FlexibleRateLimiter({
      points: 5,
      windowSeconds: FLEXIBLE_WINDOW_SECONDS,
      keyPrefix: testKeyPrefix("flexible-rate-limiter"),
      logger: silentLogger,
    });
  return {
    ...budgetHarness(make(), 5),
    peers: [make()],
    // rate-limiter-flexible keeps real time: the window passes as the test polls.
    budget: { points: 5, windowMs: FLEXIBLE_WINDOW_SECONDS * 1_000, elapse: async () => undefined },
    close: async () => undefined,
  };
});

const server = redisServerForFile();

describeRateLimiterContract("RedisWindowRateLimiter", async () => {
  const clients = new RedisClients(server.url);
  const redis = await clients.open({ commandTimeoutMs: 2_000 });
  return redisWindowHarness({
    redis,
    keyPrefix: testKeyPrefix("redis-window-rate-limiter"),
    close: () => clients.closeAll(),
  });
});
