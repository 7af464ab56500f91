import type { Case, Measurement } from "../scenarios/cases.js";
import type { CostRow } from "../scenarios/cost.js";
import type { PushOutcome } from "../scenarios/push.js";
import type { Machine } from "./machine.js";
import { median } from "./stats.js";

export interface Summary {
  readonly case: Case;
  readonly runs: readonly Measurement[];
  readonly rate: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly minRate: number;
  readonly maxRate: number;
  readonly failures: number;
  readonly l1HitRatio: number | undefined;
  readonly l2HitRatio: number | undefined;
  readonly serverCpuMs: number;
  readonly redisPerRequest: number | undefined;
  readonly rateLimitSyncPerSec: number | undefined;
  /** The largest competition from other processes seen in any round, in cores. */
  readonly foreignCoresMax: number;
  /** rate / the baseline's rate */
  readonly rateRatio: number | undefined;
  /** p50 / the baseline's p50 */
  readonly p50Ratio: number | undefined;
  readonly caveats: readonly string[];
}

/** Medians over the rounds, and ratios against each case's baseline from the same run. */
export function summarise(
  cases: readonly Case[],
  runs: ReadonlyMap<string, readonly Measurement[]>,
): Summary[] {
  const partial = cases.map((item) => {
    const measured = runs.get(item.id) ?? [];
    const ratios = (pick: (run: Measurement) => number | undefined): number | undefined => {
      const values = measured.map(pick).filter((value): value is number => value !== undefined);
      return values.length === 0 ? undefined : median(values);
    };
    const rates = measured.map((run) => run.rate);
    return {
      case: item,
      runs: measured,
      rate: median(rates),
      p50Ms: median(measured.map((run) => run.p50Ms)),
      p99Ms: median(measured.map((run) => run.p99Ms)),
      minRate: Math.min(...rates),
      maxRate: Math.max(...rates),
      failures: measured.reduce((sum, run) => sum + run.failures, 0),
      l1HitRatio: ratios((run) => run.l1HitRatio),
      l2HitRatio: ratios((run) => run.l2HitRatio),
      serverCpuMs: median(measured.map((run) => run.serverCpuMs)),
      redisPerRequest: ratios((run) => run.redisPerRequest),
      rateLimitSyncPerSec: ratios((run) => run.rateLimitSyncPerSec),
      foreignCoresMax: Math.max(0, ...measured.map((run) => run.foreignCores)),
      caveats: [...new Set(measured.flatMap((run) => (run.caveat ? [run.caveat] : [])))],
    };
  });
  const byId = new Map(partial.map((summary) => [summary.case.id, summary]));
  return partial.map((summary) => {
    const baseline = summary.case.baseline ? byId.get(summary.case.baseline) : undefined;
    return {
      ...summary,
      rateRatio: baseline ? summary.rate / baseline.rate : undefined,
      p50Ratio: baseline ? summary.p50Ms / baseline.p50Ms : undefined,
    };
  });
}

export interface Report {
  readonly date: string;
  readonly command: string;
  readonly machine: Machine;
  readonly settings: Readonly<Record<string, string | number>>;
  readonly summaries: readonly Summary[];
  readonly cost: readonly CostRow[];
  /** Why the cost count failed, when it did. */
  readonly costFailure?: string | undefined;
  readonly push: readonly PushOutcome[];
  readonly durationSec: number;
  /** File name of the chart, next to the markdown file. */
  readonly chartFile: string;
}

const number = (value: number, digits = 0): string =>
  Number.isFinite(value)
    ? value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : "n/a";
const percent = (value: number | undefined): string =>
  value === undefined ? "" : `${(value * 100).toFixed(1)} %`;
const times = (value: number | undefined): string =>
  value === undefined ? "1.00 (baseline)" : Number.isFinite(value) ? `${value.toFixed(2)}x` : "n/a";
/** autocannon's latencies are whole milliseconds: 0 means under one. */
const millis = (value: number): string => (value === 0 ? "<1" : number(value, 1));

