import { SpanKind, trace } from "@opentelemetry/api";
import { CodedError } from "../domain/errors.js";
import { NO_UPDATE_STREAM_METRICS, type UpdateStreamMetrics } from "../domain/metrics.js";
import type { Clock, Logger, UpdateSource } from "../domain/ports.js";
import type { UpdateApplier, UpdateRejection } from "../domain/updates.js";
import { type RedisCommands, commandTimeoutOf, isCluster, socketTimeoutOf } from "./redis-cluster-client.js";
import { DEFAULT_MAX_EVENT_BYTES, parseUpdateEvent } from "./update-event-json.js";

/** A proxy until tracing starts (if ever), then the SDK's tracer: fetched once, not per batch. */
const TRACER = trace.getTracer("home-gateway");

export interface RedisUpdateStreamOptions {
  /**
   * A client for this consumer alone, from `createRedisClient` with
   * {@link updateStreamClientTimeouts}: its blocking read holds the connection, and ioredis applies
   * the command and socket timeouts to blocking commands too. `stop()` disconnects it.
   */
  readonly redis: RedisCommands;
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
  /**
   * Liveness between instances: a client other than `redis` (the commands client will do) on which
   * this consumer refreshes a heartbeat key every `intervalMs` (alive for `ttlMs`) and watches the
   * others'. A consumer whose heartbeat lapsed has its pending entries claimed at once, instead of
   * after `claimIdleMs`. Without it, only the idle claim runs.
   */
  readonly heartbeat?: {
    readonly redis: RedisCommands;
    readonly intervalMs?: number;
    readonly ttlMs?: number;
  };
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
  heartbeatIntervalMs: 1_000,
  heartbeatTtlMs: 3_000,
} as const;

const MIN_BACKOFF_MS = 100;
/** Pages of XAUTOCLAIM per sweep, so a huge backlog of idle entries cannot starve new ones. */
const MAX_CLAIM_PAGES_PER_SWEEP = 10;
/** A failure that persists is logged again at most this often. */
const REPEAT_WARNING_MS = 60_000;
/** The field of a stream entry that holds the event's JSON. */
export const UPDATE_EVENT_FIELD = "event";
/** Other fields of an entry (a trace id, say) may add this much to the event before it is too large. */
export const ENTRY_OVERHEAD_BYTES = 4_096;
/** A dead letter of a too-large entry keeps this much of its event, not the whole of it. */
export const DEAD_LETTER_EXCERPT_BYTES = 1_024;
/** One non-blocking read returns entries up to about this many bytes (plus one entry). */
const READ_BUDGET_BYTES = 1024 * 1024;

/**
 * Reads up to COUNT entries one at a time inside Redis, for a new read (`>`), this consumer's
 * pending entries after a cursor, or an idle claim (XAUTOCLAIM), and returns each entry with its
 * fields, except an oversize one, which comes back as its sizes and an excerpt of its event: its
 * body never leaves Redis. Stops once the bytes looked at reach the budget, so a reply stays small
 * whatever the backlog (a 10 MB entry costs one call, not a 10 MB reply per batch of 100).
 * Replies { cursor, entries: [id, fields|false, [eventBytes, entryBytes, excerpt]?][], finished }.
 */
