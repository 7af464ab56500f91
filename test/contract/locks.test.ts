import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { FakeLocks } from "../../src/adapters/fakes/fake-locks.js";
import { RedisLocks } from "../../src/adapters/redis-locks.js";
import { RedisClients } from "../support/redis-clients.js";
import { testKeyPrefix } from "../support/redis-server.js";
import { redisServerForFile } from "../support/redis-server-for-file.js";
import { describeLocksContract } from "./locks.contract.js";

describeLocksContract("FakeLocks", async () => {
  const clock = new FakeClock();
  return {
    locks: new FakeLocks({ clock }),
    peers: [],
    elapse: (ms) => clock.advance(ms),
    close: async () => undefined,
  };
});

const server = redisServerForFile();

describeLocksContract("RedisLocks", async () => {
  const clients = new RedisClients(server.url);
  const keyPrefix = testKeyPrefix("locks-contract");
  const [first, ...others] = await Promise.all([1, 2, 3].map(() => clients.open()));
  const make = (redis: NonNullable<typeof first>, index: number): RedisLocks =>
    new RedisLocks({ redis, keyPrefix, instanceId: `instance-${index}` });
  return {
    locks: make(first!, 0),
    peers: others.map((redis, index) => make(redis, index + 1)),
    elapse: async () => undefined,
    close: () => clients.closeAll(),
  };
});
