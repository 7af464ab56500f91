import { type ChildProcess, execFile, spawn } from "node:child_process";
import { chmod, cp, mkdir, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { promisify } from "node:util";
import { Copy, Env } from "dockerfile-ast";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ROOT,
  type Stage,
  contextFiles,
  execForm,
  instructionsOf,
  readDockerfile,
} from "../support/dockerfile.js";
import { freePort } from "../support/free-port.js";
import { waitFor } from "../support/wait-for.js";

const run = promisify(execFile);
const SECRET = "image-test-secret-that-is-long-enough-for-hs256";

/**
 * The Dockerfile played on this machine, instruction by instruction, without a container engine:
 * each stage gets a directory standing for its filesystem; COPY copies from the build context (a
 * clean checkout's files, filtered by .dockerignore) or from an earlier stage; RUN runs the
 * command as written with the stage's ENV, except apt-get (the host has Debian's tini instead);
 * then the runtime stage's ENTRYPOINT + CMD start as written, as an unprivileged user.
 */
let work: string;
let runtimeRoot: string;
let runtime: Stage;
let runtimeEnv: Record<string, string>;
let workdir: string;
const skipped: string[] = [];

/** The environment a RUN or the container sees: none of the npm run that started this test. */
function cleanEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith("npm_") && key !== "NODE_OPTIONS" && key !== "VITEST") env[key] = value;
  }
  env.PATH = (process.env.PATH ?? "")
    .split(":")
    .filter((entry) => !entry.includes("node_modules"))
    .join(":");
  return { ...env, ...extra };
}

async function playStage(stage: Stage, roots: Map<string, string>, context: string[]): Promise<void> {
  const root = join(work, stage.name);
  roots.set(stage.name, root);
  await mkdir(root, { recursive: true });
  let cwd = "/";
  const env: Record<string, string> = {};
  for (const instruction of stage.instructions) {
    const keyword = instruction.getKeyword();
    const args = instruction.getArguments().map((arg) => arg.getValue());
    if (keyword === "WORKDIR") {
      cwd = posix.resolve(cwd, args[0] as string);
      await mkdir(join(root, cwd), { recursive: true });
    } else if (keyword === "ENV" && instruction instanceof Env) {
      for (const property of instruction.getProperties()) env[property.getName()] = property.getValue() ?? "";
    } else if (keyword === "COPY" && instruction instanceof Copy) {
      const from = instruction.getFromFlag()?.getValue();
      const destination = join(root, posix.resolve(cwd, args.at(-1) as string));
      for (const source of args.slice(0, -1)) {
        if (from !== undefined && from !== null) {
          const fromRoot = roots.get(from);
          if (!fromRoot) throw new Error(`COPY --from=${from}: no such stage before ${stage.name}`);
          await cp(join(fromRoot, source), destination, { recursive: true });
          continue;
        }
        const matches = context.filter((file) => file === source || file.startsWith(`${source}/`));
        if (matches.length === 0) throw new Error(`COPY ${source}: not in the build context`);
        for (const file of matches) {
          const target =
            file === source
              ? join(destination, posix.basename(file))
              : join(destination, file.slice(source.length + 1));
          await mkdir(dirname(target), { recursive: true });
          await cp(join(ROOT, file), target);
        }
      }
    } else if (keyword === "RUN") {
      const command = instruction.getArgumentsContent() ?? "";
      if (/^apt-get\b/.test(command)) {
        skipped.push(`${stage.name}: RUN ${command.replace(/\s+/g, " ")}`);
        continue;
      }
      await run("sh", ["-c", command], {
        cwd: join(root, cwd),
        env: cleanEnvironment(env),
        maxBuffer: 64 * 1024 * 1024,
        timeout: 600_000,
      }).catch((error: unknown) => {
        const failed = error as { stdout?: string; stderr?: string };
        throw new Error(
          `${stage.name}: RUN ${command} failed:\n${failed.stdout ?? ""}\n${failed.stderr ?? ""}`,
          {
            cause: error,
          },
        );
      });
    }
  }
  if (stage === runtime) {
    runtimeEnv = env;
    workdir = cwd;
  }
}

/** The uid and gid the container's user stands for here: the node user if there is one, else nobody. */
async function unprivileged(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined; // already unprivileged
  const passwd = await readFile("/etc/passwd", "utf8");
  const entry = passwd
    .split("\n")
    .map((line) => line.split(":"))
    .find((fields) => fields[0] === "node");
  return entry ? { uid: Number(entry[2]), gid: Number(entry[3]) } : { uid: 65_534, gid: 65_534 };
}

