import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { print } from "graphql";
import { HomeDocument } from "../gql/graphql.js";
import { freePort } from "../support/free-port.js";
import { type TestApp, createTestApp } from "../support/test-app.js";
import { waitFor } from "../support/wait-for.js";

const HOME = print(HomeDocument);
const CAPABILITIES = {
  platform: "WEB",
  appVersion: "1.0.0",
  components: ["CAROUSEL_SECTION", "PRODUCT_TILE"],
  actions: [],
};

describe("the HTTP server", () => {
  let app: TestApp;
  let url: string;
  beforeAll(async () => {
    app = await createTestApp();
    ({ url } = await app.gateway.listen({ port: 0, host: "127.0.0.1" }));
  });
  afterAll(async () => {
    await app.stop();
  });

  it("answers a real POST /graphql with the viewer's screen", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await app.token("alice")}` },
      body: JSON.stringify({ query: HOME, variables: { capabilities: CAPABILITIES } }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: { home: { viewer: { id: string }; sections: unknown[] } };
    };
    expect(body.data.home.viewer.id).toBe("alice");
    expect(body.data.home.sections.length).toBeGreaterThan(0);
  });

  it("answers GET /graphql for a query", async () => {
    const response = await fetch(`${url}?query=${encodeURIComponent("{ home { id } }")}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { home: { id: "home:anonymous" } } });
  });

  it("answers a bad token with 401 and UNAUTHENTICATED", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer nope" },
      body: JSON.stringify({ query: "{ home { id } }" }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("answers invalid JSON with 400 and keeps serving", async () => {
    const bad = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    const good = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ home { id } }" }),
    });
    expect(good.status).toBe(200);
  });

  it("serves /healthz and /readyz", async () => {
    const origin = new URL(url).origin;
    expect(await (await fetch(`${origin}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });
});

describe("npm start", () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    // The whole process group: npm, its shell and the gateway.
    if (child?.pid && child.exitCode === null) process.kill(-child.pid, "SIGKILL");
  });

  it("starts the embedded gateway, answers a query, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const output: string[] = [];
    child = spawn("npm", ["start", "--silent"], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        NODE_ENV: "development",
        LOG_LEVEL: "info",
        REDIS_URL: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    const exited = new Promise<void>((resolve) => child?.once("exit", () => resolve()));

    const base = `http://127.0.0.1:${port}`;
    // `npm start` builds first (tsc, the web bundle): minutes on a loaded 2-core machine.
    await waitFor(async () => (await fetch(`${base}/readyz`)).ok, {
      timeoutMs: 180_000,
      intervalMs: 250,
      what: "gateway ready",
    });

    // The printed demo token works.
    const line = output
      .join("")
      .split("\n")
      .find((entry) => entry.includes('"user":"alice"'));
    const authorization = `Bearer ${(JSON.parse(line as string) as { token: string }).token}`;
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify({ query: HOME, variables: { capabilities: CAPABILITIES } }),
    });
    const body = (await response.json()) as {
      data: { home: { viewer: { id: string }; sections: unknown[] } };
    };
    expect(body.data.home.viewer.id).toBe("alice");
    expect(body.data.home.sections.length).toBeGreaterThan(2);

    // SIGTERM to the gateway process itself (npm's shell does not forward signals): it drains and exits.
    const listening = output
      .join("")
      .split("\n")
      .find((entry) => entry.includes("home-gateway listening"));
    const gatewayPid = (JSON.parse(listening as string) as { pid: number }).pid;
    process.kill(gatewayPid, "SIGTERM");
    await exited;
    expect(output.join("")).toMatch(/"msg":"stopped"/);
  }, 240_000);
});
