import { trace } from "@opentelemetry/api";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { FakeProductService } from "../../src/adapters/fakes/fake-product-service.js";
import { FakeRecommendations } from "../../src/adapters/fakes/fake-recommendations.js";
import { HttpProductService } from "../../src/adapters/http-product-service.js";
import { HttpRecommendations } from "../../src/adapters/http-recommendations.js";
import { TracedProductService, TracedRecommendations } from "../../src/adapters/otel-tracing.js";
import { startUpstreamHttpServer } from "../support/upstream-http.js";
import { describeProductServiceContract, describeRecommendationsContract } from "./upstreams.contract.js";

const tracer = trace.getTracer("upstreams-contract");
const fakeService = (): FakeProductService => new FakeProductService({ id: "shop", clock: new FakeClock() });
const fakeRecommendations = (): FakeRecommendations => new FakeRecommendations({ clock: new FakeClock() });

describeProductServiceContract("FakeProductService", async () => {
  const upstream = fakeService();
  return { service: upstream, upstream, close: async () => undefined };
});

describeProductServiceContract("TracedProductService over the fake", async () => {
  const upstream = fakeService();
  return { service: new TracedProductService(upstream, tracer), upstream, close: async () => undefined };
});

describeProductServiceContract("HttpProductService", async () => {
  const upstream = fakeService();
  const server = await startUpstreamHttpServer({ services: [upstream] });
  const service = new HttpProductService({ id: upstream.id, baseUrl: server.serviceUrl(upstream.id) });
  return { service, upstream, close: () => server.close() };
});

describeRecommendationsContract("FakeRecommendations", async () => {
  const upstream = fakeRecommendations();
  return { recommendations: upstream, upstream, close: async () => undefined };
});

describeRecommendationsContract("TracedRecommendations over the fake", async () => {
  const upstream = fakeRecommendations();
  return {
    recommendations: new TracedRecommendations(upstream, tracer),
    upstream,
    close: async () => undefined,
  };
});

describeRecommendationsContract("HttpRecommendations", async () => {
  const upstream = fakeRecommendations();
  const server = await startUpstreamHttpServer({ recommendations: upstream });
  return {
    recommendations: new HttpRecommendations({ baseUrl: server.recommendationsUrl }),
    upstream,
    close: () => server.close(),
  };
});
