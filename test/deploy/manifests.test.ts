import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { validate as lintDockerfile } from "dockerfile-utils";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Service } from "kubernetes-models/v1/Service";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { loadConfig } from "../../src/config.js";
import {
  ROOT,
  contextFiles,
  dockerignore,
  execForm,
  instructionsOf,
  readDockerfile,
} from "../support/dockerfile.js";
import { freePort } from "../support/free-port.js";
import { waitFor } from "../support/wait-for.js";

const run = promisify(execFile);
const K8S = join(ROOT, "deploy/k8s");
const COMPOSE = join(ROOT, "deploy/compose");
/** ApolloServerPluginDrainHttpServer's default grace for in-flight requests (src/app.ts). */
const DRAIN_SECONDS = 10;

type Manifest = { apiVersion: string; kind: string; metadata: { name: string } } & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The Kubernetes models (JSON schemas of the Kubernetes API) for every kind deploy/k8s uses. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  "apps/v1 Deployment": Deployment,
  "v1 Service": Service,
  "v1 ConfigMap": ConfigMap,
  "policy/v1 PodDisruptionBudget": PodDisruptionBudget,
  "autoscaling/v2 HorizontalPodAutoscaler": HorizontalPodAutoscaler,
};

async function manifests(): Promise<Manifest[]> {
  const files = (await readdir(K8S)).filter((file) => file.endsWith(".yaml")).sort();
  const all: Manifest[] = [];
  for (const file of files) {
    for (const document of parseAllDocuments(await readFile(join(K8S, file), "utf8"))) {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]?.message}`);
      all.push(document.toJS() as Manifest);
    }
  }
  return all;
}

function validateManifest(manifest: Manifest): void {
  const Model = MODELS[`${manifest.apiVersion} ${manifest.kind}`];
  if (!Model) throw new Error(`no schema for ${manifest.apiVersion} ${manifest.kind}`);
  new Model(manifest as never).validate();
}

function byKind(all: Manifest[], kind: string): Manifest {
  const found = all.find((manifest) => manifest.kind === kind);
  if (!found) throw new Error(`no ${kind} in deploy/k8s`);
  return found;
}

/** Variables the gateway's configuration would drop as unknown (it validates and keeps the others). */
function unknownVariables(environment: Record<string, string>): string[] {
  const config = loadConfig(environment);
  return Object.keys(environment).filter((name) => !(name in config));
}

/** The services of compose.yaml, as far as the tests read them. */
interface ComposeService {
  command?: string[] | string;
  entrypoint?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  profiles?: string[];
  restart?: string;
  stop_grace_period?: string;
}

/** The Redis Cluster's nodes in compose.yaml. */
const CLUSTER_NODES = [
  "redis-node-1",
  "redis-node-2",
  "redis-node-3",
  "redis-node-4",
  "redis-node-5",
  "redis-node-6",
];

/** A JWT key for configurations whose real one comes from a secret. */
const SECRET = "k".repeat(48);

describe("Kubernetes manifests (deploy/k8s)", () => {
  it("each one validates against the Kubernetes API schema of its kind (kubernetes-models)", async () => {
    const all = await manifests();
    expect(all.map((manifest) => manifest.kind).sort()).toEqual([
      "ConfigMap",
      "Deployment",
      "HorizontalPodAutoscaler",
      "PodDisruptionBudget",
      "Service",
    ]);
    for (const manifest of all) expect(() => validateManifest(manifest), manifest.kind).not.toThrow();

    // The validator does refuse a wrong manifest.
    const broken = structuredClone(byKind(all, "Deployment"));
    broken.spec.replicas = "three";
    broken.spec.template.spec.containers[0].readinessProbe.httpGet.port = { name: "http" };
    expect(() => validateManifest(broken)).toThrow(/replicas must be integer/);
  });

  it("probes /readyz and /healthz, and gives the preStop pause and the gateway's drain time to finish", async () => {
    const deployment = byKind(await manifests(), "Deployment");
    const pod = deployment.spec.template.spec;
    const [container] = pod.containers;
    expect(container.readinessProbe.httpGet).toEqual({ path: "/readyz", port: "http" });
    expect(container.livenessProbe.httpGet).toEqual({ path: "/healthz", port: "http" });
    expect(container.ports).toEqual([{ name: "http", containerPort: 4000 }]);
    const [sleep, seconds] = container.lifecycle.preStop.exec.command as string[];
    expect(sleep).toBe("sleep");
    // SIGTERM comes after the preStop pause; then /readyz answers 503 for SHUTDOWN_DELAY_MS while
    // serving, then the drain. The grace period holds all three and a margin.
    const settings = byKind(await manifests(), "ConfigMap").data as Record<string, string>;
    const { SHUTDOWN_DELAY_MS: shutdownDelayMs } = loadConfig({ ...settings, JWT_SECRET: SECRET });
    expect(shutdownDelayMs).toBeGreaterThan(0);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(
      Number(seconds) + shutdownDelayMs / 1000 + DRAIN_SECONDS + 5,
    );
    // Whatever follows readiness sees the 503s within the delay.
    const readiness = container.readinessProbe;
    expect(readiness.periodSeconds * readiness.failureThreshold * 1000).toBeLessThan(shutdownDelayMs);
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(container.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
  });

  it("ties the Service, PDB and HPA to the Deployment, and the ConfigMap holds valid settings only", async () => {
    const all = await manifests();
    const deployment = byKind(all, "Deployment");
    const labels = deployment.spec.template.metadata.labels as Record<string, string>;
    expect(deployment.spec.selector.matchLabels).toEqual(labels);
    expect(byKind(all, "Service").spec.selector).toEqual(labels);
    expect(byKind(all, "Service").spec.ports[0].targetPort).toBe("http");
    expect(byKind(all, "PodDisruptionBudget").spec.selector.matchLabels).toEqual(labels);
    const hpa = byKind(all, "HorizontalPodAutoscaler");
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      name: deployment.metadata.name,
    });
    expect(hpa.spec.metrics.map((metric: Manifest) => metric.resource.name)).toEqual(["cpu"]);
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);

    const settings = byKind(all, "ConfigMap").data as Record<string, string>;
    expect(unknownVariables({ ...settings, JWT_SECRET: SECRET })).toEqual([]);
    const secretKey = deployment.spec.template.spec.containers[0].env.find(
      (entry: Manifest) => entry.name === "JWT_SECRET",
    );
    expect(secretKey.valueFrom.secretKeyRef).toEqual({ name: "home-gateway", key: "jwt-secret" });
    const cursorKey = deployment.spec.template.spec.containers[0].env.find(
      (entry: Manifest) => entry.name === "CURSOR_SECRET",
    );
    expect(cursorKey.valueFrom.secretKeyRef).toEqual({ name: "home-gateway", key: "cursor-secret" });
  });
});

describe("compose (deploy/compose)", () => {
  const dclint = join(ROOT, "node_modules/.bin/dclint");
  // Its settings: services grouped by role (Redis, gateways, proxy, monitoring, cluster) rather
  // than sorted by name, and ports in the double quotes prettier writes.
  const dclintSettings = ["--config", join(COMPOSE, ".dclintrc.json")];

  it("passes dclint: the compose-spec schema and its rules, with no warning", async () => {
    await run(dclint, [join(COMPOSE, "compose.yaml"), "--max-warnings", "0", ...dclintSettings]);

    const directory = await mkdtemp(join(tmpdir(), "hg-compose-"));
    try {
      const wrong = join(directory, "compose.yaml");
      await writeFile(
        wrong,
        'name: wrong\nservices:\n  gateway:\n    image: "home-gateway:local"\n    restat: always\n',
      );
      await expect(run(dclint, [wrong, ...dclintSettings])).rejects.toMatchObject({
        stdout: expect.stringMatching(/must NOT have additional properties/),
      });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it("runs three gateways on a six-node Redis Cluster behind haproxy, scraped by Prometheus, each with a valid configuration", async () => {
    const compose = parse(await readFile(join(COMPOSE, "compose.yaml"), "utf8"), { merge: true }) as {
      services: Record<string, ComposeService>;
    };
    const gateways = Object.keys(compose.services).filter((name) => name.startsWith("gateway-"));
    expect(gateways).toEqual(["gateway-1", "gateway-2", "gateway-3"]);
    // The default topology: no profile hides a part of it.
    expect(Object.values(compose.services).filter((service) => service.profiles)).toEqual([]);

    const haproxy = await readFile(join(COMPOSE, "haproxy.cfg"), "utf8");
    const servers = [...haproxy.matchAll(/^\s*server (\S+) (\S+):(\d+)/gm)].map(
      (match) => `${match[2]}:${match[3]}`,
    );
    const prometheus = parse(await readFile(join(ROOT, "deploy/prometheus/prometheus.yml"), "utf8")) as {
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };
    const job = prometheus.scrape_configs.find((config) => config.job_name === "home-gateway");
    const targets = job?.static_configs.flatMap((config) => config.targets);
    const expected = gateways.map((name) => `${name}:4000`);
    expect(servers).toEqual(expected);
    expect(targets).toEqual(expected);

    for (const name of gateways) {
      const service = compose.services[name] as ComposeService;
      const environment = service.environment ?? {};
      // JWT_SECRET is interpolated from the shell running compose; the image sets NODE_ENV.
      expect(environment.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
      expect(unknownVariables({ ...environment, NODE_ENV: "production", JWT_SECRET: SECRET })).toEqual([]);
      const config = loadConfig({ ...environment, NODE_ENV: "production", JWT_SECRET: SECRET });
      expect(config.REDIS_URL).toBeUndefined();
      expect(config.REDIS_CLUSTER_NODES?.nodes).toEqual(CLUSTER_NODES.map((host) => ({ host, port: 6379 })));
      expect(config.UPDATE_STREAM_PARTITIONS).toBe(3);
      // They start once the cluster is created.
      expect(service.depends_on).toEqual({
        "redis-cluster-init": { condition: "service_completed_successfully" },
      });
    }
  });

  it("makes the Redis Cluster from six cluster-enabled nodes, three primaries with a replica each, once", async () => {
    const compose = parse(await readFile(join(COMPOSE, "compose.yaml"), "utf8"), { merge: true }) as {
      services: Record<string, ComposeService>;
    };
    const nodes = Object.keys(compose.services).filter((name) => name.startsWith("redis-node-"));
    expect(nodes).toEqual(CLUSTER_NODES);
    for (const name of nodes) {
      const command = (compose.services[name]?.command ?? []) as string[];
      const option = (flag: string): string | undefined => command[command.indexOf(flag) + 1];
      expect(command[0]).toBe("redis-server");
      expect(option("--cluster-enabled")).toBe("yes");
      // Nodes announce their compose name, which every container resolves (addresses change when
      // a container is recreated), and clients are sent to that name.
      expect(option("--cluster-announce-hostname")).toBe(name);
      expect(option("--cluster-preferred-endpoint-type")).toBe("hostname");
      expect(compose.services[name]?.healthcheck?.test).toEqual(["CMD", "redis-cli", "ping"]);
    }

    const init = compose.services["redis-cluster-init"] as ComposeService;
    expect(init.restart).toBe("no");
    expect(init.depends_on).toEqual(
      Object.fromEntries(nodes.map((name) => [name, { condition: "service_healthy" }])),
    );
    expect(init.entrypoint).toEqual(["sh", "-ec"]);
    const [script] = init.command as string[];
    const create = (script ?? "").split("\n").find((line) => line.includes("--cluster create"));
    const words = (create ?? "").trim().split(/\s+/);
    expect(words.slice(0, 3)).toEqual(["redis-cli", "--cluster", "create"]);
    expect(words.slice(3, 9)).toEqual(nodes.map((name) => `${name}:6379`));
    expect(words.slice(9)).toEqual(["--cluster-replicas", "1", "--cluster-yes"]);
    // Idempotent: the create runs only when the slots are not all assigned yet, and the service
    // exits 0 only once the cluster says it is ok.
    expect(script).toMatch(
      /if redis-cli -h redis-node-1 cluster info \| grep -q '\^cluster_slots_assigned:16384'; then/,
    );
    expect(script).toMatch(/grep -q '\^cluster_state:ok'; then exit 0; fi/);
    expect(script?.trimEnd().endsWith("exit 1")).toBe(true);
  });

  it("runs redis-cluster-init's script as written against six cluster-enabled redis-servers: it creates the cluster, and a second run leaves it alone", async () => {
    const compose = parse(await readFile(join(COMPOSE, "compose.yaml"), "utf8"), { merge: true }) as {
      services: Record<string, ComposeService>;
    };
    const directory = await mkdtemp(join(tmpdir(), "hg-compose-cluster-"));
    const servers: ChildProcess[] = [];
    try {
      // Each node started with its compose command, on loopback: its name becomes localhost.
      const ports: number[] = [];
      for (const name of CLUSTER_NODES) {
        const port = await freePort();
        const command = (compose.services[name]?.command as string[]).map((word) =>
          word === name ? "localhost" : word,
        );
        const dir = join(directory, name);
        await run("mkdir", ["-p", dir]);
        servers.push(
          spawn(
            command[0] as string,
            [...command.slice(1), "--port", String(port), "--bind", "127.0.0.1", "--save", ""],
            {
              cwd: dir,
              stdio: "ignore",
            },
          ),
        );
        ports.push(port);
      }
      for (const port of ports) {
        await waitFor(
          async () => (await run("redis-cli", ["-p", String(port), "ping"])).stdout.includes("PONG"),
          {
            timeoutMs: 10_000,
            intervalMs: 100,
            what: `redis-server on ${port}`,
          },
        );
      }
      // The script with compose's names as these nodes' addresses, and compose's `$$` unescaped.
      let script = (compose.services["redis-cluster-init"]?.command as string[])[0] as string;
      script = script.replaceAll("$$", "$");
      CLUSTER_NODES.forEach((name, index) => {
        script = script
          .replaceAll(`-h ${name} `, `-h 127.0.0.1 -p ${ports[index]} `)
          .replaceAll(`${name}:6379`, `127.0.0.1:${ports[index]}`);
      });
      expect(script).not.toContain("redis-node-");

      const first = await run("sh", ["-ec", script], { timeout: 90_000 });
      expect(first.stdout).toContain("[OK] All 16384 slots covered");
      const info = (await run("redis-cli", ["-p", String(ports[0]), "cluster", "info"])).stdout;
      expect(info).toMatch(/^cluster_state:ok/m);
      expect(info).toMatch(/^cluster_size:3\r?$/m);
      expect(info).toMatch(/^cluster_known_nodes:6\r?$/m);
      // Three replicas, once the replication the create set up has gossiped to the first node.
      await waitFor(
        async () => {
          const nodes = (await run("redis-cli", ["-p", String(ports[0]), "cluster", "nodes"])).stdout;
          return nodes.split("\n").filter((line) => / slave /.test(line)).length === 3;
        },
        { timeoutMs: 15_000, intervalMs: 200, what: "three replicas" },
      );

      const second = await run("sh", ["-ec", script], { timeout: 90_000 });
      expect(second.stdout).toContain("redis cluster already created");
      expect(second.stdout).not.toContain("--cluster");
    } finally {
      for (const server of servers) server.kill("SIGKILL");
      await rm(directory, { recursive: true, force: true });
    }
  }, 120_000);

  it("drains a stopping gateway: haproxy drops it within SHUTDOWN_DELAY_MS, retries elsewhere, and compose waits for the drain", async () => {
    const compose = parse(await readFile(join(COMPOSE, "compose.yaml"), "utf8"), { merge: true }) as {
      services: Record<string, ComposeService>;
    };
    const haproxy = await readFile(join(COMPOSE, "haproxy.cfg"), "utf8");
    const check = /^\s*default-server check inter (\d+)s fall (\d+) rise \d+/m.exec(haproxy);
    expect(check).not.toBeNull();
    const dropMs = Number(check?.[1]) * 1000 * Number(check?.[2]);
    expect(haproxy).toMatch(/^\s*option httpchk GET \/readyz$/m);
    expect(haproxy).toMatch(/^\s*http-check expect status 200$/m);
    // As the haproxy the cluster tests run behind (test/support/haproxy.ts).
    expect(haproxy).toMatch(/^\s*retries 3$/m);
    expect(haproxy).toMatch(/^\s*option redispatch$/m);
    expect(haproxy).toMatch(/^\s*retry-on conn-failure empty-response$/m);
    expect(haproxy).toMatch(/^\s*timeout tunnel 1h$/m);

    for (const name of ["gateway-1", "gateway-2", "gateway-3"]) {
      const service = compose.services[name] as ComposeService;
      const config = loadConfig({ ...service.environment, NODE_ENV: "production", JWT_SECRET: SECRET });
      expect(config.SHUTDOWN_DELAY_MS).toBeGreaterThan(dropMs);
      const grace = /^(\d+)s$/.exec(service.stop_grace_period ?? "");
      expect(Number(grace?.[1]) * 1000).toBeGreaterThanOrEqual(
        config.SHUTDOWN_DELAY_MS + DRAIN_SECONDS * 1000 + 5_000,
      );
    }
  });

  it("has a haproxy configuration that `haproxy -c` accepts (the gateways' names resolve only inside compose)", async () => {
    const { stdout, stderr } = await run("haproxy", ["-c", "-f", join(COMPOSE, "haproxy.cfg")]);
    expect(stdout + stderr).toContain("Configuration file is valid");
    const warnings = (stdout + stderr).split("\n").filter((line) => line.includes("[WARNING]"));
    expect(warnings.filter((line) => !/could not resolve address 'gateway-\d'/.test(line))).toEqual([]);
  });
});

describe("Dockerfile and .dockerignore", () => {
  it("lints clean (dockerfile-utils, the Dockerfile language server's checks)", async () => {
    const { text } = await readDockerfile();
    expect(lintDockerfile(text)).toEqual([]);
    expect(lintDockerfile(`${text}\nEXPOSE not-a-port\n`)).not.toEqual([]);
  });

  it("builds in one stage and runs production dependencies only, unprivileged, under tini, checked on /healthz", async () => {
    const { stages, runtime } = await readDockerfile();
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const runs = instructionsOf(runtime, "RUN").map((instruction) => instruction.getArgumentsContent() ?? "");
    expect(runs.some((command) => /\bnpm ci\b.*--omit=dev/.test(command))).toBe(true);
    const [user] = instructionsOf(runtime, "USER").map((instruction) => instruction.getArgumentsContent());
    expect(user).toBe("node");
    const [entrypoint] = instructionsOf(runtime, "ENTRYPOINT");
    expect(execForm(entrypoint as never)).toEqual(["/usr/bin/tini", "--"]);
    const [command] = instructionsOf(runtime, "CMD");
    const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as {
      scripts: { start: string };
    };
    expect(execForm(command as never).join(" ")).toBe(pkg.scripts.start);
    const [healthcheck] = instructionsOf(runtime, "HEALTHCHECK");
    expect(execForm(healthcheck as never).join(" ")).toContain("/healthz");
  });

  it("sends the build only what it copies: sources in, node_modules, dist and .git out", async () => {
    const context = await contextFiles();
    const { stages } = await readDockerfile();
    for (const stage of stages) {
      for (const copy of instructionsOf(stage, "COPY")) {
        if ((copy.getArgumentsContent() ?? "").startsWith("/")) continue; // from another stage
        for (const source of copy
          .getArguments()
          .map((arg) => arg.getValue())
          .slice(0, -1)) {
          expect(
            context.some((file) => file === source || file.startsWith(`${source}/`)),
            source,
          ).toBe(true);
        }
      }
    }
    expect(context).toContain("src/main.ts");
    expect(context.filter((file) => /^(test|bench|docs)\//.test(file))).toEqual([]);
    // What a working copy has beyond a checkout stays out too.
    const filter = await dockerignore();
    for (const path of [
      "node_modules/express/package.json",
      "dist/main.js",
      "dist-web/renderer/index.html",
      ".git/HEAD",
      ".env",
    ]) {
      expect(filter.ignores(path), path).toBe(true);
    }
  });
});
