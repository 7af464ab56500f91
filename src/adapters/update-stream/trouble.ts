import type { Clock, Logger } from "../../domain/ports.js";
import { errorMessageOf } from "./replies.js";

/** A failure that persists is logged again at most this often. */
const REPEAT_WARNING_MS = 60_000;

/** What handling a batch of entries came to. */
export interface HandledBatch {
  readonly failed: number;
  readonly firstError: unknown;
}

/**
 * The consumer's streak of failures, logged without flooding: the first failure of a streak as a
 * warning, then at most once a minute while it lasts (debug in between), and the recovery once.
 * The last failure is what readiness reports.
 */
export class TroubleLog {
  private trouble: { readonly sinceMs: number; lastLoggedMs: number; lastError: string } | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly stream: string,
  ) {}

  /** Reports a batch's failures, if any; returns how many there were. */
  failedBatch(batch: HandledBatch, origin: "new" | "pending" | "claimed"): number {
    if (batch.failed > 0) {
      this.troubled(
        batch.firstError,
        "update events could not be applied; they stay pending and are retried",
        {
          failed: batch.failed,
          origin,
        },
      );
    }
    return batch.failed;
  }

  /** Logs the first failure of a streak, then at most once a minute while it lasts. */
  troubled(error: unknown, message: string, fields: Record<string, unknown> = {}): void {
    const nowMs = this.clock.nowMs();
    if (!this.trouble) {
      this.trouble = {
        sinceMs: nowMs,
        lastLoggedMs: nowMs,
        lastError: `${message}: ${errorMessageOf(error)}`,
      };
    } else if (nowMs - this.trouble.lastLoggedMs >= REPEAT_WARNING_MS) {
      this.trouble.lastLoggedMs = nowMs;
    } else {
      this.trouble.lastError = `${message}: ${errorMessageOf(error)}`;
      this.logger.debug({ err: error, stream: this.stream, ...fields }, message);
      return;
    }
    this.logger.warn({ err: error, stream: this.stream, ...fields }, message);
  }

  /** The last failure of the current streak; undefined while there is none. */
  lastError(): string | undefined {
    return this.trouble?.lastError;
  }

  recovered(): void {
    if (!this.trouble) return;
    this.logger.info(
      { stream: this.stream, afterMs: this.clock.nowMs() - this.trouble.sinceMs },
      "the update stream consumer recovered",
    );
    this.trouble = undefined;
  }
}
