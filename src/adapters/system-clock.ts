import { setTimeout as delay } from "node:timers/promises";
import type { Clock } from "../domain/index.js";

/** Wall-clock time and real timers. */
export class SystemClock implements Clock {
  nowMs(): number {
    return Date.now();
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    try {
      await delay(Math.max(0, ms), undefined, signal ? { signal } : undefined);
    } catch (error) {
      // node:timers rejects with its own AbortError; the port promises the signal's reason instead.
      if (signal?.aborted) throw signal.reason;
      throw error;
    }
  }
}
