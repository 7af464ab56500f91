import {
  type Clock,
  type Logger,
  PeriodicLoop,
  type ProductInfo,
  type ProductRef,
  type UpdateEvent,
} from "../../domain/index.js";
import type { FakeProductService } from "./fake-product-service.js";
import { seededRandom } from "./seeded-random.js";

export interface DemoActivityOptions {
  readonly services: readonly FakeProductService[];
  readonly users: readonly string[];
  /** Where a product service's push goes: the in-memory update queue, or the Redis stream. */
  readonly push: (event: UpdateEvent) => Promise<void>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Time between two rounds of pushes. */
  readonly intervalMs: number;
  /** The products on a viewer's screen (`undefined`: the anonymous screen), so that every push shows. */
  readonly screenOf: (user: string | undefined) => Promise<readonly ProductRef[]>;
  readonly seed?: number;
}

/**
 * Simulated product services pushing changes, so the demo's live tiles move: every round, each demo
 * viewer gets a personal change to a tile on their screen (a price drops, a show's progress grows)
 * and the anonymous screen a generic one, so whoever watches one screen sees a tile change every
 * interval. The services' own data changes first, as a real service's would, then the update is
 * pushed.
 */
export class DemoActivity {
  private readonly random: () => number;
  private readonly loop: PeriodicLoop;

  constructor(private readonly options: DemoActivityOptions) {
    this.random = seededRandom(options.seed ?? 7);
    this.loop = new PeriodicLoop({
      clock: options.clock,
      periodMs: options.intervalMs,
      firstTurn: "after-period",
      turn: () => this.pushRound(),
      onError: (error) => options.logger.warn({ err: error }, "demo update not pushed"),
    });
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One round of changes, pushed; exposed so tests need not wait for the timer. */
  async pushRound(): Promise<UpdateEvent[]> {
    const pushed: UpdateEvent[] = [];
    for (const user of [...this.options.users, undefined]) {
      const event = await this.changeOnScreenOf(user);
      if (!event) continue;
      await this.options.push(event);
      pushed.push(event);
    }
    return pushed;
  }

  /** A personal change for `user`, or a generic one for the anonymous screen, to a product shown. */
  private async changeOnScreenOf(user: string | undefined): Promise<UpdateEvent | undefined> {
    const shown = (await this.options.screenOf(user)).filter((ref) =>
      this.options.services.some((service) => service.id === ref.service),
    );
    const ref = shown[Math.floor(this.random() * shown.length)];
    const service = this.options.services.find((candidate) => candidate.id === ref?.service);
    if (!ref || !service) return undefined;
    const version = this.options.clock.nowMs();
    if (user === undefined) {
      const current = service.peekGeneric(ref.id) as ProductInfo;
      return { kind: "generic", info: service.setGeneric({ ...this.vary(current), version }) };
    }
    const current = service.peekPersonal(user, ref.id) as ProductInfo;
    return { kind: "personal", user, info: service.setPersonal(user, { ...this.vary(current), version }) };
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
