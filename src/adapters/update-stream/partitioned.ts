import type { UpdateSource } from "../../domain/ports.js";
import type { UpdateEvent } from "../../domain/updates.js";
import type { RedisCommands } from "../redis-cluster-client.js";
import {
  RedisUpdateStream,
  type RedisUpdateStreamOptions,
  UPDATE_EVENT_FIELD,
} from "../redis-update-stream.js";
import { partitionStreams, streamForEvent } from "./partitions.js";
import { encodeUpdateEvent } from "../update-event-json.js";

export interface PartitionedUpdateStreamOptions extends Omit<RedisUpdateStreamOptions, "redis" | "stream"> {
  /** The name of the one stream, or of the partitions' common part (`UPDATE_STREAM`). */
  readonly stream: string;
  readonly partitions: number;
  /** A client for one partition's consumer (its blocking reads hold it); the consumer owns it. */
  readonly clientFor: (stream: string) => RedisCommands;
}

/**
 * One consumer per partition of the update stream (docs/update-events.md, "Partitions"), each on its
 * own client, started and stopped together. With one partition it is the one stream, as before.
 */
export class PartitionedUpdateStream implements UpdateSource {
  readonly consumers: readonly RedisUpdateStream[];

  constructor(options: PartitionedUpdateStreamOptions) {
    const { partitions, clientFor, ...common } = options;
    this.consumers = partitionStreams(options.stream, partitions).map(
      (stream) => new RedisUpdateStream({ ...common, stream, redis: clientFor(stream) }),
    );
  }

  start(): void {
    for (const consumer of this.consumers) consumer.start();
  }

  /** Why some partition's consumer cannot apply events right now; undefined while all work. */
  problem(): string | undefined {
    const problems = this.consumers.flatMap((consumer) => consumer.problem() ?? []);
    return problems.length > 0 ? problems.join("; ") : undefined;
  }

  async stop(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }
}

/** Appends `event` to its partition, as a product service does (the demo's simulated services use it). */
export async function appendUpdateEvent(
  redis: RedisCommands,
  event: UpdateEvent,
  stream: { readonly base: string; readonly partitions: number },
): Promise<void> {
  await redis.xadd(
    streamForEvent(event, stream.base, stream.partitions),
    "*",
    UPDATE_EVENT_FIELD,
    encodeUpdateEvent(event),
  );
}
