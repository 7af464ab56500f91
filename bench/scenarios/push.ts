import { type Client, createClient } from "graphql-ws";
import { Redis } from "ioredis";
import WebSocket from "ws";
import { createDemoServices } from "../../src/adapters/fakes/demo-catalog.js";
import { FakeRecommendations } from "../../src/adapters/fakes/fake-recommendations.js";
import { SystemClock } from "../../src/adapters/system-clock.js";
import { type ProductInfo, UPDATE_EVENT_SCHEMA_ID, type Viewer } from "../../src/domain/index.js";
import { processCpuSeconds } from "../support/cpu.js";
import { scrape } from "../support/metrics.js";
import { CAPABILITIES, HOME_UPDATES_QUERY, authorizationsFor, postHome } from "../support/home.js";
import { type RunningGateway, rssBytes, startGateway } from "../support/processes.js";
import { median, percentile, settledWithin, sleep } from "../support/stats.js";

export interface PushOptions {
  /** Open subscriptions per measurement, e.g. [1_000, 10_000]; each gets a fresh gateway. */
  readonly subscriptions: readonly number[];
  /** Personal pushes timed per measurement. */
  readonly personalEvents: number;
  /** Generic updates fanned out per measurement. */
  readonly genericEvents: number;
  readonly tiles: number;
  readonly log: (line: string) => void;
}

export interface PushFailure {
  readonly subscriptions: number;
  /** The gateway configuration: "defaults", or what was changed. */
  readonly config: string;
  readonly failure: string;
}

export type PushOutcome = PushResult | PushFailure;

export interface PushResult {
  readonly subscriptions: number;
  readonly config: string;
  /** How many of them were open and listening when the events were sent. */
  readonly open: number;
  /** "stream" (XADD, applied by the gateway's update consumer) or "pubsub" (PUBLISH on the change feed). */
  readonly path: "stream" | "pubsub";
  readonly personal: {
    readonly sent: number;
    readonly received: number;
    readonly p50Ms: number;
    readonly p99Ms: number;
  };
  readonly rssPerConnectionKiB: number;
  readonly rssBeforeMiB: number;
  readonly rssAfterMiB: number;
  readonly generic: {
    readonly subscribers: number;
    readonly events: number;
    /** Medians over the events of: the first, the median, the 99th percentile and the last subscriber's delivery. */
    readonly firstMs: number;
    readonly p50Ms: number;
    readonly p99Ms: number;
    readonly lastMs: number;
    /** Deliveries missing when the wait ended, over all events. */
    readonly missing: number;
  };
  /** Seconds to open the user subscriptions (connect, authenticate, subscribe, snapshot). */
  readonly setupSec: number;
}

/**
 * Sockets opened at once. Larger bursts make the gateway's Redis SUBSCRIBE calls outlast their
 * 100 ms command timeout on a busy 2-core machine, and a failed SUBSCRIBE crashes the gateway
 * (an unhandled rejection inside graphql-redis-subscriptions): see docs/BENCHMARKS.md.
 */
const OPEN_BATCH = 25;
const MARKER = "bench-push:";

/**
 * Push latency: from the event appended (XADD to the update stream when the gateway consumes one,
 * else PUBLISH on the change feed's channel) to the tile arriving at a subscribed graphql-ws client
 * in this process, with N open subscriptions on one gateway instance.
 */
export async function pushScenario(options: PushOptions): Promise<PushOutcome[]> {
  const results: PushOutcome[] = [];
  for (const count of options.subscriptions) {
    // The gateway's defaults first. If it does not survive them, once more with a Redis command
    // timeout that outlasts a busy moment, so the run still says what N subscriptions cost.
    for (const config of PUSH_CONFIGS) {
      const outcome = await measureOnFreshGateway(count, config, options);
      results.push(outcome);
      if (!("failure" in outcome)) break;
    }
  }
  return results;
}

const PUSH_CONFIGS: readonly { readonly label: string; readonly env: Readonly<Record<string, string>> }[] = [
  { label: "defaults", env: {} },
  { label: "REDIS_COMMAND_TIMEOUT_MS=1000", env: { REDIS_COMMAND_TIMEOUT_MS: "1000" } },
];

