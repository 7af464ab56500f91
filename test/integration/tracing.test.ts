import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GatewayProcesses,
  type GatewayProcess,
  homeScreen,
  queryHome,
  tokenFor,
  updateStreamOf,
} from "../support/gateways.js";
import { type RedisServer, startRedisServer, testKeyPrefix } from "../support/redis-server.js";
import { waitFor } from "../support/wait-for.js";

// A gateway process exporting OTLP/HTTP (JSON) to a receiver this test runs, in front of HTTP
// upstreams that record the `traceparent` they are sent.

interface ExportedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly attributes: Record<string, unknown>;
  readonly resource: Record<string, unknown>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
  arrayValue?: { values?: OtlpValue[] };
}

interface OtlpKeyValue {
  key: string;
  value: OtlpValue;
}

const valueOf = (value: OtlpValue): unknown =>
  value.stringValue ??
  (value.intValue !== undefined ? Number(value.intValue) : undefined) ??
  value.boolValue ??
  value.doubleValue ??
  value.arrayValue?.values?.map(valueOf);

const attributesOf = (list: readonly OtlpKeyValue[] | undefined): Record<string, unknown> =>
  Object.fromEntries((list ?? []).map(({ key, value }) => [key, valueOf(value)]));

const spans: ExportedSpan[] = [];
const exportRequests: { contentType: string | undefined }[] = [];
const upstreamTraceparents: { path: string; traceparent: string | undefined }[] = [];
let slowPersonalisedMs = 0;

const keyPrefix = testKeyPrefix("tracing");
const processes = new GatewayProcesses();
let receiver: Server;
let upstream: Server;
let redisServer: RedisServer;
let redis: Redis;
let gateway: GatewayProcess;

const PRODUCT = (id: string, version: number, title: string): Record<string, unknown> => ({
  id,
  service: "shop",
  version,
  presentation: "offer",
  title,
  route: `product/shop/${id}`,
  webUrl: `https://www.example.com/shop/${id}`,
});

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

function listenOnLoopback(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}

/** The OTLP/HTTP receiver: keeps every exported span. */
async function receive(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await bodyOf(request);
  exportRequests.push({ contentType: request.headers["content-type"] });
  if (request.url === "/v1/traces") {
    const payload = JSON.parse(body) as {
      resourceSpans?: {
        resource?: { attributes?: OtlpKeyValue[] };
        scopeSpans?: {
          spans?: (Omit<ExportedSpan, "attributes" | "resource"> & { attributes?: OtlpKeyValue[] })[];
        }[];
      }[];
    };
    for (const resourceSpans of payload.resourceSpans ?? []) {
      const resource = attributesOf(resourceSpans.resource?.attributes);
      for (const scope of resourceSpans.scopeSpans ?? []) {
        for (const span of scope.spans ?? []) {
          spans.push({ ...span, attributes: attributesOf(span.attributes), resource });
        }
      }
    }
  }
  response.writeHead(200, { "content-type": "application/json" }).end("{}");
}

/** Recommendations and one product service, `shop`, recording the traceparent of each call. */
async function serveUpstream(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await bodyOf(request);
  const path = new URL(request.url ?? "/", "http://upstream").pathname;
  const traceparent = request.headers.traceparent;
  upstreamTraceparents.push({
    path,
    traceparent: typeof traceparent === "string" ? traceparent : undefined,
  });
  const json = (value: unknown): void => {
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(value));
  };
  if (path === "/recommendations/plan") {
    json({
      sections: [
        {
          id: "deals",
          kind: "carousel",
          title: "Deals",
          products: [
            { id: "SH-1", service: "shop" },
            { id: "SH-2", service: "shop" },
          ],
        },
      ],
    });
  } else if (path === "/shop/personalised") {
    const { products } = JSON.parse(body) as { products: string[] };
    if (slowPersonalisedMs > 0) await new Promise((resolve) => setTimeout(resolve, slowPersonalisedMs));
    json({ products: products.map((id) => PRODUCT(id, 10, `For you: ${id}`)) });
  } else if (path === "/shop/generic") {
    json({ products: [PRODUCT("SH-1", 1, "Generic 1"), PRODUCT("SH-2", 1, "Generic 2")] });
  } else {
    response.writeHead(404).end();
  }
}

