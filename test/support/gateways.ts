import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { print } from "graphql";
import { createLogger } from "../../src/adapters/pino-logger.js";
import { type Gateway, type GatewayPorts, createGateway } from "../../src/app.js";
import { TokenVerifier, mintToken } from "../../src/inbound/auth.js";
import { buildPorts } from "../../src/composition/gateway-ports.js";
import { type Config, loadConfig } from "../../src/config.js";
import { TrustedDocuments } from "../../src/inbound/trusted-documents.js";
import { ACTION_KINDS, COMPONENT_KINDS } from "../../src/ui-components/index.js";
import { HomeDocument, type HomeQuery } from "../gql/graphql.js";
import { freePort } from "./free-port.js";
import { waitFor } from "./wait-for.js";

/** The JWT secret every gateway of these tests runs with; tokens from {@link tokenFor} match it. */
export const GATEWAY_TEST_SECRET = "gateway-integration-test-secret-long-enough-for-hs256";

/**
 * Deterministic demo upstreams: no simulated latency or failures, so only Redis can misbehave, and
 * no simulated pushes, so nothing changes an entry or sends Redis traffic behind a test's back.
 */
const DEMO_ENV = { DEMO_LATENCY_MS: "0", DEMO_FAILURE_RATE: "0", DEMO_UPDATE_INTERVAL_MS: "0" } as const;

/** The update stream of gateways started with `keyPrefix`: under the prefix, like every other key. */
export function updateStreamOf(keyPrefix: string): string {
  return `${keyPrefix}updates`;
}

/** REDIS_URL or REDIS_CLUSTER_NODES, whichever is given (the other one empty: "not set"). */
function redisEnv(options: {
  readonly redisUrl?: string;
  readonly clusterNodes?: string;
}): Record<string, string> {
  if ((options.redisUrl === undefined) === (options.clusterNodes === undefined)) {
    throw new Error("give a gateway redisUrl or clusterNodes, one of them");
  }
  return { REDIS_URL: options.redisUrl ?? "", REDIS_CLUSTER_NODES: options.clusterNodes ?? "" };
}

export type Screen = HomeQuery["home"];
type AnySection = Screen["sections"][number];
export type AnyTile = Extract<AnySection, { tiles: unknown }>["tiles"][number];

export function tokenFor(user: string): Promise<string> {
  return mintToken(user, { secret: GATEWAY_TEST_SECRET, expiresIn: "1h" });
}

/** Every tile of a screen, hero included, in screen order. */
export function tilesOf(screen: Screen): AnyTile[] {
  return screen.sections.flatMap((section) => {
    if ("tiles" in section) return section.tiles;
    if ("tile" in section) return [section.tile as AnyTile];
    return [];
  });
}

/** The product a tile shows; every tile of a home screen has one. */
export function productOf(tile: AnyTile): string {
  const id = tile.product?.id;
  if (!id) throw new Error(`a ${tile.__typename} without a product`);
  return id;
}

/** The title a tile shows, when its kind has one. */
export function titleOf(tile: AnyTile): string | undefined {
  return "title" in tile && typeof tile.title === "string" ? tile.title : undefined;
}

export interface HomeResponse {
  readonly status: number;
  readonly durationMs: number;
  readonly body: { data?: { home: Screen } | null; errors?: readonly { message: string }[] } | undefined;
}

const HOME = print(HomeDocument);
const CAPABILITIES = {
  platform: "IOS",
  appVersion: "5.12.0",
  components: [...COMPONENT_KINDS],
  actions: [...ACTION_KINDS],
};

/** POSTs the home query for the token's viewer; never throws on an HTTP or GraphQL error. */
export async function queryHome(
  origin: string,
  token: string,
  options: { readonly timeoutMs?: number } = {},
): Promise<HomeResponse> {
  const startedMs = performance.now();
  const response = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: HOME, variables: { capabilities: CAPABILITIES } }),
    // A hung request must fail the test, not the test runner.
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const text = await response.text();
  let body: HomeResponse["body"];
  try {
    body = JSON.parse(text) as HomeResponse["body"];
  } catch {
    // Not JSON (e.g. an HTML error page): the status tells the story, `body` stays empty.
    body = undefined;
  }
  return { status: response.status, durationMs: performance.now() - startedMs, body };
}

/** The screen of a successful answer; throws, with what came back, for anything else. */
export async function homeScreen(origin: string, token: string): Promise<Screen> {
  const response = await queryHome(origin, token);
  const screen = response.body?.data?.home;
  if (response.status !== 200 || !screen || response.body?.errors) {
    throw new Error(`home query failed: ${response.status} ${JSON.stringify(response.body)?.slice(0, 500)}`);
  }
  return screen;
}

export interface Readiness {
  readonly status: number;
  readonly body: { status: string; checks: Record<string, string>; reasons?: Record<string, string> };
}

export async function readiness(origin: string): Promise<Readiness> {
  const response = await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(5_000) });
  return { status: response.status, body: (await response.json()) as Readiness["body"] };
}

export interface InProcessGateway {
  readonly origin: string;
  readonly config: Config;
  readonly ports: GatewayPorts;
  readonly gateway: Gateway;
  stop(): Promise<void>;
}

/**
 * A gateway in this process, composed exactly as `main.ts` composes it (Redis mode, demo upstreams),
 * listening on a free loopback port.
 */
