import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { RedisActiveViewers } from "../../src/adapters/redis-active-viewers.js";
import { RecordingLogger } from "../support/recording-logger.js";
import { RedisClients } from "../support/redis-clients.js";
import { commandsDuring } from "../support/redis-command-stats.js";
import { type RedisServer, startRedisServer, testKeyPrefix } from "../support/redis-server.js";
import { waitFor } from "../support/wait-for.js";

const WINDOW_MS = 30 * 60_000;

let server: RedisServer;
let clients: RedisClients;
beforeAll(async () => {
  server = await startRedisServer();
  clients = new RedisClients(server.url);
});
afterAll(async () => {
  await clients.closeAll();
  await server.stop();
});

async function setup() {
  const clock = new FakeClock();
  const logger = new RecordingLogger();
  const redis = await clients.open({ ready: false });
  await waitFor(() => redis.status === "ready", { timeoutMs: 5_000 });
  const viewers = new RedisActiveViewers({
    redis,
    keyPrefix: testKeyPrefix("active-viewers"),
    clock,
    logger,
    windowMs: WINDOW_MS,
    touchIntervalMs: 60_000,
  });
  return { clock, logger, redis, viewers, admin: await clients.open() };
}

describe("RedisActiveViewers", () => {
  it("writes a viewer at most once per touch interval, however many requests they make", async () => {
    const { clock, viewers, admin } = await setup();

    const burst = await commandsDuring(admin, async () => {
      for (let request = 0; request < 50; request++) await viewers.touch("ana");
    });
    expect(burst).toEqual({ set: 1 });

    await clock.advance(60_000);
    expect(await commandsDuring(admin, () => viewers.touch("ana"))).toEqual({});
    await clock.advance(1);
    expect(await commandsDuring(admin, () => viewers.touch("ana"))).toEqual({ set: 1 });
  });

  it("lets the key expire with the window, so viewers who never return cost nothing", async () => {
    const { viewers, admin } = await setup();
    await viewers.touch("ana");

    const ttlMs = await admin.pttl(viewers.redisKeyOf("ana"));
    expect(ttlMs).toBeGreaterThan(WINDOW_MS - 5_000);
    expect(ttlMs).toBeLessThanOrEqual(WINDOW_MS);
  });

  it("never rejects a touch while Redis is away, warns once, and records again once it is back", async () => {
    const { viewers, logger, admin } = await setup();
    server.freeze();
    try {
      for (const user of ["ana", "bob", "carl"]) await expect(viewers.touch(user)).resolves.toBeUndefined();
    } finally {
      server.thaw();
    }
    expect(logger.at("warn").map((entry) => entry.message)).toEqual(["viewer activity not recorded"]);

    // The failed touch was forgotten, so the next one writes at once rather than a minute later.
    await waitFor(
      async () => {
        await viewers.touch("ana");
        return (await admin.exists(viewers.redisKeyOf("ana"))) === 1;
      },
      { timeoutMs: 5_000, what: "recorded after recovery" },
    );
    expect(logger.at("info").map((entry) => entry.message)).toContain("viewer activity is recorded again");
  });

  it("refuses a window no longer than the touch interval", () => {
    expect(
      () =>
        new RedisActiveViewers({
          redis: {} as never,
          keyPrefix: "hg:",
          clock: new FakeClock(),
          logger: new RecordingLogger(),
          windowMs: 60_000,
        }),
    ).toThrow(RangeError);
  });
});
