import { print } from "graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { FakeRateLimiter } from "../../src/adapters/fakes/fake-rate-limiter.js";
import { createLogger } from "../../src/adapters/pino-logger.js";
import type { HomePlan, ProductInfo } from "../../src/domain/index.js";
import { ACTION_KINDS, COMPONENT_KINDS } from "../../src/ui-components/index.js";
import { HomeDocument, type HomeQuery, HomeUpdatesDocument } from "../gql/graphql.js";
import {
  type Claims,
  JwksServer,
  type SigningKey,
  nowSeconds,
  signToken,
  signingKey,
  unsignedToken,
} from "../support/jwt.js";
import { type Frame, RawSocket } from "../support/raw-socket.js";
import { TEST_SECRET, type TestApp, createTestApp } from "../support/test-app.js";
import { waitFor } from "../support/wait-for.js";

// One test per hostile connection or frame, over a real socket speaking graphql-transport-ws by
// hand. Each asserts the exact close code or error, then that the gateway still serves a good
// subscription (a pushed tile reaches a fresh connection).

const ISSUER = "https://auth.example.com/";
const AUDIENCE = "home-gateway";
const ALLOWED_ORIGIN = "https://app.example.com";
const MAX_SUBSCRIPTIONS = 10;
const MAX_CONNECTIONS = 3;
const MAX_FRAME_BYTES = 4_096;
const SUBSCRIPTION = print(HomeUpdatesDocument);
const CAPABILITIES = {
  platform: "WEB",
  appVersion: "1.0.0",
  components: [...COMPONENT_KINDS],
  actions: [...ACTION_KINDS],
};

let app: TestApp;
let url: string;
let pump: NodeJS.Timeout;
const limiter = new FakeRateLimiter();
const sockets: RawSocket[] = [];
const started: TestApp[] = [];
let rsa: SigningKey;
let ec: SigningKey;
let unpublished: SigningKey;
let ids = 0;

beforeAll(async () => {
  [rsa, ec, unpublished] = await Promise.all([
    signingKey("RS256", "rsa-1"),
    signingKey("ES256", "ec-1"),
    signingKey("RS256", "rsa-unpublished"),
  ]);
  app = await createTestApp({
    tokens: { secret: TEST_SECRET, issuer: ISSUER, audience: AUDIENCE },
    security: {
      allowedOrigins: [ALLOWED_ORIGIN],
      maxFrameBytes: MAX_FRAME_BYTES,
      maxSubscriptionsPerConnection: MAX_SUBSCRIPTIONS,
      maxConnectionsPerViewer: MAX_CONNECTIONS,
    },
    // A limiter that answers asynchronously, as the real (Redis) one does.
    ports: { rateLimiter: limiter },
  });
  started.push(app);
  ({ url } = await app.gateway.listen({ port: 0, host: "127.0.0.1" }));
  // Fake time moves on by itself (as in live-tiles), so soft timeouts resolve under real sockets.
  pump = setInterval(() => {
    for (const each of started) void each.clock.advance(10);
  }, 2);
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.terminate();
});
afterAll(async () => {
  clearInterval(pump);
  for (const each of started.splice(0)) await each.stop();
});

const claims = (overrides: Partial<Claims> = {}): Claims => ({
  sub: "mallory",
  iss: ISSUER,
  aud: AUDIENCE,
  exp: nowSeconds() + 600,
  ...overrides,
});
const hs256 = (overrides: Partial<Claims> = {}) =>
  signToken(claims(overrides), { alg: "HS256", secret: TEST_SECRET });
const nextId = (): string => `s${++ids}`;

function open(to = url, options: { origin?: string } = {}): RawSocket {
  const socket = new RawSocket(to, options);
  sockets.push(socket);
  return socket;
}

/** An acknowledged connection for `user` (anonymous without one). */
async function connect(user?: string, to = url): Promise<RawSocket> {
  const socket = open(to);
  const params = user === undefined ? {} : { authorization: `Bearer ${await app.token(user)}` };
  expect(await socket.init(params)).toBe("acked");
  return socket;
}

function subscribe(socket: RawSocket, query = SUBSCRIPTION, variables: Record<string, unknown> = {}): string {
  const id = nextId();
  socket.send({
    id,
    type: "subscribe",
    payload: { query, variables: { capabilities: CAPABILITIES, ...variables } },
  });
  return id;
}

const screens = new Map<string, { id: string; service: string }>();

/** A product on `user`'s screen, found over HTTP as a client would. */
async function productOnScreen(user: string): Promise<{ id: string; service: string }> {
  const known = screens.get(user);
  if (known) return known;
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await app.token(user)}` },
    body: JSON.stringify({ query: print(HomeDocument), variables: { capabilities: CAPABILITIES } }),
  });
  const body = (await response.json()) as { data: HomeQuery };
  const product = JSON.stringify(body.data.home).match(/"product":\{"id":"([^"]+)","service":"([^"]+)"\}/);
  if (!product) throw new Error(`no product on ${user}'s screen`);
  const found = { id: product[1] as string, service: product[2] as string };
  screens.set(user, found);
  return found;
}

