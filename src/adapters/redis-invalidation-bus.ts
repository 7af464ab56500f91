import { randomUUID } from "node:crypto";
import type { Cluster, Redis } from "ioredis";
import { CodedError } from "../domain/errors.js";
import type { InvalidationBusMetrics, PossibleLossCause } from "../domain/metrics.js";
import type { RedisCommands } from "./redis-cluster-client.js";
import type { CacheKey, InvalidationBus, InvalidationHandlers, Logger } from "../domain/ports.js";

export interface RedisInvalidationBusOptions {
  /** For PUBLISH: a command client from `createRedisClient`. */
  readonly publisher: RedisCommands;
  /**
   * A connection of the bus's own, which it puts in subscriber mode; best created with
   * `autoResubscribe: false` (the bus resubscribes itself, so it knows when the subscription is back).
   */
  readonly subscriber: Redis | Cluster;
  /**
   * Sharded pub/sub (SPUBLISH/SSUBSCRIBE) on a Redis Cluster: the channel's messages stay within the
   * shard of its slot instead of being copied to every node. The subscriber must then be a
   * `Cluster` created with `shardedSubscribers: true`.
   */
  readonly sharded?: boolean;
  /** Prepended to the channel name: `<prefix>l1-invalidate`. */
  readonly channelPrefix: string;
  readonly logger: Logger;
  /** Names this process in its messages; random by default, and must differ between processes. */
  readonly instanceId?: string;
  /** How long `subscribe` waits for a connection that is not ready yet before going on without it. */
  readonly readyTimeoutMs?: number;
  readonly metrics?: InvalidationBusMetrics;
}

export class InvalidationPublishError extends CodedError<"INVALIDATION_PUBLISH_FAILED"> {
  constructor(keys: number, options?: { cause?: unknown }) {
    super("INVALIDATION_PUBLISH_FAILED", `Publishing an invalidation of ${keys} keys failed`, options);
  }
}

/**
 * A message on the wire: `{"p":"<instance>","s":<sequence>,"k":[["u","<user>","<product>"],["g","<product>"]]}`.
 * Sequences count from 1 per publisher process, one number per PUBLISH attempt.
 */
interface WireMessage {
  readonly p: string;
  readonly s: number;
  readonly k: readonly WireKey[];
}
type WireKey = readonly ["u", string, string] | readonly ["g", string];

const NO_METRICS: InvalidationBusMetrics = {
  invalidationSent: () => undefined,
  invalidationReceived: () => undefined,
  invalidationGap: () => undefined,
  possibleLoss: () => undefined,
};

/**
 * L1 invalidation over Redis pub/sub, at most once. Pub/sub drops whatever is sent while a
 * subscriber is disconnected, and says nothing; so the bus tells its subscribers when they may have
 * missed something, through `onPossibleLoss`:
 * - the subscriber connection dropped and came back (called once it is subscribed again, so that
 *   nothing published after the call can be missed);
 * - a publisher's sequence number skipped (also how a failed PUBLISH shows: its number was used);
 * - a message could not be read;
 * - the connection closed for good.
 *
 * Every subscriber receives every message, including those published by its own process (they make
 * the round trip through Redis like the others).
 */
export class RedisInvalidationBus implements InvalidationBus {
  private readonly publisher: RedisCommands;
  private readonly subscriber: Redis | Cluster;
  private readonly sharded: boolean;
  private readonly channel: string;
  private readonly logger: Logger;
  private readonly metrics: InvalidationBusMetrics;
  private readonly readyTimeoutMs: number;
  readonly instanceId: string;

  private sequence = 0;
  private readonly handlers = new Set<InvalidationHandlers>();
  /** The last sequence seen per publisher since the subscription was last (re)established. */
  private readonly lastSeen = new Map<string, number>();
  /** Set when the connection drops while subscribed, or when handlers wait for a connection. */
  private deafSince: PossibleLossCause | undefined;
  private listening = false;
  private subscribed = false;

  constructor(options: RedisInvalidationBusOptions) {
    this.publisher = options.publisher;
    this.subscriber = options.subscriber;
    this.sharded = options.sharded ?? false;
    if (this.sharded && !this.subscriber.isCluster) {
      throw new Error("a sharded invalidation bus needs a Cluster subscriber (shardedSubscribers: true)");
    }
    this.channel = `${options.channelPrefix}l1-invalidate`;
    this.logger = options.logger;
    this.metrics = options.metrics ?? NO_METRICS;
    this.readyTimeoutMs = options.readyTimeoutMs ?? 1_000;
    this.instanceId = options.instanceId ?? randomUUID();
  }

  async publish(keys: readonly CacheKey[]): Promise<void> {
    if (keys.length === 0) return;
    // Numbered before sending: if this PUBLISH is lost, subscribers see the gap at the next one.
    const message: WireMessage = { p: this.instanceId, s: ++this.sequence, k: keys.map(toWire) };
    try {
      const payload = JSON.stringify(message);
      await (this.sharded
        ? this.publisher.spublish(this.channel, payload)
        : this.publisher.publish(this.channel, payload));
    } catch (error) {
      throw new InvalidationPublishError(keys.length, { cause: error });
    }
    this.metrics.invalidationSent(keys.length);
  }

