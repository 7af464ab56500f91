import { Redis } from "ioredis";
import { authorizationsFor, expectScreen } from "../support/home.js";
import { type CacheCounts, cacheCounts, scrape } from "../support/metrics.js";
import type { RunningGateway } from "../support/processes.js";
import { RedisMonitor } from "../support/monitor.js";
import { sleep } from "../support/stats.js";

export type CacheState = "L1 hit" | "L2 hit (L1 off)" | "cold" | "L1 hit, rate limiter off";

export interface CostRow {
  readonly tiles: number;
  readonly state: CacheState;
  readonly requests: number;
  /** Commands the gateway sent Redis per home on behalf of the requests, by name. */
  readonly perHomeCommands: Readonly<Record<string, number>>;
  readonly perHomeTotal: number;
  /** Commands of the gateway's background work during the count, per second, by what sent them. */
  readonly backgroundPerSec: Readonly<Record<string, number>>;
  /** Counters per home (L1/L2 hits and misses, product-service calls). */
  readonly perHome: CacheCounts;
}

/**
 * Scenario 5, counted rather than timed: Redis commands and product-service calls per home, one
 * request at a time, in each cache state. Commands are read with MONITOR on the gateway's own Redis
 * and attributed by connection: what runs inside a Lua script is not a command the gateway sent,
 * and the rate limiter's periodic sync and the update consumer's reads are background work, counted
 * apart, per second.
 */
export async function costScenario(options: {
  readonly gateways: readonly {
    readonly warm: RunningGateway;
    readonly l2Only: RunningGateway;
    readonly cold: RunningGateway;
  }[];
  /** A gateway without the rate limiter, to count what the limiter adds on L1 hits. */
  readonly noLimiter?: RunningGateway;
  readonly requests: number;
  readonly authorization: string;
}): Promise<CostRow[]> {
  const rows: CostRow[] = [];
  const viewer = Array<string>(options.requests).fill(options.authorization);
  for (const { warm, l2Only, cold } of options.gateways) {
    const tiles = warm.spec.tiles;
    rows.push(await count(warm, "L1 hit", tiles, viewer));
    rows.push(await count(l2Only, "L2 hit (L1 off)", tiles, viewer));
    const fresh = Array.from({ length: options.requests }, (_, index) => `cost-${tiles}-${index}`);
    rows.push(await count(cold, "cold", tiles, await authorizationsFor(fresh)));
    if (options.noLimiter?.spec.tiles === tiles) {
      rows.push(await count(options.noLimiter, "L1 hit, rate limiter off", tiles, viewer));
    }
  }
  return rows;
}

async function count(
  gateway: RunningGateway,
  state: CacheState,
  tiles: number,
  authorizations: readonly string[],
): Promise<CostRow> {
  // The viewer's screen is in the caches before counting (fresh viewers stay fresh: they differ).
  if (state !== "cold") await expectScreen(gateway.origin, authorizations[0] as string, tiles);
  const before = await scrape(gateway.origin);
  const startedMs = performance.now();
  const commands = await monitored(gateway.redis.url, async () => {
    for (const authorization of authorizations) await expectScreen(gateway.origin, authorization, tiles);
    // L2 writes after a cold load land after the answer: leave them time to be counted.
    await sleep(200);
  });
  const seconds = (performance.now() - startedMs) / 1_000;
  const counts = cacheCounts(before, await scrape(gateway.origin));
  const per = (value: number): number => value / authorizations.length;
  const perHomeCommands: Record<string, number> = {};
  const backgroundPerSec: Record<string, number> = {};
  for (const command of commands) {
    const background = backgroundOf(command);
    if (background) backgroundPerSec[background] = (backgroundPerSec[background] ?? 0) + 1 / seconds;
    else perHomeCommands[command.name] = (perHomeCommands[command.name] ?? 0) + per(1);
  }
  return {
    tiles,
    state,
    requests: authorizations.length,
    perHomeCommands,
    perHomeTotal: Object.values(perHomeCommands).reduce((sum, value) => sum + value, 0),
    backgroundPerSec,
    perHome: {
      l1Hits: per(counts.l1Hits),
      l1Misses: per(counts.l1Misses),
      l2Hits: per(counts.l2Hits),
      l2Misses: per(counts.l2Misses),
      upstreamCalls: per(counts.upstreamCalls),
    },
  };
}

interface SentCommand {
  readonly connection: string;
  readonly name: string;
  readonly key: string;
}

/** Work the gateway does on its own schedule, whatever the requests, named; undefined for request work. */
function backgroundOf(command: SentCommand): string | undefined {
  if (command.connection === "home-gateway:updates") return "update consumer";
  if ((command.name === "incrby" || command.name === "pexpire") && command.key.includes("rl:")) {
    return "rate-limit sync";
  }
  if (command.connection !== "home-gateway:commands") return command.connection.replace(/^home-gateway:/, "");
  return undefined;
}

/** The commands gateway connections sent while `action` ran (MONITOR), Lua scripts' inner calls left out. */
async function monitored(url: string, action: () => Promise<void>): Promise<SentCommand[]> {
  const admin = new Redis(url, { maxRetriesPerRequest: 1 });
  let monitor: RedisMonitor | undefined;
  try {
    monitor = await RedisMonitor.start(url);
    await sleep(50);
    await action();
    monitor.stop();
    const names = new Map<string, string>();
    for (const line of ((await admin.call("CLIENT", "LIST")) as string).split("\n")) {
      const address = /\baddr=(\S+)/.exec(line)?.[1];
      const name = /\bname=(\S*)/.exec(line)?.[1];
      if (address && name) names.set(address, name);
    }
    return monitor.commands.flatMap(({ source, args }) => {
      const connection = names.get(source);
      // "lua" runs inside a script; unnamed connections are the bench's own.
      return connection?.startsWith("home-gateway")
        ? [{ connection, name: (args[0] ?? "").toLowerCase(), key: args[1] ?? "" }]
        : [];
    });
  } finally {
    monitor?.stop();
    admin.disconnect();
  }
}