/** Publishes ever newer personal data for `user` until subscription `id` on `socket` shows `title`. */
async function pushUntilReceived(socket: RawSocket, id: string, user: string, title: string): Promise<Frame> {
  const product = await productOnScreen(user);
  const current = app.service(product.service).peekPersonal(user, product.id) as ProductInfo;
  let version = current.version;
  return waitFor(
    async () => {
      version += 1;
      await app.changes.publish({ kind: "personal", user, info: { ...current, version, title } });
      return socket
        .framesFor(id)
        .find((frame) => frame.type === "next" && JSON.stringify(frame).includes(title));
    },
    { timeoutMs: 5_000, what: `"${title}" pushed to ${user}` },
  );
}

/** A fresh connection still gets a subscription that delivers. */
async function expectStillServing(user = "next-in-line"): Promise<void> {
  const socket = await connect(user);
  const id = subscribe(socket);
  await pushUntilReceived(socket, id, user, `still serving ${nextId()}`);
  expect(socket.frames.filter((frame) => frame.type === "error")).toEqual([]);
  socket.close();
}

/** The connection is refused the way graphql-ws refuses onConnect: 4403 Forbidden, never acked. */
async function expectForbidden(authorization: string, to = url): Promise<void> {
  const socket = open(to);
  expect(await socket.init({ authorization })).toBe("closed");
  expect(socket.closed).toEqual({ code: 4403, reason: "Forbidden" });
  expect(socket.frames).toEqual([]);
}

describe("tokens on the socket", () => {
  it("without a token: an anonymous connection, hearing generic changes only", async () => {
    const socket = await connect();
    const id = subscribe(socket);
    const product = await productOnScreen("nobody-in-particular");
    const generic = app.service(product.service).peekGeneric(product.id) as ProductInfo;
    let version = generic.version;
    await waitFor(
      async () => {
        version += 1;
        await app.changes.publish({ kind: "generic", info: { ...generic, version, title: "For everyone" } });
        return socket.framesFor(id).some((frame) => JSON.stringify(frame).includes("For everyone"));
      },
      { timeoutMs: 5_000, what: "a generic change pushed to the anonymous viewer" },
    );
    expect(JSON.stringify(socket.framesFor(id))).toContain('"reason":"ANONYMOUS_VIEWER"');
    await expectStillServing();
  });

  it.each<[string, () => Promise<string>]>([
    ["a scheme other than Bearer", async () => "Basic bWFsbG9yeTpwdw=="],
    ["a malformed token", async () => "Bearer not-a-jwt"],
    [
      "a bad signature",
      async () => `Bearer ${await signToken(claims(), { alg: "HS256", secret: `${TEST_SECRET}!` })}`,
    ],
    ["alg none", async () => `Bearer ${unsignedToken(claims())}`],
    [
      "an RS256 token at an HS256-only gateway",
      async () => `Bearer ${await signToken(claims(), { alg: "RS256", key: rsa })}`,
    ],
    ["an expired token", async () => `Bearer ${await hs256({ exp: nowSeconds() - 120 })}`],
    [
      "a token not valid yet",
      async () => `Bearer ${await hs256({ nbf: nowSeconds() + 600, exp: nowSeconds() + 1_200 })}`,
    ],
    ["a token for another audience", async () => `Bearer ${await hs256({ aud: "payments-api" })}`],
    [
      "a token from another issuer",
      async () => `Bearer ${await hs256({ iss: "https://evil.example.com/" })}`,
    ],
  ])("%s: closed 4403 before the ack", async (_case, authorization) => {
    await expectForbidden(await authorization());
    await expectStillServing();
  });

  it("a subscription closes with 4401 when its token expires", async () => {
    const socket = open();
    const token = await hs256({ sub: "short-lived", exp: nowSeconds() + 2 });
    expect(await socket.init({ authorization: `Bearer ${token}` })).toBe("acked");
    const id = subscribe(socket);
    await pushUntilReceived(socket, id, "short-lived", "before expiry");
    expect(await socket.waitClosed(8_000)).toEqual({ code: 4401, reason: "Token expired" });
    await expectStillServing();
  });

  it("with Alice's token, nothing of Bob's arrives, whatever the connection asks for", async () => {
    const alice = open();
    const params = {
      authorization: `Bearer ${await app.token("alice")}`,
      userId: "bob",
      user: "bob",
      viewer: "bob",
    };
    expect(await alice.init(params)).toBe("acked");
    const aliceId = subscribe(alice, SUBSCRIPTION, { userId: "bob", user: "bob" });
    const bob = await connect("bob");
    const bobId = subscribe(bob);
    await pushUntilReceived(bob, bobId, "bob", "[[bob]] private");
    await pushUntilReceived(alice, aliceId, "alice", "[[alice]] private");
    const seen = JSON.stringify(alice.frames);
    expect(seen).toContain("[[alice]]");
    expect(seen).not.toContain("[[bob]]");

    const named = subscribe(alice, 'subscription { homeUpdates(user: "bob") { sequence } }');
    expect(await alice.errorsOf(named)).toEqual([
      expect.objectContaining({
        message: 'Unknown argument "user" on field "Subscription.homeUpdates".',
        extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
      }),
    ]);
    expect(alice.closed).toBeUndefined();
    await expectStillServing();
  });
});

