import type { L1Cache, InvalidationBus, Logger } from "./ports.js";
import type { ResponseReuse } from "./response-reuse.js";

/**
 * Keeps this instance's L1 (and the answers reused from it) in step with every instance's writes:
 * evicts what the bus names, and drops everything when the bus says messages may be lost.
 * Resolves with the subscription once it is in place.
 */
export function followInvalidations(
  bus: InvalidationBus,
  options: {
    readonly l1: L1Cache;
    readonly responseReuse?: ResponseReuse | undefined;
    readonly logger: Logger;
  },
): Promise<{ unsubscribe(): Promise<void> }> {
  const { l1, responseReuse, logger } = options;
  return bus.subscribe({
    onInvalidate: (keys) => {
      l1.evict(keys);
      responseReuse?.keysChanged(keys);
    },
    onPossibleLoss: (reason) => {
      // Some invalidations may be gone: anything in L1 could be stale, and so could any answer.
      l1.evictAll();
      responseReuse?.everythingChanged();
      logger.warn({ reason }, "invalidations may have been lost; L1 cleared");
    },
  });
}
