import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisL2Cache } from "../../src/adapters/redis-l2-cache.js";
import { personalKey } from "../../src/domain/index.js";
import {
  type InProcessGateway,
  type Screen,
  homeScreen,
  productOf,
  readiness,
  startGatewayInProcess,
  tilesOf,
  tokenFor,
  updateStreamOf,
} from "../support/gateways.js";
import { commandCalls, commandsDuring } from "../support/redis-command-stats.js";
import { RedisClients } from "../support/redis-clients.js";
import { type RedisServer, startRedisServer, testKeyPrefix } from "../support/redis-server.js";
import { silentLogger } from "../support/silent-logger.js";
import { waitFor } from "../support/wait-for.js";

/**
 * Whole gateways, composed as main.ts composes them in Redis mode with the default settings,
 * queried over real HTTP: the Redis traffic of a home query, as the server saw it. `INFO
 * commandstats` counts commands; MONITOR says which keys each one touched, so the product cache's
 * traffic can be told apart from the rate limiter's (one script call per request, on its own key).
 */

/** A command as MONITOR showed it; `fromScript` when a Lua script ran it. */
interface Seen {
  readonly name: string;
  readonly args: readonly string[];
  readonly fromScript: boolean;
}

/** The Redis traffic of one action, by kind of key. */
interface Traffic {
  /** Per command name, from `INFO commandstats` (commands run by scripts included). */
  readonly counts: Record<string, number>;
  /** Commands on the product cache's keys (L2). */
  readonly cache: Seen[];
  /** Commands on the rate limiter's keys. */
  readonly rateLimiter: Seen[];
  /** The update stream's consumer (blocking reads, claims), which runs on its own schedule. */
  readonly updateStream: Seen[];
  /** Anything else. */
  readonly other: Seen[];
}

const TILES_PER_USER = 30;

let server: RedisServer;
let clients: RedisClients;
let admin: Redis;
let monitor: Redis | undefined;
let keyPrefix: string;
let l2: RedisL2Cache;
const seen: (Seen | { marker: string })[] = [];
let first: InProcessGateway;
let second: InProcessGateway;

beforeAll(async () => {
  server = await startRedisServer();
  clients = new RedisClients(server.url);
  admin = await clients.open({ connectionName: "test-admin", commandTimeoutMs: 2_000 });
  keyPrefix = testKeyPrefix("gateway-redis");
  l2 = new RedisL2Cache({ redis: admin, keyPrefix, logger: silentLogger });
  monitor = await admin.monitor();
  monitor.on("monitor", (_time: string, args: string[], source: string) => {
    const [name = "", ...rest] = args;
    if (name.toLowerCase() === "echo") seen.push({ marker: rest[0] ?? "" });
    else seen.push({ name: name.toLowerCase(), args: rest, fromScript: source === "lua" });
  });
  // This file counts commands; timeouts are the outage test's subject. A loaded 2-core machine can
  // stall a command past the production 100 ms, five of those open the L2 breaker, and a query
  // then skips L2: nothing left to count.
  const env = { REDIS_COMMAND_TIMEOUT_MS: "1000" };
  first = await startGatewayInProcess({ redisUrl: server.url, keyPrefix, env });
  second = await startGatewayInProcess({ redisUrl: server.url, keyPrefix, env });
});

afterAll(async () => {
  await Promise.allSettled([first?.stop(), second?.stop()]);
  monitor?.disconnect();
  await clients?.closeAll();
  await server?.stop();
});

/**
 * Waits until the server has executed no command for `quietMs` (start-up refreshes, the writes
 * that follow an answer), so that what is measured next belongs to the query alone; and checks
 * that both gateways use L2 (their breakers closed), or there would be nothing to measure.
 */
async function quiet(quietMs = 300): Promise<void> {
  for (const gateway of [first, second]) {
    expect((await readiness(gateway.origin)).body).toEqual({
      status: "ready",
      checks: { redis: "up", updates: "up" },
    });
  }
  // The update stream's consumer polls on its own schedule (a blocking read every 2 s); it is not
  // start-up traffic, and windows leave it out anyway.
  const snapshot = async (): Promise<string> =>
    JSON.stringify(
      [...(await commandCalls(admin))].filter(([name]) => name !== "info" && !name.startsWith("x")),
    );
  let last = await snapshot();
  let sinceMs = Date.now();
  await waitFor(
    async () => {
      const now = await snapshot();
      if (now !== last) {
        last = now;
        sinceMs = Date.now();
      }
      return Date.now() - sinceMs >= quietMs;
    },
    { timeoutMs: 15_000, intervalMs: 50, what: "Redis traffic to settle" },
  );
}

