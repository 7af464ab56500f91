import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { whenReady } from "../../src/adapters/redis-client.js";
import {
  type HomeResponse,
  type InProcessGateway,
  type Readiness,
  homeScreen,
  queryHome,
  readiness,
  startGatewayInProcess,
  tilesOf,
  tokenFor,
} from "../support/gateways.js";
import { commandCalls } from "../support/redis-command-stats.js";
import { RedisClients } from "../support/redis-clients.js";
import { type RedisServer, startRedisServer, testKeyPrefix } from "../support/redis-server.js";
import { waitFor } from "../support/wait-for.js";

/**
 * A whole gateway in Redis mode while its Redis is stopped or frozen (SIGSTOP), under a steady
 * stream of home queries: nothing fails, nothing hangs, readiness says so, and Redis is used again
 * once it is back.
 */

const CLIENTS = 4;
const LOAD_MS = 3_000;
/** Per client; with the time limit above, the loop ends on whichever comes first. */
const MAX_QUERIES_PER_CLIENT = 150;
/** Generous on purpose: this asserts that nothing hangs on Redis, not how fast a query is. */
const NO_QUERY_SLOWER_THAN_MS = 2_000;
/** The breaker stays open 5 s before it probes Redis again; then reconnect and probe. */
const RECOVERY_MS = 15_000;

let server: RedisServer;
let clients: RedisClients;
let admin: Redis;
let gateway: InProcessGateway;

beforeAll(async () => {
  server = await startRedisServer();
  clients = new RedisClients(server.url);
  admin = await clients.open({ connectionName: "test-admin", commandTimeoutMs: 2_000 });
  gateway = await startGatewayInProcess({
    redisUrl: server.url,
    keyPrefix: testKeyPrefix("gateway-redis-outage"),
  });
});

afterAll(async () => {
  // A frozen server would hold the gateway's goodbye (QUIT) until its command timeout.
  server?.thaw();
  await gateway?.stop();
  await clients?.closeAll();
  await server?.stop();
});

let userCounter = 0;
/** A viewer no query has asked for yet: its tiles miss L1, so every query needs L2 (or upstream). */
const freshUser = (): string => `viewer-${++userCounter}`;

interface LoadReport {
  readonly responses: number;
  /** Responses whose every tile is personalised: no placeholder waiting for data. */
  readonly fullyPersonalised: number;
  readonly failures: string[];
  readonly slowestMs: number;
  readonly readiness: Readiness[];
}

/** Four clients querying in a loop, plus a readiness probe, for `LOAD_MS`. */
async function steadyLoad(): Promise<LoadReport> {
  const endMs = Date.now() + LOAD_MS;
  const failures: string[] = [];
  const responses: HomeResponse[] = [];
  const probes: Readiness[] = [];

  const client = async (): Promise<void> => {
    for (let count = 0; count < MAX_QUERIES_PER_CLIENT && Date.now() < endMs; count++) {
      let response: HomeResponse;
      try {
        response = await queryHome(gateway.origin, await tokenFor(freshUser()), {
          timeoutMs: NO_QUERY_SLOWER_THAN_MS * 2,
        });
      } catch (error) {
        failures.push(`request failed: ${String(error)}`);
        continue;
      }
      responses.push(response);
      const problem = problemWith(response);
      if (problem) failures.push(problem);
    }
  };
  const probe = async (): Promise<void> => {
    for (let count = 0; count < 100 && Date.now() < endMs; count++) {
      probes.push(await readiness(gateway.origin));
      await new Promise<void>((resolve) => setTimeout(resolve, 100));
    }
  };

  await Promise.all([...Array.from({ length: CLIENTS }, client), probe()]);
  return {
    responses: responses.length,
    fullyPersonalised: responses.filter((response) => {
      const screen = response.body?.data?.home;
      return screen && tilesOf(screen).every((tile) => tile.personalization.state === "PERSONALIZED");
    }).length,
    failures,
    slowestMs: Math.max(0, ...responses.map((response) => response.durationMs)),
    readiness: probes,
  };
}

/** Why a response is not a good home screen, or undefined when it is one. */
function problemWith(response: HomeResponse): string | undefined {
  const body = response.body;
  const screen = body?.data?.home;
  if (response.status !== 200) return `status ${response.status}`;
  if (body?.errors) return `errors: ${JSON.stringify(body.errors).slice(0, 300)}`;
  if (!screen) return "no data";
  if (screen.sections.some((section) => section.__typename === "ErrorSection")) return "an error section";
  if (tilesOf(screen).length === 0) return "no tiles";
  return undefined;
}

