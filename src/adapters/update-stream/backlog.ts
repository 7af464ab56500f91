import { pairsOf } from "./replies.js";
import type { StreamContext } from "./settings.js";

/**
 * Samples the group's backlog for the metrics (lag: entries not yet delivered; pending: delivered,
 * not acknowledged), then prunes idle consumers. Failures only cost a sample.
 */
export async function sampleBacklogAndPrune(context: StreamContext): Promise<void> {
  const { redis, settings, logger, metrics } = context;
  let groups: unknown;
  try {
    groups = await redis.xinfo("GROUPS", settings.stream);
  } catch (error) {
    // Only the metrics miss a sample; reading goes on.
    logger.debug({ err: error, stream: settings.stream }, "update stream backlog not sampled");
    return;
  }
  const ours = (Array.isArray(groups) ? groups : [])
    .map(pairsOf)
    .find((info) => info.get("name") === settings.group);
  if (!ours) return;
  const lag = ours.get("lag");
  metrics.updateStreamBacklog({
    lag: typeof lag === "number" ? lag : undefined,
    pending: Number(ours.get("pending") ?? 0),
  });
  await pruneIdleConsumers(context);
}

/**
 * Every process start joins the group as a new consumer; without pruning the group would list
 * every process that ever ran. Only consumers with nothing pending go: deleting one that still
 * holds entries would drop those entries from the group for good.
 */
async function pruneIdleConsumers({ redis, settings, logger }: StreamContext): Promise<void> {
  const { stream, group, consumer, consumerIdleMs } = settings;
  try {
    const consumers = await redis.xinfo("CONSUMERS", stream, group);
    for (const info of (Array.isArray(consumers) ? consumers : []).map(pairsOf)) {
      const name = info.get("name");
      if (typeof name !== "string" || name === consumer) continue;
      if (Number(info.get("pending")) !== 0 || Number(info.get("idle")) < consumerIdleMs) continue;
      await redis.xgroup("DELCONSUMER", stream, group, name);
      logger.info({ stream, consumer: name }, "removed an idle consumer from the update group");
    }
  } catch (error) {
    logger.debug({ err: error, stream }, "idle update consumers not pruned");
  }
}
