import "reflect-metadata";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { UPDATE_EVENT_SCHEMA_ID } from "../src/domain/index.js";
import { RawSocket } from "../test/support/raw-socket.js";
import {
  CAPABILITIES,
  HOME_UPDATES_QUERY,
  authorizationsFor,
  expectScreen,
  type HomeAnswer,
  postHome,
  tilesOf,
} from "./support/home.js";
import { roundRobin, runLoad } from "./support/load.js";
import { scrape } from "./support/metrics.js";
import { rssBytes, startGateway } from "./support/processes.js";

/**
 * Soak: a gateway process on a private Redis, first pushed to its maximum home throughput for a few
 * seconds, then held at half of it for the soak's duration (default 30 minutes) while live
 * subscriptions open and close and personal updates flow through the update stream. It passes when
 * no request failed, no update was lost, no steady subscription closed, and the gateway's RSS right
 * after a full garbage collection grew by less than 5 % from the end of the warm-up to the end (see
 * `collectedMemory`). The event loop's p99 delay (the gateway's own metric, per scrape) is recorded.
 *
 * An update counts as delivered when its steady subscriber holds its version or a newer one of the
 * same product, as a client would: from a tile pushed on the socket, or from the `home` it fetched
 * again when the socket told it `ResyncRequired` (the soak refetches on each, as the app does). At
 * the end, every steady viewer's `home` must also show the newest update pushed for each product.
 *
 *   npm run soak                          # 30 minutes
 *   npm run soak -- --minutes 2           # the short run CI makes
 *   SOAK_DURATION_S=60 npm run soak       # the same, in seconds
 *   npm run soak -- --minutes 5 --redis-stall-ms 300 --redis-stall-every-s 5
 *                                         # Redis frozen (SIGSTOP) 300 ms every 5 s
 *
 * `--redis-stall-ms` (SOAK_REDIS_STALL_MS) freezes the soak's private Redis with SIGSTOP for that
 * long every `--redis-stall-every-s` seconds (SOAK_REDIS_STALL_EVERY_S, default 10) during the soak:
 * past the 100 ms command timeout the update consumer's L2 writes and publications time out (and
 * many land in Redis all the same once it resumes); past the 1 s socket timeout the gateway's
 * connections drop and reconnect. The verdict is the same: nothing may be lost.
 */

const DURATION_S = durationS();
const REDIS_STALL_MS = numberOption("--redis-stall-ms", "SOAK_REDIS_STALL_MS", 0);
const REDIS_STALL_EVERY_S = numberOption("--redis-stall-every-s", "SOAK_REDIS_STALL_EVERY_S", 10);
const MAX_PROBE_S = Number(process.env.SOAK_MAX_PROBE_S ?? 10);
/**
 * The first fifth of the run (at least 30 s) is warm-up: caches fill, sockets and V8's heap grow
 * to their working size. Sampled RSS and heap are also reported as medians over a window right after
 * the warm-up and over the last window of the run.
 */
