import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PromTelemetry } from "../../src/adapters/prom-telemetry.js";
import { ACTION_KINDS, COMPONENT_KINDS } from "../../src/ui-components/index.js";
import { HomeUpdatesDocument } from "../gql/graphql.js";
import { type TestApp, createTestApp, listenWithMovingClock } from "../support/test-app.js";
import { waitFor } from "../support/wait-for.js";
import { socketClient, subscribe } from "../support/ws-client.js";

const CAPABILITIES = {
  platform: "WEB" as const,
  appVersion: "1.0.0",
  components: [...COMPONENT_KINDS],
  actions: [...ACTION_KINDS],
};

let app: TestApp;
let url: string;
let origin: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  const telemetry = new PromTelemetry({ collectDefaultMetrics: false });
  app = await createTestApp({ ports: { telemetry, metrics: telemetry.registry, edgeMetrics: telemetry } });
  ({ url, stop } = await listenWithMovingClock(app));
  origin = new URL(url).origin;
});
afterAll(async () => {
  await stop();
});

/** The value of one series in /metrics, or undefined when the series is not there. */
async function sample(name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  for (const line of text.split("\n")) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

async function post(body: string, authorization?: string): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization && { authorization }) },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

describe("edge metrics on /metrics", () => {
  it("times every answer per route and status", async () => {
    const token = await app.token("alice");
    const ok = JSON.stringify({ query: "{ __typename }" });
    expect(await post(ok, `Bearer ${token}`)).toBe(200);
    expect(await post(ok, "Bearer not-a-token")).toBe(401);

    const graphql200 = { route: "graphql", method: "POST", status: "200" };
    await waitFor(
      async () => (await sample("home_gateway_http_request_duration_seconds_count", graphql200)) === 1,
      {
        timeoutMs: 5_000,
        what: "one 200 counted",
      },
    );
    expect(
      await sample("home_gateway_http_request_duration_seconds_count", { ...graphql200, status: "401" }),
    ).toBe(1);
    // Paths outside the known routes share one label value, so a scan cannot grow the series.
    await fetch(`${origin}/no/such/page/${Math.random()}`);
    await waitFor(
      async () =>
        (await sample("home_gateway_http_request_duration_seconds_count", {
          route: "other",
          method: "GET",
          status: "404",
        })) === 1,
      { timeoutMs: 5_000, what: "the 404 counted as route other" },
    );
  });

  it("counts GraphQL errors by the code the client got", async () => {
    const token = await app.token("alice");
    expect(await post(JSON.stringify({ query: "{" }), `Bearer ${token}`)).toBe(400);
    expect(await post(JSON.stringify({ query: "{ nope }" }), `Bearer ${token}`)).toBe(400);
    expect(await post(JSON.stringify({ query: "{ __typename }" }), "Bearer not-a-token")).toBe(401);

    expect(await sample("home_gateway_graphql_errors_total", { code: "GRAPHQL_PARSE_FAILED" })).toBe(1);
    expect(await sample("home_gateway_graphql_errors_total", { code: "GRAPHQL_VALIDATION_FAILED" })).toBe(1);
    expect(
      await sample("home_gateway_graphql_errors_total", { code: "UNAUTHENTICATED" }),
    ).toBeGreaterThanOrEqual(1);
  });

  it("reports open socket connections and subscriptions, and their end", async () => {
    expect(await sample("home_gateway_open_subscriptions")).toBe(0);
    const clients: Client[] = [];
    try {
      for (const user of ["alice", "bob"]) {
        const client = socketClient(url, { authorization: `Bearer ${await app.token(user)}` });
        clients.push(client);
        subscribe(client, HomeUpdatesDocument, { capabilities: CAPABILITIES });
        if (user === "alice") subscribe(client, HomeUpdatesDocument, { capabilities: CAPABILITIES });
      }
      await waitFor(async () => (await sample("home_gateway_open_subscriptions")) === 3, {
        timeoutMs: 5_000,
        what: "three subscriptions open",
      });
      expect(await sample("home_gateway_socket_connections")).toBe(2);
    } finally {
      for (const client of clients) await client.dispose();
    }
    await waitFor(async () => (await sample("home_gateway_socket_connections")) === 0, {
      timeoutMs: 5_000,
      what: "connections closed",
    });
    expect(await sample("home_gateway_open_subscriptions")).toBe(0);
  });
});