  async subscribe(handlers: InvalidationHandlers): Promise<{ unsubscribe(): Promise<void> }> {
    this.handlers.add(handlers);
    this.listen();
    if (!this.subscribed) await this.subscribeWhenPossible();
    return {
      unsubscribe: async () => {
        this.handlers.delete(handlers);
        if (this.handlers.size > 0 || !this.subscribed) return;
        this.subscribed = false;
        try {
          await (this.sharded
            ? this.subscriber.sunsubscribe(this.channel)
            : this.subscriber.unsubscribe(this.channel));
        } catch (error) {
          // Messages that still arrive find no handler; the connection's owner closes it.
          this.logger.warn({ err: error, channel: this.channel }, "unsubscribing from invalidations failed");
        }
      },
    };
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    this.subscriber.on(this.sharded ? "smessage" : "message", (channel: string, payload: string) => {
      if (channel === this.channel) this.receive(payload);
    });
    if (this.sharded) {
      // A Cluster's sharded subscriber connections are ioredis's own: it replaces one that failed
      // (a failover, a node gone) and subscribes again, then says "subscribersReady".
      this.subscriber.on("-subscriber", () => {
        if (this.subscribed && this.deafSince === undefined) this.deafSince = "reconnect";
      });
      this.subscriber.on("subscribersReady", () => {
        if (this.subscribed && this.deafSince !== undefined) this.subscribedAgain();
      });
    }
    this.subscriber.on("close", () => {
      if (this.subscribed && this.deafSince === undefined) this.deafSince = "reconnect";
    });
    this.subscriber.on("ready", () => {
      // The first subscription is made by `subscribe` itself; this one restores it after an outage.
      if (this.handlers.size > 0 && (this.subscribed || this.deafSince !== undefined))
        void this.resubscribe();
    });
    this.subscriber.on("end", () => {
      if (this.handlers.size > 0) this.possibleLoss("ended", "the subscriber connection closed for good");
    });
  }

  /** At start: wait a little for the connection, but never block start-up on Redis. */
  private async subscribeWhenPossible(): Promise<void> {
    if (this.subscriber.status === "wait") this.subscriber.connect().catch(() => undefined);
    if (this.subscriber.status !== "ready") {
      const ready = await new Promise<boolean>((resolve) => {
        const onReady = (): void => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          this.subscriber.off("ready", onReady);
          resolve(false);
        }, this.readyTimeoutMs);
        this.subscriber.once("ready", onReady);
      });
      if (!ready) {
        // The "ready" listener subscribes later; until then this process may miss invalidations.
        this.deafSince ??= "late-subscribe";
        this.logger.warn(
          { channel: this.channel },
          "invalidation bus not connected yet; subscribing when it is",
        );
        return;
      }
    }
    await this.resubscribe();
  }

  private async resubscribe(): Promise<void> {
    try {
      await (this.sharded
        ? this.subscriber.ssubscribe(this.channel)
        : this.subscriber.subscribe(this.channel));
    } catch (error) {
      this.logger.warn(
        { err: error, channel: this.channel },
        "subscribing to invalidations failed; reconnecting",
      );
      this.deafSince ??= "reconnect";
      // A fresh connection retries the subscription through the "ready" listener.
      this.subscriber.disconnect(true);
      return;
    }
    this.subscribed = true;
    this.subscribedAgain();
  }

  /** Reports what may have been missed while not subscribed, once subscribed again. */
  private subscribedAgain(): void {
    const cause = this.deafSince;
    if (cause === undefined) return;
    this.deafSince = undefined;
    // Sequences restart being tracked: the gap across the outage is what this call reports.
    this.lastSeen.clear();
    this.possibleLoss(cause, "the subscriber was not subscribed for a while");
  }

  private receive(payload: string): void {
    const message = parseWire(payload);
    if (!message) {
      this.logger.warn({ channel: this.channel, bytes: payload.length }, "unreadable invalidation message");
      this.possibleLoss("malformed", "an invalidation message could not be read");
      return;
    }
    const last = this.lastSeen.get(message.p);
    if (last === undefined || message.s > last) this.lastSeen.set(message.p, message.s);
    if (last !== undefined && message.s > last + 1) {
      this.metrics.invalidationGap();
      this.possibleLoss("gap", `publisher ${message.p} skipped from ${last} to ${message.s}`);
    }
    const keys = message.k.map(fromWire);
    this.metrics.invalidationReceived(keys.length);
    for (const handler of this.handlers) handler.onInvalidate(keys);
  }

  private possibleLoss(cause: PossibleLossCause, detail: string): void {
    this.metrics.possibleLoss(cause);
    this.logger.warn(
      { cause, detail, channel: this.channel },
      "invalidations may have been lost; dropping L1",
    );
    for (const handler of this.handlers) handler.onPossibleLoss(`${cause}: ${detail}`);
  }
}

function toWire(key: CacheKey): WireKey {
  return key.scope === "user" ? ["u", key.user, key.product] : ["g", key.product];
}

function fromWire(key: WireKey): CacheKey {
  return key[0] === "u"
    ? { scope: "user", user: key[1], product: key[2] }
    : { scope: "generic", product: key[1] };
}

function parseWire(payload: string): WireMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    // The caller reports it; what JSON.parse said adds nothing.
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const { p, s, k } = value as Record<string, unknown>;
  if (typeof p !== "string" || typeof s !== "number" || !Number.isSafeInteger(s) || !Array.isArray(k))
    return undefined;
  return k.every(isWireKey) ? { p, s, k } : undefined;
}

function isWireKey(value: unknown): value is WireKey {
  if (!Array.isArray(value)) return false;
  if (value[0] === "u")
    return value.length === 3 && typeof value[1] === "string" && typeof value[2] === "string";
  if (value[0] === "g") return value.length === 2 && typeof value[1] === "string";
  return false;
}
