import type { Redis } from "ioredis";
import type { Clock, Logger } from "../domain/ports.js";
import type {
  UpdateApplier,
  UpdateRejection,
  UpdateRejectionReason,
  UpdateSource,
} from "../domain/updates.js";
import { DEFAULT_MAX_EVENT_BYTES, parseUpdateEvent } from "./update-event-json.js";

/** What the consumer counts; `PromTelemetry` implements it. */
export interface UpdateStreamMetrics {
  /** An entry was refused and dead-lettered. */
  updateRejected(reason: UpdateRejectionReason): void;
  updateDeadLettered(): void;
  /** Idle pending entries taken over from a consumer (any, this one included) that did not ack them. */
  updatesClaimed(count: number): void;
  /** An apply rejected; the entry stays pending and is retried. */
  updateApplyFailed(): void;
  /**
   * `lag`: entries in the stream not yet delivered to the group (Redis 7; undefined when Redis cannot
   * tell, e.g. right after entries were deleted). `pending`: delivered but not yet acknowledged.
   */
  updateStreamBacklog(backlog: { readonly lag: number | undefined; readonly pending: number }): void;
}

export const NO_UPDATE_STREAM_METRICS: UpdateStreamMetrics = {
  updateRejected: () => undefined,
  updateDeadLettered: () => undefined,
  updatesClaimed: () => undefined,
  updateApplyFailed: () => undefined,
  updateStreamBacklog: () => undefined,
};

export interface RedisUpdateStreamOptions {
  /**
   * A client for this consumer alone, from `createRedisClient` with
   * {@link updateStreamClientTimeouts}: its blocking read holds the connection, and ioredis applies
   * the command and socket timeouts to blocking commands too. `stop()` disconnects it.
   */
  readonly redis: Redis;
  readonly applier: Pick<UpdateApplier, "apply">;
  /** This instance's name in the group; unique per process (a restarted process is a new consumer). */
  readonly consumer: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics?: UpdateStreamMetrics;
  /** The stream product services append to. Its dead letters go to `<stream>:dead`. */
  readonly stream?: string;
  /** One group for all gateway instances: each entry is delivered to one of them. */
  readonly group?: string;
  /** How long one read waits for new entries. */
  readonly blockMs?: number;
  /** Entries per read, claim and retry page. */
  readonly batchSize?: number;
  /** A pending entry left unacknowledged this long is claimed by whichever instance sweeps first. */
  readonly claimIdleMs?: number;
  /** How often this instance sweeps for idle entries and samples the backlog. */
  readonly sweepIntervalMs?: number;
  /** Entries larger than this are dead-lettered unread. */
  readonly maxEventBytes?: number;
  /** The dead-letter stream is trimmed to about this many entries. */
  readonly deadLetterMaxLength?: number;
  /** Consumers with nothing pending and idle this long are removed from the group (old processes). */
  readonly consumerIdleMs?: number;
  /** Retries after a failure wait from 100 ms, doubling, up to this. */
  readonly maxBackoffMs?: number;
}

export const UPDATE_STREAM_DEFAULTS = {
  stream: "hg:updates",
  group: "home-gateway",
  blockMs: 2_000,
  batchSize: 100,
  claimIdleMs: 30_000,
  sweepIntervalMs: 5_000,
  maxEventBytes: DEFAULT_MAX_EVENT_BYTES,
  deadLetterMaxLength: 10_000,
  consumerIdleMs: 60 * 60_000,
  maxBackoffMs: 5_000,
} as const;

const MIN_BACKOFF_MS = 100;
/** Pages of XAUTOCLAIM per sweep, so a huge backlog of idle entries cannot starve new ones. */
const MAX_CLAIM_PAGES_PER_SWEEP = 10;
/** A failure that persists is logged again at most this often. */
const REPEAT_WARNING_MS = 60_000;
/** The field of a stream entry that holds the event's JSON. */
export const UPDATE_EVENT_FIELD = "event";

/** Command and socket timeouts for the stream's own client: above the block time, with a margin. */
export function updateStreamClientTimeouts(blockMs: number = UPDATE_STREAM_DEFAULTS.blockMs): {
  readonly commandTimeoutMs: number;
  readonly socketTimeoutMs: number;
} {
  const timeoutMs = blockMs + 1_000;
  return { commandTimeoutMs: timeoutMs, socketTimeoutMs: timeoutMs };
}