/** The throughput table (scenarios 1 to 4). */
export function throughputTable(summaries: readonly Summary[]): string {
  const byId = new Map(summaries.map((summary) => [summary.case.id, summary]));
  const lines = [
    "| # | case | tiles | rate | p50 ms | p99 ms | vs | rate ratio | p50 ratio | server CPU ms each | L1 hit | L2 hit | Redis commands per request | rate-limit sync commands/s | rate range over rounds | other load |",
    "|---|---|--:|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
  ];
  for (const summary of summaries) {
    const item = summary.case;
    const baseline = item.baseline ? byId.get(item.baseline) : undefined;
    const flags = [
      ...summary.caveats,
      ...(summary.failures > 0 ? [`${summary.failures} failed requests`] : []),
    ];
    lines.push(
      `| ${item.scenario} | ${item.label}${flags.length > 0 ? ` (**${flags.join("; ")}**)` : ""} | ${item.tiles} | ${number(summary.rate)} ${item.unit} | ${millis(summary.p50Ms)} | ${millis(summary.p99Ms)} | ${baseline ? `${baseline.case.label}, ${baseline.case.tiles} tiles` : ""} | ${times(summary.rateRatio)} | ${summary.p50Ratio === undefined ? "" : times(summary.p50Ratio)} | ${number(summary.serverCpuMs, 2)} | ${percent(summary.l1HitRatio)} | ${percent(summary.l2HitRatio)} | ${summary.redisPerRequest === undefined ? "" : number(summary.redisPerRequest, 2)} | ${summary.rateLimitSyncPerSec === undefined ? "" : number(summary.rateLimitSyncPerSec)} | ${number(summary.minRate)}-${number(summary.maxRate)} | ${number(summary.foreignCoresMax, 2)} |`,
    );
  }
  return lines.join("\n");
}

export function costTable(rows: readonly CostRow[]): string {
  const lines = [
    "| tiles | cache state | Redis commands per home | which | product-service calls per home | L1 hits / misses per home | L2 hits / misses per home | background Redis commands meanwhile |",
    "|--:|---|--:|---|--:|--:|--:|---|",
  ];
  const amount = (value: number): string => number(value, Number.isInteger(value) ? 0 : 2);
  for (const row of rows) {
    const which = Object.entries(row.perHomeCommands)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, calls]) => `${name} ${amount(calls)}`)
      .join(", ");
    const background = Object.entries(row.backgroundPerSec)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, perSec]) => `${name} ${number(perSec, 1)}/s`)
      .join(", ");
    const per = row.perHome;
    lines.push(
      `| ${row.tiles} | ${row.state} | ${amount(row.perHomeTotal)} | ${which || "none"} | ${amount(per.upstreamCalls)} | ${amount(per.l1Hits)} / ${amount(per.l1Misses)} | ${amount(per.l2Hits)} / ${amount(per.l2Misses)} | ${background || "none"} |`,
    );
  }
  return lines.join("\n");
}

export function pushTable(results: readonly PushOutcome[]): string {
  const lines = [
    "| open subscriptions | gateway | event path | personal push p50 ms | p99 ms | received | RSS per connection | generic update: subscribers | first ms | p50 ms | p99 ms | last ms |",
    "|--:|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
  ];
  for (const result of results) {
    if ("failure" in result) {
      lines.push(
        `| ${number(result.subscriptions)} | ${result.config} | **failed: ${result.failure}** | | | | | | | | | |`,
      );
      continue;
    }
    const generic = result.generic;
    lines.push(
      `| ${number(result.open)} of ${number(result.subscriptions)} | ${result.config} | ${result.path === "stream" ? "XADD to the update stream" : "PUBLISH on the change feed"} | ${number(result.personal.p50Ms, 1)} | ${number(result.personal.p99Ms, 1)} | ${result.personal.received}/${result.personal.sent} | ${number(result.rssPerConnectionKiB, 1)} KiB | ${number(generic.subscribers)}${generic.missing > 0 ? ` (${generic.missing} deliveries missing)` : ""} | ${number(generic.firstMs, 1)} | ${number(generic.p50Ms, 1)} | ${number(generic.p99Ms, 1)} | ${number(generic.lastMs, 1)} |`,
    );
  }
  return lines.join("\n");
}

