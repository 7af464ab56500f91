import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port.js";
import { waitFor } from "./wait-for.js";

/** Debian's haproxy in front of gateways on loopback, as deploy/compose runs it (faster checks). */
export interface Haproxy {
  readonly origin: string;
  stop(): Promise<void>;
}

/**
 * Starts haproxy balancing `origins` (leastconn, WebSockets passed through), each checked with
 * `GET /readyz` every 500 ms: a gateway that answers 503 (draining) leaves the pool after two
 * checks. A request whose connection is refused is retried on another gateway.
 */
export async function startHaproxy(origins: readonly string[]): Promise<Haproxy> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "hg-haproxy-"));
  const config = path.join(dir, "haproxy.cfg");
  const servers = origins.map((origin, index) => `  server gateway-${index + 1} ${new URL(origin).host}`);
  writeFileSync(
    config,
    [
      "global",
      "  maxconn 4000",
      "defaults",
      "  mode http",
      "  timeout connect 2s",
      "  timeout client 60s",
      "  timeout server 60s",
      "  timeout tunnel 1h",
      "  timeout client-fin 5s",
      "  timeout http-request 10s",
      "  retries 3",
      "  option redispatch",
      "  retry-on conn-failure empty-response",
      "frontend http",
      `  bind 127.0.0.1:${port}`,
      "  default_backend gateways",
      "backend gateways",
      "  balance leastconn",
      "  option httpchk GET /readyz",
      "  http-check expect status 200",
      "  default-server check inter 500ms fall 2 rise 2",
      ...servers,
      "",
    ].join("\n"),
  );
  const child: ChildProcess = spawn("haproxy", ["-db", "-f", config], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const kill = (): void => {
    child.kill("SIGKILL");
  };
  process.once("exit", kill);
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`haproxy exited at start:\n${output}`);
      return (await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(1_000) })).ok;
    },
    { timeoutMs: 15_000, intervalMs: 100, what: "haproxy forwarding" },
  );
  return {
    origin,
    stop: async () => {
      process.off("exit", kill);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
