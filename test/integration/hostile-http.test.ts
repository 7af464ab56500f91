import { gzipSync } from "node:zlib";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeRateLimiter } from "../../src/adapters/fakes/fake-rate-limiter.js";
import type { FakeProductService } from "../../src/adapters/fakes/fake-product-service.js";
import { FlexibleRateLimiter } from "../../src/adapters/flexible-rate-limiter.js";
import { encodeUpdateEvent, parseUpdateEvent } from "../../src/adapters/update-event-json.js";
import { createLogger } from "../../src/adapters/pino-logger.js";
import { type HomePlan, type ProductInfo, UpdateApplier, personalKey } from "../../src/domain/index.js";
import { ACTION_KINDS, COMPONENT_KINDS } from "../../src/ui-components/index.js";
import { HomeDocument, type HomeQuery } from "../gql/graphql.js";
import {
  type Claims,
  JwksServer,
  type SigningKey,
  nowSeconds,
  signToken,
  signingKey,
  unsignedToken,
} from "../support/jwt.js";
import { silentLogger } from "../support/silent-logger.js";
import { TEST_SECRET, type TestApp, createTestApp } from "../support/test-app.js";

// One test per hostile request. Each asserts the exact refusal (status, extensions.code, message)
// and then that the same gateway still serves a good request.

const ISSUER = "https://auth.example.com/";
const AUDIENCE = "home-gateway";
const HOME = print(HomeDocument);
const CAPABILITIES = {
  platform: "WEB",
  appVersion: "1.0.0",
  components: [...COMPONENT_KINDS],
  actions: [...ACTION_KINDS],
};

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: {
    message: string;
    extensions?: { code?: string; stacktrace?: unknown } & Record<string, unknown>;
  }[];
}
interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: GraphQLBody;
}

/** A gateway under test, reached over real HTTP. */
interface Target {
  readonly app: TestApp;
  readonly url: string;
  /** A token this gateway accepts. */
  goodToken(user: string): Promise<string>;
}

let hs: Target;
let jwksTarget: Target;
let jwks: JwksServer;
let rsa: SigningKey;
let ec: SigningKey;
let unpublished: SigningKey;
const started: TestApp[] = [];

async function target(
  options: Parameters<typeof createTestApp>[0],
  goodToken?: (user: string) => Promise<string>,
): Promise<Target> {
  const app = await createTestApp(options);
  started.push(app);
  const { url } = await app.gateway.listen({ port: 0, host: "127.0.0.1" });
  return { app, url, goodToken: goodToken ?? ((user) => app.token(user)) };
}

const claims = (overrides: Partial<Claims> = {}): Claims => ({
  sub: "mallory",
  iss: ISSUER,
  aud: AUDIENCE,
  exp: nowSeconds() + 600,
  ...overrides,
});

beforeAll(async () => {
  [rsa, ec, unpublished] = await Promise.all([
    signingKey("RS256", "rsa-1"),
    signingKey("ES256", "ec-1"),
    signingKey("RS256", "rsa-unpublished"),
  ]);
  jwks = await JwksServer.start([rsa, ec]);
  hs = await target({ tokens: { secret: TEST_SECRET, issuer: ISSUER, audience: AUDIENCE } });
  jwksTarget = await target({ tokens: { jwksUrl: jwks.url, issuer: ISSUER, audience: AUDIENCE } }, (user) =>
    signToken(claims({ sub: user }), { alg: "RS256", key: rsa }),
  );
});
afterAll(async () => {
  for (const app of started.splice(0)) await app.stop();
  await jwks.close();
});

async function send(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: GraphQLBody = {};
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    // Left empty: the assertions on `text` and content-type say what came back instead.
  }
  return { status: response.status, headers: response.headers, text, body };
}

