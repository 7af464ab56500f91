import { print } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { FakeRateLimiter } from "../../src/adapters/fakes/fake-rate-limiter.js";
import { FakeResponseCache } from "../../src/adapters/fakes/fake-response-cache.js";
import {
  ANONYMOUS,
  PlanChangesOnTheBus,
  type ProductInfo,
  ResponseReuse,
  UpdateApplier,
  genericKey,
  personalKey,
} from "../../src/domain/index.js";
import { ACTION_KINDS, COMPONENT_KINDS } from "../../src/ui-components/index.js";
import { HomeDocument } from "../gql/graphql.js";
import { silentLogger } from "../support/silent-logger.js";
import {
  type TestApp,
  type TestAppOptions,
  createTestApp,
  listenWithMovingClock,
} from "../support/test-app.js";

const HOME = JSON.stringify({
  query: print(HomeDocument),
  variables: {
    capabilities: {
      platform: "WEB",
      appVersion: "1.0.0",
      components: [...COMPONENT_KINDS],
      actions: [...ACTION_KINDS],
    },
  },
});

interface Running {
  readonly app: TestApp;
  readonly url: string;
  /** What the response reuse did, in order: hit, miss, stale, stored, not_stored. */
  readonly outcomes: string[];
  post(
    authorization?: string,
    body?: string,
  ): Promise<{ status: number; text: string; etag: string | null; headers: (string | null)[] }>;
  /** A personal or generic update, applied as the update stream applies it (L2, bus, live feed). */
  apply(
    event: { kind: "personal"; user: string; info: ProductInfo } | { kind: "generic"; info: ProductInfo },
  ): Promise<void>;
}

const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of running.splice(0)) {
    await stop();
  }
});

async function start(options: TestAppOptions = {}): Promise<Running> {
  const outcomes: string[] = [];
  // A clock of the cache's own that never moves: entries outlive the test; only changes end them.
  const reuse = new ResponseReuse({
    cache: new FakeResponseCache({ clock: new FakeClock() }),
    ttlMs: 5_000,
    metrics: { responseReuse: (outcome) => outcomes.push(outcome) },
  });
  const app = await createTestApp({ ...options, ports: { ...options.ports, responseReuse: reuse } });
  // Fake time moves on by itself, so the soft timeout can fire for a slow service.
  const { url, stop } = await listenWithMovingClock(app);
  running.push(stop);
  const applier = new UpdateApplier({
    l2: app.l2,
    bus: app.bus,
    changes: new PlanChangesOnTheBus(app.changes, app.bus, silentLogger),
    logger: silentLogger,
  });
  return {
    app,
    url,
    outcomes,
    async post(authorization, body = HOME) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization && { authorization }) },
        body,
      });
      return {
        status: response.status,
        text: await response.text(),
        etag: response.headers.get("etag"),
        headers: ["content-type", "content-length", "etag", "vary"].map((name) => response.headers.get(name)),
      };
    },
    apply: async (event) => {
      await applier.apply(event);
    },
  };
}

const bearer = async (app: TestApp, user: string) => `Bearer ${await app.token(user)}`;

/** The info of the first personalised tile of the viewer's screen, as L2 holds it after a visit. */
function firstProduct(app: TestApp, user: string, screen: string): ProductInfo {
  const id = /"product":\{"id":"([^"]+)"/.exec(screen)?.[1];
  if (!id) throw new Error(`no product on the screen: ${screen.slice(0, 200)}`);
  const info = app.l2.peek(personalKey(user, id));
  if (!info) throw new Error(`no L2 entry for ${user}/${id}`);
  return info;
}