export async function startGatewayInProcess(options: {
  /** One Redis; or `clusterNodes` (REDIS_CLUSTER_NODES) for a Redis Cluster. */
  readonly redisUrl?: string;
  readonly clusterNodes?: string;
  readonly keyPrefix: string;
  readonly env?: Readonly<Record<string, string>>;
}): Promise<InProcessGateway> {
  const config = loadConfig({
    ...process.env,
    ...redisEnv(options),
    REDIS_KEY_PREFIX: options.keyPrefix,
    UPDATE_STREAM: updateStreamOf(options.keyPrefix),
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    JWT_SECRET: GATEWAY_TEST_SECRET,
    ...DEMO_ENV,
    ...options.env,
  });
  const logger = createLogger({ level: config.LOG_LEVEL });
  const ports = await buildPorts(config, logger);
  const gateway = await createGateway(ports, {
    tokens: new TokenVerifier({
      secret: config.jwtSecret,
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      clockToleranceSeconds: config.JWT_CLOCK_TOLERANCE_SECONDS,
    }),
    production: false,
    softTimeoutMs: config.SOFT_TIMEOUT_MS,
    l2TtlMs: config.L2_TTL_MS,
    webBaseUrl: config.WEB_BASE_URL,
    componentVersionRules: config.COMPONENT_VERSION_RULES,
    cursorSecret: config.CURSOR_SECRET,
    security: {
      trustedDocuments: TrustedDocuments.ofProject(config.TRUSTED_DOCUMENTS),
      trustedDocumentsOnly: config.trustedDocumentsOnly,
    },
  });
  const { port } = await gateway.listen({ port: config.PORT, host: config.HOST });
  return { origin: `http://127.0.0.1:${port}`, config, ports, gateway, stop: () => gateway.stop() };
}

export interface GatewayProcess {
  readonly origin: string;
  readonly pid: number;
  /** Everything it wrote so far, stdout and stderr. */
  output(): string;
  /** Its JSON log lines (pino), parsed; other lines are left out. */
  logs(): Record<string, unknown>[];
}

/**
 * Gateways in processes of their own (`node --import tsx src/main.ts`), each in its own process
 * group so that `killAll` ends the gateway and its esbuild service together. Call `killAll` in `afterAll`; a worker
 * that dies first kills them through its exit hook.
 */
export class GatewayProcesses {
  private readonly children: ChildProcess[] = [];
  private exitHook: (() => void) | undefined;

  async start(options: {
    /** One Redis; or `clusterNodes` (REDIS_CLUSTER_NODES) for a Redis Cluster. */
    readonly redisUrl?: string;
    readonly clusterNodes?: string;
    readonly keyPrefix: string;
    readonly env?: Readonly<Record<string, string>>;
    readonly readyTimeoutMs?: number;
  }): Promise<GatewayProcess> {
    const port = await freePort();
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const chunks: string[] = [];
    // node itself runs the gateway (tsx as a loader), so the child is the gateway: a signal reaches
    // it and nothing else, with no npx or tsx process between that could relay or swallow it.
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "development",
        ...redisEnv(options),
        REDIS_KEY_PREFIX: options.keyPrefix,
        UPDATE_STREAM: updateStreamOf(options.keyPrefix),
        PORT: String(port),
        HOST: "127.0.0.1",
        JWT_SECRET: GATEWAY_TEST_SECRET,
        LOG_LEVEL: "warn",
        ...DEMO_ENV,
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    this.track(child);
    child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
    const origin = `http://127.0.0.1:${port}`;
    const output = (): string => chunks.join("");
    await waitFor(
      async () => {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`gateway exited (${child.exitCode ?? child.signalCode}) at start:\n${output()}`);
        }
        return (await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(1_000) })).ok;
      },
      { timeoutMs: options.readyTimeoutMs ?? 60_000, intervalMs: 100, what: `gateway on port ${port} ready` },
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\n--- gateway output ---\n${output()}`, { cause: error });
    });
    return {
      origin,
      pid: child.pid as number,
      output,
      logs: () =>
        output()
          .split("\n")
          .filter((line) => line.startsWith("{"))
          .flatMap((line) => {
            try {
              return [JSON.parse(line) as Record<string, unknown>];
            } catch {
              // A line cut in the middle of a chunk; the next read has it whole.
              return [];
            }
          }),
    };
  }

  /** Sends `signal` to the gateway's node process and resolves once it has exited. */
  async signal(gateway: GatewayProcess, signal: NodeJS.Signals): Promise<void> {
    const child = this.children.find((candidate) => candidate.pid === gateway.pid);
    if (!child) throw new Error(`no gateway process ${gateway.pid} started here`);
    const exited =
      child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve()
        : new Promise<void>((resolve) => child.once("exit", () => resolve()));
    process.kill(gateway.pid, signal);
    // A gateway that does not exit must fail the test with what it was doing, not hang it.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const tree = execFileSync("ps", ["-o", "pid,ppid,stat,args", "--forest", "-g", String(gateway.pid)], {
          encoding: "utf8",
        });
        reject(
          new Error(
            `gateway ${gateway.pid} still running 30 s after ${signal}:\n${tree}\n` +
              gateway.output().slice(-4_000),
          ),
        );
      }, 30_000);
    });
    try {
      await Promise.race([exited, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** SIGKILL to every process group started here; waits until each has exited. */
  async killAll(): Promise<void> {
    const exits = this.children.splice(0).map((child) => {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      killGroup(child);
      return exited;
    });
    await Promise.all(exits);
    if (this.exitHook) process.off("exit", this.exitHook);
    this.exitHook = undefined;
  }

  private track(child: ChildProcess): void {
    this.children.push(child);
    if (this.exitHook) return;
    this.exitHook = () => {
      for (const running of this.children) killGroup(running);
    };
    process.once("exit", this.exitHook);
  }
}

function killGroup(child: ChildProcess): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // The group is gone already.
  }
}