function post(to: Target, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return send(to.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const homeIdQuery = { query: "{ home { id viewer { id anonymous } } }" };

/** The one error of a refused request, with its status and code; JSON, no HTML, no stack. */
function expectRefused(answer: Answer, expected: { status: number; code: string; message: string }): void {
  expect(answer.headers.get("content-type"), answer.text).toMatch(/^application\/json/);
  expect(answer.status, answer.text).toBe(expected.status);
  expect(answer.body.errors, answer.text).toHaveLength(1);
  const [error] = answer.body.errors ?? [];
  expect(error?.extensions?.code, answer.text).toBe(expected.code);
  expect(error?.message, answer.text).toContain(expected.message);
  expect(answer.body.data ?? undefined).toBeUndefined();
  expect(answer.text).not.toMatch(/<html|<pre>/i);
}

/** The same gateway still answers a good request as its viewer. */
async function expectStillServing(to: Target = hs): Promise<void> {
  const answer = await post(to, homeIdQuery, bearer(await to.goodToken("next-in-line")));
  expect(answer.status, answer.text).toBe(200);
  expect(answer.body).toEqual({
    data: { home: { id: "home:next-in-line", viewer: { id: "next-in-line", anonymous: false } } },
  });
}

/** Gives `user` a personal title on every product of every service, marked with the user's name. */
function markPersonalData(app: TestApp, user: string): void {
  for (const service of app.services) {
    for (const id of service.productIds()) {
      const generic = service.peekGeneric(id);
      if (generic) service.setPersonal(user, { ...generic, title: `[[${user}]] ${generic.title}` });
    }
  }
}

const markersIn = (text: string): string[] =>
  [...text.matchAll(/\[\[([^\]]+)\]\]/g)].map((match) => match[1] ?? "");

describe("tokens on HTTP", () => {
  it("without a token: the anonymous, generic screen", async () => {
    const answer = await post(hs, { query: HOME, variables: { capabilities: CAPABILITIES } });
    expect(answer.status, answer.text).toBe(200);
    const home = (answer.body.data as HomeQuery).home;
    expect(home.viewer).toEqual({ id: null, anonymous: true });
    const states = new Set(answer.text.match(/"personalization":\{[^}]*\}/g));
    expect([...states]).toEqual(['"personalization":{"state":"GENERIC","reason":"ANONYMOUS_VIEWER"}']);
    await expectStillServing();
  });

  it("an Authorization header that is not Bearer: 401", async () => {
    const answer = await post(hs, homeIdQuery, { authorization: "Basic bWFsbG9yeTpwdw==" });
    expectRefused(answer, {
      status: 401,
      code: "UNAUTHENTICATED",
      message: 'Authorization must be "Bearer <token>"',
    });
    await expectStillServing();
  });

  it("a malformed token: 401", async () => {
    const answer = await post(hs, homeIdQuery, bearer("not-a-jwt"));
    expectRefused(answer, { status: 401, code: "UNAUTHENTICATED", message: "Token is malformed" });
    await expectStillServing();
  });

  it("a token with a bad signature: 401", async () => {
    const forged = await signToken(claims(), { alg: "HS256", secret: `${TEST_SECRET}-guessed` });
    const answer = await post(hs, homeIdQuery, bearer(forged));
    expectRefused(answer, { status: 401, code: "UNAUTHENTICATED", message: "Token signature is invalid" });
    await expectStillServing();
  });

  it("an unsigned token (alg none): 401", async () => {
    const answer = await post(hs, homeIdQuery, bearer(unsignedToken(claims())));
    expectRefused(answer, {
      status: 401,
      code: "UNAUTHENTICATED",
      message: "Token algorithm is not allowed",
    });
    await expectStillServing();
  });

  it("an RS256 token at an HS256-only gateway: 401", async () => {
    const token = await signToken(claims(), { alg: "RS256", key: rsa });
    const answer = await post(hs, homeIdQuery, bearer(token));
    expectRefused(answer, {
      status: 401,
      code: "UNAUTHENTICATED",
      message: "Token algorithm is not allowed",
    });
    await expectStillServing();
  });

  it("HS256 signed with the RSA public key's PEM, at a JWKS gateway (HS/RS confusion): 401", async () => {
    const token = await signToken(claims(), { alg: "HS256", secret: rsa.publicPem, kid: rsa.kid });
    const answer = await post(jwksTarget, homeIdQuery, bearer(token));
    expectRefused(answer, {
      status: 401,
      code: "UNAUTHENTICATED",
      message: "Token algorithm is not allowed",
    });
    await expectStillServing(jwksTarget);
  });

  it("HS256 signed with the public JWK, at a JWKS gateway (HS/RS confusion): 401", async () => {
    const token = await signToken(claims(), {
      alg: "HS256",
      secret: JSON.stringify(rsa.publicJwk),
      kid: rsa.kid,
    });
    const answer = await post(jwksTarget, homeIdQuery, bearer(token));
    expectRefused(answer, {
      status: 401,
      code: "UNAUTHENTICATED",
      message: "Token algorithm is not allowed",
    });
    await expectStillServing(jwksTarget);
  });

  it("an expired token: 401", async () => {
    const token = await signToken(claims({ exp: nowSeconds() - 120 }), { alg: "HS256", secret: TEST_SECRET });
    const answer = await post(hs, homeIdQuery, bearer(token));
    expectRefused(answer, { status: 401, code: "UNAUTHENTICATED", message: "Token has expired" });
    await expectStillServing();
  });

  it("a token not valid yet (nbf beyond the clock tolerance): 401", async () => {
    const token = await signToken(claims({ nbf: nowSeconds() + 600, exp: nowSeconds() + 1_200 }), {
      alg: "HS256",
      secret: TEST_SECRET,
    });
    const answer = await post(hs, homeIdQuery, bearer(token));
    expectRefused(answer, { status: 401, code: "UNAUTHENTICATED", message: 'Token claim "nbf" is invalid' });
    await expectStillServing();
  });

  it("a token for another audience: 401", async () => {
    const token = await signToken(claims({ aud: "payments-api" }), { alg: "HS256", secret: TEST_SECRET });
    const answer = await post(hs, homeIdQuery, bearer(token));
    expectRefused(answer, { status: 401, code: "UNAUTHENTICATED", message: 'Token claim "aud" is invalid' });
    await expectStillServing();
  });

  it("a token from another issuer: 401", async () => {
    const token = await signToken(claims({ iss: "https://evil.example.com/" }), {
      alg: "HS256",
      secret: TEST_SECRET,
    });
    const answer = await post(hs, homeIdQuery, bearer(token));
    expectRefused(answer, { status: 401, code: "UNAUTHENTICATED", message: 'Token claim "iss" is invalid' });
    await expectStillServing();
  });

  it("a JWKS gateway accepts RS256 and ES256 tokens from published keys", async () => {
    for (const [key, user] of [
      [rsa, "rs-user"],
      [ec, "es-user"],
    ] as const) {
      const token = await signToken(claims({ sub: user }), { alg: key.alg, key });
      const answer = await post(jwksTarget, homeIdQuery, bearer(token));
      expect(answer.body, answer.text).toEqual({
        data: { home: { id: `home:${user}`, viewer: { id: user, anonymous: false } } },
      });
    }
  });

  it("a JWKS gateway that cannot fetch the keys answers 503 with Retry-After, and still serves anonymous viewers", async () => {
    const gone = await JwksServer.start([rsa]);
    await gone.close();
    const stranded = await target({ tokens: { jwksUrl: gone.url, issuer: ISSUER, audience: AUDIENCE } });
    const token = await signToken(claims(), { alg: "RS256", key: rsa });
    const answer = await post(stranded, homeIdQuery, bearer(token));
    expectRefused(answer, {
      status: 503,
      code: "AUTHENTICATION_UNAVAILABLE",
      message: "Sign-in cannot be checked right now; retry later",
    });
    expect(answer.headers.get("retry-after")).toBe("5");
    const anonymous = await post(stranded, homeIdQuery);
    expect(anonymous.status, anonymous.text).toBe(200);
    expect(anonymous.body.data?.home).toMatchObject({ viewer: { anonymous: true } });
  });

  it("a JWKS gateway refuses a kid the JWKS does not publish: 401", async () => {
    const token = await signToken(claims(), { alg: "RS256", key: unpublished });
    const answer = await post(jwksTarget, homeIdQuery, bearer(token));
    expectRefused(answer, { status: 401, code: "UNAUTHENTICATED", message: "Token key is unknown" });
    await expectStillServing(jwksTarget);
  });
});

