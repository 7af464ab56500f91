/**
 * A gateway's update consumer in a process of its own, so a test can SIGKILL it mid-batch. Run with
 * `node --import tsx`; arguments are one JSON object (url, stream, group, consumer, keyPrefix,
 * batchSize, applyDelayMs, heartbeat). Prints "applied <count>" after every applied event.
 */
import { FakeInvalidationBus } from "../../src/adapters/fakes/fake-invalidation-bus.js";
import { createRedisClient, whenReady } from "../../src/adapters/redis-client.js";
import { RedisL2Cache } from "../../src/adapters/redis-l2-cache.js";
import { RedisUpdateStream, updateStreamClientTimeouts } from "../../src/adapters/redis-update-stream.js";
import { SystemClock } from "../../src/adapters/system-clock.js";
import { UpdateApplier } from "../../src/domain/index.js";
import { silentLogger } from "./silent-logger.js";

interface ChildArguments {
  readonly url: string;
  readonly stream: string;
  readonly group: string;
  readonly consumer: string;
  readonly keyPrefix: string;
  readonly batchSize: number;
  readonly applyDelayMs: number;
  /** Keep a heartbeat (on the commands client), as the gateway does. */
  readonly heartbeat?: boolean;
}

const args = JSON.parse(process.argv[2] ?? "{}") as ChildArguments;
const clock = new SystemClock();
const commands = createRedisClient({ url: args.url, connectionName: "child-commands", logger: silentLogger });
const blockMs = 1_000;
const streamClient = createRedisClient({
  url: args.url,
  connectionName: "child-stream",
  logger: silentLogger,
  ...updateStreamClientTimeouts(blockMs),
});
await Promise.all([whenReady(commands, { timeoutMs: 5_000 }), whenReady(streamClient, { timeoutMs: 5_000 })]);

const applier = new UpdateApplier({
  l2: new RedisL2Cache({ redis: commands, keyPrefix: args.keyPrefix, logger: silentLogger }),
  bus: new FakeInvalidationBus(),
  changes: { publish: async () => undefined },
  logger: silentLogger,
});
let applied = 0;
const stream = new RedisUpdateStream({
  redis: streamClient,
  consumer: args.consumer,
  stream: args.stream,
  group: args.group,
  batchSize: args.batchSize,
  blockMs,
  ...(args.heartbeat && { heartbeat: { redis: commands } }),
  clock,
  logger: silentLogger,
  applier: {
    apply: async (event) => {
      // Slow enough that the parent can kill this process in the middle of a batch.
      await clock.sleep(args.applyDelayMs);
      const outcome = await applier.apply(event);
      applied++;
      process.stdout.write(`applied ${applied}\n`);
      return outcome;
    },
  },
});
stream.start();
process.stdout.write("started\n");
