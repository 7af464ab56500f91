import fc from "fast-check";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_CLOCK_START_MS } from "../../src/adapters/fakes/fake-clock.js";
import { parseUpdateEvent } from "../../src/adapters/update-event-json.js";
import { UPDATE_REJECTION_REASONS, UpdateApplier } from "../../src/domain/index.js";
import { ACTION_KINDS, COMPONENT_KINDS } from "../../src/ui-components/index.js";
import { productInfo } from "../contract/product-info.js";
import { HomeDocument, HomeUpdatesDocument } from "../gql/graphql.js";
import { RawSocket } from "../support/raw-socket.js";
import { reportFigures } from "../support/report-figures.js";
import { silentLogger } from "../support/silent-logger.js";
import { type TestApp, createTestApp } from "../support/test-app.js";
import { waitFor } from "../support/wait-for.js";

/**
 * Fuzzing the three surfaces a stranger can reach: GraphQL documents and variables over HTTP,
 * socket frames, and update events. Whatever comes in, the gateway answers with a spec-shaped error
 * carrying a code (or with data), never INTERNAL_SERVER_ERROR, never a 5xx, never a crash.
 *
 * CI runs FUZZ_CASES (default 300) cases per surface; `npm run test:fuzz:long` runs 10,000.
 * FUZZ_SEED replays a run; a failure prints the shrunk input.
 */

const CASES = Number(process.env.FUZZ_CASES ?? 300);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const TIMEOUT_MS = Number(process.env.FUZZ_TIMEOUT_MS ?? 180_000);
const RUN = { numRuns: CASES, ...(SEED !== undefined && { seed: SEED }) };

/** Socket close codes a client may be sent; 4500 (graphql-ws's internal error) and 1011 are not among them. */
const ALLOWED_CLOSE_CODES = new Set([1000, 1009, 1013, 4400, 4401, 4403, 4406, 4408, 4409, 4429]);

let app: TestApp;
let url: string;
let origin: string;
let token: string;

beforeAll(async () => {
  app = await createTestApp();
  ({ url } = await app.gateway.listen({ port: 0, host: "127.0.0.1" }));
  origin = new URL(url).origin;
  token = await app.token("fuzz-viewer");
});
afterAll(async () => {
  await app.stop();
});

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** Why an answer is not a spec-shaped one with a code for every error, or undefined when it is. */
function defectOf(answer: Answer): string | undefined {
  if (answer.status >= 500) return `status ${answer.status}`;
  const body = answer.body as { data?: unknown; errors?: unknown } | undefined;
  if (typeof body !== "object" || body === null) return "not a JSON object";
  if (!("errors" in body)) return "data" in body ? undefined : "neither data nor errors";
  return errorsDefect(body.errors);
}

function errorsDefect(errors: unknown): string | undefined {
  if (!Array.isArray(errors) || errors.length === 0) return "errors is not a non-empty array";
  for (const error of errors as { message?: unknown; extensions?: { code?: unknown } }[]) {
    if (typeof error?.message !== "string") return "an error without a message";
    const code = error.extensions?.code;
    if (typeof code !== "string") return `an error without a code: ${error.message}`;
    if (code === "INTERNAL_SERVER_ERROR") return `INTERNAL_SERVER_ERROR: ${error.message}`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// GraphQL documents and variables over HTTP

const HOME = print(HomeDocument);
const SUBSCRIPTION = print(HomeUpdatesDocument);
const VALID_DOCUMENTS = [
  HOME,
  "{ home { id } }",
  "query { home { id viewer { id anonymous } sections { __typename id } } }",
  "query Q($c: ClientCapabilitiesInput) { home(capabilities: $c) { id revision } }",
  "{ __typename }",
];
const PIECES = [
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  "...",
  "$c",
  "$x",
  ":",
  "!",
  "=",
  "@include(if: $x)",
  "@skip(if: true)",
  "home",
  "__typename",
  "__schema { types { name } }",
  "viewer",
  "sections",
  "tiles",
  "id",
  "fragment F on Query { home { id } }",
  "...F",
  "query",
  "mutation",
  "subscription",
  "on",
  '"',
  '"""',
  "1e400",
  "-0",
  "#",
  "\n",
  "\u0000",
  "ClientCapabilitiesInput",
  "String",
  "Int",
  "home(capabilities: {platform: IOS})",
  "a: home { id }",
];

const edit = fc.oneof(
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({
    kind: fc.constant("repeat" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 30 }),
    times: fc.integer({ min: 2, max: 5 }),
  }),
);

function applyEdits(document: string, edits: readonly Edit[]): string {
  let text = document;
  for (const change of edits) {
    const at = change.at % (text.length + 1);
    if (change.kind === "insert") text = text.slice(0, at) + change.text + text.slice(at);
    else if (change.kind === "delete") text = text.slice(0, at) + text.slice(at + change.length);
    else
      text =
        text.slice(0, at) +
        text.slice(at, at + change.length).repeat(change.times) +
        text.slice(at + change.length);
  }
  return text;
}
type Edit =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "repeat"; at: number; length: number; times: number };