describe("tokens on the socket of a JWKS gateway", () => {
  let jwks: JwksServer;
  let jwksUrl: string;
  beforeAll(async () => {
    jwks = await JwksServer.start([rsa, ec]);
    const jwksApp = await createTestApp({
      tokens: { jwksUrl: jwks.url, issuer: ISSUER, audience: AUDIENCE },
    });
    started.push(jwksApp);
    ({ url: jwksUrl } = await jwksApp.gateway.listen({ port: 0, host: "127.0.0.1" }));
  });
  afterAll(async () => {
    await jwks.close();
  });

  /** A good RS256 connection is still acknowledged. */
  async function expectJwksStillServing(): Promise<void> {
    const socket = open(jwksUrl);
    const token = await signToken(claims({ sub: "next-in-line" }), { alg: "RS256", key: rsa });
    expect(await socket.init({ authorization: `Bearer ${token}` })).toBe("acked");
  }

  it("accepts RS256 and ES256 tokens from published keys", async () => {
    for (const key of [rsa, ec]) {
      const socket = open(jwksUrl);
      const token = await signToken(claims(), { alg: key.alg, key });
      expect(await socket.init({ authorization: `Bearer ${token}` })).toBe("acked");
    }
  });

  it("closes 1013 (try again later), not 4403, while the keys cannot be fetched", async () => {
    const gone = await JwksServer.start([rsa]);
    await gone.close();
    const stranded = await createTestApp({
      tokens: { jwksUrl: gone.url, issuer: ISSUER, audience: AUDIENCE },
    });
    started.push(stranded);
    const { url } = await stranded.gateway.listen({ port: 0, host: "127.0.0.1" });
    const token = await signToken(claims(), { alg: "RS256", key: rsa });
    const socket = open(url);
    expect(await socket.init({ authorization: `Bearer ${token}` })).toBe("closed");
    expect(socket.closed).toEqual({ code: 1013, reason: "Sign-in cannot be checked right now; retry later" });
    await expectJwksStillServing();
  });

  it("a connection that closes during a slow key fetch holds no slot for its viewer", async () => {
    const slowJwks = await JwksServer.start([rsa]);
    try {
      slowJwks.delayMs = 300;
      const slowApp = await createTestApp({
        tokens: { jwksUrl: slowJwks.url, issuer: ISSUER, audience: AUDIENCE },
        security: { maxConnectionsPerViewer: 1 },
      });
      started.push(slowApp);
      const { url: slowUrl } = await slowApp.gateway.listen({ port: 0, host: "127.0.0.1" });
      const token = await signToken(claims({ sub: "impatient" }), { alg: "RS256", key: rsa });
      const quitter = await open(slowUrl).waitOpen();
      quitter.send({ type: "connection_init", payload: { authorization: `Bearer ${token}` } });
      await waitFor(() => slowJwks.requests > 0, { timeoutMs: 5_000, what: "the key fetch" });
      quitter.terminate();
      await waitFor(() => slowJwks.answered > 0, { timeoutMs: 5_000, what: "the key fetch to finish" });
      await waitFor(
        async () => (await open(slowUrl).init({ authorization: `Bearer ${token}` })) === "acked",
        {
          timeoutMs: 5_000,
          what: "the viewer's next connection admitted",
        },
      );
    } finally {
      await slowJwks.close();
    }
  });

  it.each<[string, () => Promise<string>]>([
    [
      "HS256 signed with the RSA public key's PEM",
      () => signToken(claims(), { alg: "HS256", secret: rsa.publicPem, kid: rsa.kid }),
    ],
    [
      "HS256 signed with the public JWK",
      () => signToken(claims(), { alg: "HS256", secret: JSON.stringify(rsa.publicJwk), kid: rsa.kid }),
    ],
    ["a kid the JWKS does not publish", () => signToken(claims(), { alg: "RS256", key: unpublished })],
    ["alg none", async () => unsignedToken(claims())],
  ])("%s: closed 4403", async (_case, token) => {
    await expectForbidden(`Bearer ${await token()}`, jwksUrl);
    await expectJwksStillServing();
  });
});