describe("a viewer asking for another viewer's data", () => {
  beforeAll(() => {
    markPersonalData(hs.app, "alice");
    markPersonalData(hs.app, "bob");
  });

  it("home with Alice's token is Alice's screen, personalised with Alice's data only", async () => {
    const answer = await post(
      hs,
      { query: HOME, variables: { capabilities: CAPABILITIES } },
      bearer(await hs.goodToken("alice")),
    );
    expect(answer.status, answer.text).toBe(200);
    const home = (answer.body.data as HomeQuery).home;
    expect(home.id).toBe("home:alice");
    expect(home.viewer).toEqual({ id: "alice", anonymous: false });
    const markers = markersIn(answer.text);
    expect(markers.length).toBeGreaterThan(3);
    expect(new Set(markers)).toEqual(new Set(["alice"]));
    await expectStillServing();
  });

  it("home has no argument that names a user: a validation error, nothing served", async () => {
    const token = await hs.goodToken("alice");
    for (const argument of ['user: "bob"', 'userId: "bob"', 'viewer: "bob"', 'id: "bob"']) {
      const answer = await post(hs, { query: `{ home(${argument}) { id } }` }, bearer(token));
      const name = argument.split(":")[0] as string;
      expectRefused(answer, {
        status: 400,
        code: "GRAPHQL_VALIDATION_FAILED",
        message: `Unknown argument "${name}" on field "Query.home".`,
      });
    }
    await expectStillServing();
  });

  it("capabilities cannot carry a user: BAD_USER_INPUT", async () => {
    const answer = await post(
      hs,
      {
        query: "query ($c: ClientCapabilitiesInput) { home(capabilities: $c) { id } }",
        variables: { c: { ...CAPABILITIES, userId: "bob" } },
      },
      bearer(await hs.goodToken("alice")),
    );
    expectRefused(answer, {
      status: 400,
      code: "BAD_USER_INPUT",
      message: 'Field "userId" is not defined by type "ClientCapabilitiesInput".',
    });
    await expectStillServing();
  });

  it("undeclared variables, extensions, identity headers and other root fields do not change the viewer", async () => {
    const token = await hs.goodToken("alice");
    const answer = await post(
      hs,
      {
        query: HOME,
        variables: { capabilities: CAPABILITIES, user: "bob", userId: "bob", viewer: { id: "bob" } },
        extensions: { viewer: "bob", userId: "bob" },
      },
      { ...bearer(token), "x-user-id": "bob", "x-forwarded-user": "bob", cookie: "user=bob" },
    );
    expect(answer.status, answer.text).toBe(200);
    expect((answer.body.data as HomeQuery).home.viewer.id).toBe("alice");
    expect(new Set(markersIn(answer.text))).toEqual(new Set(["alice"]));

    const other = await post(hs, { query: '{ viewer(id: "bob") { id } }' }, bearer(token));
    expectRefused(other, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: 'Cannot query field "viewer" on type "Query".',
    });
    await expectStillServing();
  });
});

