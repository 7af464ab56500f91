import { afterAll, beforeAll } from "vitest";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { RedisActiveViewers } from "../../src/adapters/redis-active-viewers.js";
import { RedisKeyValueCache } from "../../src/adapters/redis-key-value-cache.js";
import { RedisL2Cache } from "../../src/adapters/redis-l2-cache.js";
import { RedisLocks } from "../../src/adapters/redis-locks.js";
import { whenReady } from "../../src/adapters/redis-client.js";
import { shardedChangeFeed } from "../../src/composition/change-feeds.js";
import { RedisInvalidationBus } from "../../src/adapters/redis-invalidation-bus.js";
import type { InvalidationBus } from "../../src/domain/index.js";
import type { Cluster } from "ioredis";
import { type RedisCluster, RedisClusterClients, startRedisCluster } from "../support/redis-cluster.js";
import { testKeyPrefix } from "../support/redis-server.js";
import { silentLogger } from "../support/silent-logger.js";
import { CONTRACT_WINDOW_MS, describeActiveViewersContract } from "./active-viewers.contract.js";
import { describeKeyValueCacheContract } from "./key-value-cache.contract.js";
import { describeL2CacheContract } from "./l2-cache.contract.js";
import { describeLocksContract } from "./locks.contract.js";
import { describeInvalidationBusContract } from "./invalidation-bus.contract.js";
import { describeChangeFeedContract } from "./change-feed.contract.js";
import { describeUpdateSourceContract, redisUpdateStreamHarness } from "./update-source.contract.js";
import { describeRateLimiterContract, redisWindowHarness } from "./rate-limiter.contract.js";

/** Every node drops its subscriber connections, as a failover or a network cut does. */
async function dropSubscribers(clients: RedisClusterClients): Promise<void> {
  const admins = await Promise.all(
    cluster.nodes.filter((node) => node.running).map((node) => clients.openNode(node.port)),
  );
  await Promise.all(admins.map((admin) => admin.client("KILL", "TYPE", "pubsub")));
}

// One cluster for every suite of this file: starting one costs a few seconds.
let cluster: RedisCluster;
beforeAll(async () => {
  cluster = await startRedisCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});

describeL2CacheContract("RedisL2Cache on a Redis Cluster", async () => {
  const clients = new RedisClusterClients(cluster);
  const keyPrefix = testKeyPrefix("l2-cluster-contract");
  const [first, ...others] = await Promise.all(
    [1, 2, 3].map(() => clients.open({ commandTimeoutMs: 2_000 })),
  );
  const make = (redis: NonNullable<typeof first>): RedisL2Cache =>
    new RedisL2Cache({ redis, keyPrefix, logger: silentLogger });
  return {
    cache: make(first!),
    peers: others.map(make),
    elapse: async () => undefined,
    close: () => clients.closeAll(),
  };
});

describeLocksContract("RedisLocks on a Redis Cluster", async () => {
  const clients = new RedisClusterClients(cluster);
  const keyPrefix = testKeyPrefix("locks-cluster-contract");
  const [first, ...others] = await Promise.all(
    [1, 2, 3].map(() => clients.open({ commandTimeoutMs: 2_000 })),
  );
  const make = (redis: NonNullable<typeof first>, index: number): RedisLocks =>
    new RedisLocks({ redis, keyPrefix, instanceId: `instance-${index}` });
  return {
    locks: make(first!, 0),
    peers: others.map((redis, index) => make(redis, index + 1)),
    elapse: async () => undefined,
    close: () => clients.closeAll(),
  };
});

describeActiveViewersContract("RedisActiveViewers on a Redis Cluster", async () => {
  const clients = new RedisClusterClients(cluster);
  const keyPrefix = testKeyPrefix("active-viewers-cluster-contract");
  const clock = new FakeClock();
  const make = async (): Promise<RedisActiveViewers> =>
    new RedisActiveViewers({
      redis: await clients.open({ commandTimeoutMs: 2_000 }),
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

let run = 0;
describeKeyValueCacheContract("RedisKeyValueCache on a Redis Cluster", async () => {
  const clients = new RedisClusterClients(cluster);
  const keyPrefix = `${testKeyPrefix("key-value-cache-cluster")}${++run}:`;
  const [one, two] = await Promise.all([1, 2].map(() => clients.open({ commandTimeoutMs: 2_000 })));
  return {
    cache: new RedisKeyValueCache({ redis: one!, keyPrefix }),
    peer: new RedisKeyValueCache({ redis: two!, keyPrefix }),
    close: () => clients.closeAll(),
  };
});

describeRateLimiterContract("RedisWindowRateLimiter on a Redis Cluster", async () => {
  const clients = new RedisClusterClients(cluster);
  // Whatever slots the callers' keys hash to, one sync is one pipeline: the window's hash tag.
  return redisWindowHarness({
    redis: await clients.open({ commandTimeoutMs: 2_000 }),
    keyPrefix: testKeyPrefix("rate-limit-cluster"),
    close: () => clients.closeAll(),
  });
});

describeInvalidationBusContract("RedisInvalidationBus, sharded, on a Redis Cluster", async () => {
  const clients = new RedisClusterClients(cluster);
  const channelPrefix = testKeyPrefix("bus-cluster-contract");
  const publishers = new Map<InvalidationBus, Cluster>();
  return {
    createBus: async () => {
      const [publisher, subscriber] = await Promise.all([
        clients.open({ connectionName: "test-publisher", commandTimeoutMs: 2_000 }),
        clients.open({
          connectionName: "test-subscriber",
          commandTimeoutMs: 2_000,
          shardedSubscribers: true,
        }),
      ]);
      const bus = new RedisInvalidationBus({
        publisher,
        subscriber,
        channelPrefix,
        logger: silentLogger,
        sharded: true,
      });
      publishers.set(bus, publisher);
      return bus;
    },
    interrupt: () => dropSubscribers(clients),
    loseMessage: async (publisher, keys) => {
      const client = publishers.get(publisher);
      if (!client) throw new Error("not a bus of this harness");
      client.disconnect(true);
      await publisher.publish(keys).then(
        () => {
          throw new Error("publish succeeded on a closing connection");
        },
        () => undefined,
      );
      await whenReady(client, { timeoutMs: 10_000 });
    },
    close: () => clients.closeAll(),
  };
});

describeChangeFeedContract("PubSubChangeFeed, sharded, on a Redis Cluster", async () => {
  const clients = new RedisClusterClients(cluster);
  const prefix = testKeyPrefix("change-feed-cluster-contract");
  return {
    // Each instance with its own publisher and sharded subscriber, as the cluster mode builds it.
    createFeed: async () => {
      const [publisher, subscriber] = await Promise.all([
        clients.open({ connectionName: "test-publisher", commandTimeoutMs: 2_000 }),
        clients.open({
          connectionName: "test-live-tiles",
          commandTimeoutMs: 5_000,
          shardedSubscribers: true,
        }),
      ]);
      return shardedChangeFeed({ publisher, subscriber, prefix, logger: silentLogger });
    },
    interrupt: () => dropSubscribers(clients),
    close: () => clients.closeAll(),
  };
});

describeUpdateSourceContract(
  "PartitionedUpdateStream on a Redis Cluster, three partitions",
  async (applier) => {
    const clients = new RedisClusterClients(cluster);
    return redisUpdateStreamHarness({
      applier,
      partitions: 3,
      stream: `${testKeyPrefix("update-source-cluster-contract")}updates`,
      open: (options) => clients.open(options),
      close: () => clients.closeAll(),
    });
  },
);
