import type { Clock, Logger, ProductInfo, UpdateEvent } from "../../domain/index.js";
import type { FakeProductService } from "./fake-product-service.js";
import { seededRandom } from "./seeded-random.js";

export interface DemoActivityOptions {
  readonly services: readonly FakeProductService[];
  readonly users: readonly string[];
  /** Where a product service's push goes: the in-memory update queue, or the Redis stream. */
  readonly push: (event: UpdateEvent) => Promise<void>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Time between two pushes; they alternate between personal and generic changes. */
  readonly intervalMs: number;
  readonly seed?: number;
}

/**
 * Simulated product services pushing changes now and then, so the demo's live tiles move: a price
 * drops for one viewer, a show's progress grows, a deal's generic price changes for everyone. The
 * services' own data changes first, as a real service's would, then the update is pushed.
 */
export class DemoActivity {
  private readonly random: () => number;
  private controller: AbortController | undefined;
  private running: Promise<void> | undefined;
  private count = 0;

  constructor(private readonly options: DemoActivityOptions) {
    this.random = seededRandom(options.seed ?? 7);
  }

  start(): void {
    if (this.running) return;
    const controller = new AbortController();
    this.controller = controller;
    this.running = this.loop(controller.signal);
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    await this.running;
    this.running = undefined;
  }

  /** One change, pushed; exposed so tests need not wait for the timer. */
  async pushOne(): Promise<UpdateEvent | undefined> {
    const { services, users, clock } = this.options;
    const service = services[Math.floor(this.random() * services.length)];
    const productId = service?.productIds()[Math.floor(this.random() * service.productIds().length)];
    if (!service || !productId) return undefined;
    const version = clock.nowMs();
    let event: UpdateEvent;
    if (this.count++ % 2 === 0) {
      const user = users[Math.floor(this.random() * users.length)] as string;
      const current = service.peekPersonal(user, productId) as ProductInfo;
      event = { kind: "personal", user, info: service.setPersonal(user, { ...this.vary(current), version }) };
    } else {
      const current = service.peekGeneric(productId) as ProductInfo;
      event = { kind: "generic", info: service.setGeneric({ ...this.vary(current), version }) };
    }
    await this.options.push(event);
    return event;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.options.clock.sleep(this.options.intervalMs, signal);
      } catch {
        return; // aborted: stop() was called
      }
      try {
        await this.pushOne();
      } catch (error) {
        this.options.logger.warn({ err: error }, "demo update not pushed");
      }
    }
  }

  /** A plausible change: a few percent off the price, progress or usage moving on. */
  private vary(info: ProductInfo): ProductInfo {
    const factor = 0.85 + this.random() * 0.2;
    return {
      ...info,
      ...(info.price && {
        price: {
          ...info.price,
          amountMinor: Math.max(99, Math.round((info.price.amountMinor * factor) / 100) * 100 - 1),
        },
      }),
      ...(info.metric && {
        metric: {
          ...info.metric,
          value: Math.min(
            info.metric.max,
            Math.round(info.metric.value * 10 * (1 + this.random() * 0.1)) / 10,
          ),
        },
      }),
      ...(info.progress !== undefined && {
        progress: Math.min(1, Math.round((info.progress + 0.05) * 100) / 100),
      }),
    };
  }
}
