import { FakeRecommendations } from "../../src/adapters/fakes/fake-recommendations.js";
import { FakeProductService } from "../../src/adapters/fakes/fake-product-service.js";
import { demoUpstreams as embeddedDemoUpstreams } from "../../src/embedded.js";

export * from "../../src/embedded.js";

/**
 * src/embedded.ts's demo upstreams, with plans of BENCH_TILES_PER_USER tiles (the demo plans 30):
 * the benchmarks compare screen sizes. Same services, same latency, same dealing of products.
 */
export function demoUpstreams(
  options: Parameters<typeof embeddedDemoUpstreams>[0],
): ReturnType<typeof embeddedDemoUpstreams> {
  const upstreams = embeddedDemoUpstreams(options);
  const tiles = process.env.BENCH_TILES_PER_USER;
  if (tiles === undefined || tiles === "") return upstreams;
  const services = upstreams.services.filter(
    (service): service is FakeProductService => service instanceof FakeProductService,
  );
  return {
    services: upstreams.services,
    recommendations: new FakeRecommendations({ clock: options.clock, services, tilesPerUser: Number(tiles) }),
  };
}
