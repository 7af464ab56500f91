import type { ActiveViewers, Clock, UserId } from "../../domain/index.js";

/**
 * In-memory viewer activity on a clock: a touch is remembered for ever (windows are checked at
 * read time), every call is recorded, and `isActive` fails on demand.
 */
export class FakeActiveViewers implements ActiveViewers {
  readonly calls: {
    readonly touch: UserId[];
    readonly isActive: UserId[];
    readonly areActive: UserId[][];
  } = { touch: [], isActive: [], areActive: [] };
  private readonly lastTouchMs = new Map<UserId, number>();
  private readonly clock: Clock;
  private failure: Error | null = null;

  constructor(options: { readonly clock: Clock }) {
    this.clock = options.clock;
  }

  async touch(user: UserId): Promise<void> {
    this.calls.touch.push(user);
    this.lastTouchMs.set(user, this.clock.nowMs());
  }

  async isActive(user: UserId, windowMs: number): Promise<boolean> {
    this.calls.isActive.push(user);
    if (this.failure) throw this.failure;
    const touchedAtMs = this.lastTouchMs.get(user);
    return touchedAtMs !== undefined && this.clock.nowMs() - touchedAtMs <= windowMs;
  }

  async areActive(users: readonly UserId[], windowMs: number): Promise<boolean[]> {
    this.calls.areActive.push([...users]);
    if (this.failure) throw this.failure;
    const nowMs = this.clock.nowMs();
    return users.map((user) => {
      const touchedAtMs = this.lastTouchMs.get(user);
      return touchedAtMs !== undefined && nowMs - touchedAtMs <= windowMs;
    });
  }

  /** Every later `isActive` and `areActive` rejects with `error` until `failWith(null)`; `touch` never fails. */
  failWith(error: Error | null): void {
    this.failure = error;
  }
}
