/**
 * npm run bench [-- --quick] [--rounds N] [--duration SECONDS] [--subscriptions 1000,10000] [--skip-push]
 *                [--only CASE,CASE...]
 *
 * --only runs those cases (ids as in the table, e.g. lazy-home-warm-24) and their baselines, and
 * nothing else: no cost count, no push scenario.
 * Starts its own redis-servers, gateways (bench/gateway.ts) and bare node:http servers, runs every
 * scenario of docs/BENCHMARKS.md in rounds, and prints the tables, also written with a chart to
 * bench/results/<date>.md (a --quick run writes to bench/.tmp/results/ instead: it is a smoke test,
 * not a figure to keep).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  type Case,
  type Measurement,
  coldCase,
  lazyCase,
  limitCase,
  manyViewersCase,
  plainApolloCase,
  screenCase,
  warmCase,
} from "./scenarios/cases.js";
import { type CostRow, costScenario } from "./scenarios/cost.js";
import { type PushOutcome, pushScenario } from "./scenarios/push.js";
import { authorizationsFor, expectScreen } from "./support/home.js";
import { describeMachine } from "./support/machine.js";
import {
  ROOT,
  type GatewaySpec,
  type RunningGateway,
  type RunningLimitServer,
  startGateway,
  startLimitServer,
  startPlainApollo,
} from "./support/processes.js";
import {
  chart,
  costTable,
  machineTable,
  markdown,
  pushTable,
  summarise,
  throughputTable,
} from "./support/report.js";

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    rounds: { type: "string" },
    duration: { type: "string" },
    subscriptions: { type: "string" },
    "skip-push": { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const only = flags.only?.split(",").map((id) => id.trim());

const quick = flags.quick === true;
const settings = {
  rounds: Number(flags.rounds ?? (quick ? 1 : 3)),
  durationSec: Number(flags.duration ?? (quick ? 0.8 : 8)),
  warmupSec: quick ? 0.2 : 2,
  connections: 10,
  tileSizes: [8, 24, 48] as const,
  referenceTiles: 24,
  demoLatencyMs: 60,
  viewers: quick ? 200 : 10_000,
  /** A working set that the default L1 and response cache hold (issue 16's 2,000 viewers). */
  fewerViewers: quick ? 100 : 2_000,
  costRequests: quick ? 3 : 20,
  subscriptions:
    flags["skip-push"] || only
      ? []
      : (flags.subscriptions ?? (quick ? "500" : "1000,10000")).split(",").map(Number),
  personalEvents: quick ? 30 : 300,
  genericEvents: quick ? 2 : 5,
};
for (const [name, value] of Object.entries(settings)) {
  if (typeof value === "number" && !(Number.isFinite(value) && value > 0)) {
    console.error(`bench: --${name} must be a positive number`);
    process.exit(2);
  }
}

/** Which case ids --only keeps: those named, and the baselines they are compared with. */
const BASELINES: Record<string, (tiles: string) => string[]> = {
  "warm-l1": (tiles) => [`limit-${tiles}`],
  apollo: (tiles) => [`limit-${tiles}`],
  "many-2000-l1": (tiles) => [`warm-l1-${tiles}`],
  "warm-l2": (tiles) => [`warm-l1-${tiles}`],
  cold: (tiles) => [`warm-l1-${tiles}`],
  "lazy-home-warm": (tiles) => [`warm-l1-${tiles}`],
  "section-page-warm": (tiles) => [`warm-l1-${tiles}`],
  "lazy-home-cold": (tiles) => [`cold-${tiles}`],
  "section-page-cold": (tiles) => [`cold-${tiles}`],
};
function wanted(id: string): boolean {
  if (!only) return true;
  return only.some((asked) => {
    if (asked === id) return true;
    const match = /^(.*)-(\d+)$/.exec(asked);
    return match ? (BASELINES[match[1] as string]?.(match[2] as string) ?? []).includes(id) : false;
  });
}

