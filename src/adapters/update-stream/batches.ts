import { SpanKind, trace } from "@opentelemetry/api";
import type { UpdateEvent } from "../../domain/updates.js";
import { parseUpdateEvent } from "../update-event-json.js";
import { deadLetter, oversizeFields, oversizeOfReadEntry, oversizeRejection } from "./dead-letters.js";
import { type StreamEntry, fieldOf } from "./replies.js";
import { type StreamApplier, type StreamContext, UPDATE_EVENT_FIELD } from "./settings.js";
import type { HandledBatch } from "./trouble.js";

/** A proxy until tracing starts (if ever), then the SDK's tracer: fetched once, not per batch. */
const TRACER = trace.getTracer("home-gateway");

/**
 * Applies a batch's entries in rounds and acknowledges the applied ones in one XACK, after every
 * round settled. A lane is what an entry's order matters for: one viewer (personal, plan and the
 * viewer's invalidate events) or one product's generic data (generic and generic invalidate events,
 * which wait for every product they name). A round holds at most one entry per lane, each entry
 * comes in a round after its lane's previous entry, and a round's events are applied together
 * (`UpdateApplier.applyMany`: one L2 write for all of them, one invalidation, their publications at
 * once), so a read of many viewers' events costs a few round trips, not a few per event. An entry
 * whose apply fails stays pending; the entries after it, its lane's too, are still applied
 * (versioned writes make their order irrelevant), so one bad entry holds nothing up. An entry that
 * fails validation is dead-lettered in its place in stream order, in a round of its own: after the
 * entries before it, before those after it (dead letters are rare). Once `stopping()`, rounds not
 * yet started are left pending.
 */
export function handleEntries(
  context: StreamContext,
  applier: StreamApplier,
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
  applier: StreamApplier,
  entries: readonly StreamEntry[],
  stopping: () => boolean,
): Promise<HandledBatch> {
  const { redis, settings, metrics } = context;
  const acked = new Array<boolean>(entries.length).fill(false);
  const batch = { failed: 0, firstError: undefined as unknown };
  const works = entries.map((entry) => prepare(context, entry));
  const failedOne = (error: unknown): void => {
    batch.failed++;
    batch.firstError ??= error;
    metrics.updateApplyFailed();
  };
  for (const round of roundsOf(works)) {
    if (stopping()) break;
    await applyRound(applier, round, works, failedOne, (index) => (acked[index] = true));
  }
  const acks = entries.filter((_, index) => acked[index]).map((entry) => entry.id);
  if (acks.length > 0) await redis.xack(settings.stream, settings.group, ...acks);
  return batch;
}

/**
 * The batch's entries, by index, in rounds: each entry after its lanes' previous entries and after
 * the last dead letter before it; a dead letter after every entry before it, alone in its round. A
 * round holds at most `MAX_ROUND_ENTRIES` entries.
 */
function roundsOf(works: readonly EntryWork[]): number[][] {
  const rounds: number[][] = [];
  const laneRound = new Map<string, number>();
  let barrierRound = -1;
  works.forEach((work, index) => {
    let round = work.barrier
      ? rounds.length
      : Math.max(barrierRound + 1, ...work.lanes.map((lane) => (laneRound.get(lane) ?? -1) + 1));
    while (!work.barrier && (rounds[round]?.length ?? 0) >= MAX_ROUND_ENTRIES) round++;
    (rounds[round] ??= []).push(index);
    if (work.barrier) barrierRound = round;
    for (const lane of work.lanes) laneRound.set(lane, round);
  });
  return rounds;
}

/**
 * Entries in one round, at most. Each round's L2 writes are one call (one timeout, one breaker
 * outcome), so a stall that times out a round's write counts once against the breaker however
 * many entries it held.
 */
const MAX_ROUND_ENTRIES = 4;

/** One round: its events through `applyMany` (or `apply` each), its other entries beside them. */
async function applyRound(
  applier: StreamApplier,
  round: readonly number[],
  works: readonly EntryWork[],
  failedOne: (error: unknown) => void,
  ackOne: (index: number) => void,
): Promise<void> {
  const events = round.flatMap((index) => {
    const event = works[index]?.event;
    return event ? [{ index, event }] : [];
  });
  const others = round.filter((index) => works[index]?.event === undefined);
  const applied = Promise.resolve()
    .then(() =>
      applyEvents(
        applier,
        events.map(({ event }) => event),
      ),
    )
    .then(
      (attempts) =>
        attempts.forEach((attempt, position) => {
          const index = events[position]?.index;
          if (index === undefined) return;
          if (attempt === true) ackOne(index);
          else failedOne(attempt.error);
        }),
      (error: unknown) => events.forEach(() => failedOne(error)),
    );
  await Promise.all([
    applied,
    ...others.map(async (index) => {
      try {
        if (await works[index]?.run()) ackOne(index);
      } catch (error) {
        failedOne(error);
      }
    }),
  ]);
}

/** Each event's answer, aligned with `events`: true when applied, else the error. */
async function applyEvents(
  applier: StreamApplier,
  events: readonly UpdateEvent[],
): Promise<(true | { readonly error: unknown })[]> {
  if (events.length === 0) return [];
  if (applier.applyMany) {
    const attempts = await applier.applyMany(events);
    return attempts.map((attempt) => (attempt.applied ? true : { error: attempt.error }));
  }
  return Promise.all(
    events.map((event) =>
      applier.apply(event).then(
        (): true => true,
        (error: unknown) => ({ error }),
      ),
    ),
  );
}

/**
 * An entry's work: what it waits for, and either its event (applied with its round's) or what to do
 * instead (true: acknowledge it with the batch).
 */
interface EntryWork {
  readonly lanes: readonly string[];
  /** A dead letter: written after every entry before it, before any entry after it starts. */
  readonly barrier?: true;
  readonly event?: UpdateEvent;
  run(): Promise<boolean>;
}

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
    // Applied with its round's events, never through run().
    return { lanes: lanesOf(event), event, run: () => Promise.resolve(false) };
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
