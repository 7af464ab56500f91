import { Redis } from "ioredis";
import { commandCalls } from "../../test/support/redis-command-stats.js";
import { accounted } from "../support/cpu.js";
import {
  FIRST_SECTIONS,
  LAZY_HOME_BODY,
  authorizationsFor,
  expectAnswer,
  expectScreen,
  sectionPageBody,
  sectionsOf,
} from "../support/home.js";
import { always, eachOnce, roundRobin, runLoad } from "../support/load.js";
import { cacheCounts, hitRatio, l2BreakerState, scrape } from "../support/metrics.js";
import type { RunningGateway } from "../support/processes.js";
import { loadScreens } from "../support/screen-client.js";

/** One run of one case. */
export interface Measurement {
  /** Requests (or whole screens) per second. */
  readonly rate: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Failed requests or screens: a run with any is reported, and its figures are not trusted. */
  readonly failures: number;
  /** CPU time the server process (gateway or limit server) spent per request or screen. */
  readonly serverCpuMs: number;
  /** Cores' worth of CPU used by processes outside the bench meanwhile: competition on a shared machine. */
  readonly foreignCores: number;
  readonly l1HitRatio?: number | undefined;
  readonly l2HitRatio?: number | undefined;
  /** Commands the gateway's Redis ran per request (INFO commandstats: inner Lua calls included). */
  readonly redisPerRequest?: number | undefined;
  /** Of the Redis commands, the rate limiter's periodic sync (INCRBY, PEXPIRE), per second. */
  readonly rateLimitSyncPerSec?: number | undefined;
  /** Something that makes this run's figure less than it claims (e.g. fresh viewers ran out). */
  readonly caveat?: string | undefined;
}

export interface Case {
  readonly id: string;
  readonly scenario: 1 | 2 | 3 | 4;
  readonly label: string;
  readonly tiles: number;
  readonly unit: "req/s" | "screens/s";
  /** The case this one is compared with (its ratio is rate / baseline rate). */
  readonly baseline?: string;
  /** Once, before the first round (e.g. filling caches for many viewers). */
  prepare?(): Promise<void>;
  run(): Promise<Measurement>;
}

export interface LoadSettings {
  readonly durationSec: number;
  readonly warmupSec: number;
  readonly connections: number;
}

