import { FakeInvalidationBus } from "../adapters/fakes/fake-invalidation-bus.js";
import { FakeL2Cache } from "../adapters/fakes/fake-l2-cache.js";
import { FakeLocks } from "../adapters/fakes/fake-locks.js";
import { FakeUpdateSource } from "../adapters/fakes/fake-update-source.js";
import { FlexibleRateLimiter } from "../adapters/flexible-rate-limiter.js";
import type { PubSubChangeFeed } from "../adapters/pubsub-change-feed.js";
import type { Clock, Logger } from "../domain/index.js";
import { inMemoryChangeFeed } from "./change-feeds.js";
import { type Mode, type ModeContext, task, traced, updateApplierFor } from "./mode.js";

/**
 * In-process stand-ins for Redis: one instance, nothing shared, nothing to install. The embedded
 * mode runs on them, and so do the tests (`test/support/test-app.ts`), which keep the fakes' types
 * to seed them and look into them.
 */
export function inMemoryInfrastructure(options: {
  readonly clock: Clock;
  readonly logger: Logger;
  /** Prefixes the change feed's channel names. */
  readonly prefix: string;
}): { l2: FakeL2Cache; bus: FakeInvalidationBus; locks: FakeLocks; changes: PubSubChangeFeed } {
  return {
    l2: new FakeL2Cache({ clock: options.clock }),
    bus: new FakeInvalidationBus(),
    locks: new FakeLocks({ clock: options.clock }),
    changes: inMemoryChangeFeed({ prefix: options.prefix, logger: options.logger }),
  };
}

/** The embedded mode (no REDIS_URL): everything in memory, budgets per instance. */
export function inMemoryMode(context: ModeContext): Mode {
  const { config, clock, logger } = context;
  const infrastructure = inMemoryInfrastructure({ clock, logger, prefix: config.REDIS_KEY_PREFIX });
  const { l2, changes } = traced(context, infrastructure);
  const { bus, locks } = infrastructure;
  // The update stream in memory: a queue applied in order, validated like the Redis stream.
  const updates = new FakeUpdateSource({
    applier: updateApplierFor(context, { l2, bus, changes, activeViewers: undefined }),
    clock,
    logger,
  });
  const rateLimiter =
    config.RATE_LIMIT_PER_MINUTE > 0
      ? new FlexibleRateLimiter({
          points: config.RATE_LIMIT_PER_MINUTE,
          windowSeconds: 60,
          keyPrefix: config.REDIS_KEY_PREFIX,
          logger,
        })
      : undefined;
  return {
    name: "embedded",
    l2,
    bus,
    locks,
    changes,
    ...(rateLimiter && { rateLimiter }),
    readiness: [],
    push: async (event) => updates.append(event),
    background: [task("update-stream", updates)],
    close: async () => undefined,
  };
}