const WARM_UP_S = Math.max(30, DURATION_S / 5);
const RSS_WINDOW_S = Math.min(60, Math.max(15, DURATION_S / 10));
const RSS_GROWTH_LIMIT = 0.05;
const TILES = 24;
const VIEWERS = 200;
const STEADY_SUBSCRIBERS = 20;
const CHURNING_SUBSCRIBERS = 30;
const PUSHES_PER_SECOND = 20;
const SAMPLE_EVERY_MS = 2_000;
/** The gateway's default stream (UPDATE_STREAM). */
const STREAM = "hg:updates";
/** Above any demo version, below 2^53. */
const VERSION_BASE = 5_000_000_000_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function main(): Promise<void> {
  const gateway = await startGateway({
    name: "soak",
    tiles: TILES,
    l1: true,
    demoLatencyMs: 20,
    // The load sends the app's query as text; production otherwise accepts manifest operations only.
    env: { MAX_CONNECTIONS_PER_VIEWER: "50", TRUSTED_DOCUMENTS_ONLY: "false" },
    // Memory is judged after a full collection the soak asks for (SIGUSR2), see `collectedMemory`.
    nodeArgs: [
      "--expose-gc",
      "--import",
      fileURLToPath(new URL("./support/gc-on-signal.mjs", import.meta.url)),
    ],
  });
  const admin = new Redis(gateway.redis.url, { lazyConnect: false, maxRetriesPerRequest: 1 });
  const sockets: RawSocket[] = [];
  try {
    const users = Array.from({ length: VIEWERS }, (_, index) => `soak-${index}`);
    const authorizations = await authorizationsFor(users);
    // Every viewer's screen once (warm caches), and where each steady viewer's products are.
    const products = new Map<string, { id: string; service: string }[]>();
    for (const [index, user] of users.entries()) {
      const answer = await expectScreen(gateway.origin, authorizations[index] as string, TILES);
      products.set(
        user,
        tilesOf(answer).flatMap((tile) =>
          tile.product ? [{ id: tile.product.id, service: tile.product.service }] : [],
        ),
      );
    }
    const groups = (await admin.xinfo("GROUPS", STREAM)) as unknown[];
    if (groups.length === 0) throw new Error(`the gateway does not consume ${STREAM}`);

    const probe = await runLoad({
      origin: gateway.origin,
      authorization: roundRobin(authorizations),
      connections: 32,
      durationSec: MAX_PROBE_S,
    });
    if (probe.failures > 0) throw new Error(`the maximum-load probe had ${probe.failures} failed requests`);
    const rate = Math.max(1, Math.floor(probe.requestsPerSec / 2));
    log(
      `max ${probe.requestsPerSec.toFixed(0)} req/s (p99 ${probe.p99Ms} ms); soaking at ${rate} req/s for ${DURATION_S} s`,
    );

    // Steady subscribers: open for the whole run; every update pushed to them must arrive.
    const steady = users.slice(0, STEADY_SUBSCRIBERS);
    const steadySockets = new Map<string, RawSocket>();
    for (const [index, user] of steady.entries()) {
      const socket = await subscribe(gateway.origin, authorizations[index] as string, `live-${user}`);
      sockets.push(socket);
      steadySockets.set(user, socket);
    }

    // Each steady viewer is a client: it keeps the newest version of each product it was shown,
    // from pushed tiles, and fetches `home` again whenever the socket says ResyncRequired.
    const clients = new Map<string, SteadyClient>(
      steady.map((user, index) => [
        user,
        new SteadyClient(steadySockets.get(user) as RawSocket, () =>
          postHome(gateway.origin, authorizations[index] as string),
        ),
      ]),
    );
    let version = VERSION_BASE;
    const pushTo = async (user: string, title: string): Promise<Push | undefined> => {
      const list = products.get(user) ?? [];
      const product = list[Math.floor(Math.random() * list.length)];
      if (!product) return undefined;
      const info = {
        id: product.id,
        service: product.service,
        version: ++version,
        presentation: "offer",
        title,
        route: `product/${product.service}/${product.id}`,
        webUrl: `https://www.example.com/${product.service}/${product.id}`,
      };
      const event = { schema: UPDATE_EVENT_SCHEMA_ID, kind: "personal", user, product: info };
      await admin.xadd(STREAM, "*", "event", JSON.stringify(event));
      const push = { user, product: product.id, version: info.version, title };
      versions.set(title, push);
      return push;
    };
    let clientsRunning = true;
    const following = (async () => {
      while (clientsRunning) {
        for (const client of clients.values()) await client.follow();
        await sleep(100);
      }
    })();

    // Live once an update pushed to each steady viewer has reached its subscription.
    const readyDeadlineMs = Date.now() + 30_000;
    const readyPushes = new Map<string, Push>();
    for (let attempt = 0; ; attempt++) {
      const waiting = steady.filter((user) => {
        const push = readyPushes.get(user);
        return !push || !clients.get(user)?.heard.has(push.title);
      });
      if (waiting.length === 0) break;
      if (Date.now() > readyDeadlineMs)
        throw new Error(`${waiting.length} steady subscriptions never went live`);
      if (attempt % 4 === 0) {
        for (const user of waiting) {
          const push = await pushTo(user, `soak-ready-${user}-${attempt}`);
          if (push) readyPushes.set(user, push);
        }
      }
      await sleep(250);
    }

    const startedMs = Date.now();
    let running = true;

    // Churning subscribers: open, listen a few seconds, close, again, for other viewers.
    let opened = 0;
    const refusals = new Map<string, number>();
    const churn = Array.from({ length: CHURNING_SUBSCRIBERS }, async (_, lane) => {
      while (running) {
        const index = STEADY_SUBSCRIBERS + ((lane + opened) % (VIEWERS - STEADY_SUBSCRIBERS));
        opened++;
        try {
          const socket = await subscribe(gateway.origin, authorizations[index] as string, `churn-${opened}`);
          await sleep(1_000 + Math.random() * 6_000);
          socket.close();
        } catch (error) {
          const why = error instanceof Error ? error.message.slice(0, 120) : String(error);
          refusals.set(why, (refusals.get(why) ?? 0) + 1);
        }
      }
    });

    // Updates to the steady viewers through the stream, newest version each time.
    const pushed: Push[] = [];
    const pushing = (async () => {
      while (running) {
        const user = steady[Math.floor(Math.random() * steady.length)] as string;
        const push = await pushTo(user, `soak-update-${pushed.length + 1}`);
        if (push) pushed.push(push);
        await sleep(1_000 / PUSHES_PER_SECOND);
      }
    })();

    // RSS, the V8 heap and the event loop's p99 delay, sampled.
    const samples: {
      atS: number;
      rss: number;
      heap: number | undefined;
      heapTotal: number | undefined;
      external: number | undefined;
      loopP99Ms: number | undefined;
    }[] = [];
    let scrapesFailed = 0;
    let released: CollectedMemory | undefined;
    let releasedAtEnd: CollectedMemory | undefined;
    let collectedAfterWarmUp: CollectedMemory | undefined;
    let collectedAtEnd: CollectedMemory | undefined;
    const sampling = (async () => {
      while (running) {
        const atS = (Date.now() - startedMs) / 1_000;
        // Retained memory, under the same load: once past the warm-up, and once 10 s before the end,
        // each time a few seconds after a first collection (V8 returns freed pages to the system
        // over a few seconds, so RSS read right after the first one still holds the garbage).
        if (!released && atS >= WARM_UP_S - 6) released = await collectedMemory(gateway.process);
        if (!collectedAfterWarmUp && atS >= WARM_UP_S)
          collectedAfterWarmUp = await collectedMemory(gateway.process);
        if (!releasedAtEnd && atS >= DURATION_S - 16) releasedAtEnd = await collectedMemory(gateway.process);
        if (!collectedAtEnd && atS >= DURATION_S - 10)
          collectedAtEnd = await collectedMemory(gateway.process);
        const rss = await rssBytes(gateway.process.pid);
        // A scrape that times out (a starved machine) is counted and reported, not fatal.
        const metrics = await scrape(gateway.origin).catch(() => {
          scrapesFailed++;
          return [];
        });
        const value = (suffix: string): number | undefined =>
          metrics.find((sample) => sample.name.endsWith(suffix))?.value;
        const loop = value("nodejs_eventloop_lag_p99_seconds");
        samples.push({
          atS,
          rss,
          heap: value("nodejs_heap_size_used_bytes"),
          heapTotal: value("nodejs_heap_size_total_bytes"),
          external: value("nodejs_external_memory_bytes"),
          loopP99Ms: loop === undefined ? undefined : loop * 1_000,
        });
        await sleep(SAMPLE_EVERY_MS);
      }
    })();

    // Redis frozen now and then (--redis-stall-ms): the gateway's timeouts fire, its connections drop.
    let stalls = 0;
    const stalling = (async () => {
      if (REDIS_STALL_MS <= 0) return;
      while (running) {
        await sleep(REDIS_STALL_EVERY_S * 1_000);
        if (!running) break;
        gateway.redis.freeze();
        stalls++;
        try {
          await sleep(REDIS_STALL_MS);
        } finally {
          gateway.redis.thaw();
        }
      }
    })();

    const load = await runLoad({
      origin: gateway.origin,
      authorization: roundRobin(authorizations),
      connections: 16,
      durationSec: DURATION_S,
      overallRate: rate,
    });
    running = false;
    await Promise.all([...churn, pushing, sampling, stalling]);
    const elapsedS = (Date.now() - startedMs) / 1_000;

    // An update is lost when its subscriber never came to hold its version or a newer one of the
    // product (given 15 s to land after the last push).
    const missing = (): Push[] => pushed.filter((push) => !(clients.get(push.user)?.holds(push) ?? false));
    const deadlineMs = Date.now() + 15_000;
    while (missing().length > 0 && Date.now() < deadlineMs) await sleep(250);
    clientsRunning = false;
    await following;
    const lost = missing();
    const delivery = { pushed: 0, heard: 0, newerHeard: 0, byRefetch: 0 };
    for (const push of pushed) {
      const client = clients.get(push.user) as SteadyClient;
      delivery.pushed++;
      if (client.heard.has(push.title)) delivery.heard++;
      else if ((client.live.get(push.product) ?? 0) >= push.version) delivery.newerHeard++;
      else if ((client.refetched.get(push.product) ?? 0) >= push.version) delivery.byRefetch++;
    }
    // What L2 and the screens hold in the end: each steady viewer's home shows the newest update
    // pushed for each of its products. Right after a Redis stall the gateway may still serve from
    // the product services (its L2 breaker open, reads timing out): with stalls, a screen gets until
    // 20 s after the last one to show its newest updates, and the first pass is reported too.
    const newest = new Map<string, Push>();
    for (const push of pushed) newest.set(`${push.user} ${push.product}`, push);
    const screensDeadlineMs = Date.now() + (REDIS_STALL_MS > 0 ? 20_000 : 0);
    let staleScreens: string[] = [];
    let staleScreensFirstPass: number | undefined;
    for (;;) {
      staleScreens = [];
      for (const [index, user] of steady.entries()) {
        const shown = productVersions(
          tilesOf(await postHome(gateway.origin, authorizations[index] as string)),
        );
        for (const push of newest.values()) {
          if (push.user === user && (shown.get(push.product) ?? 0) < push.version) {
            staleScreens.push(`${user} ${push.product} (${push.title})`);
          }
        }
      }
      staleScreensFirstPass ??= staleScreens.length;
      if (staleScreens.length === 0 || Date.now() >= screensDeadlineMs) break;
      await sleep(1_000);
    }
    const closedSteady = [...steadySockets.values()].filter((socket) => socket.closed).length;
    const refetchesFailed = [...clients.values()].reduce((sum, client) => sum + client.refetchesFailed, 0);
    const resyncs = new Map<string, number>();
    for (const client of clients.values()) {
      for (const [reason, count] of client.resyncs) resyncs.set(reason, (resyncs.get(reason) ?? 0) + count);
    }
    // The gateway still answers after the run.
    const afterwards = await postHome(gateway.origin, authorizations[0] as string);

    const warm = samples.filter((sample) => sample.atS >= WARM_UP_S && sample.atS < WARM_UP_S + RSS_WINDOW_S);
    const last = samples.filter((sample) => sample.atS >= elapsedS - RSS_WINDOW_S);
    const rssWarm = median(warm.map((sample) => sample.rss));
    const rssEnd = median(last.map((sample) => sample.rss));
    if (!collectedAfterWarmUp || !collectedAtEnd) throw new Error("the gateway's memory was not collected");
    const growth = (collectedAtEnd.rss - collectedAfterWarmUp.rss) / collectedAfterWarmUp.rss;
    const heapOf = (window: typeof samples): number =>
      median(window.flatMap((sample) => (sample.heap === undefined ? [] : [sample.heap])));
    const loop = samples.flatMap((sample) => (sample.loopP99Ms === undefined ? [] : [sample.loopP99Ms]));
    const report = {
      durationS: Math.round(elapsedS),
      maxRequestsPerSec: Math.round(probe.requestsPerSec),
      soakRequestsPerSec: Math.round(load.requestsPerSec),
      requests: load.requests,
      failedRequests: load.failures,
      latencyP50Ms: load.p50Ms,
      latencyP99Ms: load.p99Ms,
      updatesPushed: delivery.pushed,
      updatesHeard: delivery.heard,
      updatesSupersededByANewerOneHeard: delivery.newerHeard,
      updatesHeldAfterResyncRefetch: delivery.byRefetch,
      updatesLost: lost.length,
      resyncsRequired: Object.fromEntries(resyncs),
      refetchesFailed,
      screensMissingTheNewestUpdate: staleScreens.length,
      screensMissingTheNewestUpdateAtFirstLook: staleScreensFirstPass,
      steadySubscriptionsClosed: closedSteady,
      subscriptionsOpenedAndClosed: opened,
      subscriptionsRefused: Object.fromEntries(refusals),
      warmUpS: WARM_UP_S,
      // Judged: after a full collection, once past the warm-up and 10 s before the end.
      collectedRssAfterWarmUpMiB: mib(collectedAfterWarmUp.rss),
      collectedRssAtEndMiB: mib(collectedAtEnd.rss),
      collectedRssGrowthPercent: +(growth * 100).toFixed(2),
      collectedHeapUsedAfterWarmUpMiB: mib(collectedAfterWarmUp.heapUsed),
      collectedHeapUsedAtEndMiB: mib(collectedAtEnd.heapUsed),
      collectedHeapUsedGrowthPercent: +(
        ((collectedAtEnd.heapUsed - collectedAfterWarmUp.heapUsed) / collectedAfterWarmUp.heapUsed) *
        100
      ).toFixed(2),
      // Reported: medians of the sampled RSS and heap (garbage included) over the same windows.
      sampledRssAfterWarmUpMiB: mib(rssWarm),
      sampledRssAtEndMiB: mib(rssEnd),
      sampledHeapUsedAfterWarmUpMiB: mib(heapOf(warm)),
      sampledHeapUsedAtEndMiB: mib(heapOf(last)),
      // RSS / heap committed / heap used / external memory (MiB) at each tenth of the run.
      memoryTimeline: Array.from({ length: 11 }, (_, tenth) => {
        const at = (elapsedS * tenth) / 10;
        const sample = samples.reduce((best, candidate) =>
          Math.abs(candidate.atS - at) < Math.abs(best.atS - at) ? candidate : best,
        );
        const mib = (bytes: number | undefined): string =>
          bytes === undefined ? "?" : (bytes / 2 ** 20).toFixed(0);
        return `${Math.round(sample.atS)} s: ${mib(sample.rss)} / ${mib(sample.heapTotal)} / ${mib(sample.heap)} / ${mib(sample.external)}`;
      }),
      eventLoopP99MsMedian: +median(loop).toFixed(2),
      metricsScrapesFailed: scrapesFailed,
      eventLoopP99MsMax: +Math.max(...loop).toFixed(2),
      homeAfterwards: afterwards.status,
      redisStalls:
        REDIS_STALL_MS > 0 ? `${stalls} of ${REDIS_STALL_MS} ms, one every ${REDIS_STALL_EVERY_S} s` : "none",
    };
    log(JSON.stringify(report, null, 2));
    const problems = [
      load.failures > 0 && `${load.failures} failed requests`,
      refetchesFailed > 0 && `${refetchesFailed} refetches after ResyncRequired failed`,
      lost.length > 0 &&
        `${lost.length} updates lost (e.g. ${lost
          .slice(0, 3)
          .map((push) => push.title)
          .join(", ")})`,
      staleScreens.length > 0 &&
        `${staleScreens.length} screens miss their newest update (e.g. ${staleScreens[0]})`,
      closedSteady > 0 && `${closedSteady} steady subscriptions closed`,
      !(growth < RSS_GROWTH_LIMIT) &&
        `RSS (after a full collection) grew ${(growth * 100).toFixed(1)} % after warm-up`,
      afterwards.status !== 200 && `home answered ${afterwards.status} after the run`,
    ].filter((problem): problem is string => typeof problem === "string");
    if (problems.length > 0) {
      log(`soak FAILED: ${problems.join("; ")}`);
      process.exitCode = 1;
    } else {
      log("soak passed");
    }
  } finally {
    for (const socket of sockets) socket.terminate();
    admin.disconnect();
    await gateway.stop();
  }
}

