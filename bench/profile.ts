/**
 * npm run bench:profile [-- --tiles 24] [--duration 15] [--no-l1] [--viewers 2000]
 *
 * Profiles the warm path: one gateway under `node --cpu-prof`, one viewer whose screen is cached,
 * autocannon for a while, then the profile's self time by package and by function, startup left
 * out. With --viewers N, N viewers round-robin after one pass over them (L2 filled) instead of one
 * viewer. The .cpuprofile is kept in bench/.tmp/profiles/ (open it in Chrome DevTools or speedscope).
 */
import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { summariseProfile } from "./support/cpu-profile.js";
import { accounted } from "./support/cpu.js";
import { authorizationsFor, expectScreen } from "./support/home.js";
import { always, roundRobin, runLoad } from "./support/load.js";
import { ROOT, startGateway } from "./support/processes.js";

const { values: flags } = parseArgs({
  options: {
    tiles: { type: "string", default: "24" },
    duration: { type: "string", default: "15" },
    "no-l1": { type: "boolean", default: false },
    top: { type: "string", default: "25" },
    viewers: { type: "string" },
  },
});
const tiles = Number(flags.tiles);
const durationSec = Number(flags.duration);
const directory = path.join(ROOT, "bench", ".tmp", "profiles");
await rm(directory, { recursive: true, force: true });
await mkdir(directory, { recursive: true });

const spawnedMs = performance.now();
const gateway = await startGateway({
  name: "profiled",
  tiles,
  l1: !flags["no-l1"],
  demoLatencyMs: 60,
  nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${directory}`],
});
let loadStartedMs = 0;
let report = "";
try {
  const [viewer] = await authorizationsFor(["bench-viewer"]);
  if (!viewer) throw new Error("no token");
  await expectScreen(gateway.origin, viewer, tiles);
  const many =
    flags.viewers === undefined
      ? undefined
      : await authorizationsFor(
          Array.from({ length: Number(flags.viewers) }, (_, index) => `viewer-${index}`),
        );
  const who = many ? roundRobin(many) : always(viewer);
  if (many) {
    for (let pass = 0; pass < 2; pass++) {
      await runLoad({ origin: gateway.origin, authorization: who, connections: 10, amount: many.length });
    }
  }
  await runLoad({ origin: gateway.origin, authorization: who, connections: 10, durationSec: 3 });
  loadStartedMs = performance.now();
  const { result: load, serverCpuMs } = await accounted(
    gateway.process.pid,
    () => runLoad({ origin: gateway.origin, authorization: who, connections: 10, durationSec }),
    (result) => result.requests,
  );
  report += `warm home, ${many ? `${many.length} viewers round-robin` : "one viewer"}, ${tiles} tiles, ${flags["no-l1"] ? "L1 off" : "L1 on"}: ${load.requestsPerSec.toFixed(0)} req/s, p50 ${load.p50Ms} ms, gateway CPU ${serverCpuMs.toFixed(2)} ms per request, ${load.failures} failures\n`;
} finally {
  // SIGTERM: main.ts drains and exits, and node writes the profile on the way out.
  await gateway.stop();
}

const [file] = (await readdir(directory)).filter((name) => name.endsWith(".cpuprofile"));
if (!file) throw new Error(`no profile in ${directory}`);
const summary = await summariseProfile(path.join(directory, file), {
  top: Number(flags.top),
  // Startup (module loading, schema building) and the warm-up run are not the warm path.
  skipFirstMs: loadStartedMs - spawnedMs,
});
const line = (entry: { name: string; selfMs: number; share: number }): string =>
  `${(entry.share * 100).toFixed(1).padStart(5)} %  ${entry.selfMs.toFixed(0).padStart(6)} ms  ${entry.name}`;
console.log(report);
console.log(`profiled ${summary.totalMs.toFixed(0)} ms, ${summary.idleMs.toFixed(0)} ms idle\n`);
console.log("self time by place:\n" + summary.places.map(line).join("\n"));
console.log("\nself time by function:\n" + summary.functions.map(line).join("\n"));
console.log(`\nprofile: ${path.relative(ROOT, path.join(directory, file))}`);