const BOUNDED_READ_SCRIPT = `
local stream = KEYS[1]
local group, consumer, mode, cursor = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local count, maxEventBytes, maxEntryBytes = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local budget, minIdle, field, excerptBytes = tonumber(ARGV[8]), ARGV[9], ARGV[10], tonumber(ARGV[11])
local entries, looked, finished = {}, 0, 0
for _ = 1, count do
  local entry
  if mode == 'new' then
    local reply = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', 1, 'STREAMS', stream, '>')
    if not reply then finished = 1 break end
    entry = reply[1][2][1]
  elseif mode == 'pending' then
    local reply = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', 1, 'STREAMS', stream, cursor)
    entry = reply and reply[1][2][1]
    if not entry then finished = 1 break end
    cursor = entry[1]
  else
    local reply = redis.call('XAUTOCLAIM', stream, group, consumer, minIdle, cursor, 'COUNT', 1)
    cursor = reply[1]
    entry = reply[2][1]
  end
  if entry then
    local fields = entry[2]
    if not fields then
      entries[#entries + 1] = { entry[1], false }
    else
      local entryBytes, eventBytes, event = 0, 0, nil
      for index = 1, #fields do entryBytes = entryBytes + #fields[index] end
      for index = 1, #fields - 1, 2 do
        if fields[index] == field then event = fields[index + 1] eventBytes = #event break end
      end
      looked = looked + entryBytes
      if eventBytes > maxEventBytes or entryBytes > maxEntryBytes then
        local excerpt = event and string.sub(event, 1, excerptBytes) or ''
        entries[#entries + 1] = { entry[1], false, { eventBytes, entryBytes, excerpt } }
      else
        entries[#entries + 1] = entry
      end
    end
  end
  if mode == 'claim' and cursor == '0-0' then finished = 1 break end
  if looked >= budget then break end
end
return { cursor, entries, finished }
`;

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
  /** Null when the entry was deleted from the stream while pending, or left in Redis as oversize. */
  readonly fields: readonly string[] | null;
  /** Set instead of `fields` for an entry too large to read. */
  readonly oversize?: { readonly eventBytes: number; readonly entryBytes: number; readonly excerpt: string };
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
  private readonly redis: RedisCommands;
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
  private readonly heartbeat:
    { readonly redis: RedisCommands; readonly intervalMs: number; readonly ttlMs: number } | undefined;

  private loop: Promise<void> | undefined;
  private heartbeatLoop: Promise<void> | undefined;
  /** The stream connection's CLIENT ID, so the heartbeat can end its blocking read early. */
  private clientId: number | undefined;
  /** Consumers whose heartbeat lapsed with entries pending: claimed on the next turn of the loop. */
  private lapsed = new Set<string>();
  private readonly stopController = new AbortController();
  /** True while a blocking read is outstanding: only then may `stop()` cut the connection. */
  private blocking = false;
  private backoffMs = MIN_BACKOFF_MS;
  private nextSweepAtMs = 0;
  private trouble: { readonly sinceMs: number; lastLoggedMs: number; lastError: string } | undefined;
  private ended: string | undefined;

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
    this.heartbeat = options.heartbeat && {
      redis: options.heartbeat.redis,
      intervalMs: options.heartbeat.intervalMs ?? UPDATE_STREAM_DEFAULTS.heartbeatIntervalMs,
      ttlMs: options.heartbeat.ttlMs ?? UPDATE_STREAM_DEFAULTS.heartbeatTtlMs,
    };
    if (this.heartbeat && this.heartbeat.ttlMs <= this.heartbeat.intervalMs) {
      throw new RangeError(
        `the heartbeat's ttlMs (${this.heartbeat.ttlMs}) must exceed its intervalMs (${this.heartbeat.intervalMs})`,
      );
    }
    // A new connection has a new id; the loop asks for it before its next blocking read.
    this.redis.on("ready", () => {
      this.clientId = undefined;
    });

    const [commandTimeout, socketTimeout] = [commandTimeoutOf(this.redis), socketTimeoutOf(this.redis)];
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
      this.ended = `consuming stopped unexpectedly: ${errorMessageOf(error)}`;
      this.logger.error(
        { err: error, stream: this.stream },
        "the update stream consumer stopped unexpectedly",
      );
    });
    if (this.heartbeat) this.heartbeatLoop = this.beat(this.heartbeat);
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
    await Promise.all([this.loop, this.heartbeatLoop]);
    this.redis.disconnect();
    // Entries read but not applied are claimed by the others at once rather than after the TTL.
    await this.heartbeat?.redis.del(this.aliveKey(this.consumer)).catch(() => undefined);
  }

  /** The key whose presence says `consumer` is alive. */
  private aliveKey(consumer: string): string {
    return `${this.stream}:alive:${consumer}`;
  }

  /**
   * Every `intervalMs`: says this consumer is alive, and looks for consumers with entries pending
   * whose heartbeat lapsed (a crashed process). Finding one ends this consumer's blocking read, so
   * their entries are claimed and applied at once. Failures only delay the next beat.
   */
  private async beat(heartbeat: { redis: RedisCommands; intervalMs: number; ttlMs: number }): Promise<void> {
    while (!this.stopping) {
      try {
        await heartbeat.redis.set(
          this.aliveKey(this.consumer),
          String(this.clock.nowMs()),
          "PX",
          heartbeat.ttlMs,
        );
        const lapsed = await this.lapsedConsumers(heartbeat);
        if (lapsed.length > 0) {
          for (const name of lapsed) this.lapsed.add(name);
          if (this.blocking && this.clientId !== undefined) {
            await heartbeat.redis.call("CLIENT", "UNBLOCK", this.clientId);
          }
        }
      } catch (error) {
        this.logger.debug({ err: error, stream: this.stream }, "update stream heartbeat failed; retrying");
      }
      try {
        await this.clock.sleep(heartbeat.intervalMs, this.stopController.signal);
      } catch {
        // Only stop() aborts the sleep; the loop condition ends the loop.
      }
    }
  }

  /** Other consumers with entries pending, no heartbeat, and no read for at least the TTL. */
  private async lapsedConsumers(heartbeat: { redis: RedisCommands; ttlMs: number }): Promise<string[]> {
    const consumers = (await heartbeat.redis.xinfo("CONSUMERS", this.stream, this.group)) as unknown;
    const holding = (Array.isArray(consumers) ? consumers : [])
      .map(pairsOf)
      .filter((info) => {
        const name = info.get("name");
        return (
          typeof name === "string" &&
          name !== this.consumer &&
          Number(info.get("pending")) > 0 &&
          // A consumer that read a moment ago is alive, heartbeat or not (an older gateway, say).
          Number(info.get("idle")) >= heartbeat.ttlMs
        );
      })
      .map((info) => String(info.get("name")));
    if (holding.length === 0) return [];
    // EXISTS per key, not one MGET: MGET is the request path's command, and counts of it measure that.
    // On a Cluster the keys may be in other slots than each other: no pipeline there.
    if (isCluster(heartbeat.redis)) {
      const redis = heartbeat.redis;
      const found = await Promise.all(holding.map((name) => redis.exists(this.aliveKey(name))));
      return holding.filter((_name, index) => found[index] === 0);
    }
    const pipeline = heartbeat.redis.pipeline();
    for (const name of holding) pipeline.exists(this.aliveKey(name));
    const alive = (await pipeline.exec()) ?? [];
    return holding.filter((_name, index) => alive[index]?.[1] === 0);
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
        this.ended = "its client was closed; consuming stopped";
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
        // A Cluster client has a connection per node: no one CLIENT ID to unblock, so a lapsed
        // consumer's entries are claimed when the current blocking read ends (within blockMs).
        if (this.heartbeat && this.clientId === undefined && !isCluster(this.redis)) {
          this.clientId = Number(await this.redis.call("CLIENT", "ID"));
        }
        if (this.lapsed.size > 0 && (await this.claimFromLapsed()) > 0) retryOwnPending = true;
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

  /**
   * New entries: as many as the read budget allows without waiting; when there are none, waits up
   * to `blockMs` for one. Returns the number of entries that failed.
   */
  private async readNew(): Promise<number> {
    if (this.stopping) return 0;
    const waiting = await this.boundedRead("new", "0", this.batchSize);
    if (waiting.entries.length > 0) return this.reportFailures(await this.handle(waiting.entries), "new");
    if (this.stopping || this.lapsed.size > 0) return 0;
    this.blocking = true;
    let reply: unknown;
    try {
      // One entry: a blocking read cannot be bounded by the script, and one entry is small enough
      // (an oversize one is dead-lettered all the same, a reply of one entry at most).
      reply = await this.redis.call("XREADGROUP", [
        "GROUP",
        this.group,
        this.consumer,
        "COUNT",
        1,
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
      const read = await this.boundedRead("pending", after, this.batchSize);
      const last = read.entries.at(-1);
      if (last) {
        failed += this.reportFailures(await this.handle(read.entries), "pending");
        after = last.id;
      }
      if (read.finished || !last) break;
    }
    return failed;
  }

  /** Takes over entries every consumer (this one too) left unacknowledged past `claimIdleMs`. */
  private async claimIdleEntries(): Promise<number> {
    let failed = 0;
    let cursor = "0-0";
    for (let page = 0; page < MAX_CLAIM_PAGES_PER_SWEEP && !this.stopping; page++) {
      const read = await this.boundedRead("claim", cursor, this.batchSize);
      if (read.entries.length > 0) {
        this.metrics.updatesClaimed(read.entries.length);
        this.logger.info(
          { stream: this.stream, count: read.entries.length, first: read.entries[0]?.id },
          "claimed update entries left idle by a consumer",
        );
        failed += this.reportFailures(await this.handle(read.entries), "claimed");
      }
      cursor = read.cursor;
      if (read.finished) break;
    }
    return failed;
  }

  /**
   * Moves the pending entries of consumers whose heartbeat lapsed to this one (ids only: the
   * entries are then read, bounded, as this consumer's own pending ones). Returns how many.
   */
  private async claimFromLapsed(): Promise<number> {
    let total = 0;
    for (const name of [...this.lapsed]) {
      let claimed = 0;
      for (;;) {
        const pending = (await this.redis.xpending(
          this.stream,
          this.group,
          "-",
          "+",
          this.batchSize,
          name,
        )) as [string, ...unknown[]][];
        if (pending.length === 0) break;
        const ids = pending.map(([id]) => id);
        const moved = (await this.redis.xclaim(
          this.stream,
          this.group,
          this.consumer,
          0,
          ...ids,
          "JUSTID",
        )) as string[];
        claimed += moved.length;
        if (moved.length === 0) break;
      }
      this.lapsed.delete(name);
      if (claimed > 0) {
        this.metrics.updatesClaimed(claimed);
        this.logger.info(
          { stream: this.stream, consumer: name, count: claimed },
          "claimed the pending update entries of a consumer whose heartbeat stopped",
        );
      }
      total += claimed;
    }
    return total;
  }

  /** One call of {@link BOUNDED_READ_SCRIPT}. */
  private async boundedRead(
    mode: "new" | "pending" | "claim",
    cursor: string,
    count: number,
  ): Promise<{ cursor: string; entries: StreamEntry[]; finished: boolean }> {
    const reply = (await this.redis.eval(
      BOUNDED_READ_SCRIPT,
      1,
      this.stream,
      this.group,
      this.consumer,
      mode,
      cursor,
      count,
      this.maxEventBytes,
      this.maxEventBytes + ENTRY_OVERHEAD_BYTES,
      READ_BUDGET_BYTES,
      this.claimIdleMs,
      UPDATE_EVENT_FIELD,
      DEAD_LETTER_EXCERPT_BYTES,
    )) as [unknown, unknown, unknown];
    return { cursor: String(reply[0]), entries: entriesOf(reply[1]), finished: reply[2] === 1 };
  }

  /**
   * Applies entries in order and acknowledges the applied ones in one XACK. An entry whose apply
   * rejects stays pending; the entries after it are still applied (versioned writes make their
   * order irrelevant), so one bad entry holds nothing up.
   */
  private handle(entries: readonly StreamEntry[]): Promise<HandledBatch> {
    // One span per batch read, the parent of each entry's apply; a no-op without tracing.
    const attributes = { "messaging.system": "redis", "hg.entries": entries.length };
    return TRACER.startActiveSpan("updates.read", { kind: SpanKind.CONSUMER, attributes }, (span) =>
      this.handleEntries(entries).finally(() => span.end()),
    );
  }

  private async handleEntries(entries: readonly StreamEntry[]): Promise<HandledBatch> {
    const acks: string[] = [];
    let failed = 0;
    let firstError: unknown;
    for (const entry of entries) {
      if (this.stopping) break;
      if (entry.oversize) {
        try {
          await this.deadLetter(
            entry.id,
            oversizeFields(entry.oversize),
            this.oversizeRejection(entry.oversize),
          );
        } catch (error) {
          failed++;
          firstError ??= error;
          this.metrics.updateApplyFailed();
        }
        continue;
      }
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
        } else if (parsed.rejection.reason === "too_large") {
          // Read whole (a blocking read takes one entry as it is): kept as an excerpt all the same.
          const eventBytes = Buffer.byteLength(raw ?? "", "utf8");
          const entryBytes = entry.fields.reduce((sum, field) => sum + Buffer.byteLength(field, "utf8"), 0);
          const excerpt = Buffer.from(raw ?? "", "utf8")
            .subarray(0, DEAD_LETTER_EXCERPT_BYTES)
            .toString("utf8");
          await this.deadLetter(
            entry.id,
            oversizeFields({ eventBytes, entryBytes, excerpt }),
            parsed.rejection,
          );
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

  private oversizeRejection(sizes: { eventBytes: number; entryBytes: number }): UpdateRejection {
    return sizes.eventBytes > this.maxEventBytes
      ? {
          reason: "too_large",
          detail: `the event is ${sizes.eventBytes} bytes; at most ${this.maxEventBytes} are accepted`,
        }
      : {
          reason: "too_large",
          detail: `the entry is ${sizes.entryBytes} bytes; at most ${this.maxEventBytes + ENTRY_OVERHEAD_BYTES} are accepted`,
        };
  }

  /** Appends the entry to the dead-letter stream and acknowledges it, both or neither. */
  private async deadLetter(id: string, fields: readonly string[], rejection: UpdateRejection): Promise<void> {
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
      this.consumer,
      "dl:at-ms",
      String(this.clock.nowMs()),
      ...fields,
    ];
    if (isCluster(this.redis) && !sameHashTag(this.stream, this.deadLetterStream)) {
      // Two slots: no transaction. Appended, then acknowledged; if the acknowledgement is lost the
      // entry is dead-lettered again on retry (a duplicate letter, never a lost one). Partitioned
      // streams ({...} in the name) keep the transaction.
      try {
        await this.redis.xadd(this.deadLetterStream, "MAXLEN", "~", this.deadLetterMaxLength, "*", ...letter);
        await this.redis.xack(this.stream, this.group, id);
      } catch (error) {
        throw new DeadLetterError(id, { cause: error });
      }
    } else {
      const replies = await this.redis
        .multi()
        .xadd(this.deadLetterStream, "MAXLEN", "~", this.deadLetterMaxLength, "*", ...letter)
        .xack(this.stream, this.group, id)
        .exec();
      const failure = replies?.find(([error]) => error !== null)?.[0];
      if (!replies || failure) {
        throw new DeadLetterError(id, { cause: failure ?? new Error("the transaction was discarded") });
      }
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
      this.trouble = {
        sinceMs: nowMs,
        lastLoggedMs: nowMs,
        lastError: `${message}: ${errorMessageOf(error)}`,
      };
    } else if (nowMs - this.trouble.lastLoggedMs >= REPEAT_WARNING_MS) {
      this.trouble.lastLoggedMs = nowMs;
    } else {
      this.trouble.lastError = `${message}: ${errorMessageOf(error)}`;
      this.logger.debug({ err: error, stream: this.stream, ...fields }, message);
      return;
    }
    this.logger.warn({ err: error, stream: this.stream, ...fields }, message);
  }

  /**
   * Why this consumer cannot apply events right now (every read or apply failed since the last
   * success, or consuming ended); undefined while it works. For readiness.
   */
  problem(): string | undefined {
    if (this.ended) return `${this.stream}: ${this.ended}`;
    return this.trouble ? `${this.stream}: ${this.trouble.lastError}` : undefined;
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

export class DeadLetterError extends CodedError<"UPDATE_DEAD_LETTER_FAILED"> {
  constructor(id: string, options?: { cause?: unknown }) {
    super(
      "UPDATE_DEAD_LETTER_FAILED",
      `update entry ${id} could not be dead-lettered; it stays pending`,
      options,
    );
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
  return list.flatMap((item: unknown): StreamEntry[] => {
    if (!Array.isArray(item) || typeof item[0] !== "string") return [];
    const fields: unknown = item[1];
    const oversize: unknown = item[2];
    if (Array.isArray(oversize)) {
      const [eventBytes, entryBytes, excerpt] = oversize as unknown[];
      return [
        {
          id: item[0],
          fields: null,
          oversize: {
            eventBytes: Number(eventBytes),
            entryBytes: Number(entryBytes),
            excerpt: String(excerpt),
          },
        },
      ];
    }
    return [{ id: item[0], fields: Array.isArray(fields) ? fields.map(String) : null }];
  });
}

/** What a dead letter keeps of a too-large entry in place of its fields. */
function oversizeFields(sizes: { eventBytes: number; entryBytes: number; excerpt: string }): string[] {
  return ["dl:bytes", String(sizes.entryBytes), "dl:excerpt", sizes.excerpt];
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