async function measureOnFreshGateway(
  count: number,
  config: (typeof PUSH_CONFIGS)[number],
  options: PushOptions,
): Promise<PushOutcome> {
  options.log(`push: ${count} subscriptions, gateway ${config.label}`);
  const gateway = await startGateway({
    name: `live-${count}`,
    tiles: options.tiles,
    l1: true,
    // Snapshots of thousands of new viewers would otherwise wait on simulated upstream latency.
    demoLatencyMs: 0,
    env: { MAX_CONNECTIONS_PER_VIEWER: String(Math.max(10_000, count)), ...config.env },
  });
  const admin = new Redis(gateway.redis.url, { lazyConnect: false, maxRetriesPerRequest: 1 });
  const progress = { open: 0 };
  try {
    return { ...(await measure(gateway, admin, count, options, progress)), config: config.label };
  } catch (error) {
    // One failed measurement must not lose the others: it is reported as a row of its own.
    const exited = gateway.process.exited();
    const reason = exited
      ? `the gateway process exited (${firstErrorLine(gateway.process.output())}) with ${progress.open} sockets open`
      : describeError(error);
    options.log(`push: ${count} subscriptions FAILED: ${reason}`);
    if (exited) options.log(gateway.process.output().slice(-4_000));
    return { subscriptions: count, config: config.label, failure: reason };
  } finally {
    admin.disconnect();
    await gateway.stop();
  }
}

interface Subscriber {
  readonly client: Client;
  /** Resolves when the socket has closed (or never opened). */
  readonly closed: Promise<void>;
  /** Arrival time (performance.now()) of each marked tile, by marker. */
  readonly arrivals: Map<string, number>;
  /** The first error the subscription reported, if any. */
  error?: string;
}

async function measure(
  gateway: RunningGateway,
  admin: Redis,
  count: number,
  options: PushOptions,
  progress: { open: number },
): Promise<Omit<PushResult, "config">> {
  const { log } = options;
  const publisher = await updatePublisher(admin);
  log(`push: events go through ${publisher.path === "stream" ? `XADD ${publisher.stream}` : "PUBLISH"}`);
  const plans = new DemoPlans(options.tiles);
  const users = Array.from({ length: count }, (_, index) => `live-${String(index).padStart(5, "0")}`);
  const authorizations = await authorizationsFor(users);

  await settle(gateway.process.pid);
  const rssBefore = await rssBytes(gateway.process.pid);
  const setupStartedMs = performance.now();
  const subscribers = await openSubscribers(gateway.origin, authorizations, progress, log);
  try {
    const open = await waitForUserChannels(admin, count, 60_000 + count * 20);
    await settle(gateway.process.pid);
    await closedBreaker(gateway.origin, authorizations[0] as string, log);
    const setupSec = (performance.now() - setupStartedMs) / 1_000;
    const rssAfter = await rssBytes(gateway.process.pid);
    log(`push: ${open}/${count} listening after ${setupSec.toFixed(1)} s${failures(subscribers)}`);

    // Personal pushes, paced at 100 a second, each to another viewer's hero tile.
    const sent: { marker: string; at: number; subscriber: Subscriber }[] = [];
    const base = Date.now();
    for (let index = 0; index < options.personalEvents; index++) {
      const userIndex = (index * 7_919) % count;
      const user = users[userIndex] as string;
      const marker = `${MARKER}p${index}`;
      const info = { ...(await plans.heroPersonal(user)), version: base + index, title: marker };
      const at = performance.now();
      await publisher.personal(user, info);
      sent.push({ marker, at, subscriber: subscribers[userIndex] as Subscriber });
      await sleep(10);
    }
    await waitUntil(() => sent.every((event) => event.subscriber.arrivals.has(event.marker)), 5_000);
    const latencies = sent.flatMap((event) => {
      const arrived = event.subscriber.arrivals.get(event.marker);
      return arrived === undefined ? [] : [arrived - event.at];
    });
    log(
      `push: personal ${latencies.length}/${sent.length} received, p50 ${median(latencies).toFixed(1)} ms${await appliedSummary(gateway.origin, publisher)}`,
    );
    await closeAll(subscribers);

    const generic = await genericFanOut(gateway, publisher, plans, count, options);
    return {
      subscriptions: count,
      open,
      path: publisher.path,
      personal: {
        sent: sent.length,
        received: latencies.length,
        p50Ms: median(latencies),
        p99Ms: percentile(latencies, 99),
      },
      rssPerConnectionKiB: (rssAfter - rssBefore) / count / 1_024,
      rssBeforeMiB: rssBefore / 1_024 ** 2,
      rssAfterMiB: rssAfter / 1_024 ** 2,
      generic,
      setupSec,
    };
  } finally {
    await closeAll(subscribers);
  }
}

