import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeInvalidationBus } from "../../src/adapters/fakes/fake-invalidation-bus.js";
import { RedisL2Cache } from "../../src/adapters/redis-l2-cache.js";
import { RedisUpdateStream, updateStreamClientTimeouts } from "../../src/adapters/redis-update-stream.js";
import { SystemClock } from "../../src/adapters/system-clock.js";
import { encodeUpdateEvent } from "../../src/adapters/update-event-json.js";
import {
  type ProductChange,
  UPDATE_EVENT_SCHEMA_ID,
  type UpdateRejectionReason,
  UpdateApplier,
  personalKey,
} from "../../src/domain/index.js";
import { productInfo } from "../contract/product-info.js";
import { RedisClients } from "../support/redis-clients.js";
import { type RedisServer, startRedisServer, testKeyPrefix } from "../support/redis-server.js";
import { silentLogger } from "../support/silent-logger.js";
import { waitFor } from "../support/wait-for.js";

/**
 * Malformed update events that test/integration/update-stream.test.ts does not already send
 * through the stream (it covers one shape per rejection reason). Each goes to `<stream>:dead` with
 * its reason and field, and nothing else changes: no L2 write, no invalidation, no pushed change.
 * A good event appended after it is still applied.
 */

const MAX_EVENT_BYTES = 4_096;
const schema = UPDATE_EVENT_SCHEMA_ID;
const product = productInfo("FL-1", 5);
const SENTINEL = { user: "sentinel", product: "SENTINEL-1", version: 7 };

let server: RedisServer;
let clients: RedisClients;
let producer: Redis;
const running: RedisUpdateStream[] = [];

beforeAll(async () => {
  server = await startRedisServer();
  clients = new RedisClients(server.url);
  producer = await clients.open({ commandTimeoutMs: 2_000 });
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((stream) => stream.stop()));
});
afterAll(async () => {
  await clients.closeAll();
  await server.stop();
});

/** A stream of its own, its consumer, and everything the applier could touch. */
async function setup() {
  const prefix = testKeyPrefix("hostile-events");
  const stream = `${prefix}updates`;
  const commands = await clients.open();
  const l2 = new RedisL2Cache({ redis: commands, keyPrefix: prefix, logger: silentLogger });
  const bus = new FakeInvalidationBus();
  const changes: ProductChange[] = [];
  const applier = new UpdateApplier({
    l2,
    bus,
    changes: { publish: async (change) => void changes.push(change) },
    logger: silentLogger,
  });
  const redis = await clients.open({ connectionName: "consumer", ...updateStreamClientTimeouts(300) });
  const consumer = new RedisUpdateStream({
    redis,
    applier,
    consumer: "gw-hostile",
    clock: new SystemClock(),
    logger: silentLogger,
    stream,
    group: "home-gateway",
    blockMs: 300,
    claimIdleMs: 400,
    sweepIntervalMs: 100,
    maxBackoffMs: 200,
    maxEventBytes: MAX_EVENT_BYTES,
  });
  running.push(consumer);
  consumer.start();
  return { prefix, stream, l2, bus, changes };
}

const event = (fields: Record<string, unknown>): string => JSON.stringify({ schema, ...fields });
const personalWith = (overrides: Record<string, unknown>): string =>
  event({ kind: "personal", user: "ana", product: { ...product, ...overrides } });
const nested = (depth: number): string => `${"[".repeat(depth)}"ana"${"]".repeat(depth)}`;

