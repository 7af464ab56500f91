import { SpanKind, trace } from "@opentelemetry/api";
import type { UpdateApplier, UpdateEvent } from "../../domain/updates.js";
import { parseUpdateEvent } from "../update-event-json.js";
import { deadLetter, oversizeFields, oversizeOfReadEntry, oversizeRejection } from "./dead-letters.js";
import { type StreamEntry, fieldOf } from "./replies.js";
import { type StreamContext, UPDATE_EVENT_FIELD } from "./settings.js";
import type { HandledBatch } from "./trouble.js";

/** A proxy until tracing starts (if ever), then the SDK's tracer: fetched once, not per batch. */
const TRACER = trace.getTracer("home-gateway");

/**
 * Applies a batch's entries concurrently across lanes and acknowledges the applied ones in one
 * XACK, after every apply of the batch settled. A lane is what an entry's order matters for: one
 * viewer (personal, plan and the viewer's invalidate events) or one product's generic data
 * (generic and generic invalidate events, which wait for every product they name); within a lane
 * entries apply one after the other in stream order, and lanes run side by side (up to
 * `MAX_APPLYING` entries at once), so an entry costs its own Redis round trips rather than those
 * of every entry before it. An entry whose apply rejects stays pending; the entries after it, its lane's too, are still applied (versioned
 * writes make their order irrelevant), so one bad entry holds nothing up. An entry that fails
 * validation is dead-lettered in its place in stream order: after the entries before it, before
 * those after it (dead letters are rare). Once `stopping()`, entries not yet started are left
 * pending.
 */
export function handleEntries(
  context: StreamContext,
  applier: Pick<UpdateApplier, "apply">,
  entries: readonly StreamEntry[],
  stopping: () => boolean,
): Promise<HandledBatch> {
  // One span per batch read, the parent of each entry's apply; a no-op without tracing.
  const attributes = { "messaging.system": "redis", "hg.entries": entries.length };
  return TRACER.startActiveSpan("updates.read", { kind: SpanKind.CONSUMER, attributes }, (span) =>
    applyEntries(context, applier, entries, stopping).finally(() => span.end()),
  );
}

async function applyEntries(
  context: StreamContext,
  applier: Pick<UpdateApplier, "apply">,
  entries: readonly StreamEntry[],
  stopping: () => boolean,
): Promise<HandledBatch> {
  const { redis, settings, metrics } = context;
  const acked = new Array<boolean>(entries.length).fill(false);
  let failed = 0;
  let firstError: unknown;
  /** The last entry started in each lane: the next one of that lane starts after it settled. */
  const tails = new Map<string, Promise<void>>();
  const running: Promise<void>[] = [];
  const applying = new Slots(MAX_APPLYING);
  entries.forEach((entry, index) => {
    const work = prepare(context, entry);
    const lanes = work.lanes;
    // A dead letter keeps its place: written after every entry before it, before any after it.
    const before = work.barrier
      ? [...running]
      : [...lanes, BARRIER].flatMap((lane) => {
          const tail = tails.get(lane);
          return tail ? [tail] : [];
        });
    const run = async (): Promise<void> => {
      await applying.acquire();
      try {
        if (stopping()) return;
        if (await work.run(applier)) acked[index] = true;
      } catch (error) {
        failed++;
        firstError ??= error;
        metrics.updateApplyFailed();
      } finally {
        applying.release();
      }
    };
    // Entries of no lane in flight start at once (in this turn, as the batch's first one always did).
    const done = before.length === 0 ? run() : Promise.all(before).then(run);
    for (const lane of work.barrier ? [BARRIER] : lanes) tails.set(lane, done);
    running.push(done);
  });
  await Promise.all(running);
  const acks = entries.filter((_, index) => acked[index]).map((entry) => entry.id);
  if (acks.length > 0) await redis.xack(settings.stream, settings.group, ...acks);
  return { failed, firstError };
}

/**
 * Entries applied at once, at most. Below the L2 breaker's threshold of consecutive failures (5):
 * one event-loop stall that times out every L2 call in flight cannot open it by itself.
 */
const MAX_APPLYING = 4;

/** At most `size` holders at a time; the others wait in the order they asked. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = size;
  }

  acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

/** An entry's work: what it waits for, and applying it (true: acknowledge it with the batch). */
interface EntryWork {
  readonly lanes: readonly string[];
  /** A dead letter: written after every entry before it, before any entry after it starts. */
  readonly barrier?: true;
  run(applier: Pick<UpdateApplier, "apply">): Promise<boolean>;
}

/** The tail of the last dead letter, which every entry after it waits for. */
const BARRIER = "\u0000dead-letter";

function prepare(context: StreamContext, entry: StreamEntry): EntryWork {
  const { settings } = context;
  if (entry.oversize) {
    const oversize = entry.oversize;
    return {
      lanes: [],
      barrier: true,
      run: async () => {
        await deadLetter(
          context,
          entry.id,
          oversizeFields(oversize),
          oversizeRejection(settings.maxEventBytes, oversize),
        );
        return false;
      },
    };
  }
  const fields = entry.fields;
  if (fields === null) {
    // Deleted from the stream (XDEL, trimming) while pending: nothing left to apply.
    return { lanes: [], run: () => Promise.resolve(true) };
  }
  const raw = fieldOf(fields, UPDATE_EVENT_FIELD);
  const parsed =
    raw === undefined
      ? {
          ok: false as const,
          rejection: {
            reason: "missing_event_field" as const,
            field: UPDATE_EVENT_FIELD,
            detail: `the entry has no "${UPDATE_EVENT_FIELD}" field`,
          },
        }
      : parseUpdateEvent(raw, { maxBytes: settings.maxEventBytes });
  if (parsed.ok) {
    const event = parsed.event;
    return {
      lanes: lanesOf(event),
      run: async (applier) => {
        await applier.apply(event);
        return true;
      },
    };
  }
  const rejection = parsed.rejection;
  return {
    lanes: [],
    barrier: true,
    run: async () => {
      if (rejection.reason === "too_large") {
        // Read whole (a blocking read takes one entry as it is): kept as an excerpt all the same.
        await deadLetter(
          context,
          entry.id,
          oversizeFields(oversizeOfReadEntry(raw as string, fields)),
          rejection,
        );
      } else {
        await deadLetter(context, entry.id, fields, rejection);
      }
      return false;
    },
  };
}

/** The lanes whose order an event keeps: its viewer's, or the generic data of its products. */
function lanesOf(event: UpdateEvent): string[] {
  switch (event.kind) {
    case "personal":
    case "plan":
      return [`user\u0000${event.user}`];
    case "generic":
      return [`generic\u0000${event.info.id}`];
    case "invalidate":
      return event.user === undefined
        ? event.products.map((product) => `generic\u0000${product}`)
        : [`user\u0000${event.user}`];
  }
}
