import { createDemoServices } from "./adapters/fakes/demo-catalog.js";
import { FakeInvalidationBus } from "./adapters/fakes/fake-invalidation-bus.js";
import { FakeL2Cache } from "./adapters/fakes/fake-l2-cache.js";
import { FakeLocks } from "./adapters/fakes/fake-locks.js";
import { FakeRecommendations } from "./adapters/fakes/fake-recommendations.js";
import { FakeUpdateSource } from "./adapters/fakes/fake-update-source.js";
import {
  ANONYMOUS,
  type Clock,
  type InvalidationBus,
  type L2Cache,
  type Locks,
  type Logger,
  type ProductService,
  type Recommendations,
  type UpdateApplier,
  type UpdateEvent,
} from "./domain/index.js";

import { DEMO_USERS } from "./adapters/fakes/demo-catalog.js";
import { DemoActivity } from "./adapters/fakes/demo-activity.js";
import { FakeProductService } from "./adapters/fakes/fake-product-service.js";

export { DEMO_USERS };

/**
 * The embedded default: simulated product services and recommendations with realistic data,
 * latency and failures. The one place in src that builds fakes (a dependency rule checks it).
 */
export function demoUpstreams(options: {
  readonly clock: Clock;
  readonly latencyMs: number;
  readonly failureRate: number;
}): { services: ProductService[]; recommendations: Recommendations } {
  const latency = options.latencyMs === 0 ? 0 : { min: options.latencyMs / 2, max: options.latencyMs * 2 };
  const services = createDemoServices({
    clock: options.clock,
    latencyMs: latency,
    failureRate: options.failureRate,
  });
  return { services, recommendations: new FakeRecommendations({ clock: options.clock, services }) };
}

/** In-process stand-ins for Redis: one instance, nothing shared, nothing to install. */
export function inMemoryInfrastructure(options: { readonly clock: Clock }): {
  l2: L2Cache;
  bus: InvalidationBus;
  locks: Locks;
} {
  return {
    l2: new FakeL2Cache({ clock: options.clock }),
    bus: new FakeInvalidationBus(),
    locks: new FakeLocks({ clock: options.clock }),
  };
}

/**
 * The update stream of the embedded mode: an in-memory queue applied in order, validated like the
 * Redis stream. `append` what a simulated product service pushes; start and stop it with the app.
 */
export function inMemoryUpdateSource(options: {
  readonly applier: Pick<UpdateApplier, "apply">;
  readonly clock: Clock;
  readonly logger: Logger;
}): FakeUpdateSource {
  return new FakeUpdateSource(options);
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