const CASES: [string, string, UpdateRejectionReason, string, string][] = [
  ["JSON that is an array", "[]", "invalid_field", "", "expected a JSON object, got an array"],
  ["JSON null", "null", "invalid_field", "", "expected a JSON object, got null"],
  ["an empty event field", "", "not_json", "", "not valid JSON"],
  [
    "no schema at all",
    JSON.stringify({ kind: "personal", user: "ana", product }),
    "unsupported_schema",
    "schema",
    "got nothing (the field is missing)",
  ],
  ["no kind", event({ user: "ana", product }), "unknown_kind", "kind", "got nothing (the field is missing)"],
  ["kind __proto__", event({ kind: "__proto__", user: "ana" }), "unknown_kind", "kind", 'got "__proto__"'],
  [
    "a version beyond 2^53 (it would outrank every later write)",
    personalWith({ version: 2 ** 60 }),
    "invalid_field",
    "product.version",
    "<=9007199254740991",
  ],
  [
    "an endsAtMs of 1e300 (no date a client could read)",
    personalWith({ presentation: "deal", price: { amountMinor: 100, currency: "EUR" }, endsAtMs: 1e300 }),
    "invalid_field",
    "product.endsAtMs",
    "<=8640000000000000",
  ],
  [
    "an endsAtMs before the first representable date",
    personalWith({ endsAtMs: -1e16 }),
    "invalid_field",
    "product.endsAtMs",
    ">=-8640000000000000",
  ],
  [
    "the JSON string of an event",
    JSON.stringify(JSON.stringify({ schema, kind: "plan", user: "ana", version: 1 })),
    "invalid_field",
    "",
    "expected a JSON object",
  ],
  [
    "NaN, which JSON does not have",
    `{"schema":"${schema}","kind":"plan","user":"ana","version":NaN}`,
    "not_json",
    "",
    "not valid JSON",
  ],
  [
    "a trailing comma",
    `{"schema":"${schema}","kind":"plan","user":"ana","version":1,}`,
    "not_json",
    "",
    "not valid JSON",
  ],
  [
    "a schema id with a trailing space",
    JSON.stringify({ schema: `${schema} `, kind: "plan", user: "ana", version: 1 }),
    "unsupported_schema",
    "schema",
    'got "home-gateway.update/v1 "',
  ],
  [
    "a kind in upper case",
    event({ kind: "PERSONAL", user: "ana", product }),
    "unknown_kind",
    "kind",
    'got "PERSONAL"',
  ],
  [
    "a user that is a number",
    event({ kind: "personal", user: 42, product }),
    "invalid_field",
    "user",
    "expected string",
  ],
  ["a product without an id", personalWith({ id: "" }), "invalid_field", "product.id", "Too small"],
  [
    "a product without a service",
    personalWith({ service: "" }),
    "invalid_field",
    "product.service",
    "Too small",
  ],
  [
    "a title that is a number",
    personalWith({ title: 42 }),
    "invalid_field",
    "product.title",
    "expected string",
  ],
  [
    "a fractional price",
    personalWith({ price: { amountMinor: 9.99, currency: "EUR" } }),
    "invalid_field",
    "product.price.amountMinor",
    "expected int",
  ],
  [
    "a price beyond 2^53",
    personalWith({ price: { amountMinor: 2 ** 60, currency: "EUR" } }),
    "invalid_field",
    "product.price.amountMinor",
    "<=9007199254740991",
  ],
  [
    "a progress above 1",
    personalWith({ presentation: "media", progress: 1.5 }),
    "invalid_field",
    "product.progress",
    "Too big",
  ],
  [
    "a metric without its unit",
    personalWith({ presentation: "metric", metric: { value: 1, max: 2 } }),
    "invalid_field",
    "product.metric.unit",
    "expected string",
  ],
  [
    "a data: imageUrl",
    personalWith({ imageUrl: "data:image/svg+xml,<svg onload=alert(1)>" }),
    "invalid_field",
    "product.imageUrl",
    "Invalid URL",
  ],
  [
    "an ftp: webUrl",
    personalWith({ webUrl: "ftp://files.example.com/x" }),
    "invalid_field",
    "product.webUrl",
    "Invalid URL",
  ],
  ["an empty route", personalWith({ route: "" }), "invalid_field", "product.route", "Too small"],
  [
    "a plan with a fractional version",
    event({ kind: "plan", user: "ana", version: 2.5 }),
    "invalid_field",
    "version",
    "expected int",
  ],
  [
    "an invalidate of a 513-character product id",
    event({ kind: "invalidate", products: ["p".repeat(513)] }),
    "invalid_field",
    "products.0",
    "Too big",
  ],
  [
    "an invalidate whose products is a string",
    event({ kind: "invalidate", products: "FL-1" }),
    "invalid_field",
    "products",
    "expected array",
  ],
  [
    "a fractional version",
    personalWith({ version: 1.5 }),
    "invalid_field",
    "product.version",
    "expected int",
  ],
  [
    "a version as a string",
    personalWith({ version: "5" }),
    "invalid_field",
    "product.version",
    "expected number",
  ],
  [
    "an empty user",
    event({ kind: "personal", user: "", product }),
    "invalid_field",
    "user",
    "personal event: user: Too small",
  ],
  [
    "a user id of 513 characters",
    event({ kind: "personal", user: "u".repeat(513), product }),
    "invalid_field",
    "user",
    "personal event: user: Too big",
  ],
  [
    "a price without an ISO currency",
    personalWith({ price: { amountMinor: 100, currency: "EURO" } }),
    "invalid_field",
    "product.price.currency",
    "an ISO 4217 code",
  ],
  [
    "an unknown presentation",
    personalWith({ presentation: "banner" }),
    "invalid_field",
    "product.presentation",
    "product.presentation: Invalid option",
  ],
  [
    "a generic event without its product",
    event({ kind: "generic", user: "ana" }),
    "invalid_field",
    "product",
    "generic event: product: Invalid input: expected object, missing",
  ],
  [
    "a plan with a negative version",
    event({ kind: "plan", user: "ana", version: -1 }),
    "invalid_field",
    "version",
    "plan event: version: Too small",
  ],
  [
    "an invalidate of no products",
    event({ kind: "invalidate", user: "ana", products: [] }),
    "invalid_field",
    "products",
    "invalidate event: products: Too small",
  ],
  [
    "an invalidate of 501 products",
    event({ kind: "invalidate", products: Array.from({ length: 501 }, (_, index) => `p${index}`) }),
    "invalid_field",
    "products",
    "invalidate event: products: Too big",
  ],
  [
    "an invalidate for an empty user",
    event({ kind: "invalidate", user: "", products: ["FL-1"] }),
    "invalid_field",
    "user",
    "invalidate event: user: Too small",
  ],
  [
    "multi-byte text over the byte limit though under it in characters",
    personalWith({ title: "é".repeat(2_500) }),
    "too_large",
    "",
    `at most ${MAX_EVENT_BYTES} are accepted`,
  ],
  [
    "a deeply nested value",
    `{"schema":"${schema}","kind":"personal","user":${nested(1_000)},"product":${JSON.stringify(product)}}`,
    "invalid_field",
    "user",
    "expected string",
  ],
];