/**
 * One generic update for everyone: N anonymous subscribers (they see generic tiles, so each one
 * gets the tile), timed from the publish to each delivery.
 */
async function genericFanOut(
  gateway: RunningGateway,
  publisher: UpdatePublisher,
  plans: DemoPlans,
  count: number,
  options: PushOptions,
): Promise<PushResult["generic"]> {
  const subscribers = await openSubscribers(
    gateway.origin,
    Array.from({ length: count }, () => undefined),
    undefined,
    options.log,
  );
  try {
    // Anonymous subscriptions listen on one shared channel, so Redis cannot tell how many are live:
    // probe until every subscriber has heard one.
    let version = Date.now();
    const hero = await plans.heroGeneric();
    const deadlineMs = Date.now() + 60_000 + count * 10;
    let probes = 0;
    const heard = (subscriber: Subscriber): boolean =>
      [...subscriber.arrivals.keys()].some((marker) => marker.startsWith(`${MARKER}probe`));
    while (Date.now() < deadlineMs && !subscribers.every(heard)) {
      const marker = `${MARKER}probe${probes++}`;
      await publisher.generic({ ...hero, version: ++version, title: marker });
      // The next probe only once this one's deliveries have stopped coming: a fan-out to thousands
      // takes seconds, and probes sent faster only pile up behind each other.
      await untilStable(
        () => subscribers.filter((subscriber) => subscriber.arrivals.has(marker)).length,
        count,
      );
    }
    const listeners = subscribers.filter(heard);
    const listening = listeners.length;
    options.log(
      `push: ${listening}/${count} anonymous subscribers hear generic updates (${probes} probes)${failures(subscribers)}`,
    );
    await settle(gateway.process.pid);

    const first: number[] = [];
    const middle: number[] = [];
    const high: number[] = [];
    const last: number[] = [];
    let missing = 0;
    for (let index = 0; index < options.genericEvents; index++) {
      const marker = `${MARKER}g${index}`;
      const at = performance.now();
      await publisher.generic({ ...hero, version: ++version, title: marker });
      await waitUntil(
        () => listeners.every((subscriber) => subscriber.arrivals.has(marker)),
        15_000 + count * 3,
      );
      const delays = listeners.flatMap((subscriber) => {
        const arrived = subscriber.arrivals.get(marker);
        return arrived === undefined ? [] : [arrived - at];
      });
      missing += listening - delays.length;
      first.push(Math.min(...delays));
      middle.push(median(delays));
      high.push(percentile(delays, 99));
      last.push(Math.max(...delays));
      await settle(gateway.process.pid);
    }
    return {
      subscribers: listening,
      events: options.genericEvents,
      firstMs: median(first),
      p50Ms: median(middle),
      p99Ms: median(high),
      lastMs: median(last),
      missing: Math.max(0, missing),
    };
  } finally {
    await closeAll(subscribers);
  }
}

/** Opens one socket and one homeUpdates subscription per authorization (undefined: anonymous). */
async function openSubscribers(
  origin: string,
  authorizations: readonly (string | undefined)[],
  progress: { open: number } = { open: 0 },
  log?: (line: string) => void,
): Promise<Subscriber[]> {
  const subscribers: Subscriber[] = [];
  const startedMs = performance.now();
  for (let start = 0; start < authorizations.length; start += OPEN_BATCH) {
    progress.open = start;
    if (log && start > 0 && start % 2_000 === 0) {
      log(`push: ${start} sockets open after ${((performance.now() - startedMs) / 1_000).toFixed(1)} s`);
    }
    const batch = authorizations.slice(start, start + OPEN_BATCH);
    await Promise.all(
      batch.map(async (authorization) => {
        let acknowledge = (): void => undefined;
        let markClosed = (): void => undefined;
        const closed = new Promise<void>((resolve) => (markClosed = resolve));
        const acknowledged = new Promise<void>((resolve) => (acknowledge = resolve));
        const client = createClient({
          url: `${origin.replace(/^http/, "ws")}/graphql`,
          webSocketImpl: TrackedWebSocket,
          connectionParams: authorization ? { authorization } : {},
          lazy: false,
          retryAttempts: 0,
          onNonLazyError: () => acknowledge(),
          on: {
            connected: () => acknowledge(),
            closed: () => {
              acknowledge();
              markClosed();
            },
          },
        });
        const subscriber: Subscriber = { client, closed, arrivals: new Map() };
        client.subscribe<{ homeUpdates?: { tile?: { title?: string } } }>(
          { query: HOME_UPDATES_QUERY, variables: { capabilities: CAPABILITIES } },
          {
            next: (message) => {
              const title = message.data?.homeUpdates?.tile?.title;
              if (title?.startsWith(MARKER)) subscriber.arrivals.set(title, performance.now());
            },
            error: (error) => {
              subscriber.error ??= describeError(error);
            },
            complete: () => undefined,
          },
        );
        subscribers.push(subscriber);
        await settledWithin(acknowledged, 30_000);
      }),
    );
  }
  return subscribers;
}