/** The gateways a case id runs on (its baselines' included). */
function gatewaysOf(id: string): string[] {
  const match = /^(.*)-(\d+)$/.exec(id);
  if (!match) return [];
  const [, kind, tiles] = match as unknown as [string, string, string];
  const own: Record<string, string[]> = {
    limit: [`l1-${tiles}`],
    apollo: [`l1-${tiles}`],
    "many-2000-l1": [`many-2000-l1-${tiles}`],
    "warm-l1": [`l1-${tiles}`],
    "warm-l2": [`l2only-${tiles}`],
    cold: [`cold-${tiles}`],
    "lazy-home-warm": [`l1-${tiles}`],
    "section-page-warm": [`l1-${tiles}`],
    "lazy-home-cold": [`cold-${tiles}`],
    "section-page-cold": [`cold-${tiles}`],
  };
  const baselines = BASELINES[kind]?.(tiles) ?? [];
  return [
    ...(own[kind] ?? []),
    ...baselines.flatMap((baseline) => (baseline === id ? [] : gatewaysOf(baseline))),
  ];
}

const startedMs = performance.now();
const log = (line: string): void => {
  console.error(`[${((performance.now() - startedMs) / 1_000).toFixed(1).padStart(6)} s] ${line}`);
};

const gateways: RunningGateway[] = [];
const limitServers: RunningLimitServer[] = [];
async function stopAll(): Promise<void> {
  await Promise.allSettled([...gateways.splice(0), ...limitServers.splice(0)].map((server) => server.stop()));
}

