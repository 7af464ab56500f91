import { EventEmitter } from "node:events";
import type { Cluster, Redis } from "ioredis";
import { PubSub } from "graphql-subscriptions";
import { PubSubChangeFeed } from "../adapters/pubsub-change-feed.js";
import type { PubSubEngineLike } from "../adapters/pubsub-engine.js";
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
  return feedReportingLoss(
    feedOptions,
    (onPossibleLoss) =>
      new RedisChannelPubSub({ publisher, subscriber, logger: options.logger, onPossibleLoss }),
  );
}

/** Over a Redis Cluster: sharded pub/sub, `subscriber` created with `shardedSubscribers: true`. */
export function shardedChangeFeed(
  options: FeedOptions & { readonly publisher: Cluster; readonly subscriber: Cluster },
): PubSubChangeFeed {
  const { publisher, subscriber, ...feedOptions } = options;
  return feedReportingLoss(
    feedOptions,
    (onPossibleLoss) =>
      new RedisShardedPubSub({ publisher, subscriber, logger: options.logger, onPossibleLoss }),
  );
}

/**
 * A feed over an engine that reports possible loss: pub/sub loses what is sent while a subscriber
 * is away, so the feed's subscriptions resync once the engine is subscribed again.
 */
function feedReportingLoss(
  options: FeedOptions,
  engineFor: (onPossibleLoss: (reason: string) => void) => PubSubEngineLike,
): PubSubChangeFeed {
  const feed: PubSubChangeFeed = new PubSubChangeFeed({
    pubsub: engineFor((reason) => feed.possibleLoss(reason)),
    ...options,
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
