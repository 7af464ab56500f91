import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import { RedisKeyValueCache } from "../../src/adapters/redis-key-value-cache.js";
import { RedisClients } from "../support/redis-clients.js";
import { testKeyPrefix } from "../support/redis-server.js";
import { redisServerForFile } from "../support/redis-server-for-file.js";
import { describeKeyValueCacheContract } from "./key-value-cache.contract.js";

describeKeyValueCacheContract("InMemoryLRUCache (Apollo's, the embedded mode's)", async () => {
  const cache = new InMemoryLRUCache<string>();
  return { cache, peer: cache, close: async () => undefined };
});

const server = redisServerForFile();

let run = 0;
describeKeyValueCacheContract("RedisKeyValueCache", async () => {
  const clients = new RedisClients(server.url);
  const keyPrefix = `${testKeyPrefix("key-value-cache")}${++run}:`;
  const [one, two] = await Promise.all([clients.open(), clients.open()]);
  return {
    cache: new RedisKeyValueCache({ redis: one!, keyPrefix }),
    peer: new RedisKeyValueCache({ redis: two!, keyPrefix }),
    close: () => clients.closeAll(),
  };
});
