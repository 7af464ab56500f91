/**
 * npm run bench:push [-- --subscriptions 1000,4000,10000] [--events 10] [--personal 100]
 *                      [--baseline /path/to/other/checkout]
 *
 * Push at scale on one gateway instance (Redis mode, a redis-server of its own; events appended
 * with XADD to the update stream, as upstreams do). For each N, on a fresh gateway:
 *
 * 1. N signed-in subscriptions open: the gateway's RSS per subscription, each side measured after a
 *    full garbage collection (`--expose-gc`, bench/support/gc-on-signal.mjs).
 * 2. All but `--personal` of them closed, N anonymous subscriptions opened (anonymous viewers see
 *    the generic tile, so a generic event reaches every one of them), then `--events` generic events,
 *    one at a time. For each: the first, median and last delivery (XADD → the client read it), the
 *    gateway's CPU time until the last delivery, the event loop's longest delay meanwhile
 *    (`monitorEventLoopDelay`, read from /metrics, which resets it on every scrape), and personal
 *    events XADDed every 5 ms to the signed-in subscribers while the fan-out runs (XADD → client).
 *    The gateway's RSS is sampled (no forced collection) after each event: it should stay flat.
 *
 * With `--baseline`, each N is measured on a gateway run from that checkout first, then on this
 * one, in the same run, so that the two rows share the machine's load.
 *
 * The clients live in this process, the gateway in its own: its CPU is read from /proc. The clients
 * are bare graphql-transport-ws sockets that only look for a marker in the text of each message
 * (no JSON parse), so that the client side adds as little as possible to the delivery times.
 */
import os from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import WebSocket from "ws";
import { processCpuSeconds } from "./support/cpu.js";
import { summariseProfile } from "./support/cpu-profile.js";
import { CAPABILITIES, HOME_UPDATES_QUERY, authorizationsFor } from "./support/home.js";
import { describeMachine } from "./support/machine.js";
import { scrape } from "./support/metrics.js";
import { type RunningGateway, rssBytes, startGateway } from "./support/processes.js";
import { median, percentile, settledWithin, sleep } from "./support/stats.js";
import {
  DemoPlans,
  type UpdatePublisher,
  closedBreaker,
  settle,
  untilStable,
  updatePublisher,
  waitForUserChannels,
  waitUntil,
} from "./scenarios/push.js";

const MARKER = "bench-push:";
/** A marker as it first appears in a message (a tile also repeats its title in other fields). */
const MARKED = /bench-push:[a-z]+\d+/;
const OPEN_BATCH = 25;
const PERSONAL_INTERVAL_MS = 5;

const { values: flags } = parseArgs({
  options: {
    subscriptions: { type: "string", default: "1000,4000" },
    events: { type: "string", default: "10" },
    personal: { type: "string", default: "100" },
    tiles: { type: "string", default: "24" },
    baseline: { type: "string" },
    /** Profiles the gateway's CPU over the generic events (not its set-up); prints the top functions. */
    profile: { type: "boolean", default: false },
  },
});
const counts = (flags.subscriptions ?? "").split(",").map(Number);
const EVENTS = Number(flags.events);
const PERSONAL = Number(flags.personal);
const TILES = Number(flags.tiles);

interface Row {
  readonly n: number;
  readonly code: string;
  readonly setupSec: number;
  readonly rssPerSignedInKiB: number;
  readonly listening: number;
  readonly firstMs: number[];
  readonly medianMs: number[];
  readonly lastMs: number[];
  readonly cpuMs: number[];
  readonly loopMaxMs: number[];
  readonly personalMs: number[];
  readonly personalSent: number;
  readonly missing: number;
  readonly rssMiB: number[];
  readonly collectedAfterMiB: number;
  readonly collectedBeforeMiB: number;
}

async function main(): Promise<void> {
  const machine = describeMachine();
  log(
    `machine: ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, redis ${machine.redis}; load ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(" ")}`,
  );
  const rows: Row[] = [];
  for (const n of counts) {
    if (flags.baseline) rows.push(await measure(n, flags.baseline));
    rows.push(await measure(n));
  }
  console.log(`\n${table(rows)}`);
  log(
    `load at the end ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(" ")}`,
  );
}