/** Appends `raw` then a good event, and returns once the good one is applied (so `raw` was handled). */
async function sendWithSentinel(stream: string, l2: RedisL2Cache, raw: string): Promise<string> {
  const id = (await producer.xadd(stream, "*", "event", raw)) as string;
  await producer.xadd(
    stream,
    "*",
    "event",
    encodeUpdateEvent({
      kind: "personal",
      user: SENTINEL.user,
      info: productInfo(SENTINEL.product, SENTINEL.version),
    }),
  );
  await waitFor(
    async () =>
      (await l2.getMany([personalKey(SENTINEL.user, SENTINEL.product)])).values().next().value?.version ===
      SENTINEL.version,
    { timeoutMs: 5_000, what: "the good event after the bad one applied" },
  );
  return id;
}

async function deadLetters(stream: string): Promise<Map<string, string>[]> {
  return (await producer.xrange(`${stream}:dead`, "-", "+")).map(([, fields]) => {
    const map = new Map<string, string>();
    for (let index = 0; index < fields.length; index += 2)
      map.set(fields[index] as string, fields[index + 1] as string);
    return map;
  });
}

/** Only the sentinel's write happened: one L2 key, one invalidation, one pushed change. */
async function expectOnlyTheSentinelApplied(context: Awaited<ReturnType<typeof setup>>): Promise<void> {
  const { prefix, stream, bus, changes } = context;
  const keys = (await producer.keys(`${prefix}*`)).filter((key) => !key.startsWith(stream));
  expect(keys).toHaveLength(1);
  expect(keys[0]).toContain(SENTINEL.product);
  expect(bus.published).toEqual([[personalKey(SENTINEL.user, SENTINEL.product)]]);
  expect(changes.map((change) => change.kind === "personal" && [change.user, change.info.id])).toEqual([
    [SENTINEL.user, SENTINEL.product],
  ]);
  await waitFor(async () => ((await producer.xpending(stream, "home-gateway")) as [number])[0] === 0, {
    timeoutMs: 2_000,
    what: "nothing left pending",
  });
}