/** A live-tiles subscription, acknowledged; throws if the gateway refuses it. */
async function subscribe(origin: string, authorization: string, id: string): Promise<RawSocket> {
  const socket = new RawSocket(`${origin.replace(/^http/, "ws")}/graphql`);
  let answer: "acked" | "closed";
  try {
    answer = await socket.init({ authorization });
  } catch (error) {
    // Not opened or not acknowledged within the client's 5 s: a timeout, not a refusal.
    socket.terminate();
    throw error;
  }
  if (answer !== "acked") {
    socket.terminate();
    throw new Error(`subscription refused: ${JSON.stringify(socket.closed)}`);
  }
  socket.send({
    id,
    type: "subscribe",
    payload: { query: HOME_UPDATES_QUERY, variables: { capabilities: CAPABILITIES } },
  });
  return socket;
}

interface Push {
  readonly user: string;
  readonly product: string;
  readonly version: number;
  readonly title: string;
}

/** Every title the soak pushed, with its product and version. */
const versions = new Map<string, Push>();

/** The version of each product a list of tiles shows (0 for titles the soak did not push). */
function productVersions(
  tiles: readonly { product?: { id: string } | null; title?: string }[],
): Map<string, number> {
  const shown = new Map<string, number>();
  for (const tile of tiles) {
    if (!tile.product) continue;
    const version = versions.get(tile.title ?? "")?.version ?? 0;
    shown.set(tile.product.id, Math.max(shown.get(tile.product.id) ?? 0, version));
  }
  return shown;
}