async function measure(n: number, root?: string): Promise<Row> {
  const code = root ? `baseline (${root})` : "this checkout";
  log(`${n} subscriptions, ${code}`);
  const gateway = await startGateway({
    name: `push-${n}`,
    tiles: TILES,
    l1: true,
    demoLatencyMs: 0,
    ...(root ? { root } : {}),
    env: { MAX_CONNECTIONS_PER_VIEWER: String(Math.max(10_000, n)), BENCH_PROFILE_DIR: "/tmp" },
    nodeArgs: [
      "--expose-gc",
      "--import",
      fileURLToPath(new URL("./support/gc-on-signal.mjs", import.meta.url)),
      ...(flags.profile
        ? ["--import", fileURLToPath(new URL("./support/profile-on-signal.mjs", import.meta.url))]
        : []),
    ],
  });
  const admin = new Redis(gateway.redis.url, { lazyConnect: false, maxRetriesPerRequest: 1 });
  const sockets: Subscriber[] = [];
  try {
    const publisher = await updatePublisher(admin);
    if (publisher.path !== "stream") throw new Error("the gateway consumes no update stream");
    const plans = new DemoPlans(TILES);
    const users = Array.from({ length: n }, (_, index) => `push-${String(index).padStart(5, "0")}`);
    const authorizations = await authorizationsFor(users);
    const url = `${gateway.origin.replace(/^http/, "ws")}/graphql`;

    // 1. N signed-in subscriptions: memory.
    await settle(gateway.process.pid);
    const before = await collectedMemory(gateway);
    const startedMs = performance.now();
    const signedIn = await openAll(url, authorizations, sockets);
    const listening = await waitForUserChannels(admin, n, 60_000 + n * 20);
    const setupSec = (performance.now() - startedMs) / 1_000;
    await settle(gateway.process.pid);
    const withSignedIn = await collectedMemory(gateway);
    const rssPerSignedInKiB = (withSignedIn.rss - before.rss) / n / 1_024;
    log(
      `${listening}/${n} signed-in listening after ${setupSec.toFixed(1)} s${failures(signedIn)}; RSS after GC ${mib(before.rss)} → ${mib(withSignedIn.rss)} MiB: ${rssPerSignedInKiB.toFixed(1)} KiB each`,
    );
    await closedBreaker(gateway.origin, authorizations[0] as string, log);

    // 2. Keep PERSONAL of them, open N anonymous ones.
    const personal = signedIn.slice(0, PERSONAL);
    await closeAll(signedIn.slice(PERSONAL));
    const personalInfo = await Promise.all(users.slice(0, PERSONAL).map((user) => plans.heroPersonal(user)));
    const anonymous = await openAll(
      url,
      Array.from({ length: n }, () => undefined),
      sockets,
    );
    const hero = await plans.heroGeneric();
    let version = Date.now();
    let probes = 0;
    const heard = (subscriber: Subscriber): boolean =>
      [...subscriber.arrivals.keys()].some((marker) => marker.startsWith(`${MARKER}probe`));
    const deadlineMs = Date.now() + 60_000 + n * 10;
    while (Date.now() < deadlineMs && !anonymous.every(heard)) {
      const marker = `${MARKER}probe${probes++}`;
      await publisher.generic({ ...hero, version: ++version, title: marker });
      await untilStable(() => anonymous.filter((s) => s.arrivals.has(marker)).length, n);
    }
    const listeners = anonymous.filter(heard);
    log(`${listeners.length}/${n} anonymous hear generic events (${probes} probes)${failures(anonymous)}`);
    await settle(gateway.process.pid);

    const row = {
      firstMs: [] as number[],
      medianMs: [] as number[],
      lastMs: [] as number[],
      cpuMs: [] as number[],
      loopMaxMs: [] as number[],
      personalMs: [] as number[],
      rssMiB: [] as number[],
    };
    let personalSent = 0;
    let missing = 0;
    if (flags.profile) await profileSignal(gateway, "profile-started");
    for (let index = 0; index < EVENTS; index++) {
      const marker = `${MARKER}g${index}`;
      await loopMaxMs(gateway); // resets the histogram
      const cpuBefore = await processCpuSeconds(gateway.process.pid);
      const at = performance.now();
      await publisher.generic({ ...hero, version: ++version, title: marker });
      // Personal events while the fan-out runs, each to another signed-in subscriber.
      const sent: { marker: string; at: number; subscriber: Subscriber }[] = [];
      const done = (): boolean => listeners.every((subscriber) => subscriber.arrivals.has(marker));
      const timeoutMs = 15_000 + n * 3;
      while (!done() && performance.now() - at < timeoutMs && personal.length > 0) {
        const target = personalSent % personal.length;
        const personalMarker = `${MARKER}p${personalSent++}`;
        const info = {
          ...(personalInfo[target] as NonNullable<(typeof personalInfo)[number]>),
          version: Date.now() * 1_000 + personalSent,
          title: personalMarker,
        };
        const sentAt = performance.now();
        await personalEvent(publisher, users[target] as string, info);
        sent.push({ marker: personalMarker, at: sentAt, subscriber: personal[target] as Subscriber });
        await sleep(PERSONAL_INTERVAL_MS);
      }
      await waitUntil(done, timeoutMs);
      const cpuMs = ((await processCpuSeconds(gateway.process.pid)) - cpuBefore) * 1_000;
      await waitUntil(() => sent.every((event) => event.subscriber.arrivals.has(event.marker)), 5_000);
      const delays = listeners.flatMap((subscriber) => {
        const arrived = subscriber.arrivals.get(marker);
        return arrived === undefined ? [] : [arrived - at];
      });
      missing += listeners.length - delays.length;
      row.firstMs.push(Math.min(...delays));
      row.medianMs.push(median(delays));
      row.lastMs.push(Math.max(...delays));
      row.cpuMs.push(cpuMs);
      row.loopMaxMs.push(await loopMaxMs(gateway));
      for (const event of sent) {
        const arrived = event.subscriber.arrivals.get(event.marker);
        row.personalMs.push(arrived === undefined ? Number.POSITIVE_INFINITY : arrived - event.at);
      }
      await settle(gateway.process.pid);
      row.rssMiB.push((await rssBytes(gateway.process.pid)) / 2 ** 20);
      log(
        `generic ${index}: first ${fmt(row.firstMs.at(-1))} / median ${fmt(row.medianMs.at(-1))} / last ${fmt(row.lastMs.at(-1))} ms, CPU ${fmt(cpuMs)} ms, loop max ${fmt(row.loopMaxMs.at(-1))} ms, ${sent.length} personal meanwhile, RSS ${fmt(row.rssMiB.at(-1))} MiB`,
      );
    }
    if (flags.profile) {
      const file = await profileSignal(gateway, "profile-written ");
      const summary = await summariseProfile(file, {
        top: 40,
        watch: [/execute|buildTile|generic|stringify|send|screenUpdates|run /],
      });
      log(`profile ${file}: ${summary.totalMs.toFixed(0)} ms, idle ${summary.idleMs.toFixed(0)} ms`);
      for (const line of [...summary.places, ...summary.functions, ...summary.inclusive]) {
        log(
          `  ${line.selfMs.toFixed(0).padStart(6)} ms ${(line.share * 100).toFixed(1).padStart(5)} %  ${line.name}`,
        );
      }
    }
    const after = await collectedMemory(gateway);
    return {
      n,
      code,
      setupSec,
      rssPerSignedInKiB,
      listening: listeners.length,
      ...row,
      personalSent,
      missing,
      collectedBeforeMiB: withSignedIn.rss / 2 ** 20,
      collectedAfterMiB: after.rss / 2 ** 20,
    };
  } finally {
    await closeAll(sockets);
    admin.disconnect();
    await gateway.stop();
  }
}

