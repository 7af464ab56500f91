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
  /** Every subscription hears the generic channel: the process subscribes to it once, and fans out. */
  private readonly generic: SlicedFanOut;

  constructor(private readonly options: PubSubChangeFeedOptions) {
    this.generic = new SlicedFanOut(
      (onMessage) => options.pubsub.subscribe(this.genericChannel(), onMessage).then(() => undefined),
      (error) => options.logger.error({ err: error }, "a generic change listener failed"),
    );
  }

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
    const [ids] = await Promise.all([
      viewer.kind === "user"
        ? pubsub.subscribe(this.userChannel(viewer.id), deliver).then((id) => [id])
        : Promise.resolve([]),
      this.generic.ready(),
    ]);
    const stopGeneric = this.generic.add(deliver);
    // Called as the handlers' method: a handler object may be a class instance that needs its `this`.
    const onLoss = handlers.onPossibleLoss && ((reason: string) => handlers.onPossibleLoss?.(reason));
    if (onLoss) this.lossListeners.add(onLoss);
    return async () => {
      if (onLoss) this.lossListeners.delete(onLoss);
      stopGeneric();
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

type Listener = (payload: unknown) => void;

/** Listeners one macrotask hands a message to at first; then as many as fit in `SLICE_TARGET_MS`. */
const FIRST_SLICE = 16;
const SLICE_TARGET_MS = 8;
const MAX_SLICE = 4_096;

/**
 * One message to many listeners, in slices that yield to the event loop (setImmediate) between
 * them. A listener's work (its delta, the GraphQL execution, the socket write) runs in the
 * microtasks after its slice, so the first subscribers get their message while the rest wait their
 * turn, and other I/O (a personal change, an HTTP request) is served between slices instead of after
 * the whole fan-out. Messages go out in the order they came, each to the listeners there were when
 * it came and still are when their turn comes. The slice size adapts to how long a slice took.
 */
export class SlicedFanOut {
  private readonly listeners = new Set<Listener>();
  private readonly pending: { readonly payload: unknown; readonly to: Listener[]; next: number }[] = [];
  private subscribed: Promise<void> | undefined;
  private scheduled = false;
  private slice = FIRST_SLICE;
  private sliceStartedMs: number | undefined;

  constructor(
    private readonly subscribe: (onMessage: Listener) => Promise<void>,
    private readonly onListenerError: (error: unknown) => void,
  ) {}

  /** Resolves once the shared subscription is in place (a failed attempt is retried by the next call). */
  ready(): Promise<void> {
    this.subscribed ??= this.subscribe((payload) => this.publish(payload)).catch((error: unknown) => {
      this.subscribed = undefined;
      throw error;
    });
    return this.subscribed;
  }

  /** Adds a listener; the returned function removes it (and it hears nothing more, even mid fan-out). */
  add(listener: Listener): () => void {
    // The same function twice would be one listener; wrapped, each `add` is its own.
    const own: Listener = (payload) => listener(payload);
    this.listeners.add(own);
    return () => {
      this.listeners.delete(own);
    };
  }

  private publish(payload: unknown): void {
    if (this.listeners.size === 0) return;
    this.pending.push({ payload, to: [...this.listeners], next: 0 });
    if (!this.scheduled) {
      this.scheduled = true;
      // The first slice at once: the message came in its own macrotask already.
      this.run();
    }
  }

  private run(): void {
    const nowMs = performance.now();
    if (this.sliceStartedMs !== undefined) {
      // The previous slice's listeners ran in the microtasks after it, and I/O in between.
      const tookMs = Math.max(nowMs - this.sliceStartedMs, 0.1);
      this.slice = Math.min(MAX_SLICE, Math.max(1, Math.round((this.slice * SLICE_TARGET_MS) / tookMs)));
    }
    this.sliceStartedMs = nowMs;
    let budget = this.slice;
    while (budget > 0) {
      const message = this.pending[0];
      if (!message) break;
      while (budget > 0 && message.next < message.to.length) {
        const listener = message.to[message.next++] as Listener;
        budget--;
        if (!this.listeners.has(listener)) continue;
        try {
          listener(message.payload);
        } catch (error) {
          // A listener's own failure is its subscription's; the others still get the message.
          this.onListenerError(error);
        }
      }
      if (message.next >= message.to.length) this.pending.shift();
    }
    if (this.pending.length > 0) {
      setImmediate(() => this.run());
    } else {
      this.scheduled = false;
      this.sliceStartedMs = undefined;
      this.slice = FIRST_SLICE;
    }
  }
}