async function main(): Promise<void> {
  const machine = describeMachine();
  log(`${machine.cpu}, ${machine.cores} cores, node ${machine.node}, redis ${machine.redis}`);
  const load = {
    durationSec: settings.durationSec,
    warmupSec: settings.warmupSec,
    connections: settings.connections,
  };

  // One gateway per kind of traffic: a gateway's past load stays with it (L1 and heap full of other
  // viewers, a rate limiter that syncs every viewer of the last minute), and must not weigh on the
  // next case. Three start at a time: starting takes most of a core for a second or two.
  const reference = settings.referenceTiles;
  const latency = settings.demoLatencyMs;
  const specs: GatewaySpec[] = [
    ...settings.tileSizes.flatMap((tiles) => [
      { name: `l1-${tiles}`, tiles, l1: true, demoLatencyMs: latency },
      { name: `l2only-${tiles}`, tiles, l1: false, demoLatencyMs: latency },
      { name: `cold-${tiles}`, tiles, l1: true, demoLatencyMs: latency },
    ]),
    { name: `many-l1-${reference}`, tiles: reference, l1: true, demoLatencyMs: latency },
    { name: `many-2000-l1-${reference}`, tiles: reference, l1: true, demoLatencyMs: latency },
    { name: `many-l2only-${reference}`, tiles: reference, l1: false, demoLatencyMs: latency },
    { name: "one-tile", tiles: 1, l1: true, demoLatencyMs: latency },
    {
      name: `no-limiter-${reference}`,
      tiles: reference,
      l1: true,
      demoLatencyMs: latency,
      env: { RATE_LIMIT_PER_MINUTE: "0" },
    },
  ];
  const needed = only ? specs.filter((spec) => only.some((id) => gatewaysOf(id).includes(spec.name))) : specs;
  for (let index = 0; index < needed.length; index += 3) {
    gateways.push(...(await Promise.all(needed.slice(index, index + 3).map((spec) => startGateway(spec)))));
  }
  log(`${gateways.length} gateways up`);
  // With --only, cases whose gateway is not up are built on a stand-in and dropped before they run.
  const gateway = (name: string): RunningGateway => {
    const found = gateways.find((candidate) => candidate.spec.name === name);
    if (found) return found;
    const spec = specs.find((candidate) => candidate.name === name);
    if (!only || !spec) throw new Error(`no gateway ${name}`);
    return { spec } as RunningGateway;
  };
  const [viewer] = await authorizationsFor(["bench-viewer"]);
  if (!viewer) throw new Error("no token");

  // The limit servers answer with what the gateway answers this viewer when warm, byte for byte.
  const tmp = path.join(ROOT, "bench", ".tmp");
  await mkdir(tmp, { recursive: true });
  const limits = new Map<number, RunningLimitServer>();
  let plainApollo: RunningLimitServer | undefined;
  for (const tiles of settings.tileSizes) {
    if (!wanted(`limit-${tiles}`)) continue;
    const origin = gateway(`l1-${tiles}`).origin;
    await expectScreen(origin, viewer, tiles);
    const warm = await expectScreen(origin, viewer, tiles);
    const headers = Object.fromEntries(
      Object.entries(warm.headers).filter(
        ([name]) =>
          !["date", "connection", "keep-alive", "content-length", "transfer-encoding"].includes(name),
      ),
    );
    const file = path.join(tmp, `warm-response-${tiles}.json`);
    await writeFile(file, JSON.stringify({ headers, body: warm.text }));
    const server = await startLimitServer(`${tiles} tiles`, file);
    limitServers.push(server);
    limits.set(tiles, server);
    if (tiles === reference && wanted(`apollo-${tiles}`)) {
      plainApollo = await startPlainApollo(`${tiles} tiles`, file);
      limitServers.push(plainApollo);
    }
    log(`${tiles} tiles: a warm home is ${Buffer.byteLength(warm.text)} bytes`);
  }

  const cases: Case[] = [];
  for (const tiles of settings.tileSizes) {
    cases.push(
      limitCase({
        tiles,
        server: () => limits.get(tiles) as RunningLimitServer,
        authorization: viewer,
        settings: load,
      }),
      ...(tiles === reference
        ? [
            plainApolloCase({
              tiles,
              server: () => plainApollo as RunningLimitServer,
              authorization: viewer,
              settings: load,
            }),
          ]
        : []),
      warmCase({ gateway: gateway(`l1-${tiles}`), authorization: viewer, settings: load }),
      warmCase({ gateway: gateway(`l2only-${tiles}`), authorization: viewer, settings: load }),
      coldCase({
        gateway: gateway(`cold-${tiles}`),
        settings: load,
        maxRatePerConnection: 1_000 / (settings.demoLatencyMs / 2),
      }),
    );
  }
  cases.push(
    warmCase({
      gateway: gateway(`no-limiter-${reference}`),
      authorization: viewer,
      settings: load,
      variant: {
        id: `warm-l1-no-limiter-${reference}`,
        label: "warm, one viewer, L1 + L2, rate limiter off",
        baseline: `warm-l1-${reference}`,
      },
    }),
  );
  for (const clients of [1, settings.connections]) {
    const common = { authorization: viewer, tiles: reference, clients, ...load };
    cases.push(
      screenCase({ ...common, design: "aggregated", gateway: gateway(`l1-${reference}`) }),
      screenCase({ ...common, design: "per-tile", gateway: gateway("one-tile") }),
    );
  }
  for (const name of [`many-l1-${reference}`, `many-l2only-${reference}`]) {
    cases.push(manyViewersCase({ gateway: gateway(name), viewers: settings.viewers, settings: load, log }));
  }
  cases.push(
    manyViewersCase({
      gateway: gateway(`many-2000-l1-${reference}`),
      viewers: settings.fewerViewers,
      settings: load,
      log,
      id: `many-2000-l1-${reference}`,
    }),
  );

  const coldRate = 1_000 / (settings.demoLatencyMs / 2);
  for (const kind of ["lazy-home", "section-page"] as const) {
    cases.push(
      lazyCase({
        kind,
        gateway: gateway(`l1-${reference}`),
        authorization: viewer,
        settings: load,
        maxRatePerConnection: coldRate,
      }),
      lazyCase({
        kind,
        gateway: gateway(`cold-${reference}`),
        settings: load,
        maxRatePerConnection: coldRate,
      }),
    );
  }
  // With --only, the cases asked for and their baselines; each one's gateway is up.
  const kept = only
    ? cases
        .filter((item) => wanted(item.id))
        .map((item) => (item.baseline && !wanted(item.baseline) ? { ...item, baseline: undefined } : item))
    : cases;
  cases.splice(0, cases.length, ...kept);

  for (const item of cases) await item.prepare?.();
  const runs = new Map<string, Measurement[]>();
  for (let round = 1; round <= settings.rounds; round++) {
    for (const item of cases) {
      const measured = await item.run();
      runs.set(item.id, [...(runs.get(item.id) ?? []), measured]);
      log(
        `round ${round}/${settings.rounds} ${item.id}: ${measured.rate.toFixed(0)} ${item.unit}, p50 ${measured.p50Ms.toFixed(1)} ms, p99 ${measured.p99Ms.toFixed(1)} ms, server CPU ${measured.serverCpuMs.toFixed(2)} ms each, other load ${measured.foreignCores.toFixed(2)} cores${measured.failures ? `, ${measured.failures} FAILED` : ""}`,
      );
    }
  }
  const summaries = summarise(cases, runs);

  let cost: CostRow[] = [];
  let costFailure: string | undefined;
  // A failed count must not lose the rounds measured before it: it is reported in its place.
  if (only) costFailure = "not counted: --only";
  else
    try {
      log("cost per home (counted)");
      cost = await costScenario({
        gateways: settings.tileSizes.map((tiles) => ({
          warm: gateway(`l1-${tiles}`),
          l2Only: gateway(`l2only-${tiles}`),
          cold: gateway(`cold-${tiles}`),
        })),
        noLimiter: gateway(`no-limiter-${reference}`),
        requests: settings.costRequests,
        authorization: viewer,
      });
    } catch (error) {
      costFailure = error instanceof Error ? error.message : String(error);
      log(`cost per home FAILED: ${costFailure}`);
    }
  log("stopping the gateways");
  await stopAll();
  log("stopped");

  let push: PushOutcome[] = [];
  if (settings.subscriptions.length > 0) {
    push = await pushScenario({
      subscriptions: settings.subscriptions,
      personalEvents: settings.personalEvents,
      genericEvents: settings.genericEvents,
      tiles: reference,
      log,
    });
  }

  const date = new Date().toISOString().slice(0, 10);
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  const resultsDir = quick ? path.join(tmp, "results") : path.join(ROOT, "bench", "results");
  await mkdir(resultsDir, { recursive: true });
  const chartFile = `${date}${quick ? "-quick" : ""}.svg`;
  const report = {
    date,
    command,
    machine,
    settings: {
      rounds: settings.rounds,
      "seconds per run": settings.durationSec,
      "warm-up seconds": settings.warmupSec,
      connections: settings.connections,
      "upstream latency (ms)": `${settings.demoLatencyMs / 2}-${settings.demoLatencyMs * 2}`,
      viewers: settings.viewers,
    },
    summaries,
    cost,
    costFailure,
    push,
    durationSec: (performance.now() - startedMs) / 1_000,
    chartFile,
  };
  const markdownFile = path.join(resultsDir, `${date}${quick ? "-quick" : ""}.md`);
  await writeFile(markdownFile, markdown(report));
  await writeFile(path.join(resultsDir, chartFile), chart(summaries, `home-gateway benchmarks, ${date}`));

  console.log(
    `\n${machineTable(machine)}\n\n${throughputTable(summaries)}\n\n${costFailure ? `cost per home failed: ${costFailure}` : costTable(cost)}\n`,
  );
  if (push.length > 0) console.log(`${pushTable(push)}\n`);
  log(`written to ${path.relative(ROOT, markdownFile)}`);
}

try {
  await main();
} catch (error) {
  console.error("bench failed:", error);
  process.exitCode = 1;
} finally {
  await stopAll();
}