/** Every object in a frame that looks like a tile (a product and a title), wherever it sits. */
function tilesIn(value: unknown, found: { product?: { id: string } | null; title?: string }[] = []) {
  if (Array.isArray(value)) for (const item of value) tilesIn(item, found);
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const product = record.product as { id?: unknown } | null | undefined;
    if (product && typeof product.id === "string" && typeof record.title === "string") {
      found.push({ product: { id: product.id }, title: record.title });
    }
    for (const nested of Object.values(record)) tilesIn(nested, found);
  }
  return found;
}

/**
 * A steady subscriber as the app behaves: it reads the frames its socket received, keeps the newest
 * version of each product a pushed tile showed, and on `ResyncRequired` fetches `home` again and
 * keeps what that shows.
 */
class SteadyClient {
  /** Titles pushed tiles carried. */
  readonly heard = new Set<string>();
  /** The newest version of each product pushed tiles showed. */
  readonly live = new Map<string, number>();
  /** The newest version of each product a refetch after ResyncRequired showed. */
  readonly refetched = new Map<string, number>();
  readonly resyncs = new Map<string, number>();
  refetchesFailed = 0;
  private resyncPending = false;
  private read = 0;

  constructor(
    private readonly socket: RawSocket,
    private readonly refetch: () => Promise<HomeAnswer>,
  ) {}

