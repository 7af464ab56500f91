import type { ChangeFeed, LateArrivals, Logger } from "./ports.js";
import type { ResponseReuse } from "./response-reuse.js";

/**
 * What happens to personalised data that missed the soft timeout (its tile went out generic): the
 * viewer's earlier answers are no longer reused, and the data is pushed to the viewer's live tiles
 * through the change feed. `handler` replaces the push (tests record arrivals instead).
 */
export function lateArrivalsOf(parts: {
  readonly changes: ChangeFeed;
  readonly logger: Logger;
  readonly responseReuse?: ResponseReuse | undefined;
  readonly handler?: LateArrivals | undefined;
}): LateArrivals {
  const { changes, logger, responseReuse, handler } = parts;
  const deliver: LateArrivals = handler ?? {
    arrived: (user, products) => {
      for (const info of products) {
        changes
          .publish({ kind: "personal", user, info })
          .catch((error: unknown) =>
            logger.warn({ err: error, user, product: info.id }, "late data not pushed"),
          );
      }
    },
  };
  if (!responseReuse) return deliver;
  return {
    arrived: (user, products) => {
      // Late personalised data changes what the viewer's next answer shows: no earlier one is reused.
      responseReuse.viewerChanged(user);
      deliver.arrived(user, products);
    },
  };
}
