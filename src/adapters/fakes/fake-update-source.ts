import type {
  ApplyOutcome,
  Clock,
  Logger,
  UpdateApplier,
  UpdateEvent,
  UpdateRejection,
  UpdateSource,
} from "../../domain/index.js";
import { encodeUpdateEvent, parseUpdateEvent } from "../update-event-json.js";

export interface FakeUpdateSourceOptions {
  readonly applier: Pick<UpdateApplier, "apply">;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Wait before retrying an event whose apply rejected. */
  readonly retryMs?: number;
  readonly maxEventBytes?: number;
}

/**
 * The update stream in memory, for the embedded mode and unit tests: a queue applied in order, one
 * event at a time. It validates every event like the Redis consumer (typed events go through their
 * JSON too), keeps refused ones in `deadLetters`, and retries an event whose apply rejects until it
 * succeeds, so nothing behind it is applied first.
 */
export class FakeUpdateSource implements UpdateSource {
  readonly deadLetters: { readonly raw: string; readonly rejection: UpdateRejection }[] = [];
  readonly outcomes: ApplyOutcome[] = [];
  private readonly options: FakeUpdateSourceOptions;
  private readonly queue: string[] = [];
  private running = false;
  private pumping: Promise<void> | undefined;
  private stopController = new AbortController();

  constructor(options: FakeUpdateSourceOptions) {
    this.options = options;
  }

  /** Appends an event as a product service would: a typed event, or raw JSON (which may be invalid). */
  append(event: UpdateEvent | string): void {
    this.queue.push(typeof event === "string" ? event : encodeUpdateEvent(event));
    if (this.running) this.pump();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopController = new AbortController();
    this.pump();
  }

  /** Resolves once the event being applied has settled; queued events wait for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopController.abort();
    await this.pumping;
  }

  /** Resolves once everything appended so far has been applied or dead-lettered (while started). */
  async drained(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  /** Events appended but not applied yet. */
  backlog(): number {
    return this.queue.length;
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = this.drain().finally(() => {
      this.pumping = undefined;
      // An append may have arrived after drain() saw an empty queue but before this ran.
      if (this.running && this.queue.length > 0) this.pump();
    });
  }

  private async drain(): Promise<void> {
    const { applier, clock, logger } = this.options;
    while (this.running) {
      const raw = this.queue[0];
      if (raw === undefined) return;
      const parsed = parseUpdateEvent(raw, { maxBytes: this.options.maxEventBytes });
      if (!parsed.ok) {
        this.deadLetters.push({ raw, rejection: parsed.rejection });
        logger.warn(
          { reason: parsed.rejection.reason, detail: parsed.rejection.detail },
          "update event rejected",
        );
        this.queue.shift();
        continue;
      }
      try {
        this.outcomes.push(await applier.apply(parsed.event));
        this.queue.shift();
      } catch (error) {
        logger.warn({ err: error, kind: parsed.event.kind }, "update event not applied; retrying");
        try {
          await clock.sleep(this.options.retryMs ?? 1_000, this.stopController.signal);
        } catch {
          // Only stop() aborts the wait; the loop condition ends the loop.
        }
      }
    }
  }
}