  holds(push: Push): boolean {
    return Math.max(this.live.get(push.product) ?? 0, this.refetched.get(push.product) ?? 0) >= push.version;
  }

  async follow(): Promise<void> {
    let resync = false;
    for (; this.read < this.socket.frames.length; this.read++) {
      const frame = this.socket.frames[this.read];
      const update = (frame?.payload as { data?: { homeUpdates?: { __typename?: string; reason?: string } } })
        ?.data?.homeUpdates;
      if (update?.__typename === "ResyncRequired") {
        resync = true;
        const reason = update.reason ?? "?";
        this.resyncs.set(reason, (this.resyncs.get(reason) ?? 0) + 1);
      }
      for (const tile of tilesIn(update)) {
        this.heard.add(tile.title ?? "");
        const version = versions.get(tile.title ?? "")?.version ?? 0;
        const id = tile.product?.id as string;
        this.live.set(id, Math.max(this.live.get(id) ?? 0, version));
      }
    }
    if (resync) this.resyncPending = true;
    if (!this.resyncPending) return;
    let tiles: ReturnType<typeof tilesOf>;
    try {
      tiles = tilesOf(await this.refetch());
    } catch {
      // A refetch that failed (or timed out) is a failed request; the app tries again, and so does
      // this client on its next pass.
      this.refetchesFailed++;
      return;
    }
    this.resyncPending = false;
    for (const [id, version] of productVersions(tiles)) {
      this.refetched.set(id, Math.max(this.refetched.get(id) ?? 0, version));
    }
  }
}

