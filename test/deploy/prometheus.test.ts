import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/adapters/pino-logger.js";
import { type Gateway, createGateway } from "../../src/app.js";
import { TokenVerifier, mintToken } from "../../src/inbound/auth.js";
import { buildPorts } from "../../src/composition/gateway-ports.js";
import { loadConfig } from "../../src/config.js";
import { HomeDocument } from "../gql/graphql.js";
import { freePort } from "../support/free-port.js";
import { waitFor } from "../support/wait-for.js";

const run = promisify(execFile);
const PROMETHEUS_DIR = fileURLToPath(new URL("../../deploy/prometheus/", import.meta.url));
const DASHBOARD = fileURLToPath(new URL("../../deploy/grafana/home-gateway.json", import.meta.url));

describe("alert rules, with Debian's promtool", () => {
  it("pass promtool check rules and the config that loads them passes check config", async () => {
    const rules = await run("promtool", ["check", "rules", "alerts.yml"], { cwd: PROMETHEUS_DIR });
    expect(rules.stdout).toMatch(/SUCCESS: \d+ rules found/);
    await run("promtool", ["check", "config", "prometheus.yml"], { cwd: PROMETHEUS_DIR });
  });

  it("pass their unit tests (promtool test rules)", async () => {
    const tests = await run("promtool", ["test", "rules", "alerts.test.yml"], { cwd: PROMETHEUS_DIR });
    expect(tests.stdout).toContain("SUCCESS");
  });
});

interface Alert {
  readonly labels: Record<string, string>;
  readonly state: string;
}

/**
 * A real Prometheus scrapes a gateway composed as main.ts composes it (embedded mode) whose product
 * services fail 60 % of their calls, and evaluates the repository's alert rules against what it scraped.
 */