describe("hostile operations", () => {
  it("nesting deeper than MAX_DEPTH (12): 400", async () => {
    const depth = 14;
    const query = `{ home { ${"... on HomeScreen { ".repeat(depth)}id${" }".repeat(depth)} } }`;
    const answer = await post(hs, { query });
    expectRefused(answer, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: "Query depth limit of 12 exceeded, found 16.",
    });
    await expectStillServing();
  });

  it("an alias bomb: 400", async () => {
    // Each alias would build a whole home screen.
    const aliases = Array.from({ length: 300 }, (_, index) => `a${index}: home { id }`).join(" ");
    const answer = await post(hs, { query: `{ ${aliases} }` });
    expectRefused(answer, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: "Aliases limit of 15 exceeded, found 300.",
    });
    await expectStillServing();
  });

  it("a document beyond the token limit: 400 at parse time", async () => {
    const answer = await post(hs, { query: `{ home { ${"id ".repeat(3_000)} } }` });
    expectRefused(answer, {
      status: 400,
      code: "GRAPHQL_PARSE_FAILED",
      // sic: graphql 16 says "more that".
      message: "2000 tokens. Parsing aborted.",
    });
    await expectStillServing();
  });

  it("a directive flood: 400", async () => {
    const answer = await post(hs, { query: `{ home { ${"id @include(if: true) ".repeat(50)} } }` });
    expectRefused(answer, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: "Directives limit of 20 exceeded, found 50.",
    });
    await expectStillServing();
  });

  it("a costly operation within the depth, alias and token limits: 400", async () => {
    // Cost grows 1.5x per level: 600 fields ten levels down cost far more than 600 at the top.
    const depth = 9;
    const query = `{ home { ${"... on HomeScreen { ".repeat(depth)}${"id ".repeat(600)}${" }".repeat(depth)} } }`;
    const answer = await post(hs, { query });
    expectRefused(answer, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: "Query Cost limit of 20000 exceeded",
    });
    await expectStillServing();
  });

  it("a fragment cycle: 400", async () => {
    const query =
      "{ home { ...A } } fragment A on HomeScreen { id ...B } fragment B on HomeScreen { id ...A }";
    const answer = await post(hs, { query });
    expectRefused(answer, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: 'Cannot spread fragment "A" within itself via "B".',
    });
    await expectStillServing();
  });

  it("a batched array of operations: 400", async () => {
    const answer = await post(hs, [homeIdQuery, homeIdQuery]);
    expectRefused(answer, { status: 400, code: "BAD_REQUEST", message: "Operation batching disabled." });
    await expectStillServing();
  });

  it("a mutation over GET is refused, never executed: 405", async () => {
    const query = encodeURIComponent('mutation { home(user: "bob") { id } }');
    const answer = await send(`${hs.url}?query=${query}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expectRefused(answer, {
      status: 405,
      code: "BAD_REQUEST",
      message: "GET requests only support query operations, not mutation operations",
    });
    expect(answer.headers.get("allow")).toBe("POST");
    await expectStillServing();
  });

  it("a GET without a preflight header (a simple cross-site request): 400 CSRF", async () => {
    const answer = await send(`${hs.url}?query=${encodeURIComponent("{ home { id } }")}`, {});
    expectRefused(answer, {
      status: 400,
      code: "BAD_REQUEST",
      message: "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF)",
    });
    await expectStillServing();
  });

  it("a form-encoded POST (CSRF): 400", async () => {
    const answer = await send(hs.url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...bearer(await hs.goodToken("alice")),
      },
      body: `query=${encodeURIComponent("{ home { id } }")}`,
    });
    expectRefused(answer, {
      status: 400,
      code: "BAD_REQUEST",
      message: "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF)",
    });
    await expectStillServing();
  });

  it("a text/plain POST (CSRF): 400", async () => {
    const answer = await send(hs.url, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify(homeIdQuery),
    });
    expectRefused(answer, {
      status: 400,
      code: "BAD_REQUEST",
      message: "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF)",
    });
    await expectStillServing();
  });

  it("invalid JSON: 400 JSON error, no HTML, no stack", async () => {
    const answer = await post(hs, '{"query": "{ home { id } }"');
    expectRefused(answer, { status: 400, code: "BAD_REQUEST", message: "JSON" });
    expect(answer.body.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
    expect(answer.text).not.toMatch(/\s+at \S+ \(/);
    await expectStillServing();
  });

  it("JSON that is not an operation object: 400", async () => {
    for (const body of ["null", "42", '"{ home { id } }"']) {
      const answer = await post(hs, body);
      expectRefused(answer, { status: 400, code: "BAD_REQUEST", message: "is not valid JSON" });
    }
    const noQuery = await post(hs, { variables: {} });
    expectRefused(noQuery, { status: 400, code: "BAD_REQUEST", message: "GraphQL operations must contain" });
    await expectStillServing();
  });

  it("a content type that is not JSON (with a preflight header): 400", async () => {
    const answer = await send(hs.url, {
      method: "POST",
      headers: { "content-type": "application/xml", "apollo-require-preflight": "true" },
      body: "<query>{ home { id } }</query>",
    });
    expectRefused(answer, {
      status: 400,
      code: "BAD_REQUEST",
      message: "POST body missing, invalid Content-Type, or JSON object has no keys.",
    });
    await expectStillServing();
  });

  it("JSON in an unsupported charset: 415", async () => {
    const answer = await send(hs.url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=latin1" },
      body: JSON.stringify(homeIdQuery),
    });
    expectRefused(answer, { status: 415, code: "BAD_REQUEST", message: 'unsupported charset "LATIN1"' });
    await expectStillServing();
  });

  it("a method other than GET or POST: 405", async () => {
    const answer = await send(hs.url, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(homeIdQuery),
    });
    expectRefused(answer, {
      status: 405,
      code: "BAD_REQUEST",
      message: "Apollo Server supports only GET/POST requests.",
    });
    expect(answer.headers.get("allow")).toBe("GET, POST");
    await expectStillServing();
  });

  it("a body over the limit: 413 PAYLOAD_TOO_LARGE", async () => {
    const answer = await post(hs, { ...homeIdQuery, variables: { padding: "x".repeat(100 * 1024) } });
    expectRefused(answer, { status: 413, code: "PAYLOAD_TOO_LARGE", message: "request entity too large" });
    await expectStillServing();
  });

  it("a small gzip body that inflates past the limit: 413 PAYLOAD_TOO_LARGE", async () => {
    const inflated = JSON.stringify({ ...homeIdQuery, variables: { padding: " ".repeat(8 * 1024 * 1024) } });
    const compressed = gzipSync(inflated);
    expect(compressed.length).toBeLessThan(64 * 1024);
    const answer = await send(hs.url, {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: compressed,
    });
    expectRefused(answer, { status: 413, code: "PAYLOAD_TOO_LARGE", message: "request entity too large" });
    await expectStillServing();
  });
});

describe("schema details with introspection off", () => {
  let closed: Target;
  beforeAll(async () => {
    closed = await target({ security: { introspection: false } });
  });

  it("refuses __schema and __type: 400", async () => {
    for (const query of [
      "{ __schema { types { name } } }",
      '{ __type(name: "Query") { fields { name } } }',
    ]) {
      const answer = await post(closed, { query });
      expectRefused(answer, {
        status: 400,
        code: "GRAPHQL_VALIDATION_FAILED",
        message: "GraphQL introspection is not allowed by Apollo Server",
      });
    }
    await expectStillServing(closed);
  });

  it("hides field suggestions (which the default development gateway shows)", async () => {
    const typo = { query: "{ hom { id } }" };
    const open = await post(hs, typo);
    expectRefused(open, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: 'Cannot query field "hom" on type "Query". Did you mean "home"?',
    });
    const answer = await post(closed, typo);
    expectRefused(answer, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: 'Cannot query field "hom" on type "Query".',
    });
    expect(answer.body.errors?.[0]?.message).toBe('Cannot query field "hom" on type "Query".');
    await expectStillServing(closed);
  });
});

describe("production errors", () => {
  let production: Target;
  beforeAll(async () => {
    production = await target({ production: true });
  });

  it("carry a code and no stack trace or schema hints", async () => {
    const answer = await post(production, { query: "{ hom { id } }" });
    expectRefused(answer, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: 'Cannot query field "hom" on type "Query".',
    });
    expect(answer.body.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
    expect(answer.text).not.toContain("Did you mean");
    const introspection = await post(production, { query: "{ __schema { types { name } } }" });
    expect(introspection.status).toBe(400);
    await expectStillServing(production);
  });
});

describe("rate limiting", () => {
  it("a denied viewer: 429 RATE_LIMITED with Retry-After; other viewers are served", async () => {
    const limiter = new FakeRateLimiter();
    const limited = await target({ ports: { rateLimiter: limiter } });
    limiter.deny("u:greedy", { retryAfterMs: 2_500 });
    const answer = await post(limited, homeIdQuery, bearer(await limited.goodToken("greedy")));
    expectRefused(answer, { status: 429, code: "RATE_LIMITED", message: "Too many requests; retry later" });
    expect(answer.headers.get("retry-after")).toBe("3");
    expect(answer.body.errors?.[0]?.extensions?.retryAfterSeconds).toBe(3);
    expect(limiter.consumed).toContain("u:greedy");
    await expectStillServing(limited);
  });

  it("a real limiter: the budget runs out for an anonymous address, spoofed X-Forwarded-For or not", async () => {
    const limiter = new FlexibleRateLimiter({
      points: 3,
      windowSeconds: 60,
      keyPrefix: "test:",
      logger: silentLogger,
    });
    const limited = await target({ ports: { rateLimiter: limiter } });
    const statuses: number[] = [];
    let last: Answer | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      last = await post(limited, homeIdQuery, { "x-forwarded-for": `203.0.113.${attempt}` });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expectRefused(last as Answer, { status: 429, code: "RATE_LIMITED", message: "Too many requests" });
    const retryAfter = Number((last as Answer).headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // A signed-in viewer has a budget of their own.
    await expectStillServing(limited);
  });

  it("behind a trusted proxy (TRUST_PROXY=1), each forwarded client has a budget of its own", async () => {
    const limiter = new FlexibleRateLimiter({
      points: 2,
      windowSeconds: 60,
      keyPrefix: "test:",
      logger: silentLogger,
    });
    const proxied = await target({ ports: { rateLimiter: limiter }, security: { trustProxy: 1 } });
    const statusesOf = async (client: string): Promise<number[]> => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        // A client's own X-Forwarded-For comes first; the trusted proxy appends the address it saw.
        const forwarded = `198.51.100.${attempt}, ${client}`;
        statuses.push((await post(proxied, homeIdQuery, { "x-forwarded-for": forwarded })).status);
      }
      return statuses;
    };
    expect(await statusesOf("203.0.113.7")).toEqual([200, 200, 429]);
    expect(await statusesOf("203.0.113.8")).toEqual([200, 200, 429]);
  });
});

describe("events at the edges of the update contract", () => {
  let edge: Target;
  let applier: UpdateApplier;
  beforeAll(async () => {
    edge = await target({});
    applier = new UpdateApplier({
      l2: edge.app.l2,
      bus: edge.app.bus,
      changes: edge.app.changes,
      logger: silentLogger,
    });
  });

  type SeenTile = { id: string; revision: number; __typename: string };

  /** Parses `raw` as the stream consumer does and applies it. */
  async function pushEvent(raw: string): Promise<void> {
    const parsed = parseUpdateEvent(raw);
    if (!parsed.ok) throw new Error(`refused: ${parsed.rejection.detail}`);
    await applier.apply(parsed.event);
  }

  /** Every tile of `user`'s screen (anonymous without one) over HTTP, as a client reads it. */
  async function tilesOn(user?: string): Promise<SeenTile[]> {
    const answer = await post(
      edge,
      { query: HOME, variables: { capabilities: CAPABILITIES } },
      user ? bearer(await edge.goodToken(user)) : {},
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.errors, answer.text).toBeUndefined();
    return (answer.body.data as HomeQuery).home.sections.flatMap((section) =>
      "tiles" in section ? section.tiles : "tile" in section ? [section.tile] : [],
    ) as SeenTile[];
  }

  /** The generic product a tile shows, and its service. */
  function productOf(tile: SeenTile | undefined): { info: ProductInfo; service: FakeProductService } {
    const id = tile?.id.slice(tile.id.indexOf(".") + 1) ?? "";
    const service = edge.app.services.find((each) => each.productIds().includes(id));
    if (!service) throw new Error(`no product for ${tile?.id}`);
    return { info: service.peekGeneric(id) as ProductInfo, service };
  }

  it.each([
    ["2^51", 2 ** 51],
    ["2^52 + 1", 2 ** 52 + 1],
    ["2^53 - 1, the largest accepted", Number.MAX_SAFE_INTEGER],
  ])(
    "a personal event with version %s: the viewer's screen loads, that tile on top",
    async (_case, version) => {
      const user = `top-version-${version}`;
      const before = await tilesOn(user);
      const { info } = productOf(before[0]);
      await pushEvent(
        encodeUpdateEvent({ kind: "personal", user, info: { ...info, version, title: "At the top" } }),
      );
      const after = await tilesOn(user);
      expect(after.map((tile) => tile.id)).toEqual(before.map((tile) => tile.id));
      const tile = after[0] as SeenTile;
      expect(Number.isSafeInteger(tile.revision)).toBe(true);
      expect(tile.revision).toBeGreaterThan(before[0]?.revision ?? Infinity);
      await expectStillServing(edge);
    },
  );

  it("a generic event with version 2^53 - 1: anonymous screens still load", async () => {
    const before = await tilesOn();
    const { info } = productOf(before[0]);
    await pushEvent(
      encodeUpdateEvent({
        kind: "generic",
        info: { ...info, version: Number.MAX_SAFE_INTEGER, title: "Top" },
      }),
    );
    const after = await tilesOn();
    expect(after.map((tile) => tile.id)).toEqual(before.map((tile) => tile.id));
    expect(after[0]?.revision).toBeGreaterThan(before[0]?.revision ?? Infinity);
    await expectStillServing(edge);
  });

  it("an upstream product whose date no client could read: that tile alone is a placeholder", async () => {
    const user = "bad-date";
    const before = await tilesOn(user);
    const { info, service } = productOf(before[0]);
    service.setPersonal(user, {
      ...info,
      version: info.version + 1,
      presentation: "deal",
      price: { amountMinor: 100, currency: "EUR" },
      endsAtMs: 1e300,
    });
    // What the first screen cached is dropped, as a pushed change would drop it.
    edge.app.l1.evictAll();
    await edge.app.l2.delete([personalKey(user, info.id)]);
    const after = await tilesOn(user);
    expect(after.map((tile) => tile.id)).toEqual(before.map((tile) => tile.id));
    expect(after.filter((tile) => tile.__typename === "PlaceholderTile").map((tile) => tile.id)).toEqual([
      before[0]?.id,
    ]);
    await expectStillServing(edge);
  });
});

describe("client input gets a precise code, never INTERNAL_SERVER_ERROR", () => {
  const withLocale = (locale: unknown) => ({
    query: "query ($c: ClientCapabilitiesInput) { home(capabilities: $c) { id } }",
    variables: { c: { ...CAPABILITIES, locale } },
  });

  it.each(["i-klingon", "x-private", "en-GB-oed", "en_US", "", "a".repeat(300)])(
    "locale %j, which the runtime refuses: 400 BAD_USER_INPUT",
    async (locale) => {
      const answer = await post(hs, withLocale(locale));
      expectRefused(answer, {
        status: 400,
        code: "BAD_USER_INPUT",
        message: 'Variable "$c" got invalid value',
      });
      expect(answer.body.errors?.[0]?.message).toContain("c.locale");
      await expectStillServing();
    },
  );

  it("the same locale as a literal: 400 GRAPHQL_VALIDATION_FAILED", async () => {
    const answer = await post(hs, {
      query:
        '{ home(capabilities: { platform: WEB, appVersion: "1.0.0", components: [], actions: [], locale: "i-klingon" }) { id } }',
    });
    expectRefused(answer, {
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: 'Locale "i-klingon" is not supported',
    });
    await expectStillServing();
  });

  it("a locale in another case is taken in its canonical form", async () => {
    const query = `query ($c: ClientCapabilitiesInput) { home(capabilities: $c) { sections { ... on CarouselSection { tiles { ... on DealTile { price { formatted } } } } } } }`;
    const answer = await post(hs, { query, variables: { c: { ...CAPABILITIES, locale: "DE-de" } } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.errors, answer.text).toBeUndefined();
    expect(answer.text).toMatch(/"formatted":"[\d.]+,\d\d\s€"/);
  });

  it.each([
    [
      "a subscription",
      "subscription { homeUpdates { sequence } }",
      "Subscriptions are served over the WebSocket",
    ],
    ["a mutation", 'mutation { setViewer(id: "bob") }', "This API has no mutations"],
    [
      "a subscription chosen by operationName among queries",
      "query A { home { id } } subscription B { homeUpdates { sequence } }",
      "Subscriptions are served over the WebSocket",
    ],
  ])("%s over HTTP POST: 400 OPERATION_NOT_SUPPORTED, nothing run", async (_case, query, message) => {
    const answer = await post(hs, { query, operationName: query.includes("B") ? "B" : undefined });
    expectRefused(answer, { status: 400, code: "OPERATION_NOT_SUPPORTED", message });
    await expectStillServing();
  });

  it.each([
    [
      "whose hash does not match the document",
      1,
      "PERSISTED_QUERY_HASH_MISMATCH",
      "provided sha does not match query",
    ],
    [
      "of an unknown protocol version",
      2,
      "PERSISTED_QUERY_VERSION_NOT_SUPPORTED",
      "Unsupported persisted query version",
    ],
  ])("a persisted query %s: 400 with its own code", async (_case, version, code, message) => {
    const answer = await post(hs, {
      ...homeIdQuery,
      extensions: { persistedQuery: { version, sha256Hash: "0".repeat(64) } },
    });
    expectRefused(answer, { status: 400, code, message });
    await expectStillServing();
  });

  it("an unexpected failure is logged with its operation and cause", async () => {
    const lines: string[] = [];
    const broken = await target({
      ports: {
        logger: createLogger({
          level: "info",
          destination: { write: (line: string) => void lines.push(line) },
        }),
        // A plan without sections: a bug upstream of the builder, not anything the client sent.
        recommendations: { forViewer: async () => ({ sections: null }) as unknown as HomePlan },
      },
    });
    const answer = await post(broken, { query: "query BrokenHome { home { id } }" });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    const logged = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line["msg"] === "operation failed unexpectedly");
    expect(logged).toEqual([
      expect.objectContaining({
        transport: "http",
        operation: "BrokenHome",
        path: "home",
        err: expect.objectContaining({ type: "TypeError" }),
      }),
    ]);
  });
});

describe("more hostile requests, each refused with its exact status and code", () => {
  const withCapabilities = (capabilities: Record<string, unknown>) => ({
    query: "query ($c: ClientCapabilitiesInput) { home(capabilities: $c) { id } }",
    variables: { c: { platform: "WEB", appVersion: "1.0.0", components: [], actions: [], ...capabilities } },
  });
  const hs256 = (payload: Record<string, unknown>) =>
    signToken({ iss: ISSUER, aud: AUDIENCE, ...payload } as unknown as Claims, {
      alg: "HS256",
      secret: TEST_SECRET,
    });

  it.each<[string, () => Promise<Answer>, number, string, string]>([
    [
      "Bearer without a token",
      async () => post(hs, homeIdQuery, { authorization: "Bearer" }),
      401,
      "UNAUTHENTICATED",
      'Authorization must be "Bearer <token>"',
    ],
    [
      "two tokens in one header",
      async () => post(hs, homeIdQuery, bearer(`${await hs.goodToken("a")} ${await hs.goodToken("b")}`)),
      401,
      "UNAUTHENTICATED",
      'Authorization must be "Bearer <token>"',
    ],
    [
      "a token with a trailing dot",
      async () => post(hs, homeIdQuery, bearer(`${await hs.goodToken("a")}.`)),
      401,
      "UNAUTHENTICATED",
      "Token is malformed",
    ],
    [
      "a five-part token (JWE shape)",
      async () => post(hs, homeIdQuery, bearer("a.b.c.d.e")),
      401,
      "UNAUTHENTICATED",
      "Token is malformed",
    ],
    [
      "a 9,000-character token",
      async () => post(hs, homeIdQuery, bearer("a".repeat(9_000))),
      401,
      "UNAUTHENTICATED",
      "Token is too long",
    ],
    [
      "a token without sub",
      async () => post(hs, homeIdQuery, bearer(await hs256({ exp: nowSeconds() + 600 }))),
      401,
      "UNAUTHENTICATED",
      'Token claim "sub" is invalid: missing',
    ],
    [
      "a token with a 300-character sub",
      async () =>
        post(hs, homeIdQuery, bearer(await hs256({ sub: "u".repeat(300), exp: nowSeconds() + 600 }))),
      401,
      "UNAUTHENTICATED",
      "Token subject is missing or invalid",
    ],
    [
      "a token without exp (never expiring)",
      async () => post(hs, homeIdQuery, bearer(await hs256({ sub: "forever" }))),
      401,
      "UNAUTHENTICATED",
      'Token claim "exp" is invalid: missing',
    ],
    [
      "an unknown operationName",
      async () => post(hs, { query: "query A { home { id } }", operationName: "B" }),
      400,
      "OPERATION_RESOLUTION_FAILURE",
      'Unknown operation named "B".',
    ],
    [
      "two operations and no operationName",
      async () => post(hs, { query: "query A { home { id } } query B { home { id } }" }),
      400,
      "OPERATION_RESOLUTION_FAILURE",
      "Must provide operation name",
    ],
    ["an empty query", async () => post(hs, { query: "" }), 400, "BAD_REQUEST", "non-empty `query`"],
    [
      "a query that is a number",
      async () => post(hs, { query: 42 }),
      400,
      "BAD_REQUEST",
      "GraphQL queries must be strings.",
    ],
    [
      "a query that is an array",
      async () => post(hs, { query: ["{ home { id } }"] }),
      400,
      "BAD_REQUEST",
      "GraphQL queries must be strings.",
    ],
    [
      "variables as a JSON string",
      async () => post(hs, { ...homeIdQuery, variables: "{}" }),
      400,
      "BAD_REQUEST",
      "not a recursively JSON-encoded string",
    ],
    [
      "variables as an array",
      async () => post(hs, { ...homeIdQuery, variables: [] }),
      400,
      "BAD_REQUEST",
      "must be an object if provided",
    ],
    [
      "extensions as a string",
      async () => post(hs, { ...homeIdQuery, extensions: "x" }),
      400,
      "BAD_REQUEST",
      "`extensions` in a POST body",
    ],
    [
      "an operationName that is a number",
      async () => post(hs, { ...homeIdQuery, operationName: 5 }),
      400,
      "BAD_REQUEST",
      "must be a string if provided",
    ],
    [
      "an unused variable",
      async () => post(hs, { query: "query ($x: Int) { home { id } }" }),
      400,
      "GRAPHQL_VALIDATION_FAILED",
      'Variable "$x" is never used.',
    ],
    [
      "an undefined variable",
      async () => post(hs, { query: "{ home(capabilities: $c) { id } }" }),
      400,
      "GRAPHQL_VALIDATION_FAILED",
      'Variable "$c" is not defined.',
    ],
    [
      "an unknown directive",
      async () => post(hs, { query: "{ home @nope { id } }" }),
      400,
      "GRAPHQL_VALIDATION_FAILED",
      'Unknown directive "@nope".',
    ],
    [
      "a fragment on the wrong type",
      async () => post(hs, { query: "{ home { ...F } } fragment F on Viewer { id }" }),
      400,
      "GRAPHQL_VALIDATION_FAILED",
      'Fragment "F" cannot be spread here',
    ],
    [
      "two fragments of one name",
      async () =>
        post(hs, {
          query: "{ home { ...F } } fragment F on HomeScreen { id } fragment F on HomeScreen { id }",
        }),
      400,
      "GRAPHQL_VALIDATION_FAILED",
      'There can be only one fragment named "F".',
    ],
    [
      "an unused fragment",
      async () => post(hs, { query: "{ home { id } } fragment F on HomeScreen { id }" }),
      400,
      "GRAPHQL_VALIDATION_FAILED",
      'Fragment "F" is never used.',
    ],
    [
      "a NUL character in the document",
      async () => post(hs, { query: "{ home { id\u0000 } }" }),
      400,
      "GRAPHQL_PARSE_FAILED",
      "Unexpected character: U+0000.",
    ],
    [
      "an unterminated string",
      async () => post(hs, { query: '{ home(capabilities: {appVersion: "1) { id } }' }),
      400,
      "GRAPHQL_PARSE_FAILED",
      "Unterminated string.",
    ],
    [
      "a subscription selecting __typename",
      async () => post(hs, { query: "subscription { __typename }" }),
      400,
      "GRAPHQL_VALIDATION_FAILED",
      "must not select an introspection top level field",
    ],
    [
      "3,000 nested lists in a variable",
      async () =>
        post(hs, withCapabilities({ components: JSON.parse(`${"[".repeat(3_000)}${"]".repeat(3_000)}`) })),
      400,
      "BAD_USER_INPUT",
      'at "c.components[0]"',
    ],
    [
      "__proto__ in an input object",
      async () =>
        post(
          hs,
          '{"query":"query ($c: ClientCapabilitiesInput) { home(capabilities: $c) { id } }","variables":{"c":{"platform":"WEB","appVersion":"1.0.0","components":[],"actions":[],"__proto__":{"admin":true}}}}',
        ),
      400,
      "BAD_USER_INPUT",
      'Field "__proto__" is not defined',
    ],
    [
      "an appVersion that is not semver",
      async () => post(hs, withCapabilities({ appVersion: "1.0" })),
      400,
      "BAD_USER_INPUT",
      "Value is not a valid Semantic Version: 1.0",
    ],
    [
      "null in the components list",
      async () => post(hs, withCapabilities({ components: [null] })),
      400,
      "BAD_USER_INPUT",
      'Expected non-nullable type "ComponentKind!" not to be null.',
    ],
    [
      "an unknown platform",
      async () => post(hs, withCapabilities({ platform: "TOASTER" })),
      400,
      "BAD_USER_INPUT",
      'Value "TOASTER" does not exist in "Platform" enum.',
    ],
    [
      "JSON in UTF-16",
      async () =>
        send(hs.url, {
          method: "POST",
          headers: { "content-type": "application/json; charset=utf-16" },
          body: JSON.stringify(homeIdQuery),
        }),
      400,
      "BAD_REQUEST",
      "is not valid JSON",
    ],
    [
      "an unknown content encoding",
      async () =>
        send(hs.url, {
          method: "POST",
          headers: { "content-type": "application/json", "content-encoding": "x-zip" },
          body: JSON.stringify(homeIdQuery),
        }),
      415,
      "BAD_REQUEST",
      'unsupported content encoding "x-zip"',
    ],
    [
      "a GET with variables that are not JSON",
      async () =>
        send(`${hs.url}?query=${encodeURIComponent("{ home { id } }")}&variables=%7Bnot`, {
          headers: { "apollo-require-preflight": "1" },
        }),
      400,
      "BAD_REQUEST",
      "The variables search parameter contains invalid JSON.",
    ],
    [
      "a GET without a query",
      async () => send(hs.url, { headers: { "apollo-require-preflight": "1" } }),
      400,
      "BAD_REQUEST",
      "non-empty `query`",
    ],
  ])("%s: refused", async (_case, request, status, code, message) => {
    expectRefused(await request(), { status, code, message });
    await expectStillServing();
  });

  it("a token in the query string is ignored: the viewer is anonymous", async () => {
    const token = await hs.goodToken("alice");
    const answer = await send(`${hs.url}?access_token=${token}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ home { viewer { id anonymous } } }" }),
    });
    expect(answer.body).toEqual({ data: { home: { viewer: { id: null, anonymous: true } } } });
  });

  it("a lower-case bearer scheme is accepted (RFC 7235 schemes are case-insensitive)", async () => {
    const answer = await post(hs, homeIdQuery, { authorization: `bearer ${await hs.goodToken("casual")}` });
    expect(answer.body.data?.home).toMatchObject({ id: "home:casual" });
  });

  it("5,000 declared components: served, no amplification", async () => {
    const answer = await post(
      hs,
      withCapabilities({ components: Array.from({ length: 5_000 }, () => "DEAL_TILE") }),
    );
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.data?.home).toEqual({ id: "home:anonymous" });
  });

  it("a preflight from an origin not allowed gets no CORS grant", async () => {
    const answer = await send(hs.url, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example.com", "access-control-request-method": "POST" },
    });
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    expect(answer.status).toBeGreaterThanOrEqual(400);
  });

  it("an unknown path: 404 JSON naming the endpoints, no HTML", async () => {
    const answer = await send(hs.url.replace("/graphql", "/admin/../etc/passwd"), {});
    expect(answer.status).toBe(404);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.text).not.toMatch(/<html|root:/i);
  });
});