describe("protocol abuse", () => {
  it("no connection_init: closed 4408 after the init timeout", async () => {
    const socket = await open().waitOpen();
    expect(await socket.waitClosed(10_000)).toEqual({
      code: 4408,
      reason: "Connection initialisation timeout",
    });
    await expectStillServing();
  });

  it("a second connection_init: closed 4429", async () => {
    const socket = await connect("double-init");
    socket.send({ type: "connection_init", payload: {} });
    expect(await socket.waitClosed()).toEqual({ code: 4429, reason: "Too many initialisation requests" });
    await expectStillServing();
  });

  it("subscribe before the ack: closed 4401", async () => {
    const socket = await open().waitOpen();
    socket.send({ id: "early", type: "subscribe", payload: { query: SUBSCRIPTION } });
    expect(await socket.waitClosed()).toEqual({ code: 4401, reason: "Unauthorized" });
    await expectStillServing();
  });

  it("a query sent as subscribe: an error, and the socket stays usable", async () => {
    const socket = await connect("asks-a-query");
    const id = subscribe(socket, "query { home { id viewer { id } } }");
    expect(await socket.errorsOf(id)).toEqual([
      {
        message: "Only subscriptions are accepted over the socket; send queries to POST /graphql",
        extensions: { code: "BAD_REQUEST" },
      },
    ]);
    expect(socket.framesFor(id).filter((frame) => frame.type === "next")).toEqual([]);
    const live = subscribe(socket);
    await pushUntilReceived(socket, live, "asks-a-query", "after the query");
    expect(socket.closed).toBeUndefined();
  });

  it("a mutation sent as subscribe: an error, and the socket stays usable", async () => {
    const socket = await connect("asks-a-mutation");
    const id = subscribe(socket, 'mutation { setViewer(id: "bob") }');
    // graphql 16 validates a mutation against a schema without one; the socket refuses it anyway.
    expect(await socket.errorsOf(id)).toEqual([
      {
        message: "Only subscriptions are accepted over the socket; send queries to POST /graphql",
        extensions: { code: "BAD_REQUEST" },
      },
    ]);
    const live = subscribe(socket);
    await pushUntilReceived(socket, live, "asks-a-mutation", "after the mutation");
    expect(socket.closed).toBeUndefined();
  });

  it("a frame over maxFrameBytes: closed 1009", async () => {
    const socket = await connect("sends-too-much");
    socket.send({
      id: nextId(),
      type: "subscribe",
      payload: { query: SUBSCRIPTION, variables: { padding: "x".repeat(MAX_FRAME_BYTES * 2) } },
    });
    expect(await socket.waitClosed()).toEqual({ code: 1009, reason: "" });
    await expectStillServing();
  });

  it("a frame that is not JSON: closed 4400", async () => {
    const socket = await connect("sends-garbage");
    socket.sendRaw("{ this is not json");
    expect(await socket.waitClosed()).toEqual({ code: 4400, reason: "Invalid message received" });
    await expectStillServing();
  });

  it("JSON that is not a protocol message: closed 4400", async () => {
    const socket = await connect("sends-nonsense");
    socket.send({ type: "subscribe", id: "", payload: { query: 42 } } as Frame);
    expect(await socket.waitClosed()).toEqual({ code: 4400, reason: "Invalid message received" });
    await expectStillServing();
  });

  it.each(["connection_ack", "next", "error"])(
    "a message only a server sends (%s): closed 4400, not 4500 (internal error)",
    async (type) => {
      const socket = await connect(`sends-${type}`);
      socket.send({ id: "x", type, payload: {} } as Frame);
      expect(await socket.waitClosed()).toEqual({ code: 4400, reason: "Invalid message received" });
      await expectStillServing();
    },
  );

  it("a subscribe reusing a live id: closed 4409", async () => {
    const socket = await connect("reuses-ids");
    const id = subscribe(socket);
    await pushUntilReceived(socket, id, "reuses-ids", "first of its id");
    socket.send({ id, type: "subscribe", payload: { query: SUBSCRIPTION } });
    expect(await socket.waitClosed()).toEqual({ code: 4409, reason: `Subscriber for ${id} already exists` });
    await expectStillServing();
  });

  it(`2,000 subscribes on one connection: ${MAX_SUBSCRIPTIONS} live, every other one refused`, async () => {
    const user = "subscribes-a-lot";
    const socket = await connect(user);
    const sent: string[] = [];
    for (let index = 0; index < 2_000; index++) sent.push(subscribe(socket));
    const refusals = () => socket.frames.filter((frame) => frame.type === "error");
    await waitFor(() => refusals().length >= sent.length - MAX_SUBSCRIPTIONS, {
      timeoutMs: 15_000,
      what: `${sent.length - MAX_SUBSCRIPTIONS} refusals`,
    });
    const codes = new Set(
      refusals().map((frame) => (frame.payload as { extensions?: { code?: string } }[])[0]?.extensions?.code),
    );
    expect(codes).toEqual(new Set(["TOO_MANY_SUBSCRIPTIONS"]));
    expect((refusals()[0]?.payload as { message: string }[])[0]?.message).toBe(
      `At most ${MAX_SUBSCRIPTIONS} subscriptions per connection`,
    );
    // Exactly the first-admitted ones are live: one change reaches each of them, and no one else.
    const refused = new Set(refusals().map((frame) => frame.id));
    const live = sent.filter((id) => !refused.has(id));
    expect(live).toHaveLength(MAX_SUBSCRIPTIONS);
    await pushUntilReceived(socket, live[0] as string, user, "to every live one");
    await waitFor(() => live.every((id) => socket.framesFor(id).some((frame) => frame.type === "next")), {
      timeoutMs: 5_000,
      what: "the change on every live subscription",
    });
    expect(socket.closed).toBeUndefined();
    // Completing one frees its slot on the same connection: a new one is admitted and delivers.
    socket.send({ id: live[0] as string, type: "complete" });
    const product = await productOnScreen(user);
    const current = app.service(product.service).peekPersonal(user, product.id) as ProductInfo;
    let version = current.version + 1_000;
    let candidate = subscribe(socket);
    await waitFor(
      async () => {
        // Refused while the completion was still on its way: ask again.
        if (socket.framesFor(candidate).some((frame) => frame.type === "error"))
          candidate = subscribe(socket);
        version += 1;
        await app.changes.publish({
          kind: "personal",
          user,
          info: { ...current, version, title: "freed slot" },
        });
        return socket.framesFor(candidate).some((frame) => JSON.stringify(frame).includes("freed slot"));
      },
      { timeoutMs: 5_000, what: "a subscription admitted after completing one" },
    );
    await expectStillServing();
  }, 40_000);

  it(`connection ${MAX_CONNECTIONS + 1} for one viewer: closed 4429; a slot frees when one closes`, async () => {
    const user = "opens-many";
    const first = await connect(user);
    // A live subscription on it: its slot must still free when the socket closes.
    await pushUntilReceived(first, subscribe(first), user, "first is live");
    for (let index = 1; index < MAX_CONNECTIONS; index++) await connect(user);
    const extra = open();
    expect(await extra.init({ authorization: `Bearer ${await app.token(user)}` })).toBe("closed");
    expect(extra.closed).toEqual({ code: 4429, reason: "Too many connections for this viewer" });
    // Other viewers are not affected.
    await expectStillServing();
    first.close();
    await waitFor(
      async () => {
        const again = open();
        return (await again.init({ authorization: `Bearer ${await app.token(user)}` })) === "acked";
      },
      { timeoutMs: 5_000, what: "a connection admitted after one closed" },
    );
  });

  it("an upgrade from an Origin not on the allow-list: 403", async () => {
    const socket = open(url, { origin: "https://evil.example.com" });
    await waitFor(() => socket.upgradeStatus ?? socket.closed, { timeoutMs: 5_000, what: "the refusal" });
    expect(socket.upgradeStatus).toBe(403);
    expect(socket.opened).toBe(false);
    // The allowed origin, and native clients that send none, get in.
    expect(await open(url, { origin: ALLOWED_ORIGIN }).init({})).toBe("acked");
    expect(await open(url).init({})).toBe("acked");
    await expectStillServing();
  });

  it("a denied viewer: RATE_LIMITED, the socket stays open, and it works once allowed again", async () => {
    const user = "greedy-socket";
    const socket = await connect(user);
    limiter.deny(`u:${user}`, { retryAfterMs: 4_200 });
    try {
      const id = subscribe(socket);
      expect(await socket.errorsOf(id)).toEqual([
        {
          message: "Too many requests; retry later",
          extensions: { code: "RATE_LIMITED", retryAfterSeconds: 5 },
        },
      ]);
    } finally {
      limiter.allow(`u:${user}`);
    }
    const live = subscribe(socket);
    await pushUntilReceived(socket, live, user, "allowed again");
    expect(socket.closed).toBeUndefined();
  });
});

