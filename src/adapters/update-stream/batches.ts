import { SpanKind, trace } from "@opentelemetry/api";
import type { UpdateApplier } from "../../domain/updates.js";
import { parseUpdateEvent } from "../update-event-json.js";
import { deadLetter, oversizeFields, oversizeOfReadEntry, oversizeRejection } from "./dead-letters.js";
import { type StreamEntry, fieldOf } from "./replies.js";
import { type StreamContext, UPDATE_EVENT_FIELD } from "./settings.js";
import type { HandledBatch } from "./trouble.js";

/** A proxy until tracing starts (if ever), then the SDK's tracer: fetched once, not per batch. */
const TRACER = trace.getTracer("home-gateway");

/**
 * Applies entries in order and acknowledges the applied ones in one XACK. An entry whose apply
 * rejects stays pending; the entries after it are still applied (versioned writes make their
 * order irrelevant), so one bad entry holds nothing up. An entry that fails validation is
 * dead-lettered. Stops before the next entry once `stopping()`.
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
  const acks: string[] = [];
  let failed = 0;
  let firstError: unknown;
  for (const entry of entries) {
    if (stopping()) break;
    if (entry.oversize) {
      try {
        await deadLetter(
          context,
          entry.id,
          oversizeFields(entry.oversize),
          oversizeRejection(settings.maxEventBytes, entry.oversize),
        );
      } catch (error) {
        failed++;
        firstError ??= error;
        metrics.updateApplyFailed();
      }
      continue;
    }
    if (entry.fields === null) {
      // Deleted from the stream (XDEL, trimming) while pending: nothing left to apply.
      acks.push(entry.id);
      continue;
    }
    const raw = fieldOf(entry.fields, UPDATE_EVENT_FIELD);
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
    try {
      if (parsed.ok) {
        await applier.apply(parsed.event);
        acks.push(entry.id);
      } else if (parsed.rejection.reason === "too_large") {
        // Read whole (a blocking read takes one entry as it is): kept as an excerpt all the same.
        await deadLetter(
          context,
          entry.id,
          oversizeFields(oversizeOfReadEntry(raw, entry.fields)),
          parsed.rejection,
        );
      } else {
        await deadLetter(context, entry.id, entry.fields, parsed.rejection);
      }
    } catch (error) {
      failed++;
      firstError ??= error;
      metrics.updateApplyFailed();
    }
  }
  if (acks.length > 0) await redis.xack(settings.stream, settings.group, ...acks);
  return { failed, firstError };
}
