import { FakeUpdateSource } from "../../src/adapters/fakes/fake-update-source.js";
import { SystemClock } from "../../src/adapters/system-clock.js";
import { RedisClients } from "../support/redis-clients.js";
import { testKeyPrefix } from "../support/redis-server.js";
import { redisServerForFile } from "../support/redis-server-for-file.js";
import { silentLogger } from "../support/silent-logger.js";
import { describeUpdateSourceContract, redisUpdateStreamHarness } from "./update-source.contract.js";

describeUpdateSourceContract("FakeUpdateSource", async (applier) => {
  const source = new FakeUpdateSource({
    applier,
    clock: new SystemClock(),
    logger: silentLogger,
    retryMs: 50,
  });
  return {
    source,
    append: async (event) => source.append(event),
    deadLetters: async () => source.deadLetters.map((letter) => letter.rejection.reason),
    // The one queue: started again, it goes on where it stopped.
    successor: async () => source,
    failedEventBlocks: true,
    close: async () => undefined,
  };
});

const server = redisServerForFile();

describeUpdateSourceContract("PartitionedUpdateStream on one Redis, one partition", async (applier) => {
  const clients = new RedisClients(server.url);
  return redisUpdateStreamHarness({
    applier,
    partitions: 1,
    stream: `${testKeyPrefix("update-source-contract")}updates`,
    open: (options) => clients.open(options),
    close: () => clients.closeAll(),
  });
});