describe("a real Prometheus scraping a running gateway", () => {
  let gateway: Gateway;
  let prometheus: ChildProcess | undefined;
  let prometheusOutput = "";
  let api: string;
  let dataDir: string;
  let traffic: NodeJS.Timeout | undefined;

  beforeAll(async () => {
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      DEMO_LATENCY_MS: "0",
      DEMO_FAILURE_RATE: "0.6",
      DEMO_UPDATE_INTERVAL_MS: "0",
    });
    const ports = await buildPorts(config, createLogger({ level: "silent" }));
    const secret = config.jwtSecret as string;
    gateway = await createGateway(ports, {
      tokens: new TokenVerifier({ secret }),
      production: false,
      softTimeoutMs: config.SOFT_TIMEOUT_MS,
      l2TtlMs: config.L2_TTL_MS,
      webBaseUrl: config.WEB_BASE_URL,
    });
    const { url, port } = await gateway.listen({ port: 0, host: "127.0.0.1" });
    const home = JSON.stringify({ query: print(HomeDocument) });
    // Alice again and again (L1 and L2 hits once her data came through), and a new viewer each
    // time (misses, so product services keep being called and keep failing).
    let sent = 0;
    const send = async (): Promise<void> => {
      sent += 1;
      const token = await mintToken(sent % 2 === 0 ? "alice" : `viewer-${sent}`, { secret, expiresIn: "1h" });
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: home,
      });
      await response.arrayBuffer();
    };
    await send();
    // The last requests may meet a stopped gateway; they prove nothing either way.
    traffic = setInterval(() => void send().catch(() => undefined), 100);

    dataDir = await mkdtemp(join(tmpdir(), "hg-prometheus-"));
    const configFile = join(dataDir, "prometheus.yml");
    await writeFile(
      configFile,
      [
        "global: { scrape_interval: 1s, evaluation_interval: 1s }",
        `rule_files: [${JSON.stringify(join(PROMETHEUS_DIR, "alerts.yml"))}]`,
        "scrape_configs:",
        "  - job_name: home-gateway",
        `    static_configs: [{ targets: ["127.0.0.1:${port}"] }]`,
      ].join("\n"),
    );
    const apiPort = await freePort();
    api = `http://127.0.0.1:${apiPort}`;
    prometheus = spawn(
      "prometheus",
      [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${join(dataDir, "data")}`,
        `--web.listen-address=127.0.0.1:${apiPort}`,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    prometheus.stdout?.on("data", (chunk: Buffer) => (prometheusOutput += chunk.toString()));
    prometheus.stderr?.on("data", (chunk: Buffer) => (prometheusOutput += chunk.toString()));
    await waitFor(async () => (await fetch(`${api}/-/ready`)).ok, {
      timeoutMs: 20_000,
      intervalMs: 200,
      what: "prometheus ready",
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}\n--- prometheus output ---\n${prometheusOutput}`, { cause: error });
    });
  });

  afterAll(async () => {
    clearInterval(traffic);
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus?.once("exit", resolve));
      prometheus.kill("SIGTERM");
      await exited;
    }
    await gateway?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function query(
    expr: string,
  ): Promise<{ status: string; data?: { result: unknown[] }; error?: string }> {
    const response = await fetch(`${api}/api/v1/query?query=${encodeURIComponent(expr)}`);
    return (await response.json()) as { status: string; data?: { result: unknown[] }; error?: string };
  }

  it("scrapes /metrics and puts the failing product services' alert in pending (its for: has not run out)", async () => {
    await waitFor(async () => ((await query('up{job="home-gateway"} == 1')).data?.result.length ?? 0) > 0, {
      timeoutMs: 20_000,
      intervalMs: 250,
      what: "a successful scrape",
    });
    const alerts = await waitFor(
      async () => {
        const body = (await (await fetch(`${api}/api/v1/alerts`)).json()) as { data: { alerts: Alert[] } };
        const upstream = body.data.alerts.filter(
          (alert) => alert.labels.alertname === "HomeGatewayUpstreamFailing",
        );
        return upstream.length > 0 ? upstream : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500, what: "HomeGatewayUpstreamFailing active" },
    );
    // One alert per failing product service, named by the service.
    expect(alerts.every((alert) => alert.state === "pending")).toBe(true);
    const services = ["shop", "travel", "banking", "mobile", "media", "insurance"];
    expect(alerts.every((alert) => services.includes(alert.labels.service ?? ""))).toBe(true);
    expect(alerts.every((alert) => alert.labels.severity === "ticket")).toBe(true);

    // The instance is up: the alerts for a missing gateway stay quiet.
    const rules = (await (await fetch(`${api}/api/v1/rules`)).json()) as {
      data: { groups: { rules: { name: string; health: string; state: string; lastError?: string }[] }[] };
    };
    const all = rules.data.groups.flatMap((group) => group.rules);
    expect(all.length).toBeGreaterThan(5);
    expect(all.filter((rule) => rule.health !== "ok")).toEqual([]);
    expect(all.find((rule) => rule.name === "HomeGatewayAllInstancesDown")?.state).toBe("inactive");
  });

  it("answers every query of the Grafana dashboard, with data for the request, cache and process panels", async () => {
    const dashboard = JSON.parse(await readFile(DASHBOARD, "utf8")) as {
      panels: { title: string; targets?: { expr: string }[] }[];
    };
    const queries = dashboard.panels.flatMap((panel) =>
      (panel.targets ?? []).map((target) => ({
        panel: panel.title,
        expr: target.expr.replaceAll("$__rate_interval", "30s").replaceAll("$instance", ".*"),
      })),
    );
    expect(queries.length).toBeGreaterThan(20);
    const failed: string[] = [];
    for (const { panel, expr } of queries) {
      const answer = await query(expr);
      if (answer.status !== "success") failed.push(`${panel}: ${answer.error ?? answer.status}`);
    }
    expect(failed).toEqual([]);

    for (const title of [
      "Requests by status (/graphql)",
      "Latency (/graphql, 200)",
      "Hit ratio by tier",
      "Upstream error ratio by service",
      "Open subscriptions",
      "Event-loop delay p99",
    ]) {
      const exprs = queries.filter((entry) => entry.panel === title).map((entry) => entry.expr);
      expect(exprs, title).not.toEqual([]);
      await waitFor(async () => ((await query(exprs[0] as string)).data?.result.length ?? 0) > 0, {
        timeoutMs: 15_000,
        intervalMs: 500,
        what: `data for "${title}"`,
      });
    }
  });
});
