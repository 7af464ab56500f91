import { DEMO_USERS, createDemoServices } from "../adapters/fakes/demo-catalog.js";
import { DemoActivity } from "../adapters/fakes/demo-activity.js";
import { FakeProductService } from "../adapters/fakes/fake-product-service.js";
import { FakeRecommendations } from "../adapters/fakes/fake-recommendations.js";
import { HttpProductService } from "../adapters/http-product-service.js";
import { HttpRecommendations } from "../adapters/http-recommendations.js";
import type { Config } from "../config.js";
import {
  ANONYMOUS,
  type Clock,
  type Logger,
  type ProductService,
  type Recommendations,
  type UpdateEvent,
} from "../domain/index.js";

export { DEMO_USERS };

export interface Upstreams {
  readonly services: readonly ProductService[];
  readonly recommendations: Recommendations;
}

/** The product services and recommendations over HTTP, when PRODUCT_SERVICES says where. */
export function httpUpstreams(config: Config): Upstreams | undefined {
  if (!config.PRODUCT_SERVICES || !config.RECOMMENDATIONS_URL) return undefined;
  const timeoutMs = config.UPSTREAM_TIMEOUT_MS;
  return {
    services: [...config.PRODUCT_SERVICES].map(
      ([id, baseUrl]) => new HttpProductService({ id, baseUrl, timeoutMs }),
    ),
    recommendations: new HttpRecommendations({ baseUrl: config.RECOMMENDATIONS_URL, timeoutMs }),
  };
}

/**
 * The embedded default and the tests' upstreams: simulated product services and recommendations
 * with realistic data, latency and failures (none of either with zeros).
 */
export function demoUpstreams(options: {
  readonly clock: Clock;
  readonly latencyMs: number;
  readonly failureRate: number;
  /** Tiles on each viewer's screen; the demo's own number when absent. */
  readonly tilesPerUser?: number;
}): { services: FakeProductService[]; recommendations: FakeRecommendations } {
  const latency = options.latencyMs === 0 ? 0 : { min: options.latencyMs / 2, max: options.latencyMs * 2 };
  const services = createDemoServices({
    clock: options.clock,
    latencyMs: latency,
    failureRate: options.failureRate,
  });
  const recommendations = new FakeRecommendations({
    clock: options.clock,
    services,
    ...(options.tilesPerUser !== undefined && { tilesPerUser: options.tilesPerUser }),
  });
  return { services, recommendations };
}

/**
 * Simulated product services pushing updates now and then through `push`, so a subscriber to the
 * demo sees live tiles. Only for the demo upstreams built by `demoUpstreams`.
 */
export function demoActivity(options: {
  readonly services: readonly ProductService[];
  readonly recommendations: Recommendations;
  readonly push: (event: UpdateEvent) => Promise<void>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly intervalMs: number;
}): DemoActivity | undefined {
  const services = options.services.filter(
    (service): service is FakeProductService => service instanceof FakeProductService,
  );
  if (services.length === 0) return undefined;
  const { recommendations, ...rest } = options;
  return new DemoActivity({
    ...rest,
    services,
    users: DEMO_USERS.map((user) => user.id),
    screenOf: async (user) => {
      const plan = await recommendations.forViewer(
        user === undefined ? ANONYMOUS : { kind: "user", id: user },
      );
      return plan.sections.flatMap((section) => section.products);
    },
  });
}
