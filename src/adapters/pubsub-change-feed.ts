import {
  type ChangeFeed,
  type ChangeHandlers,
  GENERIC_CHANNEL_NAME,
  type Logger,
  type ProductChange,
  type Viewer,
  viewerChannelName,
} from "../domain/index.js";
import type { PubSubEngineLike } from "./pubsub-engine.js";

export type { PubSubEngineLike };

export interface PubSubChangeFeedOptions {
  readonly pubsub: PubSubEngineLike;
  /** Channel names start with it, e.g. "hg:". */
  readonly prefix: string;
  readonly logger: Logger;
}

/**
 * Changes on pub/sub channels: one per viewer (`<prefix>changes:user:<id>`) for personal and plan
 * changes, and one for generic changes that every subscription hears. With `RedisChannelPubSub` or
 * `RedisShardedPubSub` this fans out across gateway instances; with the in-memory `PubSub` it stays
 * in the process.
 */
export class PubSubChangeFeed implements ChangeFeed {
  private readonly lossListeners = new Set<(reason: string) => void>();

  constructor(private readonly options: PubSubChangeFeedOptions) {}

  async publish(change: ProductChange): Promise<void> {
    const channel = change.kind === "generic" ? this.genericChannel() : this.userChannel(change.user);
    await this.options.pubsub.publish(channel, change);
  }

  async listen(viewer: Viewer, handlers: ChangeHandlers): Promise<() => Promise<void>> {
    const { pubsub, logger } = this.options;
    const deliver = (payload: unknown): void => {
      if (!isChange(payload)) {
        logger.warn({ payload }, "ignored a malformed change message");
        return;
      }
      // A per-user channel only carries that user's changes; checked anyway, a leak is not an option.
      if (payload.kind !== "generic" && (viewer.kind !== "user" || payload.user !== viewer.id)) return;
      handlers.onChange(payload);
    };
    const channels = [
      this.genericChannel(),
      ...(viewer.kind === "user" ? [this.userChannel(viewer.id)] : []),
    ];
    const ids = await Promise.all(channels.map((channel) => pubsub.subscribe(channel, deliver)));
    // Called as the handlers' method: a handler object may be a class instance that needs its `this`.
    const onLoss = handlers.onPossibleLoss && ((reason: string) => handlers.onPossibleLoss?.(reason));
    if (onLoss) this.lossListeners.add(onLoss);
    return async () => {
      if (onLoss) this.lossListeners.delete(onLoss);
      for (const id of ids) pubsub.unsubscribe(id);
    };
  }

  /** For the composition: the transport reconnected, so listeners may have missed changes. */
  possibleLoss(reason: string): void {
    for (const listener of this.lossListeners) listener(reason);
  }

  private userChannel(user: string): string {
    return `${this.options.prefix}${viewerChannelName(user)}`;
  }

  private genericChannel(): string {
    return `${this.options.prefix}${GENERIC_CHANNEL_NAME}`;
  }
}

function isChange(value: unknown): value is ProductChange {
  if (!value || typeof value !== "object") return false;
  const change = value as Partial<ProductChange> & { info?: { id?: unknown; version?: unknown } };
  switch (change.kind) {
    case "personal":
      return (
        typeof change.user === "string" &&
        typeof change.info?.id === "string" &&
        typeof change.info.version === "number"
      );
    case "generic":
      return typeof change.info?.id === "string" && typeof change.info.version === "number";
    case "plan":
      return typeof change.user === "string";
    default:
      return false;
  }
}
