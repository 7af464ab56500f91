import { RedisPubSub } from "graphql-redis-subscriptions";
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
 * The live-tile change feed's engine on one Redis: graphql-redis-subscriptions' `RedisPubSub`
 * (classic pub/sub, messages as JSON, one SUBSCRIBE per channel however many local subscriptions
 * listen to it), with resubscription after a reconnect done here instead of by ioredis.
 *
 * After a reconnect it subscribes every channel it listens to again and only then reports the
 * possible loss, so that subscriptions resync from a snapshot taken while they hear changes again.
 * ioredis's own resubscription (`autoResubscribe`, which `RedisPubSub` relies on) only remembers
 * channels whose SUBSCRIBE was answered: when the connection drops again before the resubscription
 * is answered (a socket timeout during an event-loop stall, say), the client comes back subscribed
 * to nothing, and every live subscription of the process stays deaf for good. Here the channels are
 * this engine's own list, and a resubscription that fails drops the connection so that the next one
 * tries again. `RedisPubSub` keeps its listeners across reconnects and dispatches whatever arrives
 * on the subscriber, so subscribing the channels on the client again is all it takes.
 */
export class RedisChannelPubSub implements PubSubEngineLike {
  private readonly engine: RedisPubSub;
  private readonly subscriber: Redis;
  private readonly logger: Logger;
  private readonly onPossibleLoss: ((reason: string) => void) | undefined;
  /** Subscription id -> channel, for the subscriptions `engine` holds. */
  private readonly subscriptions = new Map<number, string>();
  /** The connection dropped while channels were subscribed, and they are not subscribed again yet. */
  private deaf = false;
  /** Counts connections lost, so that a resubscription tells its own connection from a later one. */
  private connectionsLost = 0;
  /** Resubscriptions failed in a row: each waits longer before dropping the connection again. */
  private failedResubscriptions = 0;

  constructor(options: RedisChannelPubSubOptions) {
    this.engine = new RedisPubSub({
      publisher: options.publisher,
      subscriber: quietUnsubscribes(options.subscriber, options.logger),
    });
    this.subscriber = options.subscriber;
    this.logger = options.logger;
    this.onPossibleLoss = options.onPossibleLoss;
    this.subscriber.on("close", () => {
      this.connectionsLost++;
      if (this.subscriptions.size > 0) this.deaf = true;
    });
    this.subscriber.on("ready", () => {
      if (this.deaf) void this.subscribeAgain();
    });
  }

  async publish(trigger: string, payload: unknown): Promise<void> {
    await this.engine.publish(trigger, payload);
  }

  async subscribe(trigger: string, onMessage: Listener): Promise<number> {
    const id = await this.engine.subscribe(trigger, (payload: unknown) => {
      // `RedisPubSub` hands over the raw text of a message that is not JSON.
      if (typeof payload === "string") {
        this.logger.warn(
          { channel: trigger, bytes: payload.length },
          "ignored a change message that is not JSON",
        );
        return;
      }
      onMessage(payload);
    });
    this.subscriptions.set(id, trigger);
    return id;
  }

  unsubscribe(subscriptionId: number): void {
    if (!this.subscriptions.delete(subscriptionId)) return;
    // The last listener of a channel sends UNSUBSCRIBE (and PUNSUBSCRIBE) without waiting; messages
    // that still arrive find no listener, and one that fails ends with the connection.
    this.engine.unsubscribe(subscriptionId);
  }

  /** On a new connection after a lost one: every channel again, then the loss is reported. */
  private async subscribeAgain(): Promise<void> {
    const connection = this.connectionsLost;
    const channels = [...new Set(this.subscriptions.values())];
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
}

/**
 * The subscriber as `RedisPubSub` sees it: its UNSUBSCRIBE and PUNSUBSCRIBE, which it sends without
 * waiting for the answer, cannot reject unhandled (a connection that is away fails them at once).
 */
function quietUnsubscribes(subscriber: Redis, logger: Logger): Redis {
  const quiet =
    (command: "unsubscribe" | "punsubscribe") =>
    (...channels: string[]): Promise<unknown> =>
      subscriber[command](...channels).catch((error: unknown) => {
        logger.debug({ err: error, channels: channels.length }, `live-tile ${command} failed`);
      });
  const unsubscribe = quiet("unsubscribe");
  const punsubscribe = quiet("punsubscribe");
  return new Proxy(subscriber, {
    get(target, property) {
      if (property === "unsubscribe") return unsubscribe;
      if (property === "punsubscribe") return punsubscribe;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
