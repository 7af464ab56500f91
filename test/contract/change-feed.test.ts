import { trace } from "@opentelemetry/api";
import { TracedChangeFeed } from "../../src/adapters/otel-tracing.js";
import { inMemoryChangeFeed, redisChangeFeed } from "../../src/composition/change-feeds.js";
import { RedisClients } from "../support/redis-clients.js";
import { testKeyPrefix } from "../support/redis-server.js";
import { redisServerForFile } from "../support/redis-server-for-file.js";
import { silentLogger } from "../support/silent-logger.js";
import { describeChangeFeedContract } from "./change-feed.contract.js";

describeChangeFeedContract("PubSubChangeFeed in memory", async () => {
  // One process: every "instance" shares the one in-memory feed.
  const feed = inMemoryChangeFeed({ prefix: "hg:", logger: silentLogger });
  return { createFeed: async () => feed, close: async () => undefined };
});

describeChangeFeedContract("TracedChangeFeed over the in-memory feed", async () => {
  const feed = new TracedChangeFeed(
    inMemoryChangeFeed({ prefix: "hg:", logger: silentLogger }),
    trace.getTracer("change-feed-contract"),
  );
  return { createFeed: async () => feed, close: async () => undefined };
});

const server = redisServerForFile();

describeChangeFeedContract("PubSubChangeFeed on Redis pub/sub", async () => {
  const clients = new RedisClients(server.url);
  const prefix = testKeyPrefix("change-feed-contract");
  const admin = await clients.open({ connectionName: "test-admin" });
  return {
    // Each instance with its own publisher and subscriber connection, as the Redis mode builds it.
    createFeed: async () => {
      const [publisher, subscriber] = await Promise.all([
        clients.open({ connectionName: "test-publisher" }),
        clients.open({ connectionName: "test-live-tiles", autoResubscribe: false }),
      ]);
      return redisChangeFeed({ publisher, subscriber, prefix, logger: silentLogger });
    },
    interrupt: async () => {
      await admin.client("KILL", "TYPE", "pubsub");
    },
    close: () => clients.closeAll(),
  };
});
