import type { UpdateStreamMetrics } from "../../domain/metrics.js";
import type { Clock, Logger } from "../../domain/ports.js";
import type { UpdateApplier } from "../../domain/updates.js";
import { type RedisCommands, commandTimeoutOf, socketTimeoutOf } from "../redis-cluster-client.js";
import { DEFAULT_MAX_EVENT_BYTES } from "../update-event-json.js";

/** What the consumer applies with: `applyMany` when it has it, else `apply` for each event. */
export type StreamApplier = Pick<UpdateApplier, "apply"> & Partial<Pick<UpdateApplier, "applyMany">>;

export interface RedisUpdateStreamOptions {
  /**
   * A client for this consumer alone, from `createRedisClient` with
   * {@link updateStreamClientTimeouts}: its blocking read holds the connection, and ioredis applies
   * the command and socket timeouts to blocking commands too. `stop()` disconnects it.
   */
  readonly redis: RedisCommands;
  /** `applyMany` applies a read's events a round at a time; without it, `apply` each. */
  readonly applier: StreamApplier;
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

/** The field of a stream entry that holds the event's JSON. */
export const UPDATE_EVENT_FIELD = "event";
/** Other fields of an entry (a trace id, say) may add this much to the event before it is too large. */
export const ENTRY_OVERHEAD_BYTES = 4_096;
/** A dead letter of a too-large entry keeps this much of its event, not the whole of it. */
export const DEAD_LETTER_EXCERPT_BYTES = 1_024;

/** Command and socket timeouts for the stream's own client: above the block time, with a margin. */
export function updateStreamClientTimeouts(blockMs: number = UPDATE_STREAM_DEFAULTS.blockMs): {
  readonly commandTimeoutMs: number;
  readonly socketTimeoutMs: number;
} {
  const timeoutMs = blockMs + 1_000;
  return { commandTimeoutMs: timeoutMs, socketTimeoutMs: timeoutMs };
}

/** The options with their defaults filled in, checked: what the consumer's parts share. */
export interface StreamSettings {
  readonly stream: string;
  readonly group: string;
  readonly deadLetterStream: string;
  /** This instance's name in the group. */
  readonly consumer: string;
  readonly blockMs: number;
  readonly batchSize: number;
  readonly claimIdleMs: number;
  readonly sweepIntervalMs: number;
  readonly maxEventBytes: number;
  readonly deadLetterMaxLength: number;
  readonly consumerIdleMs: number;
  readonly maxBackoffMs: number;
  readonly heartbeat: HeartbeatSettings | undefined;
}

export interface HeartbeatSettings {
  readonly redis: RedisCommands;
  readonly intervalMs: number;
  readonly ttlMs: number;
}

/** What every part of the consumer works with: its client, its settings and where it reports. */
export interface StreamContext {
  readonly redis: RedisCommands;
  readonly settings: StreamSettings;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: UpdateStreamMetrics;
}

/** Fills in the defaults and refuses settings that cannot work (RangeError). */
export function resolveSettings(options: RedisUpdateStreamOptions): StreamSettings {
  const stream = options.stream ?? UPDATE_STREAM_DEFAULTS.stream;
  const settings: StreamSettings = {
    stream,
    group: options.group ?? UPDATE_STREAM_DEFAULTS.group,
    deadLetterStream: `${stream}:dead`,
    consumer: options.consumer,
    blockMs: options.blockMs ?? UPDATE_STREAM_DEFAULTS.blockMs,
    batchSize: options.batchSize ?? UPDATE_STREAM_DEFAULTS.batchSize,
    claimIdleMs: options.claimIdleMs ?? UPDATE_STREAM_DEFAULTS.claimIdleMs,
    sweepIntervalMs: options.sweepIntervalMs ?? UPDATE_STREAM_DEFAULTS.sweepIntervalMs,
    maxEventBytes: options.maxEventBytes ?? UPDATE_STREAM_DEFAULTS.maxEventBytes,
    deadLetterMaxLength: options.deadLetterMaxLength ?? UPDATE_STREAM_DEFAULTS.deadLetterMaxLength,
    consumerIdleMs: options.consumerIdleMs ?? UPDATE_STREAM_DEFAULTS.consumerIdleMs,
    maxBackoffMs: options.maxBackoffMs ?? UPDATE_STREAM_DEFAULTS.maxBackoffMs,
    heartbeat: options.heartbeat && {
      redis: options.heartbeat.redis,
      intervalMs: options.heartbeat.intervalMs ?? UPDATE_STREAM_DEFAULTS.heartbeatIntervalMs,
      ttlMs: options.heartbeat.ttlMs ?? UPDATE_STREAM_DEFAULTS.heartbeatTtlMs,
    },
  };
  const { heartbeat, blockMs } = settings;
  if (heartbeat && heartbeat.ttlMs <= heartbeat.intervalMs) {
    throw new RangeError(
      `the heartbeat's ttlMs (${heartbeat.ttlMs}) must exceed its intervalMs (${heartbeat.intervalMs})`,
    );
  }
  const [commandTimeout, socketTimeout] = [commandTimeoutOf(options.redis), socketTimeoutOf(options.redis)];
  for (const [name, value] of [
    ["commandTimeout", commandTimeout],
    ["socketTimeout", socketTimeout],
  ] as const) {
    if (value !== undefined && value <= blockMs) {
      throw new RangeError(
        `the update stream's client has ${name} ${value} ms, not above blockMs ${blockMs}: every idle read would time out. Create it with updateStreamClientTimeouts(blockMs).`,
      );
    }
  }
  if (settings.consumerIdleMs <= settings.claimIdleMs) {
    throw new RangeError(
      `consumerIdleMs (${settings.consumerIdleMs}) must exceed claimIdleMs (${settings.claimIdleMs})`,
    );
  }
  return settings;
}
