import { CodedError } from "../../domain/errors.js";
import type { UpdateRejection } from "../../domain/updates.js";
import { isCluster } from "../redis-cluster-client.js";
import { DEAD_LETTER_EXCERPT_BYTES, ENTRY_OVERHEAD_BYTES, type StreamContext } from "./settings.js";

/** Appends the entry to the dead-letter stream and acknowledges it, both or neither. */
export async function deadLetter(
  { redis, settings, clock, logger, metrics }: StreamContext,
  id: string,
  fields: readonly string[],
  rejection: UpdateRejection,
): Promise<void> {
  const letter = [
    "dl:reason",
    rejection.reason,
    "dl:field",
    rejection.field ?? "",
    "dl:detail",
    rejection.detail,
    "dl:source-id",
    id,
    "dl:consumer",
    settings.consumer,
    "dl:at-ms",
    String(clock.nowMs()),
    ...fields,
  ];
  if (isCluster(redis) && !sameHashTag(settings.stream, settings.deadLetterStream)) {
    // Two slots: no transaction. Appended, then acknowledged; if the acknowledgement is lost the
    // entry is dead-lettered again on retry (a duplicate letter, never a lost one). Partitioned
    // streams ({...} in the name) keep the transaction.
    try {
      await redis.xadd(
        settings.deadLetterStream,
        "MAXLEN",
        "~",
        settings.deadLetterMaxLength,
        "*",
        ...letter,
      );
      await redis.xack(settings.stream, settings.group, id);
    } catch (error) {
      throw new DeadLetterError(id, { cause: error });
    }
  } else {
    const replies = await redis
      .multi()
      .xadd(settings.deadLetterStream, "MAXLEN", "~", settings.deadLetterMaxLength, "*", ...letter)
      .xack(settings.stream, settings.group, id)
      .exec();
    const failure = replies?.find(([error]) => error !== null)?.[0];
    if (!replies || failure) {
      throw new DeadLetterError(id, { cause: failure ?? new Error("the transaction was discarded") });
    }
  }
  metrics.updateRejected(rejection.reason);
  metrics.updateDeadLettered();
  logger.warn(
    {
      stream: settings.stream,
      id,
      reason: rejection.reason,
      field: rejection.field,
      detail: rejection.detail,
    },
    "update event rejected and dead-lettered",
  );
}

/** Why an entry of these sizes is refused. */
export function oversizeRejection(
  maxEventBytes: number,
  sizes: { eventBytes: number; entryBytes: number },
): UpdateRejection {
  return sizes.eventBytes > maxEventBytes
    ? {
        reason: "too_large",
        detail: `the event is ${sizes.eventBytes} bytes; at most ${maxEventBytes} are accepted`,
      }
    : {
        reason: "too_large",
        detail: `the entry is ${sizes.entryBytes} bytes; at most ${maxEventBytes + ENTRY_OVERHEAD_BYTES} are accepted`,
      };
}

/**
 * The sizes and excerpt of a too-large entry that was read whole (a blocking read takes one entry
 * as it is), so that it is dead-lettered as an excerpt all the same.
 */
export function oversizeOfReadEntry(
  raw: string | undefined,
  fields: readonly string[],
): { eventBytes: number; entryBytes: number; excerpt: string } {
  const eventBytes = Buffer.byteLength(raw ?? "", "utf8");
  const entryBytes = fields.reduce((sum, field) => sum + Buffer.byteLength(field, "utf8"), 0);
  const excerpt = Buffer.from(raw ?? "", "utf8")
    .subarray(0, DEAD_LETTER_EXCERPT_BYTES)
    .toString("utf8");
  return { eventBytes, entryBytes, excerpt };
}

/** What a dead letter keeps of a too-large entry in place of its fields. */
export function oversizeFields(sizes: { eventBytes: number; entryBytes: number; excerpt: string }): string[] {
  return ["dl:bytes", String(sizes.entryBytes), "dl:excerpt", sizes.excerpt];
}

export class DeadLetterError extends CodedError<"UPDATE_DEAD_LETTER_FAILED"> {
  constructor(id: string, options?: { cause?: unknown }) {
    super(
      "UPDATE_DEAD_LETTER_FAILED",
      `update entry ${id} could not be dead-lettered; it stays pending`,
      options,
    );
  }
}

/**
 * True when both keys carry the same Redis Cluster hash tag (the first `{...}` with something in
 * it), so they are in one slot whatever the cluster.
 */
export function sameHashTag(one: string, other: string): boolean {
  const tag = hashTagOf(one);
  return tag !== undefined && tag === hashTagOf(other);
}

function hashTagOf(key: string): string | undefined {
  const open = key.indexOf("{");
  if (open < 0) return undefined;
  const close = key.indexOf("}", open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : undefined;
}
