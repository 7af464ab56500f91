import type { ServiceId } from "./model.js";
import { PeriodicLoop } from "./periodic-loop.js";
import {
  type CacheKey,
  type CacheWrite,
  type Clock,
  type InvalidationBus,
  type L2Cache,
  type Lease,
  type Locks,
  type Logger,
  type ProductService,
  genericKey,
} from "./ports.js";

export interface GenericRefresherOptions {
  readonly services: ReadonlyMap<ServiceId, ProductService>;
  readonly l2: L2Cache;
  readonly bus: InvalidationBus;
  readonly locks: Locks;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Time between two refreshes of one instance. */
  readonly periodMs?: number;
  /** TTL of the generic entries in L2: longer than the period, so one failed refresh leaves them in place. */
  readonly ttlMs?: number;
  /** The lease; longer than a refresh takes, so it never lapses under a running one. */
  readonly lockTtlMs?: number;
}

export interface RefreshReport {
  /** False when another instance held the lock, or the lock could not be taken. */
  readonly ran: boolean;
  readonly failedServices: readonly ServiceId[];
  /** Entries the services returned. */
  readonly entries: number;
  /** Entries that were newer than L2 held, and so were written and invalidated. */
  readonly written: number;
}

export const GENERIC_REFRESH_DEFAULTS = { periodMs: 180_000, ttlMultiple: 3, lockTtlMs: 60_000 } as const;

const LOCK_NAME = "generic-refresh";
/** Keeps each invalidation message small; one message per chunk. */
const KEYS_PER_MESSAGE = 500;

/**
 * Polls every product service for its generic info, writes it to L2 and tells every instance to
 * drop the entries that changed. Every instance runs one; the lock makes sure that only one of them
 * refreshes at any moment.
 */
export class GenericRefresher {
  private readonly options: GenericRefresherOptions;
  private readonly periodMs: number;
  private readonly ttlMs: number;
  private readonly lockTtlMs: number;
  private readonly loop: PeriodicLoop;

  constructor(options: GenericRefresherOptions) {
    this.options = options;
    this.periodMs = options.periodMs ?? GENERIC_REFRESH_DEFAULTS.periodMs;
    this.ttlMs = options.ttlMs ?? this.periodMs * GENERIC_REFRESH_DEFAULTS.ttlMultiple;
    this.lockTtlMs = options.lockTtlMs ?? GENERIC_REFRESH_DEFAULTS.lockTtlMs;
    this.loop = new PeriodicLoop({
      clock: options.clock,
      periodMs: this.periodMs,
      firstTurn: "now",
      turn: () => this.refreshOnce(),
      // Not expected (refreshOnce reports its failures); the loop must outlive it anyway.
      onError: (error) => options.logger.error({ err: error }, "generic refresh failed unexpectedly"),
    });
  }

  /** One refresh if the lock is free; never rejects (every failure is logged and reported). */
  async refreshOnce(): Promise<RefreshReport> {
    const { locks, logger } = this.options;
    const skipped: RefreshReport = { ran: false, failedServices: [], entries: 0, written: 0 };
    let lease: Lease | null;
    try {
      lease = await locks.tryAcquire(LOCK_NAME, { ttlMs: this.lockTtlMs });
    } catch (error) {
      logger.warn({ err: error, lock: LOCK_NAME }, "generic refresh skipped: the lock is unavailable");
      return skipped;
    }
    if (!lease) {
      logger.debug({ lock: LOCK_NAME }, "generic refresh skipped: another instance holds the lock");
      return skipped;
    }
    try {
      return await this.refreshHoldingLock();
    } finally {
      await lease.release().catch((error: unknown) => {
        logger.warn({ err: error, lock: LOCK_NAME }, "releasing the generic refresh lock failed; it lapses");
      });
    }
  }

  /** Refreshes now and then every `periodMs` until `stop()`. */
  start(options: { readonly periodMs?: number } = {}): void {
    this.loop.start(options);
  }

  /** Stops the loop; resolves once a refresh under way has finished and released the lock. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  private async refreshHoldingLock(): Promise<RefreshReport> {
    const { services, l2, logger } = this.options;
    const failedServices: ServiceId[] = [];
    const answers = await Promise.all(
      [...services].map(async ([serviceId, service]) => {
        try {
          return [...(await service.generic()).values()];
        } catch (error) {
          logger.warn({ err: error, service: serviceId }, "generic refresh: product service failed; skipped");
          failedServices.push(serviceId);
          return [];
        }
      }),
    );
    const entries: CacheWrite[] = answers.flat().map((info) => ({ key: genericKey(info.id), value: info }));
    if (entries.length === 0) return { ran: true, failedServices, entries: 0, written: 0 };

    let written: boolean[];
    try {
      written = await l2.setMany(entries, { ttlMs: this.ttlMs });
    } catch (error) {
      logger.warn({ err: error, entries: entries.length }, "generic refresh: L2 write failed");
      return { ran: true, failedServices, entries: entries.length, written: 0 };
    }
    const changed: CacheKey[] = entries
      .filter((_, index) => written[index] === true)
      .map((entry) => entry.key);
    await this.publish(changed);
    logger.info({ entries: entries.length, written: changed.length, failedServices }, "generic refresh done");
    return { ran: true, failedServices, entries: entries.length, written: changed.length };
  }

  private async publish(keys: readonly CacheKey[]): Promise<void> {
    for (let start = 0; start < keys.length; start += KEYS_PER_MESSAGE) {
      const chunk = keys.slice(start, start + KEYS_PER_MESSAGE);
      try {
        await this.options.bus.publish(chunk);
      } catch (error) {
        // Other instances keep the old entries in L1 until its TTL; L2 already has the new ones.
        this.options.logger.warn(
          { err: error, keys: chunk.length },
          "generic refresh: invalidation not sent",
        );
      }
    }
  }
}
