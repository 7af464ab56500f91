import { print } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { FakeRateLimiter } from "../../src/adapters/fakes/fake-rate-limiter.js";
import { FakeResponseCache } from "../../src/adapters/fakes/fake-response-cache.js";
import { createLogger } from "../../src/adapters/pino-logger.js";
import { PromTelemetry } from "../../src/adapters/prom-telemetry.js";
import { ResponseReuse, UpdateApplier, genericKey } from "../../src/domain/index.js";
import { ACTION_KINDS, COMPONENT_KINDS } from "../../src/ui-components/index.js";
import { HomeDocument } from "../gql/graphql.js";
import { silentLogger } from "../support/silent-logger.js";
import {
  type TestApp,
  type TestAppOptions,
  createTestApp,
  listenWithMovingClock,
} from "../support/test-app.js";

/**
 * Reused answers are written before express (src/inbound/early-reuse.ts) for `POST /graphql`; a
 * request to `/graphql?via=express` is the same request to Apollo and to response reuse, but the
 * early path leaves it to express, so the two paths can be compared answer for answer.
 */
const HOME = JSON.stringify({
  query: print(HomeDocument),
  variables: {
    capabilities: {
      platform: "WEB",
      appVersion: "1.0.0",
      components: [...COMPONENT_KINDS],
      actions: [...ACTION_KINDS],
    },
  },
});
const ORIGIN = "https://app.example.com";

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
}

interface Running {
  readonly app: TestApp;
  /** What the response reuse did, in order: hit, miss, stale, stored, not_stored. */
  readonly outcomes: string[];
  /** pino's lines at info and above, parsed. */
  readonly logs: Record<string, unknown>[];
  readonly telemetry: PromTelemetry;
  post(
    path: "early" | "express",
    options?: { authorization?: string; body?: string; headers?: Record<string, string> },
  ): Promise<Answer>;
}

const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of running.splice(0)) {
    await stop();
  }
});

async function start(options: TestAppOptions = {}): Promise<Running> {
  const outcomes: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const reuse = new ResponseReuse({
    cache: new FakeResponseCache({ clock: new FakeClock() }),
    ttlMs: 5_000,
    metrics: { responseReuse: (outcome) => outcomes.push(outcome) },
  });
  const telemetry = new PromTelemetry({ collectDefaultMetrics: false });
  const logger = createLogger({
    level: "info",
    destination: { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
  });
  // In production, as deployed: error answers carry no stack trace (whose frames name the path taken).
  const app = await createTestApp({
    production: true,
    ...options,
    security: { allowedOrigins: [ORIGIN], ...options.security },
    ports: {
      ...options.ports,
      responseReuse: reuse,
      logger,
      telemetry,
      metrics: telemetry.registry,
      edgeMetrics: telemetry,
    },
  });
  const { url, stop } = await listenWithMovingClock(app);
  running.push(stop);
  return {
    app,
    outcomes,
    logs,
    telemetry,
    async post(path, { authorization, body = HOME, headers = {} } = {}) {
      const response = await fetch(path === "early" ? url : `${url}?via=express`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: ORIGIN,
          ...(authorization && { authorization }),
          ...headers,
        },
        body,
      });
      const all: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (name !== "date") all[name] = value;
      });
      return { status: response.status, headers: all, text: await response.text() };
    },
  };
}

const bearer = async (app: TestApp, user: string) => `Bearer ${await app.token(user)}`;

/** The request lines logged for /graphql: pino-http's (with headers) or the early path's (without). */
function requestLines(logs: readonly Record<string, unknown>[]): { path: string; statusCode: unknown }[] {
  return logs
    .filter((line) => line.msg === "request completed")
    .map((line) => {
      const req = line.req as { headers?: unknown };
      const res = line.res as { statusCode?: unknown };
      return { path: req.headers === undefined ? "early" : "express", statusCode: res.statusCode };
    });
}

/** Requests /graphql answered with `status`, by the request-duration histogram's count. */
async function requestCount(telemetry: PromTelemetry, status: string): Promise<number> {
  const metric = await telemetry.registry
    .getSingleMetric("home_gateway_http_request_duration_seconds")
    ?.get();
  const value = metric?.values.find(
    (entry) =>
      (entry as { metricName?: string }).metricName === "home_gateway_http_request_duration_seconds_count" &&
      entry.labels.route === "graphql" &&
      entry.labels.method === "POST" &&
      entry.labels.status === status,
  );
  return value?.value ?? 0;
}

