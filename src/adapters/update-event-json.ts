import { z } from "zod";
import {
  UPDATE_EVENT_SCHEMA_ID,
  UPDATE_KINDS,
  type UpdateEvent,
  type UpdateKind,
  type UpdateRejection,
} from "../domain/index.js";
import { productInfoSchema } from "./product-info-json.js";

/** Larger events are refused: a product is a few hundred bytes, an invalidation at most 500 ids. */
export const DEFAULT_MAX_EVENT_BYTES = 64 * 1024;
/** Bounds one invalidate event, so one L1 invalidation message stays small. */
export const MAX_INVALIDATE_PRODUCTS = 500;

const id = z.string().min(1).max(512);
/** JSON numbers above 2^53 lose precision, and two distinct versions could then compare equal. */
const version = z.number().int().nonnegative();
/** The dates a JavaScript Date can hold (about 270,000 years either side of 1970). */
const MAX_DATE_MS = 8.64e15;
/** The product services' ProductInfo (docs/upstream-contract.md), with a stricter version and date. */
const product = productInfoSchema.extend({
  version,
  endsAtMs: z.number().min(-MAX_DATE_MS).max(MAX_DATE_MS).optional(),
});

const kindSchemas = {
  personal: z.object({ user: id, product }),
  generic: z.object({ product }),
  plan: z.object({ user: id, version }),
  invalidate: z.object({ user: id.optional(), products: z.array(id).min(1).max(MAX_INVALIDATE_PRODUCTS) }),
} as const satisfies Record<UpdateKind, z.ZodType>;

export type ParsedUpdateEvent =
  | { readonly ok: true; readonly event: UpdateEvent }
  | { readonly ok: false; readonly rejection: UpdateRejection };

/**
 * Validates one event of the `home-gateway.update/v1` contract (docs/update-events.md). Never
 * throws: anything wrong comes back as a rejection naming the field and what was expected. Unknown
 * fields are ignored, so producers can add some before the gateway reads them.
 */
export function parseUpdateEvent(
  raw: string,
  options: { readonly maxBytes?: number } = {},
): ParsedUpdateEvent {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_EVENT_BYTES;
  const bytes = Buffer.byteLength(raw, "utf8");
  if (bytes > maxBytes) {
    return reject("too_large", `the event is ${bytes} bytes; at most ${maxBytes} are accepted`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return reject("not_json", `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return reject("invalid_field", `expected a JSON object, got ${describe(json)}`);
  }
  const fields = json as Record<string, unknown>;
  if (fields["schema"] !== UPDATE_EVENT_SCHEMA_ID) {
    return reject(
      "unsupported_schema",
      `schema: expected "${UPDATE_EVENT_SCHEMA_ID}", got ${describe(fields["schema"])}`,
      "schema",
    );
  }
  const kind = fields["kind"];
  if (!isKind(kind)) {
    const expected = UPDATE_KINDS.map((name) => `"${name}"`).join(", ");
    return reject("unknown_kind", `kind: expected one of ${expected}, got ${describe(kind)}`, "kind");
  }
  const parsed = kindSchemas[kind].safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const field = issues[0]?.path.join(".") || undefined;
    const detail = issues
      .slice(0, 3)
      .map(
        (issue) =>
          `${issue.path.join(".") || "(root)"}: ${issue.message.replace("received undefined", "missing")}`,
      )
      .join("; ");
    return reject("invalid_field", `${kind} event: ${detail}`, field);
  }
  return { ok: true, event: toEvent(kind, parsed.data) };
}

/** The JSON a producer would send for `event`; for tests, tools and the embedded demo. */
export function encodeUpdateEvent(event: UpdateEvent): string {
  const schema = UPDATE_EVENT_SCHEMA_ID;
  switch (event.kind) {
    case "personal":
      return JSON.stringify({ schema, kind: event.kind, user: event.user, product: event.info });
    case "generic":
      return JSON.stringify({ schema, kind: event.kind, product: event.info });
    case "plan":
      return JSON.stringify({ schema, kind: event.kind, user: event.user, version: event.version });
    case "invalidate":
      return JSON.stringify({ schema, kind: event.kind, user: event.user, products: event.products });
  }
}

function toEvent(kind: UpdateKind, data: unknown): UpdateEvent {
  // Each branch reads the output of the schema of the same kind.
  switch (kind) {
    case "personal": {
      const { user, product: info } = data as z.output<typeof kindSchemas.personal>;
      return { kind, user, info };
    }
    case "generic":
      return { kind, info: (data as z.output<typeof kindSchemas.generic>).product };
    case "plan": {
      const { user, version: planVersion } = data as z.output<typeof kindSchemas.plan>;
      return { kind, user, version: planVersion };
    }
    case "invalidate": {
      const { user, products } = data as z.output<typeof kindSchemas.invalidate>;
      return user === undefined ? { kind, products } : { kind, user, products };
    }
  }
}

function isKind(value: unknown): value is UpdateKind {
  return typeof value === "string" && (UPDATE_KINDS as readonly string[]).includes(value);
}

function reject(reason: UpdateRejection["reason"], detail: string, field?: string): ParsedUpdateEvent {
  return { ok: false, rejection: field === undefined ? { reason, detail } : { reason, detail, field } };
}

/** A short rendering of an unexpected value for a rejection message. */
function describe(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