describe("malformed update events", () => {
  it.each(CASES)("%s: dead-lettered, nothing else changes", async (_case, raw, reason, field, detail) => {
    const context = await setup();
    const id = await sendWithSentinel(context.stream, context.l2, raw);
    const dead = await deadLetters(context.stream);
    expect(dead).toHaveLength(1);
    expect(dead[0]?.get("dl:reason")).toBe(reason);
    expect(dead[0]?.get("dl:field")).toBe(field);
    expect(dead[0]?.get("dl:detail")).toContain(detail);
    expect(dead[0]?.get("dl:source-id")).toBe(id);
    if (reason === "too_large") {
      // Its sizes and the start of its event, never a copy of the whole entry.
      expect(dead[0]?.get("event")).toBeUndefined();
      expect(dead[0]?.get("dl:bytes")).toBe(String(Buffer.byteLength(raw) + "event".length));
      const excerpt = (dead[0]?.get("dl:excerpt") ?? "").replace(/\uFFFD$/, "");
      expect(excerpt.length).toBeGreaterThan(500);
      expect(raw.startsWith(excerpt)).toBe(true);
    } else {
      expect(dead[0]?.get("event")).toBe(raw);
    }
    await expectOnlyTheSentinelApplied(context);
  });

  it("an entry with two event fields: the first decides, the entry is dead-lettered whole", async () => {
    const context = await setup();
    const good = encodeUpdateEvent({ kind: "personal", user: "ana", info: product });
    const id = (await producer.xadd(context.stream, "*", "event", "{not json", "event", good)) as string;
    await sendWithSentinel(context.stream, context.l2, "{also not json");
    const dead = await deadLetters(context.stream);
    expect(dead.map((entry) => [entry.get("dl:source-id"), entry.get("dl:reason")])).toEqual([
      [id, "not_json"],
      [expect.any(String), "not_json"],
    ]);
    await expectOnlyTheSentinelApplied(context);
  });

  // A `javascript:` URL would become every client's OpenUrlAction.url / fallbackUrl.
  it.each([
    ["a javascript: webUrl", personalWith({ webUrl: "javascript:alert(document.cookie)" }), "product.webUrl"],
    ["a javascript: imageUrl", personalWith({ imageUrl: "javascript:alert(1)" }), "product.imageUrl"],
  ])("%s: dead-lettered, nothing else changes", async (_case, raw, field) => {
    const context = await setup();
    await sendWithSentinel(context.stream, context.l2, raw);
    const dead = await deadLetters(context.stream);
    expect(dead.map((entry) => [entry.get("dl:reason"), entry.get("dl:field")])).toEqual([
      ["invalid_field", field],
    ]);
    await expectOnlyTheSentinelApplied(context);
  });
});