export function machineTable(machine: Machine): string {
  return [
    "| CPU | cores | memory | OS | Node | Redis |",
    "|---|--:|--:|---|---|---|",
    `| ${machine.cpu} | ${machine.cores} | ${machine.memoryGiB} GiB | ${machine.os} | ${machine.node} | ${machine.redis} |`,
  ].join("\n");
}

export function markdown(report: Report): string {
  const settings = Object.entries(report.settings)
    .map(([name, value]) => `${name} ${value}`)
    .join(", ");
  const push = report.push.flatMap((result) =>
    "failure" in result
      ? []
      : `${number(result.subscriptions)} subscriptions (gateway ${result.config}): opened in ${result.setupSec.toFixed(1)} s, gateway RSS ${number(result.rssBeforeMiB)} MiB before, ${number(result.rssAfterMiB)} MiB after.`,
  );
  return `# Benchmarks, ${report.date}

\`${report.command}\` (${number(report.durationSec)} s; ${settings}).

Figures are medians over the rounds; every ratio compares two figures of this same run. The load
generator (autocannon, the socket clients) runs on the same machine as the gateway, its Redis and its
simulated upstreams: they share the cores. Latencies from autocannon are whole milliseconds.

- "server CPU ms each": CPU time of the server process per request (per screen in scenario 3);
  competition for the cores disturbs it far less than rates and latencies.
- "Redis commands per request": from INFO commandstats of the gateway's own Redis, background work
  and commands run inside Lua scripts included (scenario 5 attributes them exactly).
- "rate-limit sync commands/s": the rate limiter's periodic INCRBY and PEXPIRE, two per viewer seen
  in the current minute, every second.
- "other load": the most CPU, in cores, that processes outside the bench used during any round of
  that case (0 on a quiet machine).

${machineTable(report.machine)}

## Throughput and latency (scenarios 1-4)

${throughputTable(report.summaries)}

![requests per second](./${report.chartFile})

## Cost per home, counted (scenario 5)

${report.costFailure ? `**Failed: ${report.costFailure}**` : costTable(report.cost)}

## Push latency and memory (scenario 6)

${report.push.length > 0 ? pushTable(report.push) : "Not run."}

${push.join("\n")}
`;
}

/** A horizontal bar chart of every case's rate, scenarios 1, 2 and 4 in req/s, scenario 3 in screens/s. */
export function chart(summaries: readonly Summary[], title: string): string {
  const groups = [
    {
      title: "home requests per second (scenarios 1, 2, 4)",
      items: summaries.filter((s) => s.case.unit === "req/s"),
    },
    {
      title: "whole screens per second (scenario 3)",
      items: summaries.filter((s) => s.case.unit === "screens/s"),
    },
  ].filter((group) => group.items.length > 0);
  const colours: Record<number, string> = { 1: "#7f7f7f", 2: "#1f77b4", 3: "#2ca02c", 4: "#ff7f0e" };
  const labelWidth = 430;
  const barWidth = 420;
  const rowHeight = 22;
  const parts: string[] = [];
  let y = 40;
  for (const group of groups) {
    const max = Math.max(...group.items.map((item) => (Number.isFinite(item.rate) ? item.rate : 0)), 1);
    parts.push(`<text x="10" y="${y}" font-weight="bold">${escape(group.title)}</text>`);
    y += 10;
    for (const item of group.items) {
      const width = Number.isFinite(item.rate) ? Math.max(1, (item.rate / max) * barWidth) : 0;
      const label = `${item.case.label}, ${item.case.tiles} tiles`;
      parts.push(
        `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escape(label)}</text>`,
        `<rect x="${labelWidth}" y="${y + 3}" width="${width.toFixed(1)}" height="${rowHeight - 6}" fill="${colours[item.case.scenario] ?? "#999"}"/>`,
        `<text x="${(labelWidth + width + 6).toFixed(1)}" y="${y + 15}">${escape(number(item.rate))}</text>`,
      );
      y += rowHeight;
    }
    y += 28;
  }
  const height = y;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 90}" height="${height}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<text x="10" y="20" font-size="14" font-weight="bold">${escape(title)}</text>
${parts.join("\n")}
</svg>
`;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
