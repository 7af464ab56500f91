import type { Clock } from "./ports.js";

export interface PeriodicLoopOptions {
  readonly clock: Clock;
  readonly periodMs: number;
  /** `now`: a turn at start, then one every period; `after-period`: the first turn after one period. */
  readonly firstTurn: "now" | "after-period";
  /** One turn of the work. A rejection goes to `onError`; the loop carries on. */
  readonly turn: () => Promise<unknown>;
  readonly onError: (error: unknown) => void;
}

/**
 * Background work that runs a turn every period on the `Clock` until stopped: the generic refresh,
 * the rate limiter's sync, the demo's pushes. `stop()` cuts the sleep short and resolves once a turn
 * under way has finished, so whatever the turn holds (a lock, a pipeline) is given back.
 */
export class PeriodicLoop {
  private running: { readonly controller: AbortController; readonly done: Promise<void> } | undefined;

  constructor(private readonly options: PeriodicLoopOptions) {}

  get started(): boolean {
    return this.running !== undefined;
  }

  /** Starts the loop; a second call while it runs does nothing. */
  start(overrides: { readonly periodMs?: number } = {}): void {
    if (this.running) return;
    const controller = new AbortController();
    this.running = {
      controller,
      done: this.loop(overrides.periodMs ?? this.options.periodMs, controller.signal),
    };
  }

  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    running.controller.abort();
    await running.done;
  }

  private async loop(periodMs: number, signal: AbortSignal): Promise<void> {
    const { clock, turn, onError } = this.options;
    let first = true;
    while (!signal.aborted) {
      if (!first || this.options.firstTurn === "after-period") {
        try {
          await clock.sleep(periodMs, signal);
        } catch {
          return; // the sleep only rejects when stop() aborts it
        }
      }
      first = false;
      await turn().catch(onError);
    }
  }
}
