/**
 * What graphql-subscriptions' in-memory `PubSub`, `RedisChannelPubSub` and `RedisShardedPubSub`
 * share: the engine under `PubSubChangeFeed`.
 */
export interface PubSubEngineLike {
  publish(trigger: string, payload: unknown): Promise<void>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the engines type messages as any
  subscribe(trigger: string, onMessage: (payload: any) => void, options?: unknown): Promise<number>;
  unsubscribe(subscriptionId: number): void;
}
