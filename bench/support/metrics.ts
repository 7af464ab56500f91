export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** The gateway's /metrics (Prometheus text format), parsed. */
export async function scrape(origin: string): Promise<Sample[]> {
  const response = await fetch(`${origin}/metrics`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`GET ${origin}/metrics answered ${response.status}`);
  const samples: Sample[] = [];
  for (const line of (await response.text()).split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match?.[1] || !match[3]) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1] as string] = pair[2] as string;
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** The sum of the samples named `name` whose labels include `where`. */
export function total(samples: readonly Sample[], name: string, where: Record<string, string> = {}): number {
  return samples
    .filter(
      (sample) => sample.name === name && Object.entries(where).every(([k, v]) => sample.labels[k] === v),
    )
    .reduce((sum, sample) => sum + sample.value, 0);
}

/** What the gateway's counters say about the requests between two scrapes. */
export interface CacheCounts {
  readonly l1Hits: number;
  readonly l1Misses: number;
  readonly l2Hits: number;
  readonly l2Misses: number;
  /** Product-service calls (personalised and generic), from the upstream duration histogram. */
  readonly upstreamCalls: number;
}

const PREFIX = "home_gateway_";

export function cacheCounts(before: readonly Sample[], after: readonly Sample[]): CacheCounts {
  const delta = (name: string, where: Record<string, string> = {}): number =>
    total(after, `${PREFIX}${name}`, where) - total(before, `${PREFIX}${name}`, where);
  return {
    l1Hits: delta("cache_hits_total", { tier: "l1" }),
    l1Misses: delta("cache_misses_total", { tier: "l1" }),
    l2Hits: delta("cache_hits_total", { tier: "l2" }),
    l2Misses: delta("cache_misses_total", { tier: "l2" }),
    upstreamCalls: delta("upstream_call_duration_seconds_count"),
  };
}

/** Hits over lookups, or undefined when there were none. */
export function hitRatio(hits: number, misses: number): number | undefined {
  return hits + misses === 0 ? undefined : hits / (hits + misses);
}

/** The state the gateway's L2 circuit breaker reports ("closed", "half-open", "open"), if it has one. */
export function l2BreakerState(samples: readonly Sample[]): string | undefined {
  return samples.find(
    (sample) =>
      sample.name === `${PREFIX}circuit_breaker_state` &&
      sample.labels.breaker === "l2" &&
      sample.value === 1,
  )?.labels.state;
}