/** What the gateway's update consumer did with the events, from its counters (stream path only). */
async function appliedSummary(origin: string, publisher: UpdatePublisher): Promise<string> {
  if (publisher.path !== "stream") return "";
  const applied = (await scrape(origin)).filter(
    (sample) => sample.name === "home_gateway_updates_applied_total" && sample.value > 0,
  );
  return `; gateway applied: ${applied.map((sample) => `${sample.labels.kind} ${sample.labels.result} ${sample.value}`).join(", ")}`;
}

function firstErrorLine(output: string): string {
  return (
    output.split("\n").find((line) => /^\w*Error\b/.test(line)) ?? output.trim().split("\n").at(-1) ?? ""
  );
}

/** How many subscriptions failed, and the first reason, for the log. */
function failures(subscribers: readonly Subscriber[]): string {
  const failed = subscribers.filter((subscriber) => subscriber.error !== undefined);
  return failed.length === 0 ? "" : `; ${failed.length} failed, e.g. ${failed[0]?.error}`;
}

function describeError(error: unknown): string {
  if (Array.isArray(error)) return error.map(describeError).join("; ");
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "code" in error && "reason" in error) {
    return `socket closed ${String(error.code)} ${String(error.reason)}`;
  }
  return JSON.stringify(error);
}

/** Every client socket not yet closed, so none outlives the scenario. */
const openSockets = new Set<WebSocket>();

class TrackedWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    openSockets.add(this);
    this.once("close", () => openSockets.delete(this));
  }
}

/**
 * Closes every subscription's socket and waits (at most 10 s) for the gateway to answer; what is
 * still open then is cut. A socket left closing waits 30 s for an answer that a stopped gateway
 * never sends, and keeps the bench alive meanwhile.
 */
async function closeAll(subscribers: readonly Subscriber[]): Promise<void> {
  for (const subscriber of subscribers) void subscriber.client.dispose();
  await settledWithin(Promise.all(subscribers.map((subscriber) => subscriber.closed)), 10_000);
  for (const socket of openSockets) socket.terminate();
}

/**
 * Waits (at most 60 s) until the gateway's L2 circuit breaker is closed. Thousands of snapshots at
 * once can make L2 writes miss their timeout on a busy machine and open it; an update then cannot
 * be applied (its L2 write is refused) and waits for a retry, which would time the breaker, not
 * the push. A home request lets the half-open breaker probe Redis.
 */
export async function closedBreaker(
  origin: string,
  authorization: string,
  log: (line: string) => void,
): Promise<void> {
  const deadlineMs = Date.now() + 60_000;
  let reported = false;
  while (Date.now() < deadlineMs) {
    const closed = (await scrape(origin)).some(
      (sample) =>
        sample.name === "home_gateway_circuit_breaker_state" &&
        sample.labels.breaker === "l2" &&
        sample.labels.state === "closed" &&
        sample.value === 1,
    );
    if (closed) return;
    if (!reported)
      log(
        "push: the gateway's L2 breaker opened while the subscriptions were set up; waiting for it to close",
      );
    reported = true;
    await postHome(origin, authorization).catch(() => undefined);
    await sleep(500);
  }
  throw new Error("the gateway's L2 circuit breaker stayed open for 60 s");
}

/** Polls Redis until `count` per-viewer change channels have a subscriber; returns how many do. */
export async function waitForUserChannels(admin: Redis, count: number, timeoutMs: number): Promise<number> {
  const deadlineMs = Date.now() + timeoutMs;
  let listening = 0;
  while (Date.now() < deadlineMs) {
    listening = ((await admin.call("PUBSUB", "CHANNELS", "*changes:user:*")) as string[]).length;
    if (listening >= count) break;
    await sleep(250);
  }
  return listening;
}

