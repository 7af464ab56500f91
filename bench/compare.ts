/**
 * npm run bench:compare -- --baseline <checkout> [--candidate <checkout>] [--rounds 5] [--duration 8]
 *   [--tiles 24] [--no-l1]
 *
 * Before/after for one change: the warm home for one viewer on a gateway from each checkout (each
 * with its own bench/gateway.ts and node_modules), in alternating rounds, so that both see the same
 * machine. The candidate defaults to this checkout. Prints medians and the candidate/baseline ratios.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { accounted } from "./support/cpu.js";
import { authorizationsFor, expectScreen } from "./support/home.js";
import { always, runLoad } from "./support/load.js";
import { ROOT, type RunningGateway, startGateway } from "./support/processes.js";
import { median } from "./support/stats.js";

const { values: flags } = parseArgs({
  options: {
    baseline: { type: "string" },
    candidate: { type: "string", default: ROOT },
    rounds: { type: "string", default: "5" },
    duration: { type: "string", default: "8" },
    tiles: { type: "string", default: "24" },
    "no-l1": { type: "boolean", default: false },
  },
});
if (!flags.baseline) {
  console.error("usage: npm run bench:compare -- --baseline <checkout> [--candidate <checkout>]");
  process.exit(2);
}
const tiles = Number(flags.tiles);
const rounds = Number(flags.rounds);
const durationSec = Number(flags.duration);
const roots = { baseline: path.resolve(flags.baseline), candidate: path.resolve(flags.candidate) };

interface Sample {
  readonly rate: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuMs: number;
}

const gateways: Partial<Record<keyof typeof roots, RunningGateway>> = {};
try {
  for (const [name, root] of Object.entries(roots) as [keyof typeof roots, string][]) {
    gateways[name] = await startGateway({ name, root, tiles, l1: !flags["no-l1"], demoLatencyMs: 60 });
  }
  const [viewer] = await authorizationsFor(["bench-viewer"]);
  if (!viewer) throw new Error("no token");
  const samples: Record<keyof typeof roots, Sample[]> = { baseline: [], candidate: [] };
  for (let round = 1; round <= rounds; round++) {
    // Alternate who goes first, so neither always runs right after the other warmed the machine up.
    const order: (keyof typeof roots)[] =
      round % 2 === 1 ? ["baseline", "candidate"] : ["candidate", "baseline"];
    for (const name of order) {
      const gateway = gateways[name] as RunningGateway;
      await expectScreen(gateway.origin, viewer, tiles);
      const run = { origin: gateway.origin, authorization: always(viewer), connections: 10 };
      await runLoad({ ...run, durationSec: 2 });
      const { result: load, serverCpuMs } = await accounted(
        gateway.process.pid,
        () => runLoad({ ...run, durationSec }),
        (result) => result.requests,
      );
      if (load.failures > 0) throw new Error(`${name}: ${load.failures} failed requests`);
      samples[name].push({
        rate: load.requestsPerSec,
        p50Ms: load.p50Ms,
        p99Ms: load.p99Ms,
        cpuMs: serverCpuMs,
      });
      console.error(
        `round ${round} ${name}: ${load.requestsPerSec.toFixed(0)} req/s, p50 ${load.p50Ms} ms, ${serverCpuMs.toFixed(2)} ms CPU each`,
      );
    }
  }
  const summary = (name: keyof typeof roots) => ({
    rate: median(samples[name].map((sample) => sample.rate)),
    p50Ms: median(samples[name].map((sample) => sample.p50Ms)),
    p99Ms: median(samples[name].map((sample) => sample.p99Ms)),
    cpuMs: median(samples[name].map((sample) => sample.cpuMs)),
  });
  const before = summary("baseline");
  const after = summary("candidate");
  console.log(`warm home, one viewer, ${tiles} tiles, ${flags["no-l1"] ? "L1 off" : "L1 on"}, median of ${rounds} rounds of ${durationSec} s
| | req/s | p50 ms | p99 ms | gateway CPU ms per request |
|---|--:|--:|--:|--:|
| baseline (${roots.baseline}) | ${before.rate.toFixed(0)} | ${before.p50Ms.toFixed(1)} | ${before.p99Ms.toFixed(1)} | ${before.cpuMs.toFixed(2)} |
| candidate (${roots.candidate}) | ${after.rate.toFixed(0)} | ${after.p50Ms.toFixed(1)} | ${after.p99Ms.toFixed(1)} | ${after.cpuMs.toFixed(2)} |
| candidate / baseline | ${(after.rate / before.rate).toFixed(2)}x | ${(after.p50Ms / before.p50Ms).toFixed(2)}x | ${(after.p99Ms / before.p99Ms).toFixed(2)}x | ${(after.cpuMs / before.cpuMs).toFixed(2)}x |`);
} finally {
  await Promise.allSettled(Object.values(gateways).map((gateway) => gateway.stop()));
}
