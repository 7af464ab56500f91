import { execFileSync } from "node:child_process";
import os from "node:os";

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly redis: string;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  let redis = "unknown";
  try {
    const banner = execFileSync("redis-server", ["--version"], { encoding: "utf8" });
    redis = /v=(\S+)/.exec(banner)?.[1] ?? banner.trim();
  } catch {
    // Reported as unknown; the bench itself fails later without redis-server.
  }
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    redis,
  };
}
