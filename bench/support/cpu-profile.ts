import { readFile } from "node:fs/promises";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface CostLine {
  readonly name: string;
  readonly selfMs: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly idleMs: number;
  /** Self time by function (name and place). */
  readonly functions: readonly CostLine[];
  /** Self time by where the code lives: a package, node internals, or a file of this repository. */
  readonly places: readonly CostLine[];
  /** Inclusive time of the functions whose names match the watched patterns. */
  readonly inclusive: readonly CostLine[];
}

/** Reads a V8 .cpuprofile (node --cpu-prof) and sums self time by function and by package. */
export async function summariseProfile(
  file: string,
  options: {
    readonly top?: number;
    readonly watch?: readonly RegExp[];
    /** Leaves out the samples of the first milliseconds after the profile started (startup). */
    readonly skipFirstMs?: number;
  } = {},
): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const top = options.top ?? 25;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const skipUs = (options.skipFirstMs ?? 0) * 1_000;
  const kept: boolean[] = [];
  let elapsedUs = 0;
  for (const delta of profile.timeDeltas) {
    elapsedUs += delta;
    kept.push(elapsedUs >= skipUs);
  }
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    if (kept[index]) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const totalUs = [...selfUs.values()].reduce((sum, value) => sum + value, 0);
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const frame = (nodes.get(id) as ProfileNode).callFrame;
    if (frame.functionName === "(idle)") idleUs += us;
    const where = placeOf(frame.url, frame.functionName);
    const name = `${frame.functionName || "(anonymous)"} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byPlace.set(where, (byPlace.get(where) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const lines = (map: Map<string, number>): CostLine[] =>
    [...map]
      .filter(([name]) => !name.startsWith("(idle)"))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, selfMs: us / 1_000, share: us / busyUs }));

  // Inclusive time of watched functions: a sample counts once per matching function on its stack.
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const inclusive = new Map<string, number>();
  const watch = options.watch ?? [];
  if (watch.length > 0) {
    profile.samples.forEach((id, index) => {
      if (!kept[index]) return;
      const seen = new Set<string>();
      for (let current: number | undefined = id; current !== undefined; current = parents.get(current)) {
        const frame = (nodes.get(current) as ProfileNode).callFrame;
        const label = `${frame.functionName} ${shortUrl(frame.url)}`;
        if (!seen.has(label) && watch.some((pattern) => pattern.test(label))) {
          seen.add(label);
          inclusive.set(label, (inclusive.get(label) ?? 0) + (profile.timeDeltas[index] ?? 0));
        }
      }
    });
  }
  return {
    totalMs: totalUs / 1_000,
    idleMs: idleUs / 1_000,
    functions: lines(byFunction),
    places: lines(byPlace),
    inclusive: lines(inclusive),
  };
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) return url.slice(modules + "node_modules/".length);
  const repo = url.indexOf("/src/");
  if (repo >= 0) return url.slice(repo + 1);
  return url.replace(/^file:\/\//, "");
}

function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith("node:")) return "node internals";
  const repo = url.indexOf("/src/");
  if (repo >= 0) return url.slice(repo + 1);
  return url;
}
