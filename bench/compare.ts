/**
 * npm run bench:compare -- [--baseline <checkout>] [--candidate <checkout>] [--rounds 5] [--duration 8]
 *   [--tiles 24] [--no-l1] [--no-references] [--viewers 2000]
 *
 * --viewers N: the gateways are asked for N viewers' screens round-robin instead of one viewer's,
 * after passes over every viewer until one needs no product service (L2 warm): what a viewer costs
 * when its screen is not the one just served. The references answer one recorded screen as before.
 *
 * Before/after for one change: the warm home for one viewer on a gateway from each checkout (each
 * with its own bench/gateway.ts and node_modules), in alternating rounds, so that both see the same
 * machine. The candidate defaults to this checkout; without a baseline only the candidate runs.
 * Beside them, in the same rounds, two references answer the candidate's recorded warm response:
 * bare node:http (the limit) and a plain Apollo Server 5 over the same schema (Apollo's own price),
 * so every gateway figure is also a share of the limit. Prints medians and the ratios.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { Redis } from "ioredis";
import path from "node:path";
import { parseArgs } from "node:util";
import { accounted } from "./support/cpu.js";
import { authorizationsFor, expectScreen } from "./support/home.js";
import { always, roundRobin, runLoad } from "./support/load.js";
import { type CacheCounts, cacheCounts, scrape, total } from "./support/metrics.js";
import { commandCalls } from "../test/support/redis-command-stats.js";
import {
  ROOT,
  type RunningGateway,
  type RunningLimitServer,
  startGateway,
  startLimitServer,
  startPlainApollo,
} from "./support/processes.js";
import { median } from "./support/stats.js";

const { values: flags } = parseArgs({
  options: {
    baseline: { type: "string" },
    candidate: { type: "string", default: ROOT },
    rounds: { type: "string", default: "5" },
    duration: { type: "string", default: "8" },
    tiles: { type: "string", default: "24" },
    "no-l1": { type: "boolean", default: false },
    "no-references": { type: "boolean", default: false },
    viewers: { type: "string" },
  },
});
const viewerCount = flags.viewers === undefined ? undefined : Number(flags.viewers);
if (viewerCount !== undefined && !(Number.isInteger(viewerCount) && viewerCount > 1)) {
  console.error("bench:compare: --viewers must be an integer > 1");
  process.exit(2);
}
const tiles = Number(flags.tiles);
const rounds = Number(flags.rounds);
const durationSec = Number(flags.duration);

interface Contender {
  readonly name: string;
  readonly label: string;
  readonly origin: string;
  readonly pid: number;
  readonly gateway: boolean;
  /** The gateway's own redis-server. */
  readonly redisUrl?: string;
  stop(): Promise<void>;
}

/** What a gateway's caches, product services and Redis did per request over the measured rounds. */
interface PathCounts {
  requests: number;
  /** Answers reused whole (no GraphQL, no cache lookup). */
  reused: number;
  counts: CacheCounts;
  redisCommands: Map<string, number>;
}

interface Sample {
  readonly rate: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuMs: number;
}