async function personalEvent(
  publisher: UpdatePublisher,
  user: string,
  info: Parameters<UpdatePublisher["personal"]>[1],
): Promise<void> {
  await publisher.personal(user, info);
}

/** The gateway's longest event-loop delay since the previous call, in ms (each scrape resets it). */
async function loopMaxMs(gateway: RunningGateway): Promise<number> {
  const sample = (await scrape(gateway.origin)).find(
    (candidate) => candidate.name === "home_gateway_nodejs_eventloop_lag_max_seconds",
  );
  return (sample?.value ?? Number.NaN) * 1_000;
}

/** Sends SIGURG (bench/support/profile-on-signal.mjs) and waits for its line; returns what follows it. */
async function profileSignal(gateway: RunningGateway, marker: string): Promise<string> {
  const before = gateway.process.output().split(marker).length;
  process.kill(gateway.process.pid, "SIGURG");
  for (let waited = 0; waited < 20_000; waited += 50) {
    const parts = gateway.process.output().split(marker);
    if (parts.length > before) return ((parts.at(-1) as string).split("\n")[0] as string).trim();
    await sleep(50);
  }
  throw new Error(`the gateway did not answer SIGURG with "${marker}"`);
}

async function collectedMemory(gateway: RunningGateway): Promise<{ rss: number; heapUsed: number }> {
  const marker = "collected-memory ";
  const before = gateway.process.output().split(marker).length;
  process.kill(gateway.process.pid, "SIGUSR2");
  for (let waited = 0; waited < 20_000; waited += 50) {
    const parts = gateway.process.output().split(marker);
    if (parts.length > before) {
      return JSON.parse((parts.at(-1) as string).split("\n")[0] as string) as {
        rss: number;
        heapUsed: number;
      };
    }
    await sleep(50);
  }
  throw new Error("the gateway did not report its memory after a collection");
}

interface Subscriber {
  readonly socket: WebSocket;
  /** Arrival time (performance.now()) of each marked tile, by marker. */
  readonly arrivals: Map<string, number>;
  readonly closed: Promise<void>;
  error?: string;
}

