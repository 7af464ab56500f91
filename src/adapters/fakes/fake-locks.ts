import type { Clock, Lease, Locks } from "../../domain/index.js";

interface Held {
  readonly token: number;
  readonly expiresAtMs: number;
}

/** In-memory leases that lapse on the clock, like the real ones, so tests can move past a TTL. */
export class FakeLocks implements Locks {
  private readonly leases = new Map<string, Held>();
  private readonly clock: Clock;
  private issued = 0;

  constructor(options: { readonly clock: Clock }) {
    this.clock = options.clock;
  }

  async tryAcquire(name: string, options: { readonly ttlMs: number }): Promise<Lease | null> {
    if (this.held(name)) return null;
    const token = ++this.issued;
    this.leases.set(name, { token, expiresAtMs: this.clock.nowMs() + options.ttlMs });
    return {
      release: async () => {
        // A lease that lapsed and was taken by someone else is theirs now: releasing must not free it.
        if (this.leases.get(name)?.token === token) this.leases.delete(name);
      },
    };
  }

  /** Whether a live lease on `name` exists. */
  held(name: string): boolean {
    const lease = this.leases.get(name);
    return lease !== undefined && lease.expiresAtMs > this.clock.nowMs();
  }
}