const contenders: Contender[] = [];
const ofGateway = (name: string, gateway: RunningGateway, root: string): Contender => ({
  name,
  label: `${name} (${root})`,
  origin: gateway.origin,
  pid: gateway.process.pid,
  gateway: true,
  redisUrl: gateway.redis.url,
  stop: () => gateway.stop(),
});
const ofReference = (name: string, label: string, server: RunningLimitServer): Contender => ({
  name,
  label,
  origin: server.origin,
  pid: server.pid,
  gateway: false,
  stop: () => server.stop(),
});
try {
  const [viewer] = await authorizationsFor(["bench-viewer"]);
  if (!viewer) throw new Error("no token");
  const roots: [string, string][] = [
    ...(flags.baseline ? [["baseline", path.resolve(flags.baseline)] as [string, string]] : []),
    ["candidate", path.resolve(flags.candidate)],
  ];
  for (const [name, root] of roots) {
    const gateway = await startGateway({ name, root, tiles, l1: !flags["no-l1"], demoLatencyMs: 60 });
    contenders.push(ofGateway(name, gateway, root));
  }
  const candidate = contenders.find((contender) => contender.name === "candidate") as Contender;
  if (!flags["no-references"]) {
    // Both references answer what the candidate answers this viewer when warm, byte for byte.
    await expectScreen(candidate.origin, viewer, tiles);
    const warm = await expectScreen(candidate.origin, viewer, tiles);
    const headers = Object.fromEntries(
      Object.entries(warm.headers).filter(
        ([name]) =>
          !["date", "connection", "keep-alive", "content-length", "transfer-encoding"].includes(name),
      ),
    );
    const tmp = path.join(ROOT, "bench", ".tmp");
    await mkdir(tmp, { recursive: true });
    const file = path.join(tmp, `compare-warm-response-${tiles}.json`);
    await writeFile(file, JSON.stringify({ headers, body: warm.text }));
    console.error(`a warm home is ${Buffer.byteLength(warm.text)} bytes`);
    contenders.push(
      ofReference("node:http", "bare node:http, same bytes", await startLimitServer(`${tiles}`, file)),
      ofReference(
        "apollo",
        "plain Apollo Server 5, same schema and screen",
        await startPlainApollo(`${tiles}`, file),
      ),
    );
  }
  const many =
    viewerCount === undefined
      ? undefined
      : await authorizationsFor(Array.from({ length: viewerCount }, (_, index) => `viewer-${index}`));
  if (many) {
    for (const contender of contenders.filter((each) => each.gateway)) await fill(contender, many);
  }
  const samples = new Map<string, Sample[]>(contenders.map((contender) => [contender.name, []]));
  const paths = new Map<string, PathCounts>();
  for (let round = 1; round <= rounds; round++) {
    // Alternate the order, so no contender always runs right after another warmed the machine up.
    const order = round % 2 === 1 ? contenders : [...contenders].reverse();
    for (const contender of order) {
      if (contender.gateway) await expectScreen(contender.origin, viewer, tiles);
      else await expectScreenFrom(contender, viewer);
      const authorization = many && contender.gateway ? roundRobin(many) : always(viewer);
      const run = { origin: contender.origin, authorization, connections: 10 };
      await runLoad({ ...run, durationSec: 2 });
      const admin = contender.redisUrl
        ? new Redis(contender.redisUrl, { maxRetriesPerRequest: 1 })
        : undefined;
      const [metricsBefore, commandsBefore] = contender.gateway
        ? [await scrape(contender.origin), await commandCalls(admin as Redis)]
        : [undefined, undefined];
      const { result: load, serverCpuMs } = await accounted(
        contender.pid,
        () => runLoad({ ...run, durationSec }),
        (result) => result.requests,
      );
      if (metricsBefore && commandsBefore && admin) {
        const metricsAfter = await scrape(contender.origin);
        const counts = cacheCounts(metricsBefore, metricsAfter);
        const reuse = (samples: Parameters<typeof total>[0]): number =>
          total(samples, "home_gateway_response_reuse_total", { outcome: "hit" });
        const commands = await commandCalls(admin);
        const path = paths.get(contender.name) ?? {
          requests: 0,
          reused: 0,
          counts: { l1Hits: 0, l1Misses: 0, l2Hits: 0, l2Misses: 0, upstreamCalls: 0 },
          redisCommands: new Map<string, number>(),
        };
        path.requests += load.requests;
        path.reused += reuse(metricsAfter) - reuse(metricsBefore);
        path.counts = {
          l1Hits: path.counts.l1Hits + counts.l1Hits,
          l1Misses: path.counts.l1Misses + counts.l1Misses,
          l2Hits: path.counts.l2Hits + counts.l2Hits,
          l2Misses: path.counts.l2Misses + counts.l2Misses,
          upstreamCalls: path.counts.upstreamCalls + counts.upstreamCalls,
        };
        for (const [name, calls] of commands) {
          const ran = calls - (commandsBefore.get(name) ?? 0) - (name === "info" ? 1 : 0);
          if (ran > 0) path.redisCommands.set(name, (path.redisCommands.get(name) ?? 0) + ran);
        }
        paths.set(contender.name, path);
      }
      admin?.disconnect();
      if (load.failures > 0) throw new Error(`${contender.name}: ${load.failures} failed requests`);
      samples.get(contender.name)?.push({
        rate: load.requestsPerSec,
        p50Ms: load.p50Ms,
        p99Ms: load.p99Ms,
        cpuMs: serverCpuMs,
      });
      console.error(
        `round ${round} ${contender.name}: ${load.requestsPerSec.toFixed(0)} req/s, p50 ${load.p50Ms} ms, ${serverCpuMs.toFixed(3)} ms CPU each`,
      );
    }
  }
  const summary = (name: string): Sample => {
    const of = samples.get(name) ?? [];
    return {
      rate: median(of.map((sample) => sample.rate)),
      p50Ms: median(of.map((sample) => sample.p50Ms)),
      p99Ms: median(of.map((sample) => sample.p99Ms)),
      cpuMs: median(of.map((sample) => sample.cpuMs)),
    };
  };
  const limit = samples.has("node:http") ? summary("node:http") : undefined;
  const rows = contenders.map((contender) => {
    const figures = summary(contender.name);
    const share = limit ? `${(figures.rate / limit.rate).toFixed(2)}x` : "";
    return `| ${contender.label} | ${figures.rate.toFixed(0)} | ${share} | ${figures.p50Ms.toFixed(1)} | ${figures.p99Ms.toFixed(1)} | ${figures.cpuMs.toFixed(3)} |`;
  });
  const ratio = flags.baseline
    ? (() => {
        const before = summary("baseline");
        const after = summary("candidate");
        return `| candidate / baseline | ${(after.rate / before.rate).toFixed(2)}x | | ${(after.p50Ms / before.p50Ms).toFixed(2)}x | ${(after.p99Ms / before.p99Ms).toFixed(2)}x | ${(after.cpuMs / before.cpuMs).toFixed(2)}x |\n`;
      })()
    : "";
  const who = many ? `${many.length} viewers round-robin (L2 warm)` : "one viewer";
  console.log(`warm home, ${who}, ${tiles} tiles, ${flags["no-l1"] ? "L1 off" : "L1 on"}, median of ${rounds} rounds of ${durationSec} s
| | req/s | of bare node:http | p50 ms | p99 ms | server CPU ms per request |
|---|--:|--:|--:|--:|--:|
${rows.join("\n")}
${ratio}`);
  // What the measured requests did, so a row says which path it measured (a viewer back within the
  // L1 TTL is an L1 hit, however many viewers there are).
  for (const [name, path] of paths) {
    const per = (count: number): string => (count / Math.max(1, path.requests)).toFixed(2);
    const { counts } = path;
    const commands = [...path.redisCommands]
      .sort((a, b) => b[1] - a[1])
      .map(([command, calls]) => `${command} ${per(calls)}`)
      .join(", ");
    console.log(
      `${name}, per request over the measured rounds: answers reused whole ${per(path.reused)}, tile lookups L1 hit ${per(counts.l1Hits)} / missed ${per(counts.l1Misses)}, L2 hit ${per(counts.l2Hits)} / missed ${per(counts.l2Misses)}, product-service calls ${per(counts.upstreamCalls)}; Redis commands (INFO commandstats, Lua's inner calls and background work included): ${commands}`,
    );
  }
} finally {
  await Promise.allSettled(contenders.map((contender) => contender.stop()));
}

