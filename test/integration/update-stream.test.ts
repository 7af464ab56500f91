import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeInvalidationBus } from "../../src/adapters/fakes/fake-invalidation-bus.js";
import { seededRandom } from "../../src/adapters/fakes/seeded-random.js";
import { RedisL2Cache } from "../../src/adapters/redis-l2-cache.js";
import {
  RedisUpdateStream,
  type RedisUpdateStreamOptions,
  updateStreamClientTimeouts,
} from "../../src/adapters/redis-update-stream.js";
import { SystemClock } from "../../src/adapters/system-clock.js";
import { encodeUpdateEvent } from "../../src/adapters/update-event-json.js";
import {
  type ApplyOutcome,
  type L2Cache,
  type ProductChange,
  UPDATE_EVENT_SCHEMA_ID,
  type UpdateEvent,
  type UpdateRejectionReason,
  UpdateApplier,
  personalKey,
  type UpdateStreamMetrics,
} from "../../src/domain/index.js";
import { productInfo, shuffled } from "../contract/product-info.js";
import { RecordingLogger } from "../support/recording-logger.js";
import { RedisClients } from "../support/redis-clients.js";
import { type RedisServer, startRedisServer, testKeyPrefix } from "../support/redis-server.js";
import { silentLogger } from "../support/silent-logger.js";
import { waitFor } from "../support/wait-for.js";

const BLOCK_MS = 300;
const CLAIM_IDLE_MS = 400;

class RecordingStreamMetrics implements UpdateStreamMetrics {
  readonly rejected: UpdateRejectionReason[] = [];
  deadLettered = 0;
  claimed = 0;
  applyFailures = 0;
  readonly backlogs: { lag: number | undefined; pending: number }[] = [];

  updateRejected(reason: UpdateRejectionReason): void {
    this.rejected.push(reason);
  }
  updateDeadLettered(): void {
    this.deadLettered++;
  }
  updatesClaimed(count: number): void {
    this.claimed += count;
  }
  updateApplyFailed(): void {
    this.applyFailures++;
  }
  updateStreamBacklog(backlog: { readonly lag: number | undefined; readonly pending: number }): void {
    this.backlogs.push({ ...backlog });
  }
}

let server: RedisServer;
let clients: RedisClients;
/** Appends events and inspects the stream, as a product service and an operator would. */
let producer: Redis;
const running: RedisUpdateStream[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  server = await startRedisServer();
  clients = new RedisClients(server.url);
  producer = await clients.open({ commandTimeoutMs: 2_000 });
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await Promise.all(running.splice(0).map((stream) => stream.stop()));
});
afterAll(async () => {
  await clients.closeAll();
  await server.stop();
});

/** Resolves once `count` connections sit in a blocking XREADGROUP (CLIENT LIST flags them `b`). */
async function blockedReads(count = 1): Promise<void> {
  await waitFor(
    async () => {
      const list = (await producer.call("CLIENT", "LIST")) as string;
      const blocked = list
        .split("\n")
        .filter((line) => /cmd=xreadgroup\b/.test(line) && /flags=\S*b/.test(line));
      return blocked.length >= count || undefined;
    },
    { timeoutMs: 2_000, what: `${count} blocking read(s)` },
  );
}

