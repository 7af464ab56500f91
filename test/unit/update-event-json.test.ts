import { describe, expect, it } from "vitest";
import {
  DEFAULT_MAX_EVENT_BYTES,
  encodeUpdateEvent,
  parseUpdateEvent,
} from "../../src/adapters/update-event-json.js";
import { UPDATE_EVENT_SCHEMA_ID, type UpdateEvent } from "../../src/domain/index.js";
import { productInfo } from "../contract/product-info.js";

const schema = UPDATE_EVENT_SCHEMA_ID;
const product = productInfo("FL-1", 1_767_225_600_000);

const rejectionOf = (value: unknown) => {
  const parsed = parseUpdateEvent(typeof value === "string" ? value : JSON.stringify(value));
  if (parsed.ok) throw new Error(`expected a rejection, got ${JSON.stringify(parsed.event)}`);
  return parsed.rejection;
};

describe("update event JSON", () => {
  it.each<UpdateEvent>([
    { kind: "personal", user: "ana", info: product },
    { kind: "generic", info: product },
    { kind: "plan", user: "ana", version: 42 },
    { kind: "invalidate", user: "ana", products: ["FL-1", "FL-2"] },
    { kind: "invalidate", products: ["FL-1"] },
  ])("reads back a $kind event it encoded", (event) => {
    expect(parseUpdateEvent(encodeUpdateEvent(event))).toEqual({ ok: true, event });
  });

  it("ignores fields it does not know, so producers can add some first", () => {
    const parsed = parseUpdateEvent(
      JSON.stringify({
        schema,
        kind: "plan",
        user: "ana",
        version: 1,
        traceId: "t-1",
        product: { extra: 1 },
      }),
    );
    expect(parsed).toEqual({ ok: true, event: { kind: "plan", user: "ana", version: 1 } });
  });

  it("refuses text that is not JSON, or JSON that is not an object", () => {
    expect(rejectionOf("{not json")).toMatchObject({ reason: "not_json" });
    expect(rejectionOf("[1, 2]")).toMatchObject({
      reason: "invalid_field",
      detail: "expected a JSON object, got an array",
    });
    expect(rejectionOf("null").reason).toBe("invalid_field");
  });

  it("refuses a missing or foreign schema id, naming what it expected", () => {
    expect(rejectionOf({ kind: "plan", user: "ana", version: 1 })).toEqual({
      reason: "unsupported_schema",
      field: "schema",
      detail: `schema: expected "${schema}", got nothing (the field is missing)`,
    });
    expect(rejectionOf({ schema: "home-gateway.update/v2", kind: "plan" }).detail).toContain(
      'got "home-gateway.update/v2"',
    );
  });

  it("refuses an unknown kind, listing the known ones", () => {
    expect(rejectionOf({ schema, kind: "delete", products: ["p1"] })).toEqual({
      reason: "unknown_kind",
      field: "kind",
      detail: 'kind: expected one of "personal", "generic", "plan", "invalidate", got "delete"',
    });
    expect(rejectionOf({ schema }).reason).toBe("unknown_kind");
  });

  it.each([
    ["a negative version", { ...product, version: -1 }, "product.version", "expected number to be >=0"],
    ["a fractional version", { ...product, version: 1.5 }, "product.version", "expected int"],
    ["a version beyond 2^53", { ...product, version: 2 ** 60 }, "product.version", "<=9007199254740991"],
    [
      "a version as a string",
      { ...product, version: "7" },
      "product.version",
      "expected number, received string",
    ],
    ["no version", { ...product, version: undefined }, "product.version", "missing"],
    [
      "a price without currency",
      { ...product, price: { amountMinor: 100 } },
      "product.price.currency",
      "missing",
    ],
  ])("refuses a personal event with %s, naming the field", (_, badProduct, field, expected) => {
    const rejection = rejectionOf({ schema, kind: "personal", user: "ana", product: badProduct });
    expect(rejection.reason).toBe("invalid_field");
    expect(rejection.field).toBe(field);
    expect(rejection.detail).toContain(`${field}: `);
    expect(rejection.detail).toContain(expected);
  });

  it("refuses missing users and fields of the wrong type", () => {
    expect(rejectionOf({ schema, kind: "personal", product })).toMatchObject({
      reason: "invalid_field",
      field: "user",
      detail: "personal event: user: Invalid input: expected string, missing",
    });
    expect(rejectionOf({ schema, kind: "plan", user: 7, version: 1 })).toMatchObject({
      field: "user",
      detail: "plan event: user: Invalid input: expected string, received number",
    });
    expect(rejectionOf({ schema, kind: "plan", user: "", version: 1 }).field).toBe("user");
    expect(rejectionOf({ schema, kind: "invalidate", products: "p1" }).field).toBe("products");
    expect(rejectionOf({ schema, kind: "invalidate", products: [] }).field).toBe("products");
    expect(rejectionOf({ schema, kind: "invalidate", products: ["p1", 2] }).field).toBe("products.1");
    expect(rejectionOf({ schema, kind: "generic", product: "FL-1" }).field).toBe("product");
  });

  it("refuses an event larger than the limit before parsing it", () => {
    const huge = JSON.stringify({
      schema,
      kind: "generic",
      product: { ...product, title: "x".repeat(DEFAULT_MAX_EVENT_BYTES) },
    });
    expect(rejectionOf(huge)).toMatchObject({ reason: "too_large" });
    expect(rejectionOf(huge).detail).toContain(`at most ${DEFAULT_MAX_EVENT_BYTES}`);
    const small = encodeUpdateEvent({ kind: "plan", user: "ana", version: 1 });
    expect(parseUpdateEvent(small, { maxBytes: small.length }).ok).toBe(true);
    expect(parseUpdateEvent(small, { maxBytes: small.length - 1 }).ok).toBe(false);
  });
});
