import { FakeActiveViewers } from "../../src/adapters/fakes/fake-active-viewers.js";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { RedisActiveViewers } from "../../src/adapters/redis-active-viewers.js";
import { RedisClients } from "../support/redis-clients.js";
import { testKeyPrefix } from "../support/redis-server.js";
import { redisServerForFile } from "../support/redis-server-for-file.js";
import { silentLogger } from "../support/silent-logger.js";
import { CONTRACT_WINDOW_MS, describeActiveViewersContract } from "./active-viewers.contract.js";

describeActiveViewersContract("FakeActiveViewers", async () => {
  const clock = new FakeClock();
  return { viewers: new FakeActiveViewers({ clock }), peers: [], clock, close: async () => undefined };
});

const server = redisServerForFile();

describeActiveViewersContract("RedisActiveViewers", async () => {
  const clients = new RedisClients(server.url);
  const keyPrefix = testKeyPrefix("active-viewers-contract");
  // One clock for every instance: they agree on time, as NTP-synced hosts do within far less than a window.
  const clock = new FakeClock();
  const make = async (): Promise<RedisActiveViewers> =>
    new RedisActiveViewers({
      redis: await clients.open(),
      keyPrefix,
      clock,
      logger: silentLogger,
      windowMs: CONTRACT_WINDOW_MS,
    });
  return {
    viewers: await make(),
    peers: [await make(), await make()],
    clock,
    close: () => clients.closeAll(),
  };
});
