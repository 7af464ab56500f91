import type { CacheKey, InvalidationBus, InvalidationHandlers } from "../../domain/index.js";

/**
 * An in-memory bus: `publish` hands the keys to every subscriber before it resolves, so several
 * gateway instances in one process can share one bus. It loses messages and reconnects on demand.
 */
export class FakeInvalidationBus implements InvalidationBus {
  /** Everything published, dropped messages included. */
  readonly published: CacheKey[][] = [];
  private readonly subscribers = new Set<InvalidationHandlers>();
  private toDrop = 0;

  async publish(keys: readonly CacheKey[]): Promise<void> {
    const message = [...keys];
    this.published.push(message);
    if (this.toDrop > 0) {
      this.toDrop--;
      return;
    }
    const failures: unknown[] = [];
    for (const handlers of [...this.subscribers]) {
      try {
        handlers.onInvalidate(message);
      } catch (error) {
        // One subscriber's bug must not keep the message from the others; it still surfaces below.
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, "an invalidation subscriber threw");
  }

  async subscribe(handlers: InvalidationHandlers): Promise<{ unsubscribe(): Promise<void> }> {
    // A distinct object per subscription, so subscribing the same handlers twice delivers twice.
    const subscription: InvalidationHandlers = {
      onInvalidate: (keys) => handlers.onInvalidate(keys),
      onPossibleLoss: (reason) => handlers.onPossibleLoss(reason),
    };
    this.subscribers.add(subscription);
    return {
      unsubscribe: async () => {
        this.subscribers.delete(subscription);
      },
    };
  }

  /** The next `count` published messages reach nobody, as a flaky pub/sub would lose them. */
  dropNext(count: number): void {
    this.toDrop += count;
  }

  /** Tells every subscriber it may have missed messages, as a real reconnect does. */
  simulateReconnect(reason = "simulated reconnect"): void {
    for (const handlers of [...this.subscribers]) handlers.onPossibleLoss(reason);
  }

  subscriberCount(): number {
    return this.subscribers.size;
  }
}
