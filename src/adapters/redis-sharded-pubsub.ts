import type { Cluster } from "ioredis";
import type { Logger } from "../domain/ports.js";
import type { PubSubEngineLike } from "./pubsub-engine.js";

export interface RedisShardedPubSubOptions {
  /** For SPUBLISH: a command client from `createRedisClusterClient`. */
  readonly publisher: Cluster;
  /** A client of its own, from `createRedisClusterClient` with `shardedSubscribers: true`. */
  readonly subscriber: Cluster;
  readonly logger: Logger;
  /**
   * Called once ioredis has replaced a failed shard subscriber connection and subscribed again:
   * what was published to that shard meanwhile is lost.
   */
  readonly onPossibleLoss?: (reason: string) => void;
}

type Listener = (payload: unknown) => void;

/**
 * The live-tile change feed's engine on a Redis Cluster: sharded pub/sub, so a viewer's message
 * goes to the shard of its channel's slot (and its replicas) instead of to every node as a classic
 * PUBLISH does. Messages are JSON, as graphql-redis-subscriptions' `RedisPubSub` sends them.
 * One SSUBSCRIBE per channel, however many local subscriptions listen to it.
 */
export class RedisShardedPubSub implements PubSubEngineLike {
  private readonly publisher: Cluster;
  private readonly subscriber: Cluster;
  private readonly logger: Logger;
  private nextId = 0;
  private readonly listeners = new Map<number, { channel: string; listener: Listener }>();
  private readonly channels = new Map<string, Set<number>>();
  /** SSUBSCRIBEs in flight, so that concurrent subscribers of a channel wait for the same one. */
  private readonly subscribing = new Map<string, Promise<unknown>>();
  private deaf = false;

  constructor(options: RedisShardedPubSubOptions) {
    this.publisher = options.publisher;
    this.subscriber = options.subscriber;
    this.logger = options.logger;
    this.subscriber.on("smessage", (channel: string, message: string) => this.deliver(channel, message));
    this.subscriber.on("-subscriber", () => {
      if (this.channels.size > 0) this.deaf = true;
    });
    this.subscriber.on("subscribersReady", () => {
      if (!this.deaf) return;
      this.deaf = false;
      options.onPossibleLoss?.("a sharded subscriber connection was replaced");
    });
  }

  async publish(trigger: string, payload: unknown): Promise<void> {
    await this.publisher.spublish(trigger, JSON.stringify(payload));
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
      pending = this.subscriber.ssubscribe(trigger).finally(() => this.subscribing.delete(trigger));
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
      this.subscriber.sunsubscribe(entry.channel).catch((error: unknown) => {
        // Messages that still arrive find no listener; the subscription ends with the connection.
        this.logger.debug({ err: error, channel: entry.channel }, "sharded unsubscribe failed");
      });
    }
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