interface StreamEntry {
  readonly id: string;
  /** Null when the entry was deleted from the stream while pending. */
  readonly fields: readonly string[] | null;
}

interface HandledBatch {
  readonly failed: number;
  readonly firstError: unknown;
}

/**
 * Consumes the update stream as one member of a consumer group (docs/update-events.md):
 * - reads new entries with `XREADGROUP ... BLOCK` and applies them in stream order;
 * - acknowledges an entry only after `apply` resolved; when it rejects, the entry stays pending,
 *   this consumer retries its own pending entries (with backoff) before reading on, and any
 *   instance's sweep claims entries left idle past `claimIdleMs` (`XAUTOCLAIM`), e.g. a crashed
 *   instance's;
 * - moves an entry that fails validation to `<stream>:dead` with the reason, the original id and
 *   fields, and acknowledges it in the same transaction: it never blocks the entries behind it;
 * - creates the group (from the start of the stream, `MKSTREAM`) when missing, also after a Redis
 *   restart lost it, and retries every failure with backoff until stopped.
 *
 * Delivery is at least once: an entry applied but not yet acknowledged when its consumer dies is
 * applied again by whoever claims it, which versioned writes make harmless.
 */
export class RedisUpdateStream implements UpdateSource {
  private readonly redis: Redis;
  private readonly applier: Pick<UpdateApplier, "apply">;
  private readonly consumer: string;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly metrics: UpdateStreamMetrics;
  readonly stream: string;
  readonly group: string;
  readonly deadLetterStream: string;
  private readonly blockMs: number;
  private readonly batchSize: number;
  private readonly claimIdleMs: number;
  private readonly sweepIntervalMs: number;
  private readonly maxEventBytes: number;
  private readonly deadLetterMaxLength: number;
  private readonly consumerIdleMs: number;
  private readonly maxBackoffMs: number;

  private loop: Promise<void> | undefined;
  private readonly stopController = new AbortController();
  /** True while a blocking read is outstanding: only then may `stop()` cut the connection. */
  private blocking = false;
  private backoffMs = MIN_BACKOFF_MS;
  private nextSweepAtMs = 0;
  private trouble: { readonly sinceMs: number; lastLoggedMs: number } | undefined;

  constructor(options: RedisUpdateStreamOptions) {
    this.redis = options.redis;
    this.applier = options.applier;
    this.consumer = options.consumer;
    this.clock = options.clock;
    this.logger = options.logger;
    this.metrics = options.metrics ?? NO_UPDATE_STREAM_METRICS;
    this.stream = options.stream ?? UPDATE_STREAM_DEFAULTS.stream;
    this.group = options.group ?? UPDATE_STREAM_DEFAULTS.group;
    this.deadLetterStream = `${this.stream}:dead`;
    this.blockMs = options.blockMs ?? UPDATE_STREAM_DEFAULTS.blockMs;
    this.batchSize = options.batchSize ?? UPDATE_STREAM_DEFAULTS.batchSize;
    this.claimIdleMs = options.claimIdleMs ?? UPDATE_STREAM_DEFAULTS.claimIdleMs;
    this.sweepIntervalMs = options.sweepIntervalMs ?? UPDATE_STREAM_DEFAULTS.sweepIntervalMs;
    this.maxEventBytes = options.maxEventBytes ?? UPDATE_STREAM_DEFAULTS.maxEventBytes;
    this.deadLetterMaxLength = options.deadLetterMaxLength ?? UPDATE_STREAM_DEFAULTS.deadLetterMaxLength;
    this.consumerIdleMs = options.consumerIdleMs ?? UPDATE_STREAM_DEFAULTS.consumerIdleMs;
    this.maxBackoffMs = options.maxBackoffMs ?? UPDATE_STREAM_DEFAULTS.maxBackoffMs;

    const { commandTimeout, socketTimeout } = this.redis.options;
    for (const [name, value] of [
      ["commandTimeout", commandTimeout],
      ["socketTimeout", socketTimeout],
    ] as const) {
      if (value !== undefined && value <= this.blockMs) {
        throw new RangeError(
          `the update stream's client has ${name} ${value} ms, not above blockMs ${this.blockMs}: every idle read would time out. Create it with updateStreamClientTimeouts(blockMs).`,
        );
      }
    }
    if (this.consumerIdleMs <= this.claimIdleMs) {
      throw new RangeError(
        `consumerIdleMs (${this.consumerIdleMs}) must exceed claimIdleMs (${this.claimIdleMs})`,
      );
    }
  }