beforeAll(async () => {
  receiver = createServer((request, response) => void receive(request, response));
  upstream = createServer((request, response) => void serveUpstream(request, response));
  const [receiverPort, upstreamPort] = await Promise.all([
    listenOnLoopback(receiver),
    listenOnLoopback(upstream),
  ]);
  redisServer = await startRedisServer();
  redis = new Redis(redisServer.url);
  gateway = await processes.start({
    redisUrl: redisServer.url,
    keyPrefix,
    env: {
      PRODUCT_SERVICES: `shop=http://127.0.0.1:${upstreamPort}/shop`,
      RECOMMENDATIONS_URL: `http://127.0.0.1:${upstreamPort}/recommendations`,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${receiverPort}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_SERVICE_NAME: "home-gateway-under-test",
      OTEL_BSP_SCHEDULE_DELAY: "50",
      // Tracing, not racing timeouts: a loaded 2-core machine may stall a command past 100 ms.
      REDIS_COMMAND_TIMEOUT_MS: "1000",
    },
  });
}, 90_000);

afterAll(async () => {
  await processes.killAll();
  redis?.disconnect();
  await redisServer?.stop();
  receiver?.close();
  upstream?.close();
});

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const CALLER_SPAN_ID = "00f067aa0ba902b7";

const traceOf = (traceId: string): ExportedSpan[] => spans.filter((span) => span.traceId === traceId);
const named = (trace: readonly ExportedSpan[], name: string): ExportedSpan[] =>
  trace.filter((span) => span.name === name);
const one = (trace: readonly ExportedSpan[], name: string): ExportedSpan => {
  const found = named(trace, name);
  expect(
    found.map((span) => span.name),
    `one "${name}" span`,
  ).toEqual([name]);
  return found[0] as ExportedSpan;
};

async function homeWithTraceparent(traceId: string, spanId: string): Promise<number> {
  const token = await tokenFor("alice");
  const response = await fetch(`${gateway.origin}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${token}`,
      traceparent: `00-${traceId}-${spanId}-01`,
    },
    body: JSON.stringify({ query: "query home { home { id sections { id } } }", operationName: "home" }),
  });
  expect(response.status).toBe(200);
  return response.status;
}

