import type { RedisCommands } from "../redis-cluster-client.js";
import { isCluster } from "../redis-cluster-client.js";
import { pairsOf } from "./replies.js";
import type { HeartbeatSettings, StreamContext } from "./settings.js";

/**
 * Liveness between instances: every `intervalMs` the consumer says it is alive (a key with a TTL)
 * and looks for consumers with entries pending whose heartbeat lapsed (a crashed process). Those go
 * into `lapsed`, for the consumer to claim, and the consumer's blocking read is ended so that it
 * claims them at once. Failures only delay the next beat.
 */
export class Heartbeat {
  constructor(
    private readonly context: StreamContext,
    private readonly heartbeat: HeartbeatSettings,
    private readonly parts: {
      /** Consumers whose heartbeat lapsed with entries pending, shared with the consumer. */
      readonly lapsed: Set<string>;
      readonly signal: AbortSignal;
      /** The stream connection's CLIENT ID while it blocks in a read that may be ended early. */
      readonly blockedClientId: () => number | undefined;
    },
  ) {}

  /** Beats until the signal aborts. */
  async run(): Promise<void> {
    const { heartbeat, context } = this;
    const { clock, logger, settings } = context;
    while (!this.parts.signal.aborted) {
      try {
        await heartbeat.redis.set(
          this.aliveKey(settings.consumer),
          String(clock.nowMs()),
          "PX",
          heartbeat.ttlMs,
        );
        const lapsed = await this.lapsedConsumers();
        if (lapsed.length > 0) {
          for (const name of lapsed) this.parts.lapsed.add(name);
          const clientId = this.parts.blockedClientId();
          if (clientId !== undefined) {
            await heartbeat.redis.call("CLIENT", "UNBLOCK", clientId);
          }
        }
      } catch (error) {
        logger.debug({ err: error, stream: settings.stream }, "update stream heartbeat failed; retrying");
      }
      try {
        await clock.sleep(heartbeat.intervalMs, this.parts.signal);
      } catch {
        // Only stop() aborts the sleep; the loop condition ends the loop.
      }
    }
  }

  /** Says this consumer is gone, so its entries read but not applied are claimed at once. */
  async forget(): Promise<void> {
    await this.heartbeat.redis.del(this.aliveKey(this.context.settings.consumer)).catch(() => undefined);
  }

  /** The key whose presence says `consumer` is alive. */
  private aliveKey(consumer: string): string {
    return `${this.context.settings.stream}:alive:${consumer}`;
  }

  /** Other consumers with entries pending, no heartbeat, and no read for at least the TTL. */
  private async lapsedConsumers(): Promise<string[]> {
    const { heartbeat } = this;
    const { stream, group, consumer } = this.context.settings;
    const consumers = (await heartbeat.redis.xinfo("CONSUMERS", stream, group)) as unknown;
    const holding = (Array.isArray(consumers) ? consumers : [])
      .map(pairsOf)
      .filter((info) => {
        const name = info.get("name");
        return (
          typeof name === "string" &&
          name !== consumer &&
          Number(info.get("pending")) > 0 &&
          // A consumer that read a moment ago is alive, heartbeat or not (an older gateway, say).
          Number(info.get("idle")) >= heartbeat.ttlMs
        );
      })
      .map((info) => String(info.get("name")));
    if (holding.length === 0) return [];
    // EXISTS per key, not one MGET: MGET is the request path's command, and counts of it measure that.
    // On a Cluster the keys may be in other slots than each other: no pipeline there.
    if (isCluster(heartbeat.redis)) {
      const redis: RedisCommands = heartbeat.redis;
      const found = await Promise.all(holding.map((name) => redis.exists(this.aliveKey(name))));
      return holding.filter((_name, index) => found[index] === 0);
    }
    const pipeline = heartbeat.redis.pipeline();
    for (const name of holding) pipeline.exists(this.aliveKey(name));
    const alive = (await pipeline.exec()) ?? [];
    return holding.filter((_name, index) => alive[index]?.[1] === 0);
  }
}
