import { NO_UPDATE_STREAM_METRICS } from "../domain/metrics.js";
import type { UpdateSource } from "../domain/ports.js";
import { isCluster } from "./redis-cluster-client.js";
import { sampleBacklogAndPrune } from "./update-stream/backlog.js";
import { handleEntries } from "./update-stream/batches.js";
import { boundedRead } from "./update-stream/bounded-read.js";
import { claimFromLapsed, claimIdleEntries } from "./update-stream/claims.js";
import { Heartbeat } from "./update-stream/heartbeat.js";
import { type StreamEntry, errorMessageOf, readReplyEntries } from "./update-stream/replies.js";
import {
  type RedisUpdateStreamOptions,
  type StreamApplier,
  type StreamContext,
  resolveSettings,
} from "./update-stream/settings.js";
import { TroubleLog } from "./update-stream/trouble.js";

export {
  DEAD_LETTER_EXCERPT_BYTES,
  ENTRY_OVERHEAD_BYTES,
  type RedisUpdateStreamOptions,
  UPDATE_EVENT_FIELD,
  UPDATE_STREAM_DEFAULTS,
  updateStreamClientTimeouts,
} from "./update-stream/settings.js";
export { DeadLetterError } from "./update-stream/dead-letters.js";

const MIN_BACKOFF_MS = 100;

/**
 * Consumes the update stream as one member of a consumer group (docs/update-events.md):
 * - reads new entries with `XREADGROUP ... BLOCK` and applies a read's entries concurrently, in
 *   stream order per viewer and per product's generic data (`update-stream/batches.ts`);
 * - acknowledges an entry only after `apply` resolved; when it rejects, the entry stays pending,
 *   this consumer retries its own pending entries (with backoff) before reading on, and any
 *   instance's sweep claims entries left idle past `claimIdleMs` (`XAUTOCLAIM`), e.g. a crashed
 *   instance's;
 * - moves an entry that fails validation to `<stream>:dead` with the reason, the original id and
 *   fields, and acknowledges it in the same transaction: it never blocks the entries behind it;
 * - creates the group (from the start of the stream, `MKSTREAM`) when missing, also after a Redis
 *   restart lost it, and retries every failure with backoff until stopped.
 *
 * Its parts are in `update-stream/`: settings, bounded reads and reply parsing, applying a batch,
 * dead letters, claims, the heartbeat, the backlog sample and pruning, and the failure log.
 *
 * Delivery is at least once: an entry applied but not yet acknowledged when its consumer dies is
 * applied again by whoever claims it, which versioned writes make harmless.
 */
export class RedisUpdateStream implements UpdateSource {
  readonly stream: string;
  readonly group: string;
  readonly deadLetterStream: string;
  private readonly context: StreamContext;
  private readonly applier: StreamApplier;
  private readonly heartbeat: Heartbeat | undefined;
  private readonly trouble: TroubleLog;

  private loop: Promise<void> | undefined;
  private heartbeatLoop: Promise<void> | undefined;
  /** The stream connection's CLIENT ID, so the heartbeat can end its blocking read early. */
  private clientId: number | undefined;
  /** Consumers whose heartbeat lapsed with entries pending: claimed on the next turn of the loop. */
  private readonly lapsed = new Set<string>();
  private readonly stopController = new AbortController();
  /** True while a blocking read is outstanding: only then may `stop()` cut the connection. */
  private blocking = false;
  private backoffMs = MIN_BACKOFF_MS;
  private nextSweepAtMs = 0;
  private ended: string | undefined;

  constructor(options: RedisUpdateStreamOptions) {
    const settings = resolveSettings(options);
    this.context = {
      redis: options.redis,
      settings,
      clock: options.clock,
      logger: options.logger,
      metrics: options.metrics ?? NO_UPDATE_STREAM_METRICS,
    };
    this.applier = options.applier;
    this.stream = settings.stream;
    this.group = settings.group;
    this.deadLetterStream = settings.deadLetterStream;
    this.trouble = new TroubleLog(options.clock, options.logger, settings.stream);
    this.heartbeat =
      settings.heartbeat &&
      new Heartbeat(this.context, settings.heartbeat, {
        lapsed: this.lapsed,
        signal: this.stopController.signal,
        blockedClientId: () => (this.blocking ? this.clientId : undefined),
      });
    // A new connection has a new id; the loop asks for it before its next blocking read.
    options.redis.on("ready", () => {
      this.clientId = undefined;
    });
  }