/** One stream, group, L2 and change log per test; consumers are added with `consumer()`. */
async function setup(options: { readonly clients?: RedisClients } = {}) {
  const prefix = testKeyPrefix("update-stream");
  const stream = `${prefix}updates`;
  const group = "home-gateway";
  const ownClients = options.clients ?? clients;
  const commands = await ownClients.open();
  const l2 = new RedisL2Cache({ redis: commands, keyPrefix: prefix, logger: silentLogger });
  const changes: ProductChange[] = [];
  const applier = new UpdateApplier({
    l2,
    bus: new FakeInvalidationBus(),
    changes: { publish: async (change) => void changes.push(change) },
    logger: silentLogger,
  });
  const metrics = new RecordingStreamMetrics();

  const consumer = async (
    name: string,
    overrides: Partial<RedisUpdateStreamOptions> = {},
  ): Promise<RedisUpdateStream> => {
    const blockMs = overrides.blockMs ?? BLOCK_MS;
    const redis = await ownClients.open({
      connectionName: `consumer-${name}`,
      ...updateStreamClientTimeouts(blockMs),
    });
    const consumerStream = new RedisUpdateStream({
      redis,
      applier,
      consumer: name,
      clock: new SystemClock(),
      logger: silentLogger,
      metrics,
      stream,
      group,
      blockMs,
      claimIdleMs: CLAIM_IDLE_MS,
      sweepIntervalMs: 100,
      maxBackoffMs: 200,
      ...overrides,
    });
    running.push(consumerStream);
    consumerStream.start();
    return consumerStream;
  };

  const append = (event: UpdateEvent | string, client: Redis = producer): Promise<string | null> =>
    client.xadd(stream, "*", "event", typeof event === "string" ? event : encodeUpdateEvent(event));
  const versionOf = async (user: string, product: string): Promise<number | undefined> =>
    (await l2.getMany([personalKey(user, product)])).values().next().value?.version;
  const pendingCount = async (client: Redis = producer): Promise<number> => {
    const summary = (await client.xpending(stream, group)) as [number, ...unknown[]];
    return summary[0];
  };

  return { prefix, stream, group, l2, applier, changes, metrics, consumer, append, versionOf, pendingCount };
}

/**
 * A consumer named "doomed" in a process of its own (test/support/update-consumer-child.ts), applying
 * in batches of 10, slowly enough to be killed mid-batch; `output()` is what it printed so far.
 */
