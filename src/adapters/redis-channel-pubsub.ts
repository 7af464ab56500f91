import type { Redis } from "ioredis";
import type { Logger } from "../domain/ports.js";
import type { PubSubEngineLike } from "./pubsub-engine.js";

export interface RedisChannelPubSubOptions {
  /** For PUBLISH: the commands client. */
  readonly publisher: Redis;
  /**
   * A client of its own, from `createRedisClient` with `autoResubscribe: false`: this engine
   * subscribes its channels again itself after a reconnect.
   */
  readonly subscriber: Redis;
  readonly logger: Logger;
  /**
   * Called once the channels are subscribed again after the connection dropped: what was published
   * meanwhile is lost.
   */
  readonly onPossibleLoss?: (reason: string) => void;
}

type Listener = (payload: unknown) => void;

/** The longest pause before a connection whose resubscription failed is dropped to try again. */
const MAX_RETRY_DELAY_MS = 10_000;

/**
 * The live-tile change feed's engine on one Redis: classic pub/sub, messages as JSON (as
 * graphql-redis-subscriptions' `RedisPubSub` sends them, so instances of either kind understand each
 * other). One SUBSCRIBE per channel, however many local subscriptions listen to it.
 *
 * After a reconnect it subscribes every channel it listens to again and only then reports the
 * possible loss, so that subscriptions resync from a snapshot taken while they hear changes again.
 * ioredis's own resubscription (`autoResubscribe`) only remembers channels whose SUBSCRIBE was
 * answered: when the connection drops again before the resubscription is answered (a socket timeout
 * during an event-loop stall, say), the client comes back subscribed to nothing, and every live
 * subscription of the process stays deaf for good. Here the channels are this engine's own list, and
 * a resubscription that fails drops the connection so that the next one tries again.
 */
export class RedisChannelPubSub implements PubSubEngineLike {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly logger: Logger;
  private readonly onPossibleLoss: ((reason: string) => void) | undefined;
  private nextId = 0;
  private readonly listeners = new Map<number, { channel: string; listener: Listener }>();
  private readonly channels = new Map<string, Set<number>>();
  /** SUBSCRIBEs in flight, so that concurrent subscribers of a channel wait for the same one. */
  private readonly subscribing = new Map<string, Promise<unknown>>();
  /** The connection dropped while channels were subscribed, and they are not subscribed again yet. */
  private deaf = false;
  /** Counts connections lost, so that a resubscription tells its own connection from a later one. */
  private connectionsLost = 0;
  /** Resubscriptions failed in a row: each waits longer before dropping the connection again. */
  private failedResubscriptions = 0;

  constructor(options: RedisChannelPubSubOptions) {
    this.publisher = options.publisher;
    this.subscriber = options.subscriber;
    this.logger = options.logger;
    this.onPossibleLoss = options.onPossibleLoss;
    this.subscriber.on("message", (channel: string, message: string) => this.deliver(channel, message));
    this.subscriber.on("close", () => {
      this.connectionsLost++;
      if (this.channels.size > 0) this.deaf = true;
    });
    this.subscriber.on("ready", () => {
      if (this.deaf) void this.subscribeAgain();
    });
  }

  async publish(trigger: string, payload: unknown): Promise<void> {
    await this.publisher.publish(trigger, JSON.stringify(payload));
  }

  async subscribe(trigger: string, onMessage: Listener): Promise<number> {
    const id = ++this.nextId;
    let ids = this.channels.get(trigger);
    if (!ids) {
      ids = new Set();
      this.channels.set(trigger, ids);
    }
    ids.add(id);
    this.listeners.set(id, { channel: trigger, listener: onMessage });
    let pending = this.subscribing.get(trigger);
    if (!pending && ids.size === 1) {
      pending = this.subscriber.subscribe(trigger).finally(() => this.subscribing.delete(trigger));
      this.subscribing.set(trigger, pending);
    }
    try {
      await pending;
    } catch (error) {
      this.unsubscribe(id);
      throw error;
    }
    return id;
  }

  unsubscribe(subscriptionId: number): void {
    const entry = this.listeners.get(subscriptionId);
    if (!entry) return;
    this.listeners.delete(subscriptionId);
    const ids = this.channels.get(entry.channel);
    ids?.delete(subscriptionId);
    if (ids && ids.size === 0) {
      this.channels.delete(entry.channel);
      this.subscriber.unsubscribe(entry.channel).catch((error: unknown) => {
        // Messages that still arrive find no listener; the subscription ends with the connection.
        this.logger.debug({ err: error, channel: entry.channel }, "live-tile unsubscribe failed");
      });
    }
  }

  /** On a new connection after a lost one: every channel again, then the loss is reported. */
  private async subscribeAgain(): Promise<void> {
    const connection = this.connectionsLost;
    const channels = [...this.channels.keys()];
    try {
      if (channels.length > 0) await this.subscriber.subscribe(...channels);
    } catch (error) {
      // A later connection has its own attempt; this one is still up but deaf: drop it to try
      // again, after a pause that grows while it keeps failing (an error Redis answers, say).
      if (connection !== this.connectionsLost) return;
      const delayMs = Math.min(100 * 2 ** this.failedResubscriptions, MAX_RETRY_DELAY_MS);
      this.failedResubscriptions++;
      this.logger.warn(
        { err: error, channels: channels.length, retryInMs: delayMs },
        "live-tile channels not subscribed again after a reconnect; reconnecting to retry",
      );
      setTimeout(() => {
        if (connection === this.connectionsLost && this.deaf) this.subscriber.disconnect(true);
      }, delayMs).unref();
      return;
    }
    // Lost again before the reply was taken in: the next connection subscribes them.
    if (connection !== this.connectionsLost || !this.deaf) return;
    this.deaf = false;
    this.failedResubscriptions = 0;
    this.logger.info({ channels: channels.length }, "live-tile channels subscribed again after a reconnect");
    this.onPossibleLoss?.("live-tile subscriber reconnected");
  }

  private deliver(channel: string, message: string): void {
    const ids = this.channels.get(channel);
    if (!ids || ids.size === 0) return;
    let payload: unknown;
    try {
      payload = JSON.parse(message);
    } catch {
      this.logger.warn({ channel, bytes: message.length }, "ignored a change message that is not JSON");
      return;
    }
    for (const id of [...ids]) this.listeners.get(id)?.listener(payload);
  }
}