/** A load run on one server, after an unmeasured warm-up, with the gateway's hit ratios when it has them. */
async function measureLoad(
  server: { readonly origin: string; readonly pid: number; readonly redisUrl?: string },
  authorization: () => string,
  settings: LoadSettings,
  body?: string,
): Promise<Measurement> {
  const { origin } = server;
  const gateway = server.redisUrl !== undefined;
  await runLoad({
    origin,
    authorization,
    connections: settings.connections,
    durationSec: settings.warmupSec,
    ...(body !== undefined && { body }),
  });
  const admin = server.redisUrl ? new Redis(server.redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
  try {
    const before = gateway ? await scrape(origin) : undefined;
    const commandsBefore = admin && (await commandCalls(admin));
    const { result, serverCpuMs, foreignCores } = await accounted(
      server.pid,
      () =>
        runLoad({
          origin,
          authorization,
          connections: settings.connections,
          durationSec: settings.durationSec,
          ...(body !== undefined && { body }),
        }),
      (load) => load.requests,
    );
    const commandsAfter = admin && (await commandCalls(admin));
    const after = gateway ? await scrape(origin) : undefined;
    const counts = before && after ? cacheCounts(before, after) : undefined;
    const breaker = after && l2BreakerState(after);
    const ran = (names?: readonly string[]): number => {
      if (!commandsBefore || !commandsAfter) return 0;
      let sum = 0;
      for (const [name, calls] of commandsAfter) {
        if (name === "info" || (names && !names.includes(name))) continue;
        sum += calls - (commandsBefore.get(name) ?? 0);
      }
      return sum;
    };
    const seconds = settings.durationSec;
    return {
      // Open, the breaker skips L2: the run measured a gateway without its shared cache.
      ...(breaker !== undefined && breaker !== "closed" && { caveat: `L2 breaker ${breaker} after the run` }),
      rate: result.requestsPerSec,
      p50Ms: result.p50Ms,
      p99Ms: result.p99Ms,
      failures: result.failures,
      serverCpuMs,
      foreignCores,
      l1HitRatio: counts && hitRatio(counts.l1Hits, counts.l1Misses),
      l2HitRatio: counts && hitRatio(counts.l2Hits, counts.l2Misses),
      ...(admin && {
        redisPerRequest: ran() / Math.max(1, result.requests),
        rateLimitSyncPerSec: ran(["incrby", "pexpire"]) / seconds,
      }),
    };
  } finally {
    admin?.disconnect();
  }
}

const serverOf = (gateway: RunningGateway): { origin: string; pid: number; redisUrl: string } => ({
  origin: gateway.origin,
  pid: gateway.process.pid,
  redisUrl: gateway.redis.url,
});

/**
 * Scenario 1, beside bare node:http: a plain Apollo Server 5 over the same schema whose `home`
 * returns the recorded warm screen (bench/apollo-server.ts): Apollo's own price for the same answer.
 */
export function plainApolloCase(options: {
  readonly tiles: number;
  readonly server: () => { readonly origin: string; readonly pid: number };
  readonly authorization: string;
  readonly settings: LoadSettings;
}): Case {
  return {
    id: `apollo-${options.tiles}`,
    scenario: 1,
    label: "plain Apollo Server 5, same schema and screen",
    tiles: options.tiles,
    unit: "req/s",
    baseline: `limit-${options.tiles}`,
    run: () => measureLoad(options.server(), always(options.authorization), options.settings),
  };
}

/** Scenario 1: the recorded warm answer from bare node:http. */
export function limitCase(options: {
  readonly tiles: number;
  readonly server: () => { readonly origin: string; readonly pid: number };
  readonly authorization: string;
  readonly settings: LoadSettings;
}): Case {
  return {
    id: `limit-${options.tiles}`,
    scenario: 1,
    label: "bare node:http, same bytes",
    tiles: options.tiles,
    unit: "req/s",
    run: () => measureLoad(options.server(), always(options.authorization), options.settings),
  };
}

/** Scenario 2: one viewer whose screen is cached (in L1, or in L2 only when the gateway's L1 is off). */
export function warmCase(options: {
  readonly gateway: RunningGateway;
  readonly authorization: string;
  readonly settings: LoadSettings;
  /** For a variant of the warm L1 case (another configuration): its own id, label and baseline. */
  readonly variant?: { readonly id: string; readonly label: string; readonly baseline: string };
}): Case {
  const { gateway } = options;
  const tiles = gateway.spec.tiles;
  return {
    id: options.variant?.id ?? `${gateway.spec.l1 ? "warm-l1" : "warm-l2"}-${tiles}`,
    scenario: 2,
    label:
      options.variant?.label ??
      (gateway.spec.l1 ? "warm, one viewer, L1 + L2" : "warm, one viewer, L1 off (L2 only)"),
    tiles,
    unit: "req/s",
    baseline: options.variant?.baseline ?? (gateway.spec.l1 ? `limit-${tiles}` : `warm-l1-${tiles}`),
    prepare: async () => {
      await expectScreen(gateway.origin, options.authorization, tiles);
    },
    run: () => measureLoad(serverOf(gateway), always(options.authorization), options.settings),
  };
}

/** Scenario 2: every request from a viewer never seen before, so L1 and L2 both miss. */
export function coldCase(options: {
  readonly gateway: RunningGateway;
  readonly settings: LoadSettings;
  /** Upper bound of requests one connection completes per second (1000 / the fastest upstream). */
  readonly maxRatePerConnection: number;
}): Case {
  const { gateway, settings } = options;
  const tiles = gateway.spec.tiles;
  let runs = 0;
  return {
    id: `cold-${tiles}`,
    scenario: 2,
    label: `cold, new viewers, upstream ${gateway.spec.demoLatencyMs / 2}-${gateway.spec.demoLatencyMs * 2} ms`,
    tiles,
    unit: "req/s",
    baseline: `warm-l1-${tiles}`,
    run: () =>
      measureFreshViewers(gateway, settings, options.maxRatePerConnection, `cold-${tiles}-r${++runs}`),
  };
}

/** A load run where every request comes from a viewer never seen before (`prefix`-0, -1, ...). */
async function measureFreshViewers(
  gateway: RunningGateway,
  settings: LoadSettings,
  maxRatePerConnection: number,
  prefix: string,
  body?: string,
): Promise<Measurement> {
  const needed = Math.ceil(
    settings.connections * (settings.durationSec + settings.warmupSec) * maxRatePerConnection * 1.2,
  );
  const users = Array.from({ length: needed }, (_, index) => `${prefix}-${index}`);
  const fresh = eachOnce(await authorizationsFor(users));
  const measured = await measureLoad(serverOf(gateway), fresh.next, settings, body);
  if (!fresh.repeated()) return measured;
  const caveats = [measured.caveat, "fresh viewers ran out; some requests were warm"];
  return { ...measured, caveat: caveats.filter(Boolean).join("; ") };
}

/** Scenario 4: many viewers in turn, so most requests miss L1; their screens were loaded once before. */
export function manyViewersCase(options: {
  readonly gateway: RunningGateway;
  readonly viewers: number;
  readonly settings: LoadSettings;
  readonly log: (line: string) => void;
  /** Another id than many-l1-<tiles> / many-l2-<tiles>, for a second count of viewers. */
  readonly id?: string;
}): Case {
  const { gateway, settings } = options;
  const tiles = gateway.spec.tiles;
  let next: (() => string) | undefined;
  let fillCaveat: string | undefined;
  return {
    id: options.id ?? `many-${gateway.spec.l1 ? "l1" : "l2"}-${tiles}`,
    scenario: 4,
    label: `${options.viewers.toLocaleString("en-US")} viewers round-robin, ${gateway.spec.l1 ? "L1 + L2" : "L1 off (L2 only)"}`,
    tiles,
    unit: "req/s",
    baseline: gateway.spec.l1 ? `warm-l1-${tiles}` : `many-l1-${tiles}`,
    prepare: async () => {
      const users = Array.from({ length: options.viewers }, (_, index) => `viewer-${index}`);
      const authorizations = await authorizationsFor(users);
      const startedMs = performance.now();
      // Each pass asks once for every viewer's screen, at the measurement's own concurrency: a
      // burst of cold screens can open the L2 breaker, and L2 then keeps nothing. Steady state is
      // L2 warm and L1 mostly cold, so passes go on until one needs no product service.
      for (let pass = 1; ; pass++) {
        const before = await scrape(gateway.origin);
        const fill = await runLoad({
          origin: gateway.origin,
          authorization: roundRobin(authorizations),
          connections: settings.connections,
          amount: authorizations.length,
        });
        const counts = cacheCounts(before, await scrape(gateway.origin));
        if (fill.failures > 0)
          throw new Error(`filling L2 on ${gateway.spec.name}: ${fill.failures} failures`);
        options.log(
          `many viewers on ${gateway.spec.name}: pass ${pass}, ${authorizations.length} screens, ${counts.upstreamCalls} product-service calls, ${((performance.now() - startedMs) / 1_000).toFixed(1)} s so far`,
        );
        if (counts.upstreamCalls === 0) break;
        if (pass === 4) {
          // Measured anyway: the L2 hit ratio and the breaker's state say what the runs met.
          fillCaveat = `L2 still missed screens after ${pass} passes over the viewers (${counts.upstreamCalls} product-service calls in the last)`;
          options.log(`many viewers on ${gateway.spec.name}: ${fillCaveat}`);
          break;
        }
      }
      next = roundRobin(authorizations);
    },
    run: async () => {
      if (!next) throw new Error("manyViewersCase: prepare() first");
      const measured = await measureLoad(serverOf(gateway), next, settings);
      if (!fillCaveat) return measured;
      return { ...measured, caveat: [measured.caveat, fillCaveat].filter(Boolean).join("; ") };
    },
  };
}

/**
 * Scenario 3: time until the app has its whole screen: one aggregated home query, or (the rejected
 * design) one request per product tile, emulated with home queries for a one-tile plan since the
 * schema has no per-product query.
 */
export function screenCase(options: {
  readonly design: "aggregated" | "per-tile";
  readonly gateway: RunningGateway;
  readonly authorization: string;
  readonly tiles: number;
  readonly clients: number;
  readonly durationSec: number;
  readonly warmupSec: number;
}): Case {
  const { gateway } = options;
  const perTile = options.design === "per-tile";
  const load = (durationMs: number) =>
    loadScreens({
      origin: gateway.origin,
      authorization: options.authorization,
      requestsPerScreen: perTile ? options.tiles : 1,
      clients: options.clients,
      socketsPerClient: 6,
      durationMs,
    });
  const clientsLabel = options.clients === 1 ? "1 app" : `${options.clients} apps at once`;
  return {
    id: `screen-${options.design}-${options.clients}`,
    scenario: 3,
    label: perTile
      ? `one request per tile (${options.tiles} x 1-tile home), ${clientsLabel}`
      : `one aggregated home query, ${clientsLabel}`,
    tiles: options.tiles,
    unit: "screens/s",
    ...(perTile && { baseline: `screen-aggregated-${options.clients}` }),
    prepare: async () => {
      await expectScreen(gateway.origin, options.authorization, gateway.spec.tiles);
    },
    run: async () => {
      await load(options.warmupSec * 1_000);
      const { result, serverCpuMs, foreignCores } = await accounted(
        gateway.process.pid,
        () => load(options.durationSec * 1_000),
        (screens) => screens.screens,
      );
      return {
        rate: result.screensPerSec,
        p50Ms: result.p50Ms,
        p99Ms: result.p99Ms,
        failures: result.failures,
        serverCpuMs,
        foreignCores,
      };
    },
  };
}

/**
 * Scenario 2, lazily: what an app waits for first when it loads its screen lazily: `home(firstSections: 2)`
 * (the rest as stubs), or one page of one section; compared with the full `home` of the same
 * viewer on the same gateway, warm (one viewer, L1) or cold (new viewers, upstream latency).
 */
export function lazyCase(options: {
  readonly kind: "lazy-home" | "section-page";
  readonly gateway: RunningGateway;
  /** The one viewer of a warm case; absent: a new viewer per request, as the cold case does. */
  readonly authorization?: string;
  readonly settings: LoadSettings;
  readonly maxRatePerConnection: number;
  /** Tiles in the page of a section-page case. */
  readonly pageSize?: number;
}): Case {
  const { gateway, settings } = options;
  const tiles = gateway.spec.tiles;
  const warm = options.authorization !== undefined;
  const pageSize = options.pageSize ?? 4;
  let body = LAZY_HOME_BODY;
  let runs = 0;
  const what =
    options.kind === "lazy-home"
      ? `first response of a lazy screen (home, firstSections: ${FIRST_SECTIONS})`
      : `one section page (section, first: ${pageSize}, its largest section)`;
  return {
    id: `${options.kind}-${warm ? "warm" : "cold"}-${tiles}`,
    scenario: 2,
    label: `${what}, ${warm ? "warm, one viewer, L1 + L2" : "cold, new viewers"}`,
    tiles,
    unit: "req/s",
    baseline: warm ? `warm-l1-${tiles}` : `cold-${tiles}`,
    prepare: async () => {
      const viewer = options.authorization ?? (await authorizationsFor(["lazy-bench-viewer"]))[0];
      if (!viewer) throw new Error("no token");
      const full = await expectScreen(gateway.origin, viewer, tiles);
      if (options.kind === "section-page") {
        // Every demo viewer has the same sections (one per product line), in an order of their own.
        const largest = sectionsOf(full).reduce((a, b) => (b.tiles > a.tiles ? b : a));
        body = sectionPageBody(largest.id, Math.min(pageSize, largest.tiles));
      }
      await expectAnswer(gateway.origin, viewer, body);
    },
    run: () =>
      warm
        ? measureLoad(serverOf(gateway), always(options.authorization as string), settings, body)
        : measureFreshViewers(
            gateway,
            settings,
            options.maxRatePerConnection,
            `${options.kind}-${tiles}-r${++runs}`,
            body,
          ),
  };
}