/** Waits until `count()` reaches `target` or stops growing for a second (at most 30 s). */
export async function untilStable(count: () => number, target: number): Promise<void> {
  const deadlineMs = Date.now() + 30_000;
  let last = -1;
  let changedAtMs = Date.now();
  while (Date.now() < deadlineMs) {
    const current = count();
    if (current >= target) return;
    if (current !== last) {
      last = current;
      changedAtMs = Date.now();
    } else if (Date.now() - changedAtMs > 1_000) {
      return;
    }
    await sleep(50);
  }
}

export async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadlineMs = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadlineMs) await sleep(5);
}

/**
 * Waits until the process has used under 5 % of a core for half a second (at most 30 s), so a
 * measurement does not start while it still works through the previous step.
 */
export async function settle(pid: number): Promise<void> {
  const deadlineMs = Date.now() + 30_000;
  let previous = await processCpuSeconds(pid);
  while (Date.now() < deadlineMs) {
    await sleep(500);
    const current = await processCpuSeconds(pid);
    if (current - previous < 0.025) return;
    previous = current;
  }
}

export interface UpdatePublisher {
  readonly path: "stream" | "pubsub";
  readonly stream?: string;
  personal(user: string, info: ProductInfo): Promise<void>;
  generic(info: ProductInfo): Promise<void>;
}

/**
 * XADD to the update stream when the gateway consumes one (a stream with a consumer group exists in
 * its Redis), else PUBLISH straight on the change feed's channels, skipping the ingest.
 */
export async function updatePublisher(admin: Redis): Promise<UpdatePublisher> {
  const stream = await consumedStream(admin);
  if (stream) {
    const append = async (event: Record<string, unknown>): Promise<void> => {
      await admin.xadd(stream, "*", "event", JSON.stringify({ schema: UPDATE_EVENT_SCHEMA_ID, ...event }));
    };
    return {
      path: "stream",
      stream,
      personal: (user, info) => append({ kind: "personal", user, product: info }),
      generic: (info) => append({ kind: "generic", product: info }),
    };
  }
  const prefix = "hg:";
  return {
    path: "pubsub",
    personal: async (user, info) => {
      await admin.publish(
        `${prefix}changes:user:${encodeURIComponent(user)}`,
        JSON.stringify({ kind: "personal", user, info }),
      );
    },
    generic: async (info) => {
      await admin.publish(`${prefix}changes:generic`, JSON.stringify({ kind: "generic", info }));
    },
  };
}

async function consumedStream(admin: Redis): Promise<string | undefined> {
  let cursor = "0";
  do {
    const [next, keys] = await admin.scan(cursor, "COUNT", 1_000, "TYPE", "stream");
    cursor = next;
    for (const key of keys) {
      if (key.endsWith(":dead")) continue;
      const groups = (await admin.call("XINFO", "GROUPS", key)) as unknown[];
      if (groups.length > 0) return key;
    }
  } while (cursor !== "0");
  return undefined;
}

/** The demo's plans and data, computed here exactly as the gateway's demo upstreams compute them. */
export class DemoPlans {
  private readonly services;
  private readonly recommendations;

  constructor(tiles: number) {
    const clock = new SystemClock();
    this.services = createDemoServices({ clock });
    this.recommendations = new FakeRecommendations({ clock, services: this.services, tilesPerUser: tiles });
  }

  /** The viewer's personalised info for the product of their hero tile. */
  async heroPersonal(user: string): Promise<ProductInfo> {
    const ref = await this.hero({ kind: "user", id: user });
    const info = this.service(ref.service).peekPersonal(user, ref.id);
    if (!info) throw new Error(`no personal info for ${user} and ${ref.id}`);
    return info;
  }

  /** The generic info of the anonymous viewers' hero product. */
  async heroGeneric(): Promise<ProductInfo> {
    const ref = await this.hero({ kind: "anonymous" });
    const info = this.service(ref.service).peekGeneric(ref.id);
    if (!info) throw new Error(`no generic info for ${ref.id}`);
    return info;
  }

  private async hero(viewer: Viewer): Promise<{ id: string; service: string }> {
    const plan = await this.recommendations.forViewer(viewer);
    const ref = plan.sections[0]?.products[0];
    if (!ref) throw new Error("the demo plan has no hero");
    return ref;
  }

  private service(id: string) {
    const service = this.services.find((candidate) => candidate.id === id);
    if (!service) throw new Error(`no demo service ${id}`);
    return service;
  }
}
