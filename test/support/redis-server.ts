import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import os from "node:os";

/**
 * A redis-server of the test's own on a free loopback port: nothing persisted, nothing shared with
 * the Redis a developer may run on 6379. It can be stopped, killed, frozen and restarted on the same
 * port to play outages.
 */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** SIGTERM, then waits for the process to exit (thaws it first if frozen). */
  stop(): Promise<void>;
  /** SIGKILL, then waits for the process to exit. */
  kill(): Promise<void>;
  /** SIGSTOP: connections stay open, nothing answers. */
  freeze(): void;
  /** SIGCONT. */
  thaw(): void;
  /** Stops it if it runs, then starts a fresh, empty one on the same port. */
  restart(): Promise<void>;
}

export interface StartRedisServerOptions {
  readonly startTimeoutMs?: number;
  /** `requirepass`: clients must AUTH with it (the returned url does not carry it). */
  readonly password?: string;
}

const RESERVED_PORTS = new Set([6379]);
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

export async function startRedisServer(options: StartRedisServerOptions = {}): Promise<RedisServer> {
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;
  // Nothing is persisted (no RDB, no AOF); the directory only has to exist, before and after a stop.
  const dir = os.tmpdir();
  let child: ChildProcess | undefined;
  let port = 0;
  // A free port can be taken between asking and binding; another port then does.
  for (let attempt = 1; !child; attempt++) {
    port = await unreservedPort();
    try {
      child = await launch(port, dir, startTimeoutMs, options.password);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  let current: ChildProcess = child;
  let frozen = false;

  const signalAndWait = async (signal: NodeJS.Signals): Promise<void> => {
    if (hasExited(current)) return;
    if (frozen && signal !== "SIGKILL") current.kill("SIGCONT");
    frozen = false;
    const exited = exitOf(current);
    current.kill(signal);
    await exited;
  };

  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: () => signalAndWait("SIGTERM"),
    kill: () => signalAndWait("SIGKILL"),
    freeze: () => {
      current.kill("SIGSTOP");
      frozen = true;
    },
    thaw: () => {
      current.kill("SIGCONT");
      frozen = false;
    },
    restart: async () => {
      await signalAndWait("SIGTERM");
      current = await launch(port, dir, startTimeoutMs, options.password);
    },
  };
}

/** A key prefix unique to one test file and run, so files never see each other's keys. */
export function testKeyPrefix(file: string): string {
  return `test:${file}:${process.pid}:${randomBytes(4).toString("hex")}:`;
}

async function launch(
  port: number,
  dir: string,
  startTimeoutMs: number,
  password: string | undefined,
): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      dir,
      "--daemonize",
      "no",
      "--loglevel",
      "warning",
      ...(password === undefined ? [] : ["--requirepass", password]),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  track(child);

  const deadlineMs = Date.now() + startTimeoutMs;
  while (!(await answersPing(port))) {
    if (hasExited(child)) throw new Error(`redis-server on port ${port} exited at start:\n${output}`);
    if (Date.now() > deadlineMs) {
      child.kill("SIGKILL");
      throw new Error(
        `redis-server on port ${port} did not answer PING within ${startTimeoutMs} ms:\n${output}`,
      );
    }
    await new Promise<void>((resolve) => setTimeout(resolve, 25));
  }
  return child;
}

function track(child: ChildProcess): void {
  running.add(child);
  child.once("exit", () => running.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A test that dies before its afterAll must not leave servers behind.
  process.once("exit", () => {
    for (const server of running) server.kill("SIGKILL");
  });
}

/** A port that was free a moment ago, other than the ones a developer's own services use. */
async function unreservedPort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = net.createServer();
      probe.once("error", reject);
      probe.listen(0, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() =>
          typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
        );
      });
    });
    if (!RESERVED_PORTS.has(port)) return port;
  }
}

/** A raw PING, so that waiting for the server needs no client with its own reconnect logic. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (answer: boolean): void => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(250, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    // A server with requirepass answers NOAUTH: it is up all the same.
    socket.once("data", (data) => done(/^(\+PONG|-NOAUTH)/.test(data.toString())));
  });
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function exitOf(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}