  /** Starts consuming in the background; failures are logged and retried, never thrown. */
  start(): void {
    if (this.loop) return;
    if (this.stopController.signal.aborted) {
      throw new Error("a stopped RedisUpdateStream cannot start again: its client is closed");
    }
    this.loop = this.run().catch((error: unknown) => {
      // run() handles its failures; reaching this is a bug, and consuming has stopped.
      this.logger.error(
        { err: error, stream: this.stream },
        "the update stream consumer stopped unexpectedly",
      );
    });
  }

  /**
   * Ends a blocking read at once (by closing the connection), lets the entry being applied finish
   * and be acknowledged, then disconnects. Entries read but not applied stay pending for another
   * instance to claim.
   */
  async stop(): Promise<void> {
    if (this.stopController.signal.aborted) return;
    this.stopController.abort();
    if (this.blocking) this.redis.disconnect();
    await this.loop;
    this.redis.disconnect();
  }

  private get stopping(): boolean {
    return this.stopController.signal.aborted;
  }

  private async run(): Promise<void> {
    let groupReady = false;
    // A consumer of the same name may have left entries pending (a restart with a fixed name).
    let retryOwnPending = true;
    while (!this.stopping) {
      if (this.redis.status === "end") {
        // Only stop() should close the client; anyone else doing so ends consuming for good.
        this.logger.error(
          { stream: this.stream },
          "the update stream's client was closed; consuming stopped",
        );
        return;
      }
      if (this.redis.status !== "ready") {
        // Connecting or reconnecting: the client logs that itself, and commands would fail at once.
        await this.untilReady();
        continue;
      }
      let failed = 0;
      try {
        if (!groupReady) {
          await this.ensureGroup();
          groupReady = true;
        }
        if (this.clock.nowMs() >= this.nextSweepAtMs) {
          this.nextSweepAtMs = this.clock.nowMs() + this.sweepIntervalMs;
          failed += await this.claimIdleEntries();
          await this.sampleBacklogAndPrune();
        }
        if (retryOwnPending) failed += await this.retryOwnPending();
        failed += await this.readNew();
        if (failed === 0) this.recovered();
      } catch (error) {
        if (this.stopping) break;
        if (errorMessageOf(error).startsWith("NOGROUP")) {
          // Redis restarted empty, or someone deleted the group or the stream: create it again.
          groupReady = false;
        }
        this.troubled(error, "the update stream could not be read; retrying");
        failed++;
      }
      if (failed > 0) {
        retryOwnPending = true;
        await this.backoff();
      } else {
        retryOwnPending = false;
        this.backoffMs = MIN_BACKOFF_MS;
      }
    }
  }

  /** Resolves when the client is ready again, or when stop() is called. */
  private untilReady(): Promise<void> {
    const signal = this.stopController.signal;
    return new Promise((resolve) => {
      const done = (): void => {
        this.redis.off("ready", done);
        signal.removeEventListener("abort", done);
        resolve();
      };
      this.redis.once("ready", done);
      signal.addEventListener("abort", done, { once: true });
    });
  }

  private async ensureGroup(): Promise<void> {
    try {
      // From the start of the stream: entries appended before any gateway ever ran are applied too.
      await this.redis.xgroup("CREATE", this.stream, this.group, "0", "MKSTREAM");
      this.logger.info({ stream: this.stream, group: this.group }, "update stream consumer group created");
    } catch (error) {
      if (!errorMessageOf(error).startsWith("BUSYGROUP")) throw error;
    }
  }

  /** New entries; waits up to `blockMs` for some. Returns the number of entries that failed. */
  private async readNew(): Promise<number> {
    if (this.stopping) return 0;
    this.blocking = true;
    let reply: unknown;
    try {
      reply = await this.redis.call("XREADGROUP", [
        "GROUP",
        this.group,
        this.consumer,
        "COUNT",
        this.batchSize,
        "BLOCK",
        this.blockMs,
        "STREAMS",
        this.stream,
        ">",
      ]);
    } finally {
      this.blocking = false;
    }
    const entries = readReplyEntries(reply);
    if (entries.length === 0) return 0;
    return this.reportFailures(await this.handle(entries), "new");
  }

