import type { CacheKey, InvalidationBus, InvalidationHandlers } from "../../domain/index.js";

/**
 * An in-memory bus: `publish` hands the keys to every subscriber before it resolves, so several
 * gateway instances in one process can share one bus. It loses messages and reconnects on demand,
 * and reports a loss the way `RedisInvalidationBus` does: a subscriber that missed messages hears
 * `onPossibleLoss` just before the next message it receives (the Redis bus sees a sequence gap).
 */
export class FakeInvalidationBus implements InvalidationBus {
  /** Everything published, dropped messages included. */
  readonly published: CacheKey[][] = [];
  /** Each subscription, with how many messages it missed since it was last told of a loss. */
  private readonly subscribers = new Map<InvalidationHandlers, { missed: number }>();
  private toDrop = 0;

  async publish(keys: readonly CacheKey[]): Promise<void> {
    const message = [...keys];
    this.published.push(message);
    if (this.toDrop > 0) {
      this.toDrop--;
      for (const state of this.subscribers.values()) state.missed++;
      return;
    }
    const failures: unknown[] = [];
    for (const [handlers, state] of [...this.subscribers]) {
      try {
        if (state.missed > 0) {
          const missed = state.missed;
          state.missed = 0;
          handlers.onPossibleLoss(`gap: ${missed} message(s) lost before this one`);
        }
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
    this.subscribers.set(subscription, { missed: 0 });
    return {
      unsubscribe: async () => {
        this.subscribers.delete(subscription);
      },
    };
  }

  /**
   * The next `count` published messages reach nobody, as a flaky pub/sub would lose them; each
   * subscriber that missed one is told at the next message it receives.
   */
  dropNext(count: number): void {
    this.toDrop += count;
  }

  /** Tells every subscriber it may have missed messages, as a real reconnect does. */
  simulateReconnect(reason = "simulated reconnect"): void {
    for (const [handlers, state] of [...this.subscribers]) {
      // This report covers whatever was missed before, as the Redis bus forgets sequences on resubscribe.
      state.missed = 0;
      handlers.onPossibleLoss(reason);
    }
  }

  subscriberCount(): number {
    return this.subscribers.size;
  }
}