describe("response reuse over HTTP", () => {
  it("answers the same request of the same viewer again with the same bytes", async () => {
    const gateway = await start();
    const alice = await bearer(gateway.app, "alice");

    const first = await gateway.post(alice);
    const second = await gateway.post(alice);

    expect(first.status).toBe(200);
    expect(first.text).toContain('"data":{"home"');
    expect(second).toEqual(first);
    expect(gateway.outcomes).toEqual(["miss", "stored", "hit"]);
  });

  it("never gives one viewer's answer to another", async () => {
    const gateway = await start();
    const alice = await gateway.post(await bearer(gateway.app, "alice"));
    const bob = await gateway.post(await bearer(gateway.app, "bob"));
    const anonymous = await gateway.post();

    expect(new Set([alice.text, bob.text, anonymous.text]).size).toBe(3);
    expect(gateway.outcomes).toEqual(["miss", "stored", "miss", "stored", "miss", "stored"]);
    // Each gets their own back.
    expect((await gateway.post(await bearer(gateway.app, "bob"))).text).toBe(bob.text);
    expect((await gateway.post()).text).toBe(anonymous.text);
  });

  it("shows a personal update applied between two requests on the second", async () => {
    const gateway = await start();
    const alice = await bearer(gateway.app, "alice");
    const before = await gateway.post(alice);
    const info = firstProduct(gateway.app, "alice", before.text);

    await gateway.apply({
      kind: "personal",
      user: "alice",
      info: { ...info, title: "Changed for alice", version: info.version + 1 },
    });
    const after = await gateway.post(alice);

    expect(before.text).not.toContain("Changed for alice");
    expect(after.text).toContain("Changed for alice");
  });

  it("keeps reusing other viewers' answers when one viewer's data changes", async () => {
    const gateway = await start();
    const alice = await bearer(gateway.app, "alice");
    const bob = await bearer(gateway.app, "bob");
    const aliceScreen = await gateway.post(alice);
    await gateway.post(bob);
    const info = firstProduct(gateway.app, "alice", aliceScreen.text);

    await gateway.apply({
      kind: "personal",
      user: "alice",
      info: { ...info, title: "Changed", version: info.version + 1 },
    });
    gateway.outcomes.length = 0;
    await gateway.post(bob);
    await gateway.post(alice);

    expect(gateway.outcomes).toEqual(["hit", "stale", "stored"]);
  });

  it("shows a generic update to anonymous viewers on their next request", async () => {
    const gateway = await start();
    const before = await gateway.post();
    const id = /"product":\{"id":"([^"]+)"/.exec(before.text)?.[1] as string;
    const info = gateway.app.l2.peek(genericKey(id)) as ProductInfo;
    expect(info).toBeDefined();

    await gateway.apply({
      kind: "generic",
      info: { ...info, title: "Changed for everyone", version: info.version + 1 },
    });
    const after = await gateway.post();

    expect(after.text).toContain("Changed for everyone");
  });

  it("shows a plan change on the next request", async () => {
    const gateway = await start();
    const alice = await bearer(gateway.app, "alice");
    const before = await gateway.post(alice);
    const plan = await gateway.app.recommendations.forViewer({ kind: "user", id: "alice" });
    const removed = plan.sections.at(-1)?.id as string;
    expect(before.text).toContain(`"id":"${removed}"`);

    gateway.app.recommendations.setPlan(
      { kind: "user", id: "alice" },
      { sections: plan.sections.slice(0, -1) },
    );
    await new PlanChangesOnTheBus(gateway.app.changes, gateway.app.bus, silentLogger).publish({
      kind: "plan",
      user: "alice",
    });
    const after = await gateway.post(alice);

    expect(after.text).not.toContain(`"id":"${removed}"`);
  });

  it("hears changes applied by another instance through the bus", async () => {
    const one = await start();
    const two = await start({ ports: { l2: one.app.l2, bus: one.app.bus } });
    const alice = await bearer(two.app, "alice");
    const before = await two.post(alice);
    expect((await two.post(alice)).text).toBe(before.text);
    // The L2 both share is the first one's.
    const info = firstProduct(one.app, "alice", before.text);

    await one.apply({
      kind: "personal",
      user: "alice",
      info: { ...info, title: "Changed elsewhere", version: info.version + 1 },
    });

    expect((await two.post(alice)).text).toContain("Changed elsewhere");
  });

  it("does not keep an answer with a soft-timeout fallback, and shows the late data next", async () => {
    const gateway = await start({ tilesPerUser: 6 });
    const alice = await bearer(gateway.app, "alice");
    for (const service of gateway.app.services) service.delayBy(1_000);

    const slow = await gateway.post(alice);
    expect(slow.text).toMatch(/"state":"(GENERIC|PENDING)"/);
    expect(gateway.outcomes).toEqual(["miss", "not_stored"]);

    for (const service of gateway.app.services) service.delayBy(0);
    // The late personalised data lands in the caches (and is pushed); the next answer shows it.
    const deadline = Date.now() + 10_000;
    let next = await gateway.post(alice);
    while (/"state":"(GENERIC|PENDING)"/.test(next.text) && Date.now() < deadline) {
      next = await gateway.post(alice);
    }
    expect(next.text).not.toMatch(/"state":"(GENERIC|PENDING)"/);
    expect(gateway.outcomes).not.toContain("hit");
  });

  it("spends the rate limit on reused answers too, and refuses them when it is spent", async () => {
    const limiter = new FakeRateLimiter();
    const gateway = await start({ ports: { rateLimiter: limiter } });
    const alice = await bearer(gateway.app, "alice");
    await gateway.post(alice);
    await gateway.post(alice);
    expect(limiter.consumed).toEqual(["u:alice", "u:alice"]);

    limiter.deny("u:alice", { retryAfterMs: 2_000 });
    const refused = await gateway.post(alice);

    expect(refused.status).toBe(429);
    expect(refused.text).toContain("RATE_LIMITED");
    expect(limiter.consumed).toEqual(["u:alice", "u:alice", "u:alice"]);
  });

  it("refuses a bad token as before, whatever is stored", async () => {
    const gateway = await start();
    await gateway.post(await bearer(gateway.app, "alice"));
    const refused = await gateway.post("Bearer not-a-token");
    expect(refused.status).toBe(401);
    expect(refused.text).toContain("UNAUTHENTICATED");
  });

  it("never stores an answer with errors", async () => {
    const gateway = await start();
    const body = JSON.stringify({ query: "{ home(firstSections: -1) { id } }" });
    const first = await gateway.post(undefined, body);
    expect(first.text).toContain('"errors"');
    await gateway.post(undefined, body);
    expect(gateway.outcomes).toEqual(["miss", "miss"]);
  });

  it("leaves GET requests to Apollo", async () => {
    const gateway = await start();
    const url = new URL(gateway.url);
    url.searchParams.set("query", "{ home { id } }");
    const answer = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(answer.status).toBe(200);
    expect(gateway.outcomes).toEqual([]);
    expect(ANONYMOUS.kind).toBe("anonymous");
  });
});