const document = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.constantFrom(...VALID_DOCUMENTS, SUBSCRIPTION), fc.array(edit, { maxLength: 6 }))
      .map(([base, edits]) => applyEdits(base, edits)),
  },
  {
    weight: 2,
    arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(" ")),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 200, unit: "binary" }) },
);

const capabilities = fc.record(
  {
    platform: fc.oneof(fc.constantFrom("IOS", "ANDROID", "WEB"), fc.jsonValue({ maxDepth: 1 })),
    appVersion: fc.oneof(fc.constantFrom("5.12.0", "1", ""), fc.jsonValue({ maxDepth: 1 })),
    components: fc.oneof(
      fc.subarray([...COMPONENT_KINDS]),
      fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    actions: fc.oneof(fc.subarray([...ACTION_KINDS]), fc.jsonValue({ maxDepth: 2 })),
    locale: fc.oneof(
      fc.constantFrom("en-GB", "de-DE", "fr", "i-klingon", "x-private", "en-GB-oed", "", "zz"),
      fc.string({ maxLength: 20 }),
    ),
  },
  { requiredKeys: [] },
);

const variables = fc.oneof(
  fc.record({ capabilities }, { requiredKeys: [] }),
  fc.record({ c: capabilities, x: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 3 }),
);

const httpRequest = fc.record(
  {
    query: fc.oneof(
      { weight: 9, arbitrary: document },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    ),
    variables,
    operationName: fc.oneof(
      fc.constant(undefined),
      fc.constantFrom("Home", "Q", "F", ""),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    extensions: fc.oneof(
      fc.constant(undefined),
      fc.record({
        persistedQuery: fc.record(
          {
            version: fc.constantFrom(1, 2, "1"),
            sha256Hash: fc.oneof(
              fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 }),
              fc.string({ maxLength: 10 }),
            ),
          },
          { requiredKeys: [] },
        ),
      }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    authenticated: fc.boolean(),
  },
  { requiredKeys: ["query", "authenticated"] },
);

describe("fuzzing", () => {
  it(
    `GraphQL over HTTP: ${CASES} generated documents and variables, each answered with data or coded errors`,
    async () => {
      await fc.assert(
        fc.asyncProperty(httpRequest, async ({ authenticated, ...request }) => {
          const response = await fetch(`${origin}/graphql`, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              ...(authenticated && { authorization: `Bearer ${token}` }),
            },
            body: JSON.stringify(request),
            signal: AbortSignal.timeout(10_000),
          });
          const text = await response.text();
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          const defect = defectOf({ status: response.status, body });
          expect(defect, `${response.status} ${text.slice(0, 400)}`).toBeUndefined();
        }),
        RUN,
      );
      reportFigures("fuzz", {
        surface: "http",
        cases: CASES,
      });
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    },
    TIMEOUT_MS,
  );

  // -------------------------------------------------------------------------------------------
  // Socket frames

  const frame = fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .record(
          {
            id: fc.oneof(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 0 })),
            type: fc.constant("subscribe"),
            payload: fc.record(
              {
                query: fc.oneof(document, fc.jsonValue({ maxDepth: 1 })),
                variables,
                operationName: fc.option(fc.string({ maxLength: 5 })),
              },
              { requiredKeys: [] },
            ),
          },
          { requiredKeys: ["type"] },
        )
        .map((value) => JSON.stringify(value)),
    },
    {
      weight: 2,
      arbitrary: fc
        .record(
          {
            id: fc.string({ maxLength: 4 }),
            type: fc.constantFrom(
              "complete",
              "ping",
              "pong",
              "next",
              "error",
              "connection_init",
              "connection_ack",
              "bogus",
            ),
            payload: fc.jsonValue({ maxDepth: 2 }),
          },
          { requiredKeys: ["type"] },
        )
        .map((value) => JSON.stringify(value)),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 100, unit: "binary" }) },
  );

  const connectionParams = fc.oneof(
    fc.constant("valid"),
    fc.constant({}),
    fc.record(
      { authorization: fc.oneof(fc.string({ maxLength: 40 }), fc.jsonValue({ maxDepth: 2 })) },
      { requiredKeys: [] },
    ),
    fc.jsonValue({ maxDepth: 2 }),
  );

  it(
    `the socket: ${CASES} generated connections and frames, each answered by the protocol with a code`,
    async () => {
      const sockets = `${origin.replace(/^http/, "ws")}/graphql`;
      await fc.assert(
        fc.asyncProperty(
          connectionParams,
          fc.array(frame, { minLength: 1, maxLength: 4 }),
          async (params, frames) => {
            const socket = new RawSocket(sockets);
            try {
              await socket.waitOpen();
              socket.sendRaw(
                JSON.stringify({
                  type: "connection_init",
                  payload: params === "valid" ? { authorization: `Bearer ${token}` } : params,
                }),
              );
              for (const raw of frames) socket.sendRaw(raw);
              // graphql-ws answers in order: a pong after everything, or a close, means all was handled.
              socket.send({ type: "ping", payload: { fuzz: "end" } });
              await waitFor(
                () =>
                  socket.closed !== undefined ||
                  socket.frames.some(
                    (each) =>
                      each.type === "pong" && (each.payload as { fuzz?: string } | undefined)?.fuzz === "end",
                  ),
                { timeoutMs: 5_000, what: "the socket to answer or close" },
              );
              const closed = socket.closed;
              if (closed) {
                expect(ALLOWED_CLOSE_CODES.has(closed.code), `closed ${closed.code} ${closed.reason}`).toBe(
                  true,
                );
              }
              for (const each of socket.frames.filter((candidate) => candidate.type === "error")) {
                const defect = errorsDefect(each.payload);
                expect(defect, JSON.stringify(each).slice(0, 400)).toBeUndefined();
              }
            } finally {
              socket.terminate();
            }
          },
        ),
        RUN,
      );
      reportFigures("fuzz", {
        surface: "socket",
        cases: CASES,
      });
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    },
    TIMEOUT_MS,
  );

  // -------------------------------------------------------------------------------------------
  // Update events

  // Mostly plausible numbers, so that many events are applied and reach a screen; the rest hostile.
  const hostileNumber = fc.oneof(
    { weight: 6, arbitrary: fc.nat() },
    fc.integer(),
    fc.double(),
    fc.constantFrom(0, -1, 2 ** 51, 2 ** 53 - 1, 2 ** 53, 2 ** 64, 1e300, -1e300, 0.5),
    fc.constant(FAKE_CLOCK_START_MS + 86_400_000),
  );

  it(
    `update events: ${CASES} generated events, each refused with a reason or applied without breaking a screen`,
    async () => {
      const users = ["fuzz-a", "fuzz-b"];
      const products = app.services.flatMap((service) =>
        service.productIds().map((id) => ({ id, service: service.id })),
      );
      const applier = new UpdateApplier({
        l2: app.l2,
        bus: app.bus,
        changes: app.changes,
        logger: silentLogger,
      });
      const tokens = new Map(
        await Promise.all(users.map(async (user) => [user, await app.token(user)] as const)),
      );
      const product = fc
        .tuple(
          fc.constantFrom(...products),
          fc.record(
            {
              version: hostileNumber,
              endsAtMs: fc.oneof(hostileNumber, fc.constant(undefined)),
              title: fc.string({ maxLength: 30 }),
              progress: fc.oneof(
                fc.constant(undefined),
                fc.double({ min: 0, max: 1, noNaN: true }),
                hostileNumber,
              ),
              price: fc.oneof(
                fc.constant(undefined),
                fc.record({
                  amountMinor: hostileNumber,
                  currency: fc.oneof(fc.constantFrom("EUR", "USD"), fc.string({ maxLength: 5 })),
                }),
              ),
              presentation: fc.constantFrom("offer", "deal", "metric", "media", "bogus"),
              metric: fc.oneof(
                fc.constant(undefined),
                fc.record({ value: hostileNumber, max: hostileNumber, unit: fc.string({ maxLength: 4 }) }),
              ),
            },
            { requiredKeys: ["version"] },
          ),
          fc.jsonValue({ maxDepth: 1 }),
        )
        .map(([ref, fields, junk]) => ({
          ...productInfo(ref.id, 1, { service: ref.service }),
          ...fields,
          junk,
        }));
      const event = fc.oneof(
        {
          weight: 4,
          arbitrary: fc
            .record(
              {
                schema: fc.oneof(
                  { weight: 9, arbitrary: fc.constant("home-gateway.update/v1") },
                  fc.constant("home-gateway.update/v2"),
                ),
                kind: fc.constantFrom("personal", "personal", "generic", "plan", "invalidate", "other"),
                user: fc.oneof(
                  { weight: 6, arbitrary: fc.constantFrom(...users) },
                  fc.jsonValue({ maxDepth: 1 }),
                ),
                product,
                version: hostileNumber,
                products: fc.oneof(
                  fc.array(fc.constantFrom(...products.map((each) => each.id)), { maxLength: 3 }),
                  fc.jsonValue({ maxDepth: 1 }),
                ),
              },
              { requiredKeys: ["schema", "kind", "user", "product"] },
            )
            .map((value) => JSON.stringify(value)),
        },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
        { weight: 1, arbitrary: fc.string({ maxLength: 200, unit: "binary" }) },
      );
      let applied = 0;
      await fc.assert(
        fc.asyncProperty(event, async (raw) => {
          const parsed = parseUpdateEvent(raw);
          if (!parsed.ok) {
            expect(UPDATE_REJECTION_REASONS).toContain(parsed.rejection.reason);
            expect(parsed.rejection.detail.length).toBeGreaterThan(0);
            return;
          }
          await applier.apply(parsed.event);
          applied++;
          const user = "user" in parsed.event ? parsed.event.user : undefined;
          const result = await app.execute(
            HomeDocument,
            {
              capabilities: {
                platform: "IOS",
                appVersion: "5.12.0",
                components: [...COMPONENT_KINDS],
                actions: [...ACTION_KINDS],
              },
            },
            user === undefined ? {} : { token: tokens.get(user) as string },
          );
          expect(
            errorsDefect(result.errors ?? [{ message: "none", extensions: { code: "NONE" } }]),
            `${raw.slice(0, 300)}`,
          ).toBeUndefined();
          expect(result.data?.home, raw.slice(0, 300)).toBeTruthy();
        }),
        RUN,
      );
      reportFigures("fuzz", { surface: "events", cases: CASES, applied });
      expect(applied).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );
});