describe("reused answers before express", () => {
  it("answers with the same status, headers and bytes as the express path", async () => {
    const gateway = await start();
    const alice = await bearer(gateway.app, "alice");

    const built = await gateway.post("early", { authorization: alice });
    const viaExpress = await gateway.post("express", { authorization: alice });
    const early = await gateway.post("early", { authorization: alice });

    expect(built.status).toBe(200);
    expect(gateway.outcomes).toEqual(["miss", "stored", "hit", "hit"]);
    expect(early).toEqual(viaExpress);
    expect(early.text).toBe(built.text);
    expect(early.headers["access-control-allow-origin"]).toBe(ORIGIN);
    expect(early.headers.etag).toMatch(/^W\/"/);
    // The first two went through express (pino-http logs request headers), the last did not.
    expect(requestLines(gateway.logs)).toEqual([
      { path: "express", statusCode: 200 },
      { path: "express", statusCode: 200 },
      { path: "early", statusCode: 200 },
    ]);
  });

  it("logs reused answers without headers, so without the token, and with distinct request ids", async () => {
    const gateway = await start();
    const alice = await bearer(gateway.app, "alice");
    await gateway.post("early", { authorization: alice });
    await gateway.post("early", { authorization: alice });
    await gateway.post("early", { authorization: alice });

    const lines = gateway.logs.filter((line) => line.msg === "request completed");
    expect(lines).toHaveLength(3);
    expect(JSON.stringify(gateway.logs)).not.toContain(alice.slice("Bearer ".length));
    const ids = lines.map((line) => (line.req as { id: unknown }).id);
    expect(new Set(ids).size).toBe(3);
    expect(lines[2]).toMatchObject({
      level: 30,
      req: { method: "POST", url: "/graphql" },
      res: { statusCode: 200 },
    });
  });

  it("counts reused answers in the request metrics as the express path does", async () => {
    const gateway = await start();
    const alice = await bearer(gateway.app, "alice");
    await gateway.post("early", { authorization: alice });
    await gateway.post("early", { authorization: alice });
    await gateway.post("early", { authorization: alice });

    expect(gateway.outcomes).toEqual(["miss", "stored", "hit", "hit"]);
    // Counted on close, which may come a moment after the client has the answer.
    const deadline = Date.now() + 5_000;
    while ((await requestCount(gateway.telemetry, "200")) < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await requestCount(gateway.telemetry, "200")).toBe(3);
  });

  it("refuses a bad token exactly as the express path does, with an answer stored", async () => {
    const gateway = await start();
    await gateway.post("early", { authorization: await bearer(gateway.app, "alice") });

    const early = await gateway.post("early", { authorization: "Bearer not-a-token" });
    const viaExpress = await gateway.post("express", { authorization: "Bearer not-a-token" });

    expect(early.status).toBe(401);
    expect(early).toEqual(viaExpress);
    expect(requestLines(gateway.logs).map((line) => line.statusCode)).toEqual([200, 401, 401]);
  });

  it("spends the rate limit once per request and refuses a spent one exactly as the express path does", async () => {
    const limiter = new FakeRateLimiter();
    const gateway = await start({ ports: { rateLimiter: limiter } });
    const alice = await bearer(gateway.app, "alice");
    await gateway.post("early", { authorization: alice });
    await gateway.post("early", { authorization: alice });
    expect(limiter.consumed).toEqual(["u:alice", "u:alice"]);

    limiter.deny("u:alice", { retryAfterMs: 2_000 });
    const early = await gateway.post("early", { authorization: alice });
    const viaExpress = await gateway.post("express", { authorization: alice });

    expect(early.status).toBe(429);
    expect(early.headers["retry-after"]).toBe("2");
    expect(early).toEqual(viaExpress);
    expect(limiter.consumed).toEqual(["u:alice", "u:alice", "u:alice", "u:alice"]);
    expect(gateway.outcomes).toEqual(["miss", "stored", "hit"]);
  });

  it("builds the answer again after a change, once, as the express path does", async () => {
    const gateway = await start();
    const applier = new UpdateApplier({
      l2: gateway.app.l2,
      bus: gateway.app.bus,
      changes: gateway.app.changes,
      logger: silentLogger,
    });
    const before = await gateway.post("early");
    expect(before.status).toBe(200);
    const id = /"product":\{"id":"([^"]+)"/.exec(before.text)?.[1] as string;
    const info = gateway.app.l2.peek(genericKey(id));
    if (!info) throw new Error(`no generic L2 entry for ${id}`);

    await applier.apply({
      kind: "generic",
      info: { ...info, title: "Changed title", version: info.version + 1 },
    });
    const after = await gateway.post("early");
    const again = await gateway.post("early");

    expect(after.status).toBe(200);
    expect(after.text).toContain("Changed title");
    expect(again).toEqual(after);
    expect(gateway.outcomes).toEqual(["miss", "stored", "stale", "stored", "hit"]);
  });

  it("leaves malformed and oversized bodies to the body parser, answering as before", async () => {
    const gateway = await start({ security: { bodyLimitBytes: 2_048 } });
    const cases = [
      "{ not json",
      '"a string"',
      JSON.stringify({ query: "{ __typename }", padding: "x".repeat(4_000) }),
    ];
    for (const body of cases) {
      const early = await gateway.post("early", { body });
      const viaExpress = await gateway.post("express", { body });
      expect(early.status).toBeGreaterThanOrEqual(400);
      expect(early).toEqual(viaExpress);
    }
    expect(gateway.outcomes).toEqual([]);
  });

  it("reuses the answer for the same request sent with other whitespace or key order, and not for other variables", async () => {
    const gateway = await start();
    const alice = await bearer(gateway.app, "alice");
    const parsed = JSON.parse(HOME) as { query: string; variables: unknown };
    const first = await gateway.post("early", { authorization: alice });
    const spaced = await gateway.post("early", {
      authorization: alice,
      body: JSON.stringify({ variables: parsed.variables, query: parsed.query }, null, 2),
    });
    const other = await gateway.post("early", {
      authorization: alice,
      body: JSON.stringify({ ...parsed, variables: { ...(parsed.variables as object), firstSections: 1 } }),
    });

    expect(spaced.text).toBe(first.text);
    expect(other.status).toBe(200);
    expect(gateway.outcomes).toEqual(["miss", "stored", "hit", "miss", "stored"]);
  });

  it("passes other operations on to Apollo with the body it read", async () => {
    const gateway = await start();
    const body = JSON.stringify({ query: "query Name { __typename }", operationName: "Name" });
    const early = await gateway.post("early", { body });
    const viaExpress = await gateway.post("express", { body });
    expect(early.status).toBe(200);
    expect(early.text).toBe('{"data":{"__typename":"Query"}}\n');
    expect(early).toEqual(viaExpress);
    expect(gateway.outcomes).toEqual(["miss", "not_stored", "miss", "not_stored"]);
  });
});
