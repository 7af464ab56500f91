import { EventEmitter } from "node:events";
import type { Cluster, Redis } from "ioredis";
import { PubSub } from "graphql-subscriptions";
import { PubSubChangeFeed } from "../adapters/pubsub-change-feed.js";
import { RedisChannelPubSub } from "../adapters/redis-channel-pubsub.js";
import { RedisShardedPubSub } from "../adapters/redis-sharded-pubsub.js";
import type { Logger } from "../domain/index.js";

/**
 * The live-tile change feed of each mode, with its loss reporting wired in: what the modes build
 * and what test/contract/change-feed.contract.ts runs.
 */
interface FeedOptions {
  /** Prefixes the channel names, e.g. "hg:". */
  readonly prefix: string;
  readonly logger: Logger;
}

/** In one process (the embedded mode, tests): nothing is shared, nothing can be lost. */
export function inMemoryChangeFeed(options: FeedOptions): PubSubChangeFeed {
  return new PubSubChangeFeed({ pubsub: new PubSub({ eventEmitter: unboundedEmitter() }), ...options });
}

/**
 * Over one Redis: classic pub/sub on `subscriber`, a connection of its own created with
 * `autoResubscribe: false` (the engine subscribes its channels again itself after a reconnect).
 */
export function redisChangeFeed(
  options: FeedOptions & { readonly publisher: Redis; readonly subscriber: Redis },
): PubSubChangeFeed {
  const { publisher, subscriber, ...feedOptions } = options;
  const feed: PubSubChangeFeed = new PubSubChangeFeed({
    pubsub: new RedisChannelPubSub({
      publisher,
      subscriber,
      logger: options.logger,
      // Pub/sub loses what is sent while the subscriber is away: subscriptions resync once it is
      // subscribed again.
      onPossibleLoss: (reason) => feed.possibleLoss(reason),
    }),
    ...feedOptions,
  });
  return feed;
}

/** Over a Redis Cluster: sharded pub/sub, `subscriber` created with `shardedSubscribers: true`. */
export function shardedChangeFeed(
  options: FeedOptions & { readonly publisher: Cluster; readonly subscriber: Cluster },
): PubSubChangeFeed {
  const { publisher, subscriber, ...feedOptions } = options;
  const feed: PubSubChangeFeed = new PubSubChangeFeed({
    pubsub: new RedisShardedPubSub({
      publisher,
      subscriber,
      logger: options.logger,
      // Pub/sub loses what is sent while a shard's subscriber is away: subscriptions resync after it.
      onPossibleLoss: (reason) => feed.possibleLoss(reason),
    }),
    ...feedOptions,
  });
  return feed;
}

/**
 * The in-memory feed's emitter: every live subscription listens on the generic channel, so more
 * than Node's default of 10 listeners is the normal case, not a leak to warn about.
 */
function unboundedEmitter(): EventEmitter {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return emitter;
}