  /** This consumer's pending entries, oldest first, one pass. */
  private async retryOwnPending(): Promise<number> {
    let failed = 0;
    let after = "0";
    while (!this.stopping) {
      const reply = await this.redis.call("XREADGROUP", [
        "GROUP",
        this.group,
        this.consumer,
        "COUNT",
        this.batchSize,
        "STREAMS",
        this.stream,
        after,
      ]);
      const entries = readReplyEntries(reply);
      const last = entries.at(-1);
      if (!last) break;
      failed += this.reportFailures(await this.handle(entries), "pending");
      after = last.id;
    }
    return failed;
  }

  /** Takes over entries every consumer (this one too) left unacknowledged past `claimIdleMs`. */
  private async claimIdleEntries(): Promise<number> {
    let failed = 0;
    let cursor = "0-0";
    for (let page = 0; page < MAX_CLAIM_PAGES_PER_SWEEP && !this.stopping; page++) {
      const reply = await this.redis.xautoclaim(
        this.stream,
        this.group,
        this.consumer,
        this.claimIdleMs,
        cursor,
        "COUNT",
        this.batchSize,
      );
      const entries = entriesOf(reply[1]);
      if (entries.length > 0) {
        this.metrics.updatesClaimed(entries.length);
        this.logger.info(
          { stream: this.stream, count: entries.length, first: entries[0]?.id },
          "claimed update entries left idle by a consumer",
        );
        failed += this.reportFailures(await this.handle(entries), "claimed");
      }
      cursor = String(reply[0]);
      if (cursor === "0-0") break;
    }
    return failed;
  }

  /**
   * Applies entries in order and acknowledges the applied ones in one XACK. An entry whose apply
   * rejects stays pending; the entries after it are still applied (versioned writes make their
   * order irrelevant), so one bad entry holds nothing up.
   */
  private async handle(entries: readonly StreamEntry[]): Promise<HandledBatch> {
    const acks: string[] = [];
    let failed = 0;
    let firstError: unknown;
    for (const entry of entries) {
      if (this.stopping) break;
      if (entry.fields === null) {
        // Deleted from the stream (XDEL, trimming) while pending: nothing left to apply.
        acks.push(entry.id);
        continue;
      }
      const raw = fieldOf(entry.fields, UPDATE_EVENT_FIELD);
      const parsed =
        raw === undefined
          ? {
              ok: false as const,
              rejection: {
                reason: "missing_event_field" as const,
                field: UPDATE_EVENT_FIELD,
                detail: `the entry has no "${UPDATE_EVENT_FIELD}" field`,
              },
            }
          : parseUpdateEvent(raw, { maxBytes: this.maxEventBytes });
      try {
        if (parsed.ok) {
          await this.applier.apply(parsed.event);
          acks.push(entry.id);
        } else {
          await this.deadLetter(entry.id, entry.fields, parsed.rejection);
        }
      } catch (error) {
        failed++;
        firstError ??= error;
        this.metrics.updateApplyFailed();
      }
    }
    if (acks.length > 0) await this.redis.xack(this.stream, this.group, ...acks);
    return { failed, firstError };
  }

  /** Appends the entry to the dead-letter stream and acknowledges it, both or neither. */
  private async deadLetter(id: string, fields: readonly string[], rejection: UpdateRejection): Promise<void> {
    const replies = await this.redis
      .multi()
      .xadd(
        this.deadLetterStream,
        "MAXLEN",
        "~",
        this.deadLetterMaxLength,
        "*",
        "dl:reason",
        rejection.reason,
        "dl:field",
        rejection.field ?? "",
        "dl:detail",
        rejection.detail,
        "dl:source-id",
        id,
        "dl:consumer",
        this.consumer,
        "dl:at-ms",
        String(this.clock.nowMs()),
        ...fields,
      )
      .xack(this.stream, this.group, id)
      .exec();
    const failure = replies?.find(([error]) => error !== null)?.[0];
    if (!replies || failure) {
      throw new DeadLetterError(id, { cause: failure ?? new Error("the transaction was discarded") });
    }
    this.metrics.updateRejected(rejection.reason);
    this.metrics.updateDeadLettered();
    this.logger.warn(
      { stream: this.stream, id, reason: rejection.reason, field: rejection.field, detail: rejection.detail },
      "update event rejected and dead-lettered",
    );
  }

  private async sampleBacklogAndPrune(): Promise<void> {
    let groups: unknown;
    try {
      groups = await this.redis.xinfo("GROUPS", this.stream);
    } catch (error) {
      // Only the metrics miss a sample; reading goes on.
      this.logger.debug({ err: error, stream: this.stream }, "update stream backlog not sampled");
      return;
    }
    const ours = (Array.isArray(groups) ? groups : [])
      .map(pairsOf)
      .find((info) => info.get("name") === this.group);
    if (!ours) return;
    const lag = ours.get("lag");
    this.metrics.updateStreamBacklog({
      lag: typeof lag === "number" ? lag : undefined,
      pending: Number(ours.get("pending") ?? 0),
    });
    await this.pruneIdleConsumers();
  }

