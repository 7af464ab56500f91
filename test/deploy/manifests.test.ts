import { execFile } from "node:child_process";
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
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(Number(seconds) + DRAIN_SECONDS + 5);
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

  it("runs three gateways on one Redis behind haproxy, scraped by Prometheus, each with a valid configuration", async () => {
    const compose = parse(await readFile(join(COMPOSE, "compose.yaml"), "utf8"), { merge: true }) as {
      services: Record<string, { environment?: Record<string, string>; profiles?: string[] }>;
    };
    const gateways = Object.keys(compose.services).filter((name) => name.startsWith("gateway-"));
    expect(gateways).toEqual(["gateway-1", "gateway-2", "gateway-3"]);
    const cluster = Object.entries(compose.services).filter(([, service]) =>
      service.profiles?.includes("cluster"),
    );
    expect(cluster.filter(([name]) => name.startsWith("redis-node-"))).toHaveLength(6);

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
      const environment = compose.services[name]?.environment ?? {};
      // JWT_SECRET is interpolated from the shell running compose; the image sets NODE_ENV.
      expect(environment.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
      expect(unknownVariables({ ...environment, NODE_ENV: "production", JWT_SECRET: SECRET })).toEqual([]);
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