const mib = (bytes: number): number => +(bytes / 2 ** 20).toFixed(1);

interface CollectedMemory {
  readonly rss: number;
  readonly heapUsed: number;
}

/**
 * The gateway's memory right after a full garbage collection (bench/support/gc-on-signal.mjs). V8
 * lets garbage pile up towards its heap limit before it collects the old generation, so sampled RSS
 * keeps climbing for many minutes under load (+45 % in a 4-minute run whose heap after a full
 * collection did not grow): comparing memory after a collection tells retained memory from garbage.
 */
async function collectedMemory(child: { readonly pid: number; output(): string }): Promise<CollectedMemory> {
  const marker = "collected-memory ";
  const before = child.output().split(marker).length;
  process.kill(child.pid, "SIGUSR2");
  for (let waited = 0; waited < 10_000; waited += 50) {
    const parts = child.output().split(marker);
    if (parts.length > before)
      return JSON.parse((parts.at(-1) as string).split("\n")[0] as string) as CollectedMemory;
    await sleep(50);
  }
  throw new Error("the gateway did not report its memory after a collection");
}

/** The soak's duration: `--minutes N`, else SOAK_DURATION_S, else 30 minutes. */
function durationS(): number {
  const at = process.argv.indexOf("--minutes");
  if (at >= 0) {
    const minutes = Number(process.argv[at + 1]);
    if (!(minutes > 0)) throw new Error(`--minutes takes a positive number, got ${process.argv[at + 1]}`);
    return Math.round(minutes * 60);
  }
  return Number(process.env.SOAK_DURATION_S ?? 1_800);
}

/** `--name N`, else the environment variable, else the default; a non-negative number. */
function numberOption(flag: string, variable: string, fallback: number): number {
  const at = process.argv.indexOf(flag);
  const raw = at >= 0 ? process.argv[at + 1] : process.env[variable];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!(value >= 0)) throw new Error(`${flag} takes a number >= 0, got ${raw}`);
  return value;
}

function log(message: string): void {
  console.log(`[soak] ${message}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