  /**
   * Every process start joins the group as a new consumer; without pruning the group would list
   * every process that ever ran. Only consumers with nothing pending go: deleting one that still
   * holds entries would drop those entries from the group for good.
   */
  private async pruneIdleConsumers(): Promise<void> {
    try {
      const consumers = await this.redis.xinfo("CONSUMERS", this.stream, this.group);
      for (const info of (Array.isArray(consumers) ? consumers : []).map(pairsOf)) {
        const name = info.get("name");
        if (typeof name !== "string" || name === this.consumer) continue;
        if (Number(info.get("pending")) !== 0 || Number(info.get("idle")) < this.consumerIdleMs) continue;
        await this.redis.xgroup("DELCONSUMER", this.stream, this.group, name);
        this.logger.info(
          { stream: this.stream, consumer: name },
          "removed an idle consumer from the update group",
        );
      }
    } catch (error) {
      this.logger.debug({ err: error, stream: this.stream }, "idle update consumers not pruned");
    }
  }

  private reportFailures(batch: HandledBatch, origin: "new" | "pending" | "claimed"): number {
    if (batch.failed > 0) {
      this.troubled(
        batch.firstError,
        "update events could not be applied; they stay pending and are retried",
        {
          failed: batch.failed,
          origin,
        },
      );
    }
    return batch.failed;
  }

  /** Logs the first failure of a streak, then at most once a minute while it lasts. */
  private troubled(error: unknown, message: string, fields: Record<string, unknown> = {}): void {
    const nowMs = this.clock.nowMs();
    if (!this.trouble) {
      this.trouble = { sinceMs: nowMs, lastLoggedMs: nowMs };
    } else if (nowMs - this.trouble.lastLoggedMs >= REPEAT_WARNING_MS) {
      this.trouble.lastLoggedMs = nowMs;
    } else {
      this.logger.debug({ err: error, stream: this.stream, ...fields }, message);
      return;
    }
    this.logger.warn({ err: error, stream: this.stream, ...fields }, message);
  }

  private recovered(): void {
    if (!this.trouble) return;
    this.logger.info(
      { stream: this.stream, afterMs: this.clock.nowMs() - this.trouble.sinceMs },
      "the update stream consumer recovered",
    );
    this.trouble = undefined;
  }

  private async backoff(): Promise<void> {
    const delayMs = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.maxBackoffMs);
    try {
      await this.clock.sleep(delayMs, this.stopController.signal);
    } catch {
      // Only stop() aborts the sleep; the loop condition ends the loop.
    }
  }
}

export class DeadLetterError extends Error {
  readonly code = "UPDATE_DEAD_LETTER_FAILED";
  constructor(id: string, options?: { cause?: unknown }) {
    super(`update entry ${id} could not be dead-lettered; it stays pending`, options);
    this.name = "DeadLetterError";
  }
}

/** The entries of an XREADGROUP reply for one stream; a timed-out block answers null. */
function readReplyEntries(reply: unknown): StreamEntry[] {
  if (!Array.isArray(reply)) return [];
  const [first] = reply as unknown[];
  return Array.isArray(first) ? entriesOf(first[1]) : [];
}

function entriesOf(list: unknown): StreamEntry[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    if (!Array.isArray(item) || typeof item[0] !== "string") return [];
    const fields: unknown = item[1];
    return [{ id: item[0], fields: Array.isArray(fields) ? fields.map(String) : null }];
  });
}

/** The value of the first field called `name` in a flat [field, value, ...] list. */
function fieldOf(fields: readonly string[], name: string): string | undefined {
  for (let index = 0; index + 1 < fields.length; index += 2) {
    if (fields[index] === name) return fields[index + 1];
  }
  return undefined;
}

/** XINFO answers flat [key, value, ...] lists. */
function pairsOf(flat: unknown): Map<string, unknown> {
  const pairs = new Map<string, unknown>();
  if (!Array.isArray(flat)) return pairs;
  for (let index = 0; index + 1 < flat.length; index += 2) pairs.set(String(flat[index]), flat[index + 1]);
  return pairs;
}

function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