function doomedConsumer(options: {
  readonly stream: string;
  readonly group: string;
  readonly keyPrefix: string;
  readonly applyDelayMs: number;
  readonly heartbeat?: boolean;
}): ChildProcess & { output(): string } {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      fileURLToPath(new URL("../support/update-consumer-child.ts", import.meta.url)),
      JSON.stringify({ url: server.url, consumer: "doomed", batchSize: 10, ...options }),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

const personal = (user: string, product: string, version: number): UpdateEvent => ({
  kind: "personal",
  user,
  info: productInfo(product, version),
});

// What every update source does (delivery, order per key, dead letters, retries, stops) is in
// test/contract/update-source.contract.ts; this file holds what is the Redis stream's own:
// acknowledgements, claims, heartbeats, the dead-letter entries' fields, metrics, reconnects.
describe("RedisUpdateStream", () => {
  it("applies an event appended to the stream within a second, then acknowledges it", async () => {
    const { consumer, append, versionOf, pendingCount, changes } = await setup();
    await consumer("gw-a");
    // The consumer is in its blocking read, so the timing below is a push, not a start-up.
    await blockedReads();

    const appendedAtMs = Date.now();
    await append(personal("ana", "FL-1", 3));
    await waitFor(async () => (await versionOf("ana", "FL-1")) === 3, { timeoutMs: 1_000, what: "applied" });

    expect(Date.now() - appendedAtMs).toBeLessThan(1_000);
    // Published after the L2 write, so it may trail the read above by a moment.
    await waitFor(() => changes.length > 0, { timeoutMs: 1_000, what: "the change published" });
    expect(changes).toEqual([{ kind: "personal", user: "ana", info: productInfo("FL-1", 3) }]);
    await waitFor(async () => (await pendingCount()) === 0, { timeoutMs: 1_000, what: "acknowledged" });
  });

  it("claims and applies the entries of a consumer that read them and died without acknowledging", async () => {
    const { stream, group, consumer, append, versionOf, pendingCount, metrics } = await setup();
    await producer.xgroup("CREATE", stream, group, "0", "MKSTREAM");
    for (let index = 0; index < 5; index++) await append(personal("ana", `p${index}`, 1));
    // The crashed instance: it read the entries as its own, then vanished.
    const read = await producer.call("XREADGROUP", [
      "GROUP",
      group,
      "crashed",
      "COUNT",
      10,
      "STREAMS",
      stream,
      ">",
    ]);
    expect(JSON.stringify(read)).toContain("p4");
    const readAtMs = Date.now();

    await consumer("gw-b");
    await waitFor(
      async () =>
        (await Promise.all([0, 1, 2, 3, 4].map((index) => versionOf("ana", `p${index}`)))).every(Boolean),
      { timeoutMs: 5_000, what: "claimed entries applied" },
    );

    expect(Date.now() - readAtMs).toBeGreaterThanOrEqual(CLAIM_IDLE_MS - 50);
    expect(metrics.claimed).toBe(5);
    await waitFor(async () => (await pendingCount()) === 0, {
      timeoutMs: 1_000,
      what: "claimed entries acknowledged",
    });
  });

  it("loses nothing when a consumer process is killed with SIGKILL in the middle of a batch", async () => {
    const { prefix, stream, group, consumer, append, versionOf, pendingCount, metrics } = await setup();
    const total = 30;
    for (let index = 0; index < total; index++) await append(personal("ana", `p${index}`, index + 1));
    const child = doomedConsumer({ stream, group, keyPrefix: prefix, applyDelayMs: 30 });
    await waitFor(() => child.output().includes("applied 3"), {
      timeoutMs: 15_000,
      what: "the child applying",
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    // Mid-batch: it had read a batch it had neither finished nor acknowledged.
    expect(await pendingCount()).toBeGreaterThan(0);

    await consumer("survivor");

    await waitFor(
      async () =>
        (await Promise.all(Array.from({ length: total }, (_, index) => versionOf("ana", `p${index}`)))).every(
          (version, index) => version === index + 1,
        ),
      { timeoutMs: 10_000, what: `all ${total} applied` },
    );
    await waitFor(async () => (await pendingCount()) === 0, { timeoutMs: 2_000, what: "all acknowledged" });
    expect(metrics.claimed).toBeGreaterThan(0);
  });

  it("applies a SIGKILLed consumer's pending entries within 5 s of the kill, by heartbeat, not idle time", async () => {
    const { prefix, stream, group, consumer, append, versionOf, pendingCount, metrics } = await setup();
    const total = 30;
    for (let index = 0; index < total; index++) await append(personal("ana", `p${index}`, index + 1));
    const child = doomedConsumer({ stream, group, keyPrefix: prefix, applyDelayMs: 50, heartbeat: true });
    await waitFor(() => child.output().includes("applied 3"), {
      timeoutMs: 15_000,
      what: "the child applying",
    });
    // The survivor runs beside it, as instances do; idle claims would take a minute.
    await consumer("survivor", { claimIdleMs: 60_000, heartbeat: { redis: await clients.open() } });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    const killedAtMs = Date.now();
    await exited;
    expect(await pendingCount()).toBeGreaterThan(0);

    await waitFor(
      async () =>
        (await Promise.all(Array.from({ length: total }, (_, index) => versionOf("ana", `p${index}`)))).every(
          (version, index) => version === index + 1,
        ),
      { timeoutMs: 5_000, intervalMs: 50, what: `all ${total} applied within 5 s of the kill` },
    );
    const deliveredMs = Date.now() - killedAtMs;
    // Not before the dead consumer's heartbeat (3 s) could lapse: the claim came from it.
    expect(deliveredMs).toBeGreaterThan(2_000);
    await waitFor(async () => (await pendingCount()) === 0, { timeoutMs: 2_000, what: "all acknowledged" });
    expect(metrics.claimed).toBeGreaterThan(0);
  });

  it("dead-letters a backlog of oversize entries as excerpts, without stalling the event behind them", async () => {
    const { stream, consumer, append, versionOf, pendingCount, metrics } = await setup();
    const oversize = 16;
    const bytes = 4 * 1024 * 1024;
    for (let index = 0; index < oversize; index++) {
      await append(
        encodeUpdateEvent({
          kind: "personal",
          user: "ana",
          info: { ...productInfo(`big-${index}`, 1), title: "x".repeat(bytes) },
        }),
      );
    }
    await append(personal("ana", "after-the-big-ones", 7));

    await consumer("gw-a", { maxEventBytes: 64 * 1024 });

    await waitFor(async () => (await versionOf("ana", "after-the-big-ones")) === 7, {
      timeoutMs: 10_000,
      what: "the normal event behind the backlog applied",
    });
    await waitFor(async () => (await pendingCount()) === 0, { timeoutMs: 2_000, what: "nothing pending" });
    const dead = await producer.xrange(`${stream}:dead`, "-", "+");
    expect(dead).toHaveLength(oversize);
    for (const [, fields] of dead) {
      const entry = new Map<string, string>();
      for (let index = 0; index < fields.length; index += 2)
        entry.set(fields[index] as string, fields[index + 1] as string);
      expect(entry.get("dl:reason")).toBe("too_large");
      expect(entry.get("dl:detail")).toMatch(/^the event is \d+ bytes; at most 65536 are accepted$/);
      expect(Number(entry.get("dl:bytes"))).toBeGreaterThan(bytes);
      expect(entry.get("dl:excerpt")).toMatch(/^\{"schema":"home-gateway.update\/v1","kind":"personal"/);
      expect(Buffer.byteLength(entry.get("dl:excerpt") ?? "")).toBeLessThanOrEqual(1_024);
      expect(entry.has("event")).toBe(false);
    }
    expect(Number(await producer.call("MEMORY", "USAGE", `${stream}:dead`))).toBeLessThan(256 * 1024);
    expect(metrics.rejected).toEqual(Array.from({ length: oversize }, () => "too_large"));
  }, 30_000);

  it("leaves the newest version in L2 under duplicated, shuffled events and two consumers", async () => {
    const { consumer, append, versionOf, pendingCount, changes } = await setup();
    const seed = 20_260_102;
    const random = seededRandom(seed);
    const keys = Array.from({ length: 8 }, (_, index) => ({
      user: `user-${index % 2}`,
      product: `p${index}`,
    }));
    const maxVersion = 15;
    const events = keys.flatMap(({ user, product }) =>
      Array.from({ length: maxVersion }, (_, index) => personal(user, product, index + 1)),
    );
    // Every event twice, in a random order.
    for (const event of shuffled([...events, ...events], random)) await append(event);

    await consumer("gw-a", { batchSize: 7 });
    await consumer("gw-b", { batchSize: 5 });

    await waitFor(async () => (await pendingCount()) === 0 && changes.length > 0, { timeoutMs: 5_000 });
    await waitFor(
      async () =>
        (await Promise.all(keys.map(({ user, product }) => versionOf(user, product)))).every(
          (version) => version === maxVersion,
        ),
      { timeoutMs: 5_000, what: `the newest version everywhere (seed ${seed})` },
    );
    // Only writes that landed, or copies of the version L2 holds, are published: a version at most
    // once per copy of its event, and every key's newest version reached the live tiles.
    const times = new Map<string, number>();
    const newest = new Map<string, number>();
    for (const change of changes) {
      if (change.kind !== "personal") continue;
      const key = `${change.user}/${change.info.id}`;
      const published = `${key}@${change.info.version}`;
      times.set(published, (times.get(published) ?? 0) + 1);
      newest.set(key, Math.max(newest.get(key) ?? 0, change.info.version));
    }
    expect(Math.max(...times.values())).toBeLessThanOrEqual(2);
    expect(keys.map(({ user, product }) => newest.get(`${user}/${product}`))).toEqual(
      keys.map(() => maxVersion),
    );
  });

  it("dead-letters each malformed entry with its reason, original id and fields, and still applies later ones", async () => {
    const { stream, consumer, append, versionOf, pendingCount, metrics } = await setup();
    const product = productInfo("FL-1", 5);
    const malformed: [string, UpdateRejectionReason, string][] = [
      ["{not json", "not_json", "not valid JSON"],
      [
        JSON.stringify({ schema: UPDATE_EVENT_SCHEMA_ID, kind: "upsert", user: "ana" }),
        "unknown_kind",
        'got "upsert"',
      ],
      [
        JSON.stringify({
          schema: UPDATE_EVENT_SCHEMA_ID,
          kind: "personal",
          user: "ana",
          product: { ...product, version: -2 },
        }),
        "invalid_field",
        "product.version",
      ],
      [
        JSON.stringify({ schema: UPDATE_EVENT_SCHEMA_ID, kind: "personal", product }),
        "invalid_field",
        "user: ",
      ],
      [
        JSON.stringify({ schema: UPDATE_EVENT_SCHEMA_ID, kind: "plan", user: ["ana"], version: "1" }),
        "invalid_field",
        "expected string",
      ],
      [
        JSON.stringify({ schema: "home-gateway.update/v0", kind: "plan", user: "ana", version: 1 }),
        "unsupported_schema",
        "schema",
      ],
      [
        encodeUpdateEvent({ kind: "generic", info: { ...product, title: "x".repeat(5_000) } }),
        "too_large",
        "at most 4096",
      ],
    ];
    const ids: string[] = [];
    for (const [raw] of malformed) ids.push((await append(raw)) as string);
    ids.push(
      (await producer.xadd(stream, "*", "payload", encodeUpdateEvent(personal("ana", "FL-1", 1)))) as string,
    );
    await append(personal("ana", "FL-1", 5));

    await consumer("gw-a", { maxEventBytes: 4_096 });

    await waitFor(async () => (await versionOf("ana", "FL-1")) === 5, {
      timeoutMs: 2_000,
      what: "the valid event",
    });
    const dead = (await producer.xrange(`${stream}:dead`, "-", "+")).map(([, fields]) => {
      const map = new Map<string, string>();
      for (let index = 0; index < fields.length; index += 2)
        map.set(fields[index] as string, fields[index + 1] as string);
      return map;
    });
    const expected = [
      ...malformed.map(([, reason, detail]) => ({ reason, detail })),
      { reason: "missing_event_field", detail: '"event"' },
    ];
    expect(dead.map((entry) => entry.get("dl:reason"))).toEqual(expected.map((entry) => entry.reason));
    expected.forEach(({ detail }, index) => expect(dead[index]?.get("dl:detail")).toContain(detail));
    expect(dead.map((entry) => entry.get("dl:source-id"))).toEqual(ids);
    expect(dead[0]?.get("event")).toBe("{not json");
    expect(dead.at(-1)?.get("payload")).toContain('"kind":"personal"');
    expect(metrics.deadLettered).toBe(8);
    expect(metrics.rejected).toEqual(expected.map((entry) => entry.reason));
    await waitFor(async () => (await pendingCount()) === 0, {
      timeoutMs: 1_000,
      what: "dead letters acknowledged",
    });
  });

  it("acknowledges nothing before it is applied, and keeps a failed entry pending until a retry applies it", async () => {
    const { stream, group, applier, consumer, append, versionOf, pendingCount, metrics } = await setup();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let failuresLeft = 2;
    const seen: UpdateEvent[] = [];
    const frozen = {
      apply: async (event: UpdateEvent): Promise<ApplyOutcome> => {
        seen.push(event);
        await gate;
        if (event.kind === "personal" && event.info.id === "p2" && failuresLeft-- > 0)
          throw new Error("L2 down");
        return applier.apply(event);
      },
    };
    await producer.xgroup("CREATE", stream, group, "0", "MKSTREAM");
    for (let index = 1; index <= 3; index++) await append(personal("ana", `p${index}`, 1));

    // No claims within this test: the retry must come from the consumer itself, without the wait.
    await consumer("gw-a", { applier: frozen, claimIdleMs: 60_000 });
    await waitFor(() => seen.length === 1, { timeoutMs: 2_000, what: "the first apply to begin" });
    // All three were delivered (one batch) and none is acknowledged while the first apply hangs.
    expect(await pendingCount()).toBe(3);
    expect(await versionOf("ana", "p1")).toBeUndefined();

    release();
    await waitFor(async () => (await versionOf("ana", "p3")) === 1, { timeoutMs: 2_000 });
    await waitFor(async () => (await versionOf("ana", "p2")) === 1, { timeoutMs: 5_000, what: "p2 retried" });
    await waitFor(async () => (await pendingCount()) === 0, { timeoutMs: 2_000, what: "all acknowledged" });
    expect(metrics.applyFailures).toBe(2);
    expect(metrics.claimed).toBe(0);
  });

  it("keeps an entry whose change could not be published pending, and its retry publishes it (L2 already holds it)", async () => {
    // Acknowledged after a failed publication, the change would never reach the live tiles: L2 holds
    // it, so nothing else publishes it again.
    const { l2, consumer, append, versionOf, pendingCount, metrics } = await setup();
    const published: ProductChange[] = [];
    let failuresLeft = 2;
    const applier = new UpdateApplier({
      l2,
      bus: new FakeInvalidationBus(),
      changes: {
        publish: async (change) => {
          if (failuresLeft-- > 0) throw new Error("Command timed out");
          published.push(change);
        },
      },
      logger: silentLogger,
    });
    await consumer("gw-a", { applier, claimIdleMs: 60_000 });
    await blockedReads();
    await append(personal("ana", "p1", 3));

    await waitFor(() => published.length === 1, {
      timeoutMs: 5_000,
      what: "the change published on a retry",
    });
    expect(published).toEqual([{ kind: "personal", user: "ana", info: productInfo("p1", 3) }]);
    expect(await versionOf("ana", "p1")).toBe(3);
    await waitFor(async () => (await pendingCount()) === 0, { timeoutMs: 2_000, what: "acknowledged" });
    expect(metrics.applyFailures).toBe(2);
  });

  it("writes a read's entries to L2 in one call, in rounds that keep each viewer's order", async () => {
    const { prefix, l2, consumer, append, versionOf, pendingCount } = await setup();
    const writes: number[] = [];
    const counting: L2Cache = {
      getMany: (keys) => l2.getMany(keys),
      setMany: (entries, options) => l2.setMany(entries, options),
      delete: (keys) => l2.delete(keys),
      writeVersions: (batch) => {
        writes.push(batch.length);
        return l2.writeVersions(batch);
      },
    };
    const changes: ProductChange[] = [];
    const applier = new UpdateApplier({
      l2: counting,
      bus: new FakeInvalidationBus(),
      changes: { publish: async (change) => void changes.push(change) },
      logger: silentLogger,
    });
    // Three viewers' events, then a second event of the first viewer, and one L2 entry that cannot
    // be written (another type at its key): it stays pending alone.
    await producer.hset(`${prefix}{u:dan}:p:p1`, "not", "a string");
    for (const user of ["ana", "bob", "cy", "dan"]) await append(personal(user, "p1", 1));
    await append(personal("ana", "p1", 2));

    await consumer("gw-a", { applier, claimIdleMs: 60_000 });

    await waitFor(async () => (await pendingCount()) === 1, {
      timeoutMs: 5_000,
      what: "all but one acknowledged",
    });
    // Round one: the four viewers' first events (at most four a round); round two: ana's second.
    expect(writes.slice(0, 2)).toEqual([4, 1]);
    expect(await versionOf("ana", "p1")).toBe(2);
    expect(await versionOf("cy", "p1")).toBe(1);
    expect(
      changes
        .filter((change) => change.kind === "personal" && change.user === "ana")
        .map((change) => change.kind !== "plan" && change.info.version),
    ).toEqual([1, 2]);
    expect(changes.some((change) => change.kind === "personal" && change.user === "dan")).toBe(false);
  });

  it("reports the group's lag (entries not yet delivered) and its pending entries", async () => {
    const { applier, consumer, append, pendingCount, metrics } = await setup();
    for (let index = 0; index < 6; index++) await append(personal("ana", `p${index}`, 1));
    let failing = true;
    const flaky = {
      apply: async (event: UpdateEvent): Promise<ApplyOutcome> => {
        if (failing) throw new Error("L2 down");
        return applier.apply(event);
      },
    };

    await consumer("gw-a", { applier: flaky, batchSize: 2, claimIdleMs: 60_000 });

    // The first sample comes before the first read: nothing delivered yet.
    await waitFor(() => metrics.backlogs.length > 0, { timeoutMs: 2_000 });
    expect(metrics.backlogs[0]).toEqual({ lag: 6, pending: 0 });
    await waitFor(() => metrics.backlogs.some(({ lag, pending }) => lag === 0 && pending === 6), {
      timeoutMs: 3_000,
      what: "all delivered, none acknowledged",
    });
    failing = false;
    await waitFor(async () => (await pendingCount()) === 0, { timeoutMs: 3_000, what: "all applied" });
    await waitFor(() => metrics.backlogs.at(-1)?.pending === 0, {
      timeoutMs: 2_000,
      what: "pending 0 sampled",
    });
  });

  it("waits quietly for a client that is still connecting, then consumes", async () => {
    const { stream, applier, append, versionOf } = await setup();
    const logger = new RecordingLogger();
    const redis = await clients.open({
      ready: false,
      lazyConnect: true,
      ...updateStreamClientTimeouts(BLOCK_MS),
    });
    const consumer = new RedisUpdateStream({
      redis,
      applier,
      consumer: "gw-lazy",
      clock: new SystemClock(),
      logger,
      stream,
      blockMs: BLOCK_MS,
    });
    running.push(consumer);
    const readyListeners = redis.listenerCount("ready");
    consumer.start();
    await append(personal("ana", "p1", 1));
    // The consumer has seen its client is not ready and waits for it to be (a "ready" listener).
    await waitFor(() => redis.listenerCount("ready") > readyListeners, {
      timeoutMs: 2_000,
      what: "the consumer waiting for its client",
    });
    expect(await versionOf("ana", "p1")).toBeUndefined();
    expect(logger.at("warn")).toEqual([]);

    await redis.connect();

    await waitFor(async () => (await versionOf("ana", "p1")) === 1, { timeoutMs: 2_000 });
    expect(logger.at("warn")).toEqual([]);
  });

  it("ends a blocking read at once when stopped", async () => {
    const { consumer } = await setup();
    const stream = await consumer("gw-a", { blockMs: 10_000 });
    await blockedReads();

    const startedMs = Date.now();
    await stream.stop();
    expect(Date.now() - startedMs).toBeLessThan(500);
  });

  it("keeps consuming across a Redis restart, recreating its group", async () => {
    const own = await startRedisServer();
    const ownClients = new RedisClients(own.url);
    try {
      const { consumer, append, versionOf } = await setup({ clients: ownClients });
      const ownProducer = await ownClients.open({ commandTimeoutMs: 2_000 });
      await consumer("gw-a");
      await append(personal("ana", "p1", 1), ownProducer);
      await waitFor(async () => (await versionOf("ana", "p1")) === 1, { timeoutMs: 2_000 });

      await own.restart();
      await waitFor(async () => (await append(personal("ana", "p2", 1), ownProducer)) !== null, {
        timeoutMs: 5_000,
        what: "appending after the restart",
      });

      await waitFor(async () => (await versionOf("ana", "p2")) === 1, {
        timeoutMs: 8_000,
        what: "applied after restart",
      });
    } finally {
      await Promise.all(running.splice(0).map((stream) => stream.stop()));
      await ownClients.closeAll();
      await own.stop();
    }
  });
});
