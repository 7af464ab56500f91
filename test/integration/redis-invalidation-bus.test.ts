import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PromTelemetry } from "../../src/adapters/prom-telemetry.js";
import { RedisInvalidationBus } from "../../src/adapters/redis-invalidation-bus.js";
import { type CacheKey, type InvalidationHandlers, genericKey } from "../../src/domain/index.js";
import { RedisClients } from "../support/redis-clients.js";
import { type RedisServer, startRedisServer, testKeyPrefix } from "../support/redis-server.js";
import { silentLogger } from "../support/silent-logger.js";
import { waitFor } from "../support/wait-for.js";

let server: RedisServer;
let clients: RedisClients;
let admin: Redis;
let channelPrefix: string;

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  clients = new RedisClients(server.url);
  admin = await clients.open({ connectionName: "test-admin" });
  channelPrefix = testKeyPrefix("redis-bus");
});
afterEach(async () => {
  await clients.closeAll();
});

class Recorder implements InvalidationHandlers {
  readonly messages: CacheKey[][] = [];
  readonly losses: string[] = [];
  onInvalidate(keys: readonly CacheKey[]): void {
    this.messages.push([...keys]);
  }
  onPossibleLoss(reason: string): void {
    this.losses.push(reason);
  }
  received(product: string): boolean {
    return this.messages.some((keys) => keys.some((key) => key.product === product));
  }
}

async function newBus(options: { ready?: boolean; telemetry?: PromTelemetry } = {}) {
  const ready = options.ready ?? true;
  const [publisher, subscriber] = await Promise.all([
    clients.open({ connectionName: "test-publisher", ready }),
    clients.open({ connectionName: "test-subscriber", autoResubscribe: false, ready }),
  ]);
  const bus = new RedisInvalidationBus({
    publisher,
    subscriber,
    channelPrefix,
    logger: silentLogger,
    readyTimeoutMs: 200,
    ...(options.telemetry ? { metrics: options.telemetry } : {}),
  });
  return { bus, publisher, subscriber };
}

const DEADLINE = { timeoutMs: 10_000 };

describe("RedisInvalidationBus against a real Redis", () => {
  it("reports possible loss when its pub/sub connection is killed, and hears new messages afterwards", async () => {
    const publisher = await newBus();
    const listener = await newBus();
    const recorder = new Recorder();
    await listener.bus.subscribe(recorder);

    const killed = await admin.client("KILL", "TYPE", "pubsub");
    expect(killed).toBe(1);

    await waitFor(() => recorder.losses.length === 1, DEADLINE);
    expect(recorder.losses[0]).toMatch(/^reconnect/);
    await publisher.bus.publish([genericKey("after-kill")]);
    await waitFor(() => recorder.received("after-kill"), DEADLINE);
  });

  it("reports possible loss when Redis restarts, and hears new messages afterwards", async () => {
    const publisher = await newBus();
    const listener = await newBus();
    const recorder = new Recorder();
    await listener.bus.subscribe(recorder);

    await server.restart();

    await waitFor(() => recorder.losses.length > 0, DEADLINE);
    // The publisher's connection came back too; retry until a message makes it through.
    await waitFor(async () => {
      await publisher.bus.publish([genericKey("after-restart")]).catch(() => undefined);
      return recorder.received("after-restart");
    }, DEADLINE);
  });

  it("reports a gap in a publisher's sequence numbers", async () => {
    const listener = await newBus();
    const recorder = new Recorder();
    await listener.bus.subscribe(recorder);
    const channel = `${channelPrefix}l1-invalidate`;
    const message = (sequence: number, product: string) =>
      JSON.stringify({ p: "other-instance", s: sequence, k: [["g", product]] });

    await admin.publish(channel, message(1, "one"));
    await admin.publish(channel, message(2, "two"));
    await admin.publish(channel, message(5, "five"));

    await waitFor(() => recorder.messages.length === 3, DEADLINE);
    expect(recorder.losses).toHaveLength(1);
    expect(recorder.losses[0]).toMatch(/^gap/);
  });

  it("reports an unreadable message as a possible loss", async () => {
    const listener = await newBus();
    const recorder = new Recorder();
    await listener.bus.subscribe(recorder);

    await admin.publish(`${channelPrefix}l1-invalidate`, '{"p":"x","s":1,"k":[["zz"]]}');

    await waitFor(() => recorder.losses.length === 1, DEADLINE);
    expect(recorder.losses[0]).toMatch(/^malformed/);
    expect(recorder.messages).toEqual([]);
  });

  it("does not hold up subscribe while Redis is down, and reports possible loss once it subscribed", async () => {
    await server.stop();
    const listener = await newBus({ ready: false });
    const recorder = new Recorder();

    await listener.bus.subscribe(recorder);
    expect(recorder.losses).toEqual([]);

    await server.restart();
    await waitFor(() => recorder.losses.length === 1, DEADLINE);
    expect(recorder.losses[0]).toMatch(/^late-subscribe/);
    const publisher = await newBus();
    await publisher.bus.publish([genericKey("after-start")]);
    await waitFor(() => recorder.received("after-start"), DEADLINE);
  });

  it("counts messages sent and received, gaps and resets in its metrics", async () => {
    const telemetry = new PromTelemetry({ collectDefaultMetrics: false });
    const listener = await newBus({ telemetry });
    const recorder = new Recorder();
    await listener.bus.subscribe(recorder);

    await listener.bus.publish([genericKey("a"), genericKey("b")]);
    await waitFor(() => recorder.messages.length === 1, DEADLINE);
    const channel = `${channelPrefix}l1-invalidate`;
    await admin.publish(channel, JSON.stringify({ p: "other", s: 1, k: [] }));
    await admin.publish(channel, JSON.stringify({ p: "other", s: 3, k: [] }));
    await waitFor(() => recorder.messages.length === 3, DEADLINE);

    const metrics = await telemetry.registry.getMetricsAsJSON();
    const value = (name: string, labels: Record<string, string> = {}) =>
      metrics
        .find((metric) => metric.name === name)
        ?.values.find((sample) =>
          Object.entries(labels).every(([key, label]) => sample.labels[key] === label),
        )?.value;
    expect(value("home_gateway_invalidation_messages_sent_total")).toBe(1);
    expect(value("home_gateway_invalidation_keys_sent_total")).toBe(2);
    expect(value("home_gateway_invalidation_messages_received_total")).toBe(3);
    expect(value("home_gateway_invalidation_gaps_total")).toBe(1);
    expect(value("home_gateway_l1_possible_loss_resets_total", { cause: "gap" })).toBe(1);
  });
});