/**
 * Redis is used again: a query for a new viewer reaches Redis with an MGET, and readiness says
 * Redis is up. Polled with queries: the breaker only probes Redis when a request needs L2.
 */
async function usesRedisAgain(): Promise<void> {
  await waitFor(
    async () => {
      await whenReady(admin, { timeoutMs: 2_000 });
      const before = (await commandCalls(admin)).get("mget") ?? 0;
      await homeScreen(gateway.origin, await tokenFor(freshUser()));
      const after = (await commandCalls(admin)).get("mget") ?? 0;
      if (after <= before) return false;
      const ready = await readiness(gateway.origin);
      return ready.status === 200 && ready.body.status === "ready" && ready.body.checks["redis"] === "up";
    },
    {
      timeoutMs: RECOVERY_MS,
      intervalMs: 100,
      what: "a home query to read L2 again, and readiness to say so",
    },
  );
}

function expectServedThroughout(report: LoadReport): void {
  expect(report.failures).toEqual([]);
  // Bounded by count and time; a handful per client at the very least, or the load proved nothing.
  expect(report.responses).toBeGreaterThanOrEqual(CLIENTS * 5);
  expect(report.slowestMs).toBeLessThan(NO_QUERY_SLOWER_THAN_MS);
  // Nor does it cost content: L2 fails fast, so the product services answer within the soft
  // timeout. (A Redis call that hung would show as placeholders, the soft timeout hiding the wait.)
  expect(report.fullyPersonalised).toBeGreaterThanOrEqual(report.responses * 0.8);
  // Degraded, not unavailable: the gateway keeps answering without Redis.
  // With the reason (the consumer of the update stream, failing too, says so as well).
  expect(
    report.readiness.find((probe) => probe.status === 200 && probe.body.status === "degraded"),
  ).toMatchObject({ body: { checks: { redis: "down" }, reasons: { redis: expect.any(String) } } });
  expect(report.readiness.every((probe) => probe.status === 200)).toBe(true);
}

describe("a gateway whose Redis goes away under load", () => {
  it("Redis stopped: zero failed queries, none hangs, readiness degraded; Redis is used again once restarted", async ({
    annotate,
  }) => {
    await usesRedisAgain();

    await server.stop();
    const report = await steadyLoad();
    expectServedThroughout(report);

    const restartedMs = Date.now();
    await server.restart();
    await usesRedisAgain();
    await annotate(
      `${report.responses} queries while stopped (${report.fullyPersonalised} fully personalised), slowest ${Math.round(report.slowestMs)} ms; ` +
        `Redis used again ${Date.now() - restartedMs} ms after the restart began`,
    );
  }, 60_000);

  it("Redis frozen (SIGSTOP): zero failed queries, none hangs, readiness degraded; Redis is used again once thawed", async ({
    annotate,
  }) => {
    await usesRedisAgain();

    server.freeze();
    const report = await steadyLoad();
    expectServedThroughout(report);

    const thawedMs = Date.now();
    server.thaw();
    await usesRedisAgain();
    await annotate(
      `${report.responses} queries while frozen (${report.fullyPersonalised} fully personalised), slowest ${Math.round(report.slowestMs)} ms; ` +
        `Redis used again ${Date.now() - thawedMs} ms after SIGCONT`,
    );
  }, 60_000);

  // Readiness pings Redis itself: it must not wait for a request to probe the breaker.
  it("an idle gateway reports Redis up again once it is back, without any request", async () => {
    await usesRedisAgain();
    await server.stop();
    for (let count = 0; count < 10; count++) await homeScreen(gateway.origin, await tokenFor(freshUser()));
    expect((await readiness(gateway.origin)).body.checks["redis"]).toBe("down");

    await server.restart();
    // The breaker's open period (5 s), then the reconnect backoff cap (2 s) and a margin.
    await waitFor(async () => (await readiness(gateway.origin)).body.checks["redis"] === "up", {
      timeoutMs: 9_000,
      intervalMs: 200,
      what: "readiness to report Redis up without traffic",
    });
  }, 30_000);
});
