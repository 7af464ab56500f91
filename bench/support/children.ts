import { type ChildProcess, spawn } from "node:child_process";

export interface Child {
  readonly name: string;
  readonly pid: number;
  /** The last 64 KiB it wrote, stdout and stderr together. */
  output(): string;
  exited(): boolean;
  /** SIGTERM, then SIGKILL past `graceMs`; resolves once it has exited. */
  stop(options?: { readonly graceMs?: number }): Promise<void>;
}

const running = new Set<ChildProcess>();
let hooksInstalled = false;

/**
 * Spawns a process the bench owns. Whatever happens to the bench (an exception, Ctrl-C, a kill
 * that lets Node exit), every child still running is killed on the way out.
 */
export function spawnChild(
  name: string,
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv },
): Child {
  installExitHooks();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error(`could not start ${name} (${command})`);
  running.add(child);
  let output = "";
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-65_536);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      running.delete(child);
      resolve();
    }),
  );
  const exited = (): boolean => child.exitCode !== null || child.signalCode !== null;
  return {
    name,
    pid: child.pid,
    output: () => output,
    exited,
    stop: async ({ graceMs = 10_000 } = {}) => {
      if (exited()) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
}

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.once("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping its processes\n`);
      // The exit hook kills what is left.
      process.exit(130);
    });
  }
}
