import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeProductService } from "../../src/adapters/fakes/fake-product-service.js";
import type { FakeRecommendations } from "../../src/adapters/fakes/fake-recommendations.js";
import { ANONYMOUS } from "../../src/domain/index.js";

export interface UpstreamHttpServer {
  /** The base URL of product service `id` (`<url>/<id>`), as HTTP_PRODUCT_SERVICES would name it. */
  serviceUrl(id: string): string;
  /** The recommendations service's base URL. */
  readonly recommendationsUrl: string;
  close(): Promise<void>;
}

/**
 * A real HTTP server on a free port that speaks docs/upstream-contract.md on top of fakes:
 * `POST /<service>/personalised`, `GET /<service>/generic` and `GET /recommendations/plan?user=`.
 * A fake that fails answers 503 with its error's message.
 */
export async function startUpstreamHttpServer(upstreams: {
  readonly services?: readonly FakeProductService[];
  readonly recommendations?: FakeRecommendations;
}): Promise<UpstreamHttpServer> {
  const services = new Map((upstreams.services ?? []).map((service) => [service.id, service]));

  async function answer(request: IncomingMessage, body: string): Promise<unknown> {
    const url = new URL(request.url ?? "/", "http://upstream");
    const [, first, operation] = url.pathname.split("/");
    if (first === "recommendations" && operation === "plan" && upstreams.recommendations) {
      const user = url.searchParams.get("user");
      return upstreams.recommendations.forViewer(user === null ? ANONYMOUS : { kind: "user", id: user });
    }
    const service = services.get(decodeURIComponent(first ?? ""));
    if (service && operation === "generic" && request.method === "GET")
      return { products: [...(await service.generic()).values()] };
    if (service && operation === "personalised" && request.method === "POST") {
      const { user, products } = JSON.parse(body) as { user: string; products: string[] };
      return { products: [...(await service.personalised(user, products)).values()] };
    }
    return undefined;
  }

  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      answer(request, Buffer.concat(chunks).toString("utf8")).then(
        (json) => {
          response.writeHead(json === undefined ? 404 : 200, { "content-type": "application/json" });
          response.end(JSON.stringify(json ?? { error: "not found" }));
        },
        (error: unknown) => {
          response.writeHead(503, { "content-type": "application/json" });
          response.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    serviceUrl: (id) => `${base}/${encodeURIComponent(id)}`,
    recommendationsUrl: `${base}/recommendations`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
