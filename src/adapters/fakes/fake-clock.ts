import type { Clock } from "../../domain/index.js";

/** 2026-01-01T00:00:00Z: a fixed start so runs are reproducible. */
export const FAKE_CLOCK_START_MS = 1_767_225_600_000;

interface Timer {
  readonly order: number;
  readonly dueMs: number;
  readonly resolve: () => void;
  readonly detach: () => void;
}

/**
 * Time that moves only when a test says so. `advance` fires due timers in time order and lets the
 * promise chains they start run before it moves on, so a test reads as a timeline.
 */
export class FakeClock implements Clock {
  private currentMs: number;
  private timers: Timer[] = [];
  private scheduled = 0;

  constructor(options: { readonly startMs?: number } = {}) {
    this.currentMs = options.startMs ?? FAKE_CLOCK_START_MS;
  }

  nowMs(): number {
    return this.currentMs;
  }

  /** Due after `ms` of fake time; `ms <= 0` resolves at once, since no test wants to advance by 0 to get it. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason as unknown);
    if (ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.timers = this.timers.filter((timer) => timer !== entry);
        reject(signal?.reason as unknown);
      };
      const entry: Timer = {
        order: this.scheduled++,
        dueMs: this.currentMs + ms,
        resolve,
        detach: () => signal?.removeEventListener("abort", onAbort),
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.timers.push(entry);
    });
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way, earliest first. */
  async advance(ms: number): Promise<void> {
    if (ms < 0) throw new RangeError(`cannot move a clock backwards (advance(${ms}))`);
    await this.advanceTo(this.currentMs + ms);
  }

  /** Moves time to `targetMs`, firing due timers in order. */
  async advanceTo(targetMs: number): Promise<void> {
    if (targetMs < this.currentMs) throw new RangeError(`cannot move a clock backwards (to ${targetMs})`);
    await flushMicrotasks();
    for (let timer = this.nextDue(targetMs); timer; timer = this.nextDue(targetMs)) {
      this.currentMs = timer.dueMs;
      this.fire(timer);
      await flushMicrotasks();
    }
    this.currentMs = targetMs;
    await flushMicrotasks();
  }

  /**
   * Fires timers until none is left, moving time to each one; stops after `maxTimers` so a loop that
   * always schedules another timer fails the test instead of hanging it.
   */
  async runUntilIdle(options: { readonly maxTimers?: number } = {}): Promise<void> {
    const maxTimers = options.maxTimers ?? 10_000;
    await flushMicrotasks();
    for (let fired = 0; ; fired++) {
      const timer = this.nextDue(Number.POSITIVE_INFINITY);
      if (!timer) return;
      if (fired >= maxTimers) throw new Error(`runUntilIdle: still busy after ${maxTimers} timers`);
      this.currentMs = timer.dueMs;
      this.fire(timer);
      await flushMicrotasks();
    }
  }

  pendingTimers(): number {
    return this.timers.length;
  }

  private nextDue(limitMs: number): Timer | undefined {
    let next: Timer | undefined;
    for (const timer of this.timers) {
      if (timer.dueMs > limitMs) continue;
      if (!next || timer.dueMs < next.dueMs || (timer.dueMs === next.dueMs && timer.order < next.order)) {
        next = timer;
      }
    }
    return next;
  }

  private fire(timer: Timer): void {
    this.timers = this.timers.filter((candidate) => candidate !== timer);
    timer.detach();
    timer.resolve();
  }
}

/**
 * Lets pending promise chains run. One macrotask turn drains every queued microtask; a few turns
 * also cover work that hops through setImmediate or an already-settled I/O callback.
 */
export async function flushMicrotasks(turns = 5): Promise<void> {
  for (let turn = 0; turn < turns; turn++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