beforeAll(async () => {
  const dockerfile = await readDockerfile();
  runtime = dockerfile.runtime;
  work = await mkdtemp(join(tmpdir(), "hg-image-"));
  await chmod(work, 0o755); // the unprivileged user must reach the runtime stage's files
  const context = await contextFiles();
  const roots = new Map<string, string>();
  for (const stage of dockerfile.stages) await playStage(stage, roots, context);
  runtimeRoot = roots.get(runtime.name) as string;
}, 900_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the image's start command, run as-is on this machine", () => {
  let container: ChildProcess;
  let output = "";
  let origin: string;
  let env: NodeJS.ProcessEnv;
  let user: { uid: number; gid: number } | undefined;

  beforeAll(async () => {
    // The one apt-get line installs tini; the host has Debian's, at the path ENTRYPOINT names.
    expect(skipped).toEqual([expect.stringContaining("apt-get install -y --no-install-recommends tini")]);
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    // As the image would get them: its ENV, and what a deployment must give (a JWT key); PORT is
    // the only value changed, so that nothing else on this machine is in the way.
    env = cleanEnvironment({ ...runtimeEnv, PORT: String(port), JWT_SECRET: SECRET, LOG_LEVEL: "info" });
    user = await unprivileged();
    const [entrypoint] = instructionsOf(runtime, "ENTRYPOINT");
    const [command] = instructionsOf(runtime, "CMD");
    const argv = [...execForm(entrypoint as never), ...execForm(command as never)];
    container = spawn(argv[0] as string, argv.slice(1), {
      cwd: join(runtimeRoot, workdir),
      env,
      stdio: ["ignore", "pipe", "pipe"],
      ...user,
    });
    container.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    container.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(async () => (await fetch(`${origin}/healthz`)).ok, {
      timeoutMs: 30_000,
      intervalMs: 200,
      what: "/healthz",
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}\n--- output ---\n${output}`, { cause: error });
    });
  }, 60_000);

  async function graphql(body: Record<string, unknown>): Promise<{
    data?: Record<string, unknown>;
    errors?: { extensions?: { code?: string } }[];
  }> {
    const response = await fetch(`${origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Awaited<ReturnType<typeof graphql>>;
  }

  afterAll(() => {
    if (container.exitCode === null && container.signalCode === null) container.kill("SIGKILL");
  });

  it("has only production dependencies installed (npm ci --omit=dev) and no sources", async () => {
    const app = join(runtimeRoot, workdir);
    await expect(stat(join(app, "node_modules", "express"))).resolves.toBeDefined();
    for (const devOnly of ["typescript", "vite", "vitest", "tsx"]) {
      await expect(stat(join(app, "node_modules", devOnly)), devOnly).rejects.toThrow();
    }
    await expect(stat(join(app, "src"))).rejects.toThrow();
  });

  it("serves under tini as an unprivileged user, and its HEALTHCHECK command passes", async ({
    annotate,
  }) => {
    const children = await readFile(`/proc/${container.pid}/task/${container.pid}/children`, "utf8");
    const node = Number(children.trim().split(/\s+/)[0]);
    const status = await readFile(`/proc/${node}/status`, "utf8");
    expect(await readFile(`/proc/${node}/comm`, "utf8")).toBe("node\n");
    expect(Number(/^Uid:\s+(\d+)/m.exec(status)?.[1])).not.toBe(0);

    const ready = await fetch(`${origin}/readyz`);
    expect(ready.status).toBe(200);
    // Production defaults hold: an operation outside the trusted documents is refused, and one of
    // them, sent by hash alone, answers from the manifest the image carries.
    const adHoc = await graphql({ query: "{ home { id } }" });
    expect(adHoc.errors?.[0]?.extensions?.code).toBe("QUERY_NOT_IN_SAFELIST");
    const manifest = JSON.parse(
      await readFile(join(runtimeRoot, workdir, "dist/trusted-documents/client.json"), "utf8"),
    ) as Record<string, string>;
    const [hash] = Object.entries(manifest).find(([, text]) => /\bquery Home\b/.test(text)) ?? [];
    expect(hash).toBeDefined();
    const home = await graphql({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(home.errors).toBeUndefined();
    expect(home.data?.home).toBeDefined();

    const [healthcheck] = instructionsOf(runtime, "HEALTHCHECK");
    const [program, ...rest] = execForm(healthcheck as never);
    await run(program as string, rest, { cwd: join(runtimeRoot, workdir), env, ...user });
    await annotate(
      `gateway RSS after start, run from the image's files: ${/^VmRSS:\s+(.*)$/m.exec(status)?.[1]}`,
    );
  });

  it("exits 0 on SIGTERM to tini, after the gateway drained", async ({ annotate }) => {
    const exited = new Promise<number | null>((resolve) => container.once("exit", (code) => resolve(code)));
    const startedMs = Date.now();
    container.kill("SIGTERM");
    const code = await exited;
    expect(code, output).toBe(0);
    expect(output).toContain("shutting down: draining requests");
    expect(output).toContain('"msg":"stopped"');
    await annotate(`exited ${Date.now() - startedMs} ms after SIGTERM`);
  });
});