describe("operation limits on the socket", () => {
  const nested = (depth: number) =>
    `subscription { homeUpdates { ${"... on TileUpdate { ".repeat(depth)}sequence${" }".repeat(depth)} } }`;
  it.each([
    [
      "depth",
      nested(14),
      "GRAPHQL_VALIDATION_FAILED",
      "Syntax Error: Query depth limit of 12 exceeded, found 16.",
    ],
    [
      "aliases",
      `subscription { homeUpdates { ${Array.from({ length: 40 }, (_, index) => `a${index}: sequence`).join(" ")} } }`,
      "GRAPHQL_VALIDATION_FAILED",
      "Syntax Error: Aliases limit of 15 exceeded, found 40.",
    ],
    [
      "directives",
      `subscription { homeUpdates { ${"sequence @include(if: true) ".repeat(30)} } }`,
      "GRAPHQL_VALIDATION_FAILED",
      "Syntax Error: Directives limit of 20 exceeded, found 30.",
    ],
    [
      "tokens",
      // One byte per token, so 2,000 of them fit in a frame.
      `subscription{homeUpdates${"{a".repeat(1_100)}`,
      "GRAPHQL_PARSE_FAILED",
      "Syntax Error: Document contains more that 2000 tokens. Parsing aborted.",
    ],
  ])("%s: the same refusal as on HTTP", async (_limit, query, code, message) => {
    const socket = await connect("pushes-limits");
    const id = nextId();
    socket.send({ id, type: "subscribe", payload: { query } });
    expect(await socket.errorsOf(id)).toEqual([expect.objectContaining({ message, extensions: { code } })]);
    expect(socket.closed).toBeUndefined();
    await expectStillServing();
  });

  it("hides field suggestions when introspection is off, as HTTP does", async () => {
    const closed = await createTestApp({ security: { introspection: false } });
    started.push(closed);
    const { url: closedUrl } = await closed.gateway.listen({ port: 0, host: "127.0.0.1" });
    const typo = "subscription { homeUpdate { sequence } }";
    const answers: string[] = [];
    for (const to of [url, closedUrl]) {
      const socket = open(to);
      expect(await socket.init({})).toBe("acked");
      const id = nextId();
      socket.send({ id, type: "subscribe", payload: { query: typo } });
      answers.push(((await socket.errorsOf(id))[0] as { message: string }).message);
    }
    expect(answers).toEqual([
      'Cannot query field "homeUpdate" on type "Subscription". Did you mean "homeUpdates"?',
      'Cannot query field "homeUpdate" on type "Subscription".',
    ]);
    await expectStillServing();
  });
});

