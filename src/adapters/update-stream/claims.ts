import { boundedRead } from "./bounded-read.js";
import type { StreamEntry } from "./replies.js";
import type { StreamContext } from "./settings.js";

/** Pages of XAUTOCLAIM per sweep, so a huge backlog of idle entries cannot starve new ones. */
const MAX_CLAIM_PAGES_PER_SWEEP = 10;

/**
 * Takes over entries every consumer (this one too) left unacknowledged past `claimIdleMs`, and
 * hands them to `handle`, which answers how many failed. Returns the failures.
 */
export async function claimIdleEntries(
  context: StreamContext,
  handle: (entries: readonly StreamEntry[], origin: "claimed") => Promise<number>,
  stopping: () => boolean,
): Promise<number> {
  const { settings, metrics, logger } = context;
  let failed = 0;
  let cursor = "0-0";
  for (let page = 0; page < MAX_CLAIM_PAGES_PER_SWEEP && !stopping(); page++) {
    const read = await boundedRead(context, "claim", cursor, settings.batchSize);
    if (read.entries.length > 0) {
      metrics.updatesClaimed(read.entries.length);
      logger.info(
        { stream: settings.stream, count: read.entries.length, first: read.entries[0]?.id },
        "claimed update entries left idle by a consumer",
      );
      failed += await handle(read.entries, "claimed");
    }
    cursor = read.cursor;
    if (read.finished) break;
  }
  return failed;
}

/**
 * Moves the pending entries of consumers whose heartbeat lapsed to this one (ids only: the
 * entries are then read, bounded, as this consumer's own pending ones). Returns how many.
 */
export async function claimFromLapsed(context: StreamContext, lapsed: Set<string>): Promise<number> {
  const { redis, settings, metrics, logger } = context;
  const { stream, group, consumer, batchSize } = settings;
  let total = 0;
  for (const name of [...lapsed]) {
    let claimed = 0;
    for (;;) {
      const pending = (await redis.xpending(stream, group, "-", "+", batchSize, name)) as [
        string,
        ...unknown[],
      ][];
      if (pending.length === 0) break;
      const ids = pending.map(([id]) => id);
      const moved = (await redis.xclaim(stream, group, consumer, 0, ...ids, "JUSTID")) as string[];
      claimed += moved.length;
      if (moved.length === 0) break;
    }
    lapsed.delete(name);
    if (claimed > 0) {
      metrics.updatesClaimed(claimed);
      logger.info(
        { stream, consumer: name, count: claimed },
        "claimed the pending update entries of a consumer whose heartbeat stopped",
      );
    }
    total += claimed;
  }
  return total;
}
