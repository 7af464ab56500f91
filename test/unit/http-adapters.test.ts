import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HttpProductService } from "../../src/adapters/http-product-service.js";
import { HttpRecommendations } from "../../src/adapters/http-recommendations.js";
import { ANONYMOUS, type HomePlan, type ProductInfo, UpstreamError } from "../../src/domain/index.js";

interface Received {
  readonly method: string;
  readonly url: string;
  readonly body: string;
  readonly contentType: string | undefined;
}

type Handler = (request: Received, response: ServerResponse) => void;

/** A real HTTP server on a free port whose answer each test chooses. */
let server: Server;
let baseUrl: string;
let handler: Handler;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const seen: Received = {
        method: request.method ?? "",
        url: request.url ?? "",
        body: Buffer.concat(chunks).toString("utf8"),
        contentType: request.headers["content-type"],
      };
      received.push(seen);
      handler(seen, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(() => {
  received.length = 0;
});

function json(status: number, body: unknown): Handler {
  return (_request, response) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(typeof body === "string" ? body : JSON.stringify(body));
  };
}

function product(id: string, overrides: Partial<ProductInfo> = {}): ProductInfo {
  return {
    id,
    service: "travel",
    version: 1_767_225_600_000,
    presentation: "offer",
    title: "Flights to Lisbon",
    price: { amountMinor: 8_900, currency: "EUR" },
    route: `product/travel/${id}`,
    webUrl: `https://www.example.com/travel/${id}`,
    ...overrides,
  };
}

async function upstreamError(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

describe("HttpProductService", () => {
  it("posts the user and products to /personalised and answers the products by id", async () => {
    handler = json(200, { products: [product("TR-1"), product("TR-2", { title: "Flights to Porto" })] });
    const service = new HttpProductService({ id: "travel", baseUrl });
    const answer = await service.personalised("alice", ["TR-1", "TR-2", "TR-9"]);
    expect([...answer.keys()]).toEqual(["TR-1", "TR-2"]);
    expect(answer.get("TR-2")?.title).toBe("Flights to Porto");
    expect(received).toHaveLength(1);
    expect(received[0]?.method).toBe("POST");
    expect(received[0]?.url).toBe("/api/personalised");
    expect(received[0]?.contentType).toBe("application/json");
    expect(JSON.parse(received[0]?.body ?? "")).toEqual({
      user: "alice",
      products: ["TR-1", "TR-2", "TR-9"],
    });
  });

  it("gets /generic", async () => {
    handler = json(200, { products: [product("TR-1")] });
    const service = new HttpProductService({ id: "travel", baseUrl: `${baseUrl}/` });
    const answer = await service.generic();
    expect(answer.get("TR-1")?.price).toEqual({ amountMinor: 8_900, currency: "EUR" });
    expect(received[0]?.method).toBe("GET");
    expect(received[0]?.url).toBe("/api/generic");
  });

  it("turns a body that is not JSON into an UpstreamError with the parse error as cause", async () => {
    handler = json(200, "<html>oops</html>");
    const error = await upstreamError(new HttpProductService({ id: "travel", baseUrl }).generic());
    expect(error.code).toBe("UPSTREAM_FAILED");
    expect(error.message).toMatch(/travel.*not valid JSON/);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it("turns JSON that breaks the contract into an UpstreamError naming the field", async () => {
    handler = json(200, {
      products: [{ ...product("TR-1"), price: { amountMinor: "89", currency: "EUR" } }],
    });
    const error = await upstreamError(
      new HttpProductService({ id: "travel", baseUrl }).personalised("bob", ["TR-1"]),
    );
    expect(error.message).toMatch(/products\.0\.price\.amountMinor/);
  });

  it("refuses products filed under another service", async () => {
    handler = json(200, { products: [product("SH-1", { service: "shop" })] });
    await upstreamError(new HttpProductService({ id: "travel", baseUrl }).generic());
  });

  it("turns an error status into an UpstreamError", async () => {
    handler = json(503, { error: "maintenance" });
    const error = await upstreamError(new HttpProductService({ id: "travel", baseUrl }).generic());
    expect(error.message).toMatch(/HTTP 503/);
  });

  it("gives up after its timeout with an UpstreamError", async () => {
    // Answers far too late; the adapter must not wait for it.
    handler = (_request, response) => {
      setTimeout(() => json(200, { products: [] })(_request, response), 2_000).unref();
    };
    const startedMs = Date.now();
    const error = await upstreamError(
      new HttpProductService({ id: "travel", baseUrl, timeoutMs: 100 }).generic(),
    );
    expect(Date.now() - startedMs).toBeLessThan(1_500);
    expect(error.message).toMatch(/timed out after 100 ms/);
  });

  it("fails with an UpstreamError when nothing listens", async () => {
    const error = await upstreamError(
      new HttpProductService({ id: "travel", baseUrl: "http://127.0.0.1:1/api" }).generic(),
    );
    expect(error.message).toMatch(/request failed/);
    expect(error.cause).toBeDefined();
  });
});

describe("HttpRecommendations", () => {
  const plan: HomePlan = {
    sections: [
      { id: "hero", kind: "hero", title: "Picked for you", products: [{ id: "TR-1", service: "travel" }] },
      { id: "deals", kind: "carousel", title: "Deals", products: [{ id: "SH-1", service: "shop" }] },
    ],
  };

  it("gets the plan for a user, with the user id encoded in the query", async () => {
    handler = json(200, plan);
    const recommendations = new HttpRecommendations({ baseUrl });
    expect(await recommendations.forViewer({ kind: "user", id: "alice smith&co" })).toEqual(plan);
    expect(received[0]?.url).toBe("/api/plan?user=alice+smith%26co");
  });

  it("gets the generic plan without a user parameter", async () => {
    handler = json(200, plan);
    await new HttpRecommendations({ baseUrl }).forViewer(ANONYMOUS);
    expect(received[0]?.url).toBe("/api/plan");
  });

  it("rejects a plan with an unknown section kind", async () => {
    handler = json(200, { sections: [{ ...plan.sections[0], kind: "banner" }] });
    const error = await upstreamError(new HttpRecommendations({ baseUrl }).forViewer(ANONYMOUS));
    expect(error.message).toMatch(/recommendations.*sections\.0\.kind/);
  });

  it("turns invalid JSON into an UpstreamError", async () => {
    handler = json(200, "{ sections: ");
    await upstreamError(new HttpRecommendations({ baseUrl }).forViewer(ANONYMOUS));
  });

  it("gives up after its timeout with an UpstreamError", async () => {
    handler = (_request, response) => {
      // Headers at once, the body never: the timeout must cover reading the body too.
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"sections": [');
    };
    const error = await upstreamError(
      new HttpRecommendations({ baseUrl, timeoutMs: 100 }).forViewer(ANONYMOUS),
    );
    expect(error.message).toMatch(/timed out after 100 ms/);
  });
});