describe("client input on the socket gets the codes HTTP gives", () => {
  it.each<[string, unknown]>([
    ["an array", [`Bearer ${TEST_SECRET}`]],
    ["an object", { token: "x" }],
    ["a number", 42],
    ["true", true],
  ])(
    "authorization as %s in connectionParams: closed 4403, not taken as anonymous",
    async (_case, authorization) => {
      const socket = open();
      expect(await socket.init({ authorization })).toBe("closed");
      expect(socket.closed).toEqual({ code: 4403, reason: "Forbidden" });
      await expectStillServing();
    },
  );

  it("authorization null (a signed-out client): an anonymous connection", async () => {
    expect(await open().init({ authorization: null })).toBe("acked");
  });

  it("an array holding a good token is refused all the same", async () => {
    const socket = open();
    expect(await socket.init({ authorization: [`Bearer ${await app.token("alice")}`] })).toBe("closed");
    expect(socket.closed).toEqual({ code: 4403, reason: "Forbidden" });
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      "a locale the runtime refuses",
      { ...CAPABILITIES, locale: "i-klingon" },
      'Locale "i-klingon" is not supported',
    ],
    [
      "an unknown platform",
      { ...CAPABILITIES, platform: "TOASTER" },
      'Value "TOASTER" does not exist in "Platform" enum.',
    ],
    ["an appVersion that is not semver", { ...CAPABILITIES, appVersion: "five" }, "c.appVersion"],
    ["an unknown component", { ...CAPABILITIES, components: ["HOLOGRAM"] }, '"HOLOGRAM" does not exist'],
    [
      "a missing required field",
      { platform: "WEB", appVersion: "1.0.0", components: [] },
      'Field "actions" of required type',
    ],
    ["a field that names a user", { ...CAPABILITIES, userId: "bob" }, 'Field "userId" is not defined'],
  ])(
    "%s in the variables: an error with BAD_USER_INPUT, the socket stays open",
    async (_case, c, message) => {
      const socket = await connect("bad-variables");
      const id = nextId();
      socket.send({
        id,
        type: "subscribe",
        payload: {
          query: "subscription ($c: ClientCapabilitiesInput) { homeUpdates(capabilities: $c) { sequence } }",
          variables: { c },
        },
      });
      const errors = (await socket.errorsOf(id)) as { message: string; extensions?: { code?: string } }[];
      expect(errors.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
      expect(errors[0]?.message).toContain(message);
      expect(socket.closed).toBeUndefined();
      await pushUntilReceived(socket, subscribe(socket), "bad-variables", `after ${_case}`);
    },
  );
});