/** Opens one socket and one homeUpdates subscription per authorization (undefined: anonymous). */
async function openAll(
  url: string,
  authorizations: readonly (string | undefined)[],
  all: Subscriber[],
): Promise<Subscriber[]> {
  const opened: Subscriber[] = [];
  const startedMs = performance.now();
  for (let start = 0; start < authorizations.length; start += OPEN_BATCH) {
    if (start > 0 && start % 2_000 === 0) {
      log(`${start} sockets open after ${((performance.now() - startedMs) / 1_000).toFixed(1)} s`);
    }
    const batch = await Promise.all(
      authorizations.slice(start, start + OPEN_BATCH).map((authorization) => open(url, authorization)),
    );
    opened.push(...batch);
    all.push(...batch);
  }
  return opened;
}

const SUBSCRIBE = JSON.stringify({
  id: "1",
  type: "subscribe",
  payload: { query: HOME_UPDATES_QUERY, variables: { capabilities: CAPABILITIES } },
});

/** Resolves once the subscription is sent (after connection_ack) or the socket failed. */
async function open(url: string, authorization: string | undefined): Promise<Subscriber> {
  const socket = new WebSocket(url, "graphql-transport-ws", { perMessageDeflate: false });
  let acknowledged = (): void => undefined;
  const ready = new Promise<void>((resolve) => (acknowledged = resolve));
  let markClosed = (): void => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const subscriber: Subscriber = { socket, arrivals: new Map(), closed };
  let acked = false;
  socket.on("open", () => {
    socket.send(JSON.stringify({ type: "connection_init", payload: authorization ? { authorization } : {} }));
  });
  socket.on("message", (data: Buffer) => {
    const text = data.toString();
    if (!acked) {
      if (text.includes('"connection_ack"')) {
        acked = true;
        socket.send(SUBSCRIBE);
        acknowledged();
      }
      return;
    }
    const marker = MARKED.exec(text)?.[0];
    if (marker) {
      subscriber.arrivals.set(marker, performance.now());
    } else if (text.startsWith('{"type":"ping"')) {
      socket.send('{"type":"pong"}');
    } else if (text.includes('"type":"error"') || text.includes('"type":"complete"')) {
      subscriber.error ??= text.slice(0, 200);
    }
  });
  socket.on("error", (error) => {
    subscriber.error ??= error.message;
  });
  socket.on("close", (code, reason) => {
    subscriber.error ??= `closed ${code} ${reason.toString()}`;
    acknowledged();
    markClosed();
  });
  await settledWithin(ready, 30_000);
  return subscriber;
}

async function closeAll(subscribers: readonly Subscriber[]): Promise<void> {
  for (const subscriber of subscribers) subscriber.socket.close(1000);
  await settledWithin(Promise.all(subscribers.map((subscriber) => subscriber.closed)), 10_000);
  for (const subscriber of subscribers) subscriber.socket.terminate();
}

function failures(subscribers: readonly Subscriber[]): string {
  const failed = subscribers.filter((subscriber) => subscriber.error !== undefined);
  return failed.length === 0 ? "" : `; ${failed.length} failed, e.g. ${failed[0]?.error}`;
}

function table(rows: readonly Row[]): string {
  const lines = [
    "| open subscriptions | code | generic event: first / median / last (median of events) | gateway CPU per fan-out | event loop max | personal XADD → client p50 / p99 (sent during fan-outs) | RSS per signed-in subscription (after GC) | RSS over the events (sampled) |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const row of rows) {
    const personalReceived = row.personalMs.filter(Number.isFinite).length;
    lines.push(
      `| ${row.n.toLocaleString("en")} (${row.listening} hear generic) | ${row.code} | ${fmt(median(row.firstMs))} / ${fmt(median(row.medianMs))} / ${fmt(median(row.lastMs))} ms (last max ${fmt(Math.max(...row.lastMs))})${row.missing ? `, ${row.missing} missing` : ""} | ${fmt(median(row.cpuMs))} ms | ${fmt(median(row.loopMaxMs))} ms (max ${fmt(Math.max(...row.loopMaxMs))}) | ${fmt(median(row.personalMs))} / ${fmt(percentile(row.personalMs, 99))} ms (${personalReceived}/${row.personalSent}) | ${row.rssPerSignedInKiB.toFixed(1)} KiB | ${fmt(row.rssMiB[0])} → ${fmt(row.rssMiB.at(-1))} MiB (max ${fmt(Math.max(...row.rssMiB))}); after GC ${fmt(row.collectedAfterMiB)} MiB |`,
    );
  }
  return lines.join("\n");
}

const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
const fmt = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? "-" : value < 10 ? value.toFixed(1) : value.toFixed(0);

function log(line: string): void {
  console.log(`[push] ${line}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
