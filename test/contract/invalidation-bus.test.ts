import type { Redis } from "ioredis";
import { FakeInvalidationBus } from "../../src/adapters/fakes/fake-invalidation-bus.js";
import { whenReady } from "../../src/adapters/redis-client.js";
import { RedisInvalidationBus } from "../../src/adapters/redis-invalidation-bus.js";
import type { InvalidationBus } from "../../src/domain/index.js";
import { RedisClients } from "../support/redis-clients.js";
import { testKeyPrefix } from "../support/redis-server.js";
import { redisServerForFile } from "../support/redis-server-for-file.js";
import { silentLogger } from "../support/silent-logger.js";
import { describeInvalidationBusContract } from "./invalidation-bus.contract.js";

describeInvalidationBusContract("FakeInvalidationBus", async () => {
  // One in-memory medium: every "instance" shares the same bus object.
  const bus = new FakeInvalidationBus();
  return {
    createBus: async () => bus,
    interrupt: async () => bus.simulateReconnect(),
    loseMessage: async (publisher, keys) => {
      bus.dropNext(1);
      await publisher.publish(keys);
    },
    close: async () => undefined,
  };
});

const server = redisServerForFile();

describeInvalidationBusContract("RedisInvalidationBus", async () => {
  const clients = new RedisClients(server.url);
  const channelPrefix = testKeyPrefix("bus-contract");
  const admin = await clients.open({ connectionName: "test-admin" });
  const publishers = new Map<InvalidationBus, Redis>();
  return {
    createBus: async () => {
      const [publisher, subscriber] = await Promise.all([
        clients.open({ connectionName: "test-publisher" }),
        clients.open({ connectionName: "test-subscriber", autoResubscribe: false }),
      ]);
      const bus = new RedisInvalidationBus({ publisher, subscriber, channelPrefix, logger: silentLogger });
      publishers.set(bus, publisher);
      return bus;
    },
    interrupt: async () => {
      await admin.client("KILL", "TYPE", "pubsub");
    },
    loseMessage: async (publisher, keys) => {
      // What really loses a message: the PUBLISH never reaches Redis (here: the connection is down).
      const client = publishers.get(publisher);
      if (!client) throw new Error("not a bus of this harness");
      const closed = new Promise((resolve) => client.once("close", resolve));
      client.disconnect(true);
      await publisher.publish(keys).then(
        () => {
          throw new Error("publish succeeded on a closing connection");
        },
        () => undefined,
      );
      await closed;
      await whenReady(client, { timeoutMs: 5_000 });
    },
    close: () => clients.closeAll(),
  };
});