describe("pushed data at the edges of the contract", () => {
  it("a personal change with version 2^53 - 1 arrives as a tile with a SafeInt revision", async () => {
    const user = "top-version";
    const socket = await connect(user);
    const id = subscribe(socket);
    await pushUntilReceived(socket, id, user, "before the top");
    const product = await productOnScreen(user);
    const current = app.service(product.service).peekPersonal(user, product.id) as ProductInfo;
    await app.changes.publish({
      kind: "personal",
      user,
      info: { ...current, version: Number.MAX_SAFE_INTEGER, title: "At the top" },
    });
    const frame = await waitFor(
      () =>
        socket
          .framesFor(id)
          .find((each) => each.type === "next" && JSON.stringify(each).includes("At the top")),
      { timeoutMs: 5_000, what: "the top-version tile" },
    );
    const payload = frame.payload as {
      data?: { homeUpdates?: { tile?: { revision?: number } } };
      errors?: unknown;
    };
    expect(payload.errors).toBeUndefined();
    expect(Number.isSafeInteger(payload.data?.homeUpdates?.tile?.revision)).toBe(true);
    await expectStillServing();
  });
});

describe("more hostile frames, each answered with its exact close code or error", () => {
  it.each<[string, (socket: RawSocket) => void, { code: number; reason: string }]>([
    [
      "a message of an unknown type",
      (socket) => socket.send({ type: "hello" }),
      { code: 4400, reason: "Invalid message received" },
    ],
    [
      "a binary frame",
      (socket) => socket.sendRaw(Buffer.from([0, 1, 2])),
      { code: 4400, reason: "Invalid message received" },
    ],
    ["the JSON null", (socket) => socket.sendRaw("null"), { code: 4400, reason: "Invalid message received" }],
    ["a JSON array", (socket) => socket.sendRaw("[]"), { code: 4400, reason: "Invalid message received" }],
    [
      "a subscribe without a payload",
      (socket) => socket.send({ id: nextId(), type: "subscribe" }),
      { code: 4400, reason: "Invalid message received" },
    ],
    [
      "a subscribe whose id is a number",
      (socket) =>
        socket.sendRaw(JSON.stringify({ id: 5, type: "subscribe", payload: { query: SUBSCRIPTION } })),
      { code: 4400, reason: "Invalid message received" },
    ],
    [
      "variables as an array",
      (socket) =>
        socket.send({ id: nextId(), type: "subscribe", payload: { query: SUBSCRIPTION, variables: [] } }),
      { code: 4400, reason: "Invalid message received" },
    ],
    [
      "variables as a JSON string",
      (socket) =>
        socket.send({ id: nextId(), type: "subscribe", payload: { query: SUBSCRIPTION, variables: "{}" } }),
      { code: 4400, reason: "Invalid message received" },
    ],
  ])("%s: closed %s", async (_case, act, closed) => {
    const socket = await connect("sends-odd-frames");
    act(socket);
    expect(await socket.waitClosed()).toEqual(closed);
    await expectStillServing();
  });

  it.each<[string, unknown]>([
    ["a string", "Bearer x"],
    ["an array", [1]],
    ["a number", 42],
  ])("a connection_init whose payload is %s: closed 4400, never acked", async (_case, payload) => {
    const socket = await open().waitOpen();
    socket.sendRaw(JSON.stringify({ type: "connection_init", payload }));
    expect(await socket.waitClosed()).toEqual({ code: 4400, reason: "Invalid message received" });
    expect(socket.frames).toEqual([]);
    await expectStillServing();
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["an empty document", { query: "" }, "GRAPHQL_PARSE_FAILED", "Syntax Error: Unexpected <EOF>."],
    [
      "two subscriptions and no operationName",
      { query: "subscription A { homeUpdates { sequence } } subscription B { homeUpdates { sequence } }" },
      "OPERATION_RESOLUTION_FAILURE",
      "Must provide operation name if query contains multiple operations.",
    ],
    [
      "an operationName the document lacks",
      { query: "subscription A { homeUpdates { sequence } }", operationName: "B" },
      "OPERATION_RESOLUTION_FAILURE",
      'Unknown operation named "B".',
    ],
    [
      "two root fields",
      { query: "subscription { homeUpdates { sequence } again: homeUpdates { sequence } }" },
      "GRAPHQL_VALIDATION_FAILED",
      "Anonymous Subscription must select only one top level field.",
    ],
    [
      "an unknown field",
      { query: "subscription { homeUpdates { nope } }" },
      "GRAPHQL_VALIDATION_FAILED",
      'Cannot query field "nope" on type "HomeUpdate".',
    ],
    [
      "a fragment cycle",
      {
        query:
          "subscription { homeUpdates { ...A } } fragment A on HomeUpdate { sequence ...B } fragment B on HomeUpdate { ...A }",
      },
      "GRAPHQL_VALIDATION_FAILED",
      'Cannot spread fragment "A" within itself via "B".',
    ],
    [
      "a NUL character",
      { query: "subscription { homeUpdates { sequence\u0000 } }" },
      "GRAPHQL_PARSE_FAILED",
      "Unexpected character: U+0000.",
    ],
    [
      "an undefined variable",
      { query: "subscription { homeUpdates(capabilities: $c) { sequence } }" },
      "GRAPHQL_VALIDATION_FAILED",
      'Variable "$c" is not defined.',
    ],
  ])("%s: an error with its code, the socket stays open", async (_case, payload, code, message) => {
    const socket = await connect("sends-odd-documents");
    const id = nextId();
    socket.send({ id, type: "subscribe", payload });
    const errors = await socket.errorsOf(id);
    expect(errors[0]).toEqual(
      expect.objectContaining({ message: expect.stringContaining(message), extensions: { code } }),
    );
    expect(socket.closed).toBeUndefined();
    await expectStillServing();
  });

  it("a complete for an id never subscribed is ignored; ping is answered with pong", async () => {
    const socket = await connect("pings");
    socket.send({ id: "never-subscribed", type: "complete" });
    socket.send({ type: "ping", payload: { at: 1 } });
    await waitFor(() => socket.frames.find((frame) => frame.type === "pong"), {
      timeoutMs: 5_000,
      what: "pong",
    });
    expect(socket.frames.at(-1)).toEqual({ type: "pong", payload: { at: 1 } });
    await pushUntilReceived(socket, subscribe(socket), "pings", "after the ping");
    expect(socket.closed).toBeUndefined();
  });

  it("a key named AUTHORIZATION is not a token: the connection is anonymous", async () => {
    const socket = open();
    expect(await socket.init({ AUTHORIZATION: `Bearer ${await app.token("alice")}` })).toBe("acked");
    const id = subscribe(socket);
    const product = await productOnScreen("nobody-in-particular");
    const generic = app.service(product.service).peekGeneric(product.id) as ProductInfo;
    let version = generic.version + 10_000;
    await waitFor(
      async () => {
        version += 1;
        await app.changes.publish({
          kind: "generic",
          info: { ...generic, version, title: "Upper-case key" },
        });
        return socket.framesFor(id).some((frame) => JSON.stringify(frame).includes("Upper-case key"));
      },
      { timeoutMs: 5_000, what: "a generic change" },
    );
    expect(JSON.stringify(socket.framesFor(id))).toContain('"reason":"ANONYMOUS_VIEWER"');
  });

  it("an upgrade without the graphql-transport-ws subprotocol: closed 4406", async () => {
    const ws = new WebSocket(url.replace(/^http/, "ws"));
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
      ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
      ws.on("error", () => undefined);
    });
    expect(closed).toEqual({ code: 4406, reason: "Subprotocol not acceptable" });
    await expectStillServing();
  });

  it("an upgrade on another path: refused with 400, no socket", async () => {
    const socket = open(url.replace("/graphql", "/other"));
    await waitFor(() => socket.upgradeStatus ?? socket.closed, { timeoutMs: 5_000, what: "the refusal" });
    expect(socket.upgradeStatus).toBe(400);
    expect(socket.opened).toBe(false);
  });
});