describe("tracing over OTLP/HTTP", () => {
  it("continues the caller's trace: the home operation, recommendations, L1/L2 and each upstream call, traceparent carried on", async () => {
    await homeWithTraceparent(TRACE_ID, CALLER_SPAN_ID);
    const trace = await waitFor(
      () => {
        const found = traceOf(TRACE_ID);
        return named(found, "product_service.personalised").length > 0 &&
          named(found, "query home").length > 0
          ? found
          : undefined;
      },
      { timeoutMs: 10_000, what: "the request's spans exported" },
    );

    const server = one(trace, "query home");
    expect(server.parentSpanId).toBe(CALLER_SPAN_ID);
    expect(server.attributes).toMatchObject({
      "graphql.operation.type": "query",
      "graphql.operation.name": "home",
      "http.response.status_code": 200,
    });
    expect(server.resource["service.name"]).toBe("home-gateway-under-test");

    const recommendations = one(trace, "recommendations");
    expect(recommendations.parentSpanId).toBe(server.spanId);
    const personalised = one(trace, "product_service.personalised");
    expect(personalised.parentSpanId).toBe(server.spanId);
    expect(personalised.attributes).toMatchObject({
      "peer.service": "shop",
      "hg.products": 2,
      "hg.found": 2,
    });
    const l1 = named(trace, "l1.get");
    const l2 = named(trace, "l2.get");
    expect(l1.length).toBeGreaterThan(0);
    expect(l2.length).toBeGreaterThan(0);
    // Lookups are children of the request, or of its fallback when a loaded machine let the
    // personalised call miss the soft timeout.
    const owners = [server.spanId, ...named(trace, "home.generic_fallback").map((span) => span.spanId)];
    for (const span of [...l1, ...l2]) {
      expect(owners).toContain(span.parentSpanId);
      expect(span.attributes["hg.keys"]).toBeGreaterThan(0);
    }

    // The upstreams were called with this trace, each as a child of its client span.
    const plan = upstreamTraceparents.find((call) => call.path === "/recommendations/plan");
    expect(plan?.traceparent).toBe(`00-${TRACE_ID}-${recommendations.spanId}-01`);
    const personal = upstreamTraceparents.find((call) => call.path === "/shop/personalised");
    expect(personal?.traceparent).toBe(`00-${TRACE_ID}-${personalised.spanId}-01`);

    // http/json, as OTEL_EXPORTER_OTLP_PROTOCOL asked.
    expect(exportRequests.every((request) => request.contentType?.startsWith("application/json"))).toBe(true);
  });

  it("shows the soft-timeout fallback as a span of its own", async () => {
    // A viewer not yet cached, an upstream slower than the 150 ms soft timeout.
    slowPersonalisedMs = 600;
    try {
      const traceId = "5bf92f3577b34da6a3ce929d0e0e4737";
      const token = await tokenFor("bob");
      const response = await fetch(`${gateway.origin}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${token}`,
          traceparent: `00-${traceId}-${CALLER_SPAN_ID}-01`,
        },
        body: JSON.stringify({ query: "query home { home { id } }", operationName: "home" }),
      });
      expect(response.status).toBe(200);
      const trace = await waitFor(
        () => {
          const found = traceOf(traceId);
          return named(found, "home.generic_fallback").length > 0 && named(found, "query home").length > 0
            ? found
            : undefined;
        },
        { timeoutMs: 10_000, what: "the fallback span exported" },
      );
      const server = one(trace, "query home");
      const fallback = one(trace, "home.generic_fallback");
      expect(fallback.parentSpanId).toBe(server.spanId);
      expect(fallback.attributes).toMatchObject({ "hg.products": 2, "hg.late": 2 });
    } finally {
      slowPersonalisedMs = 0;
    }
  });

  it("traces a pushed event: the stream read, the apply, its L2 write and the fan-out", async () => {
    await redis.xadd(
      updateStreamOf(keyPrefix),
      "*",
      "event",
      JSON.stringify({
        schema: "home-gateway.update/v1",
        kind: "personal",
        user: "carol",
        product: PRODUCT("SH-1", Date.now(), "Pushed"),
      }),
    );
    // The apply that completed: one that failed (a timed-out command) leaves its event to a retry.
    const apply = await waitFor(
      () => spans.find((span) => span.name === "updates.apply" && span.attributes["hg.result"] !== undefined),
      { timeoutMs: 10_000, what: "the apply span exported" },
    );
    // Under the batch read that brought it, the root of the push's trace.
    const read = await waitFor(() => traceOf(apply.traceId).find((span) => span.name === "updates.read"), {
      timeoutMs: 10_000,
      what: "the read span exported",
    });
    expect(read.parentSpanId ?? "").toBe("");
    expect(read.attributes["hg.entries"]).toBeGreaterThan(0);
    expect(apply.parentSpanId).toBe(read.spanId);
    expect(apply.attributes).toMatchObject({ "hg.event.kind": "personal", "hg.result": "written" });
    const children = await waitFor(
      () => {
        const found = traceOf(apply.traceId);
        return named(found, "changes.fan_out").length > 0 ? found : undefined;
      },
      { timeoutMs: 10_000, what: "the fan-out span exported" },
    );
    expect(one(children, "changes.fan_out").parentSpanId).toBe(apply.spanId);
    expect(named(children, "l2.set").map((span) => span.parentSpanId)).toContain(apply.spanId);
  });

  it("puts no token, viewer id or query string into any span", async () => {
    // A request of every kind above has been traced; screen them all.
    await homeScreen(gateway.origin, await tokenFor("alice"));
    await queryHome(gateway.origin, "not-a-token");
    await waitFor(() => spans.length > 0, { timeoutMs: 5_000 });
    const exported = JSON.stringify(spans.map(({ name, attributes }) => ({ name, attributes })));
    for (const secret of ["alice", "bob", "carol", "Bearer", "eyJ", "user="]) {
      expect(exported).not.toContain(secret);
    }
  });
});