let windows = 0;
/** Runs `action` between two ECHO markers and answers what the server executed in between. */
async function trafficDuring(action: () => Promise<unknown>): Promise<Traffic> {
  const name = `window-${++windows}`;
  await admin.echo(`${name}:start`);
  const counts = await commandsDuring(admin, action);
  await admin.echo(`${name}:end`);
  const window = await waitFor(
    () => {
      const start = seen.findIndex((entry) => "marker" in entry && entry.marker === `${name}:start`);
      const end = seen.findIndex((entry) => "marker" in entry && entry.marker === `${name}:end`);
      return start >= 0 && end > start ? seen.slice(start + 1, end) : undefined;
    },
    { timeoutMs: 5_000, what: "the markers in MONITOR" },
  );
  const commands = window.filter((entry): entry is Seen => "name" in entry && entry.name !== "info");
  const touches = (entry: Seen, prefix: string): boolean => entry.args.some((arg) => arg.startsWith(prefix));
  const cache = commands.filter(
    (entry) => touches(entry, `${keyPrefix}{u:`) || touches(entry, `${keyPrefix}{g}`),
  );
  const rateLimiter = commands.filter((entry) => touches(entry, `${keyPrefix}{rl:`));
  const updateStream = commands.filter((entry) => touches(entry, updateStreamOf(keyPrefix)));
  const other = commands.filter(
    (entry) => !cache.includes(entry) && !rateLimiter.includes(entry) && !updateStream.includes(entry),
  );
  return { counts, cache, rateLimiter, updateStream, other };
}

/** The top-level script calls among `commands` (what a client sent, not what its script ran). */
const scriptCalls = (commands: readonly Seen[]): Seen[] =>
  commands.filter((entry) => !entry.fromScript && (entry.name === "evalsha" || entry.name === "eval"));

/** Reads the client sent itself: a GET or MGET run by a script (the versioned write) is not one. */
const reads = (commands: readonly Seen[]): Seen[] =>
  commands.filter((entry) => !entry.fromScript && (entry.name === "get" || entry.name === "mget"));

/**
 * Asserts that the server ran `name` `expected` times for the request (its commandstats, a witness
 * apart from MONITOR), give or take what the rate limiter's background sync sent meanwhile: its
 * once-a-second MGET of the other instances' counts may fall in any window.
 */
function expectRequestCount(traffic: Traffic, name: string, expected: number): void {
  const background = traffic.rateLimiter.filter((entry) => entry.name === name && !entry.fromScript).length;
  const count = traffic.counts[name] ?? 0;
  expect(count).toBeGreaterThanOrEqual(expected);
  expect(count).toBeLessThanOrEqual(expected + background);
}

async function homeOf(gateway: InProcessGateway, user: string): Promise<Screen> {
  return homeScreen(gateway.origin, await tokenFor(user));
}