describe("unexpected failures on the socket", () => {
  it("are logged with their operation and cause, and the socket stays usable", async () => {
    const lines: string[] = [];
    const broken = await createTestApp({
      ports: {
        logger: createLogger({
          level: "info",
          destination: { write: (line: string) => void lines.push(line) },
        }),
        // A plan without sections: a bug upstream of the builder, not anything the client sent.
        recommendations: { forViewer: async () => ({ sections: null }) as unknown as HomePlan },
      },
    });
    started.push(broken);
    const { url: brokenUrl } = await broken.gateway.listen({ port: 0, host: "127.0.0.1" });
    const socket = open(brokenUrl);
    expect(await socket.init({})).toBe("acked");
    const id = nextId();
    socket.send({
      id,
      type: "subscribe",
      payload: { query: "subscription BrokenFeed { homeUpdates { sequence } }", operationName: "BrokenFeed" },
    });
    await waitFor(() => socket.framesFor(id).some((frame) => frame.type === "error"), {
      timeoutMs: 5_000,
      what: "the subscription's error",
    });
    const logged = await waitFor(
      () =>
        lines
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .find((line) => line["msg"] === "operation failed unexpectedly"),
      { timeoutMs: 5_000, what: "the failure logged" },
    );
    expect(logged).toMatchObject({
      transport: "socket",
      operation: "BrokenFeed",
      err: expect.objectContaining({ type: "TypeError" }),
    });
    expect(socket.closed).toBeUndefined();
  });
});