  private get redis(): StreamContext["redis"] {
    return this.context.redis;
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
      this.context.logger.error(
        { err: error, stream: this.stream },
        "the update stream consumer stopped unexpectedly",
      );
    });
    if (this.heartbeat) this.heartbeatLoop = this.heartbeat.run();
  }

  /**
   * Ends a blocking read at once (by closing the connection), lets the entries being applied finish
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
    await this.heartbeat?.forget();
  }

  /**
   * Why this consumer cannot apply events right now (every read or apply failed since the last
   * success, or consuming ended); undefined while it works. For readiness.
   */
  problem(): string | undefined {
    if (this.ended) return `${this.stream}: ${this.ended}`;
    const lastError = this.trouble.lastError();
    return lastError !== undefined ? `${this.stream}: ${lastError}` : undefined;
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
        this.context.logger.error(
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
        if (this.lapsed.size > 0 && (await claimFromLapsed(this.context, this.lapsed)) > 0)
          retryOwnPending = true;
        if (this.context.clock.nowMs() >= this.nextSweepAtMs) {
          this.nextSweepAtMs = this.context.clock.nowMs() + this.context.settings.sweepIntervalMs;
          failed += await claimIdleEntries(
            this.context,
            (entries, origin) => this.handle(entries, origin),
            () => this.stopping,
          );
          await sampleBacklogAndPrune(this.context);
        }
        if (retryOwnPending) failed += await this.retryOwnPending();
        failed += await this.readNew();
        if (failed === 0) this.trouble.recovered();
      } catch (error) {
        if (this.stopping) break;
        if (errorMessageOf(error).startsWith("NOGROUP")) {
          // Redis restarted empty, or someone deleted the group or the stream: create it again.
          groupReady = false;
        }
        this.trouble.troubled(error, "the update stream could not be read; retrying");
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
      this.context.logger.info(
        { stream: this.stream, group: this.group },
        "update stream consumer group created",
      );
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
    const waiting = await boundedRead(this.context, "new", "0", this.context.settings.batchSize);
    if (waiting.entries.length > 0) return this.handle(waiting.entries, "new");
    if (this.stopping || this.lapsed.size > 0) return 0;
    this.blocking = true;
    let reply: unknown;
    try {
      // One entry: a blocking read cannot be bounded by the script, and one entry is small enough
      // (an oversize one is dead-lettered all the same, a reply of one entry at most).
      reply = await this.redis.call("XREADGROUP", [
        "GROUP",
        this.group,
        this.context.settings.consumer,
        "COUNT",
        1,
        "BLOCK",
        this.context.settings.blockMs,
        "STREAMS",
        this.stream,
        ">",
      ]);
    } finally {
      this.blocking = false;
    }
    const entries = readReplyEntries(reply);
    if (entries.length === 0) return 0;
    return this.handle(entries, "new");
  }

  /** This consumer's pending entries, oldest first, one pass. */
  private async retryOwnPending(): Promise<number> {
    let failed = 0;
    let after = "0";
    while (!this.stopping) {
      const read = await boundedRead(this.context, "pending", after, this.context.settings.batchSize);
      const last = read.entries.at(-1);
      if (last) {
        failed += await this.handle(read.entries, "pending");
        after = last.id;
      }
      if (read.finished || !last) break;
    }
    return failed;
  }

  /** Applies a batch (see `handleEntries`), reports its failures, and answers how many there were. */
  private async handle(
    entries: readonly StreamEntry[],
    origin: "new" | "pending" | "claimed",
  ): Promise<number> {
    const batch = await handleEntries(this.context, this.applier, entries, () => this.stopping);
    return this.trouble.failedBatch(batch, origin);
  }

  private async backoff(): Promise<void> {
    const delayMs = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.context.settings.maxBackoffMs);
    try {
      await this.context.clock.sleep(delayMs, this.stopController.signal);
    } catch {
      // Only stop() aborts the sleep; the loop condition ends the loop.
    }
  }
}
