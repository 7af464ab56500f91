import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { freePort } from "../../test/support/free-port.js";
import { type RedisServer, startRedisServer } from "../../test/support/redis-server.js";
import { type Child, spawnChild } from "./children.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The JWT secret of every bench gateway; tokens from `tokensFor` match it. */
export const BENCH_JWT_SECRET = "home-gateway-bench-secret-long-enough-for-hs256";

export interface GatewaySpec {
  /** Short name for tables and errors, e.g. "l1-24". */
  readonly name: string;
  readonly tiles: number;
  readonly l1: boolean;
  readonly demoLatencyMs: number;
  /** Extra environment, e.g. limits the live-tile scenario must raise. */
  readonly env?: Readonly<Record<string, string>>;
  /** Extra node flags, e.g. `--cpu-prof`. */
  readonly nodeArgs?: readonly string[];
  /** Another checkout to run the gateway from (with its own bench/gateway.ts), to compare two versions. */
  readonly root?: string;
}

export interface RunningGateway {
  readonly spec: GatewaySpec;
  readonly origin: string;
  readonly redis: RedisServer;
  readonly process: Child;
  /** Stops the gateway (SIGTERM: it drains), then its Redis. */
  stop(): Promise<void>;
}

/**
 * A gateway process (bench/gateway.ts: src/main.ts with a plan size) with a redis-server of its own,
 * so that Redis command counts and L2 contents belong to this gateway alone.
 */
export async function startGateway(spec: GatewaySpec): Promise<RunningGateway> {
  const redis = await startRedisServer();
  try {
    const port = await freePort();
    const child = spawnChild(
      `gateway ${spec.name}`,
      process.execPath,
      [...extraNodeArgs(), ...(spec.nodeArgs ?? []), "--import", "tsx", "bench/gateway.ts"],
      {
        cwd: spec.root ?? ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: "production",
          HOST: "127.0.0.1",
          PORT: String(port),
          LOG_LEVEL: "warn",
          JWT_SECRET: BENCH_JWT_SECRET,
          REDIS_URL: redis.url,
          DEMO_FAILURE_RATE: "0",
          DEMO_LATENCY_MS: String(spec.demoLatencyMs),
          BENCH_TILES_PER_USER: String(spec.tiles),
          // The generic refresh runs once at start; a refresh mid-measurement would add its own
          // Redis commands and product-service calls to the counted ones.
          GENERIC_REFRESH_MS: String(3_600_000),
          // Nor do the demo services push changes now and then: each would evict L1 entries and
          // write L2 in the middle of a measurement. Scenario 6 sends its own.
          DEMO_UPDATE_INTERVAL_MS: "0",
          // L1 "off": one entry that lives 1 ms. The measured hit ratio shows how off it is.
          ...(spec.l1 ? {} : { L1_TTL_MS: "1", L1_MAX_ENTRIES: "1" }),
          // The rate limiter runs as in production (one Redis call per request) but never refuses:
          // the load generator is one client at up to tens of thousands of requests a minute.
          RATE_LIMIT_PER_MINUTE: "1000000",
          ...spec.env,
        },
      },
    );
    const origin = `http://127.0.0.1:${port}`;
    await waitUntilReady(origin, child);
    return {
      spec,
      origin,
      redis,
      process: child,
      stop: async () => {
        await child.stop();
        await redis.stop();
      },
    };
  } catch (error) {
    await redis.stop();
    throw error;
  }
}

export interface RunningLimitServer {
  readonly origin: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** bench/limit-server.ts serving one recorded response (body file and headers). */
export async function startLimitServer(name: string, responseFile: string): Promise<RunningLimitServer> {
  return startRecordedServer(`limit server ${name}`, "bench/limit-server.ts", responseFile);
}

/** bench/apollo-server.ts: a plain Apollo Server 5 whose `home` returns one recorded screen. */
export async function startPlainApollo(name: string, responseFile: string): Promise<RunningLimitServer> {
  // Apollo answers GET /readyz with a 400 (no query): any answer means it listens.
  return startRecordedServer(`plain Apollo ${name}`, "bench/apollo-server.ts", responseFile, {
    anyAnswer: true,
  });
}

async function startRecordedServer(
  name: string,
  script: string,
  responseFile: string,
  options: { readonly anyAnswer?: boolean } = {},
): Promise<RunningLimitServer> {
  const port = await freePort();
  const child = spawnChild(name, process.execPath, ["--import", "tsx", script, responseFile], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), NODE_ENV: "production" },
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilReady(origin, child, { anyAnswer: options.anyAnswer ?? false });
  return { origin, pid: child.pid, stop: () => child.stop() };
}

async function waitUntilReady(
  origin: string,
  child: Child,
  options: { readonly anyAnswer?: boolean; readonly timeoutMs?: number } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const deadlineMs = Date.now() + timeoutMs;
  for (;;) {
    if (child.exited()) throw new Error(`${child.name} exited at start:\n${child.output()}`);
    try {
      const response = await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(1_000) });
      await response.arrayBuffer();
      if (response.ok || options.anyAnswer) return;
    } catch {
      // Not listening yet: try again until the deadline.
    }
    if (Date.now() > deadlineMs) {
      await child.stop({ graceMs: 1_000 });
      throw new Error(`${child.name} not ready within ${timeoutMs} ms:\n${child.output()}`);
    }
    await new Promise<void>((resolve) => setTimeout(resolve, 100));
  }
}

/** BENCH_GATEWAY_NODE_ARGS: node flags for every gateway, e.g. "--cpu-prof --cpu-prof-dir=bench/.tmp/prof". */
function extraNodeArgs(): string[] {
  return (process.env.BENCH_GATEWAY_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
}

/** Resident set size of a process, in bytes (Linux). */
export async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1_024;
}