/** A reference must answer the home query with data before it is measured. */
async function expectScreenFrom(contender: Contender, authorization: string): Promise<void> {
  const { postHome } = await import("./support/home.js");
  const answer = await postHome(contender.origin, authorization);
  if (answer.status !== 200 || !answer.text.startsWith('{"data":{"home":')) {
    throw new Error(`${contender.name} answered ${answer.status} ${answer.text.slice(0, 300)}`);
  }
}

/** Passes over every viewer's screen, at the measurement's concurrency, until one needs no product service. */
async function fill(contender: Contender, authorizations: readonly string[]): Promise<void> {
  for (let pass = 1; pass <= 4; pass++) {
    const before = await scrape(contender.origin);
    const load = await runLoad({
      origin: contender.origin,
      authorization: roundRobin(authorizations),
      connections: 10,
      amount: authorizations.length,
    });
    if (load.failures > 0) throw new Error(`${contender.name}: ${load.failures} failures filling L2`);
    const counts = cacheCounts(before, await scrape(contender.origin));
    console.error(
      `${contender.name}: pass ${pass} over ${authorizations.length} viewers, ${counts.upstreamCalls} product-service calls`,
    );
    if (counts.upstreamCalls === 0) return;
  }
  console.error(`${contender.name}: L2 still missed after 4 passes; measured anyway`);
}