describe("the home query through a whole gateway on Redis", () => {
  const user = "ana";
  let tileKeys: string[] = [];

  it("cold: reads the viewer's personalised keys with ONE MGET (never a GET per tile), then writes them to L2", async () => {
    await quiet();
    let screen: Screen | undefined;
    const traffic = await trafficDuring(async () => {
      screen = await homeOf(first, user);
    });

    const tiles = tilesOf(screen as Screen);
    // The demo recommendations plan 30 tiles per user (FakeRecommendations' default).
    expect(tiles).toHaveLength(TILES_PER_USER);
    expect(tiles.every((tile) => tile.personalization.state === "PERSONALIZED")).toBe(true);
    tileKeys = tiles.map((tile) => l2.redisKeyOf(personalKey(user, productOf(tile))));
    expect(new Set(tileKeys).size).toBe(TILES_PER_USER);

    expectRequestCount(traffic, "mget", 1);
    expect(reads(traffic.cache).map((entry) => entry.name)).toEqual(["mget"]);
    expect([...(reads(traffic.cache)[0]?.args ?? [])].sort()).toEqual([...tileKeys].sort());
    // The misses go to L2 afterwards, one versioned write per tile; commandstats counts the GET
    // each write's script runs, which is why GETs are counted but none is a read of the query.
    expect(traffic.counts["get"] ?? 0).toBeLessThanOrEqual(
      (traffic.counts["evalsha"] ?? 0) + (traffic.counts["eval"] ?? 0),
    );
    expect(traffic.other).toEqual([]);

    // The answer does not wait for the L2 writes; make sure they have all landed.
    await waitFor(
      async () =>
        (await l2.getMany(tiles.map((tile) => personalKey(user, productOf(tile))))).size === TILES_PER_USER,
      { timeoutMs: 5_000, what: "the personalised entries in L2" },
    );
  });

  it("warm L2, empty L1 (another instance): the only cache command is one MGET of the viewer's keys", async () => {
    expect(tileKeys).toHaveLength(TILES_PER_USER);
    await quiet();
    let screen: Screen | undefined;
    const traffic = await trafficDuring(async () => {
      screen = await homeOf(second, user);
    });

    const tiles = tilesOf(screen as Screen);
    expect(tiles.map((tile) => l2.redisKeyOf(personalKey(user, productOf(tile))))).toEqual(tileKeys);
    expect(tiles.every((tile) => tile.personalization.state === "PERSONALIZED")).toBe(true);
    expectRequestCount(traffic, "mget", 1);
    expect(traffic.counts["get"]).toBeUndefined();
    expect(traffic.cache).toEqual([{ name: "mget", args: tileKeys, fromScript: false }]);
    expect(traffic.other).toEqual([]);
  });

  it("L1 holds everything: no product-cache command at all, on either instance", async ({ annotate }) => {
    expect(tileKeys).toHaveLength(TILES_PER_USER);
    await quiet();
    const requests = 3;
    const traffic = await trafficDuring(async () => {
      const screens = [await homeOf(first, user), await homeOf(second, user), await homeOf(second, user)];
      for (const screen of screens) {
        expect(tilesOf(screen).map((tile) => l2.redisKeyOf(personalKey(user, productOf(tile))))).toEqual(
          tileKeys,
        );
      }
    });

    expectRequestCount(traffic, "mget", 0);
    expect(traffic.counts["get"]).toBeUndefined();
    expect(traffic.cache).toEqual([]);
    expect(traffic.other).toEqual([]);
    // The shared rate limiter counts in memory and syncs once a second off the request path
    // (INCRBY + PEXPIRE per key counted since, one MGET of the others): nothing in Redis is asked
    // on behalf of a request.
    expect(scriptCalls(traffic.rateLimiter)).toEqual([]);
    expect(
      traffic.rateLimiter.filter(
        (entry) => !["incrby", "pexpire", "mget"].includes(entry.name.toLowerCase()),
      ),
    ).toEqual([]);
    await annotate(
      `${requests} queries served from L1: 0 cache commands; rate limiter: ${JSON.stringify(traffic.counts)}`,
    );
  });

  it("each viewer is read with one MGET of their own keys, also when requests run concurrently", async () => {
    const users = ["bo", "cy", "di", "ed"];
    await quiet();
    const traffic = await trafficDuring(() => Promise.all(users.map((name) => homeOf(first, name))));

    expectRequestCount(traffic, "mget", users.length);
    const mgets = reads(traffic.cache);
    expect(mgets.map((entry) => entry.name)).toEqual(users.map(() => "mget"));
    expect(mgets.map((entry) => entry.args.length)).toEqual(users.map(() => TILES_PER_USER));
    const tagOf = (key: string): string => /\{u:[^}]*\}/.exec(key)?.[0] ?? key;
    const tagsPerMget = mgets.map((entry) => [...new Set(entry.args.map(tagOf))]);
    expect(tagsPerMget.map((tags) => tags.length)).toEqual(users.map(() => 1));
    expect(tagsPerMget.flat().sort()).toEqual(users.map((name) => `{u:${name}}`).sort());
  });
});
