import { readFile, readdir } from "node:fs/promises";

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) in /proc. */
const TICKS_PER_SECOND = 100;

/** User plus system CPU time of one process so far, in seconds. */
export async function processCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  return ticksOf(stat) / TICKS_PER_SECOND;
}

export interface CpuSnapshot {
  readonly atMs: number;
  /** Non-idle ticks of the whole machine. */
  readonly machineBusyTicks: number;
  /** Ticks of this process and every process under it. */
  readonly benchTicks: number;
}

/** The machine's CPU use, and this bench's share of it, at one moment. */
export async function cpuSnapshot(): Promise<CpuSnapshot> {
  const [machine, processes] = await Promise.all([readFile("/proc/stat", "utf8"), processTable()]);
  // cpu  user nice system idle iowait irq softirq steal ...
  const fields = (machine.split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  const busy = fields.slice(0, 8).reduce((sum, value) => sum + value, 0) - idle;
  const mine = new Set([process.pid]);
  // Parents come before children often but not always: repeat until nothing is added.
  for (let added = true; added;) {
    added = false;
    for (const [pid, { ppid }] of processes) {
      if (!mine.has(pid) && mine.has(ppid)) {
        mine.add(pid);
        added = true;
      }
    }
  }
  let benchTicks = 0;
  for (const pid of mine) benchTicks += processes.get(pid)?.ticks ?? 0;
  return { atMs: performance.now(), machineBusyTicks: busy, benchTicks };
}

/**
 * Cores' worth of CPU that processes outside this bench used between two snapshots: other work on
 * the machine competing with the measurement (0 on a quiet machine).
 */
export function foreignCores(before: CpuSnapshot, after: CpuSnapshot): number {
  const seconds = (after.atMs - before.atMs) / 1_000;
  const foreignTicks =
    after.machineBusyTicks - before.machineBusyTicks - (after.benchTicks - before.benchTicks);
  return Math.max(0, foreignTicks / TICKS_PER_SECOND / Math.max(seconds, 0.001));
}

async function processTable(): Promise<Map<number, { ppid: number; ticks: number }>> {
  const table = new Map<number, { ppid: number; ticks: number }>();
  const entries = await readdir("/proc");
  await Promise.all(
    entries
      .filter((entry) => /^\d+$/.test(entry))
      .map(async (entry) => {
        try {
          const stat = await readFile(`/proc/${entry}/stat`, "utf8");
          const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
          table.set(Number(entry), { ppid: Number(fields[1]), ticks: ticksOf(stat) });
        } catch {
          // The process ended between listing and reading: its time no longer shows anywhere.
        }
      }),
  );
  return table;
}

function ticksOf(stat: string): number {
  // Fields after "(name) ": state is the first, utime the 12th and stime the 13th of them.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/** What the server process and the rest of the machine used while `action` ran. */
export async function accounted<T>(
  pid: number,
  action: () => Promise<T>,
  units: (result: T) => number,
): Promise<{ result: T; serverCpuMs: number; foreignCores: number }> {
  const [cpuBefore, machineBefore] = await Promise.all([processCpuSeconds(pid), cpuSnapshot()]);
  const result = await action();
  const [cpuAfter, machineAfter] = await Promise.all([processCpuSeconds(pid), cpuSnapshot()]);
  return {
    result,
    serverCpuMs: ((cpuAfter - cpuBefore) * 1_000) / Math.max(1, units(result)),
    foreignCores: foreignCores(machineBefore, machineAfter),
  };
}
