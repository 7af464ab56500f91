import "reflect-metadata";
import { Redis } from "ioredis";
import { UPDATE_EVENT_SCHEMA_ID } from "../src/domain/index.js";
import { RawSocket } from "../test/support/raw-socket.js";
import {
  CAPABILITIES,
  HOME_UPDATES_QUERY,
  authorizationsFor,
  expectScreen,
  postHome,
  tilesOf,
} from "./support/home.js";
import { roundRobin, runLoad } from "./support/load.js";
import { scrape } from "./support/metrics.js";
import { rssBytes, startGateway } from "./support/processes.js";

/**
 * Soak: a gateway process on a private Redis, first pushed to its maximum home throughput for a few
 * seconds, then held at half of it for SOAK_DURATION_S (default 30 minutes) while live
 * subscriptions open and close and personal updates flow through the update stream. It passes when
 * no request failed, no update was lost (every update pushed to a viewer whose subscription stayed
 * open reached it), and the gateway's RSS grew by less than 5 % from the end of the warm-up to the
 * end. The event loop's p99 delay (the gateway's own metric, per scrape) is recorded.
 *
 *   npm run soak                          # 30 minutes
 *   SOAK_DURATION_S=60 npm run soak       # the short run (RSS reported, not judged)
 */

const DURATION_S = Number(process.env.SOAK_DURATION_S ?? 1_800);
const MAX_PROBE_S = Number(process.env.SOAK_MAX_PROBE_S ?? 10);
/** The first fifth of the run (at least 20 s) is warm-up: caches fill, V8 sizes its heap. */
const WARM_UP_S = Math.max(20, DURATION_S / 5);
/** RSS is compared as medians over a window after the warm-up and over the last window. */
const RSS_WINDOW_S = Math.min(60, Math.max(10, DURATION_S / 10));
const RSS_GROWTH_LIMIT = 0.05;
/**
 * Below this, V8 is still sizing its heap after the warm-up, so RSS growth is reported but not
 * judged (a short run checks failures and lost updates; the 30-minute run judges memory too).
 */
const RSS_JUDGED_FROM_S = Number(process.env.SOAK_RSS_JUDGED_FROM_S ?? 600);
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

    // Live once an update pushed to each steady viewer has reached its subscription.
    const readyDeadlineMs = Date.now() + 30_000;
    let version = VERSION_BASE;
    const pushTo = async (user: string, title: string): Promise<boolean> => {
      const list = products.get(user) ?? [];
      const product = list[Math.floor(Math.random() * list.length)];
      if (!product) return false;
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
      return true;
    };
    // Titles each steady subscription received, read from its frames as they come.
    const titlesHeard = new Map<string, { read: number; titles: Set<string> }>();
    const heard = (user: string, title: string): boolean => {
      const frames = steadySockets.get(user)?.frames ?? [];
      const state = titlesHeard.get(user) ?? { read: 0, titles: new Set<string>() };
      titlesHeard.set(user, state);
      for (; state.read < frames.length; state.read++) {
        for (const match of JSON.stringify(frames[state.read]).matchAll(/"title":"([^"]*)"/g)) {
          state.titles.add(match[1] as string);
        }
      }
      return state.titles.has(title);
    };
    for (let attempt = 0; ; attempt++) {
      const waiting = steady.filter((user) => !heard(user, `soak-ready-${user}`));
      if (waiting.length === 0) break;
      if (Date.now() > readyDeadlineMs)
        throw new Error(`${waiting.length} steady subscriptions never went live`);
      if (attempt % 4 === 0) for (const user of waiting) await pushTo(user, `soak-ready-${user}`);
      await sleep(250);
    }

    const startedMs = Date.now();
    let running = true;

    // Churning subscribers: open, listen a few seconds, close, again, for other viewers.
    let opened = 0;
    let refused = 0;
    const churn = Array.from({ length: CHURNING_SUBSCRIBERS }, async (_, lane) => {
      while (running) {
        const index = STEADY_SUBSCRIBERS + ((lane + opened) % (VIEWERS - STEADY_SUBSCRIBERS));
        opened++;
        try {
          const socket = await subscribe(gateway.origin, authorizations[index] as string, `churn-${opened}`);
          await sleep(1_000 + Math.random() * 6_000);
          socket.close();
        } catch {
          refused++;
        }
      }
    });

    // Updates to the steady viewers through the stream, newest version each time.
    const pushed = new Map<string, string[]>();
    let pushes = 0;
    const pushing = (async () => {
      while (running) {
        const user = steady[Math.floor(Math.random() * steady.length)] as string;
        const title = `soak-update-${++pushes}`;
        if (await pushTo(user, title)) pushed.set(user, [...(pushed.get(user) ?? []), title]);
        await sleep(1_000 / PUSHES_PER_SECOND);
      }
    })();

    // RSS and the event loop's p99 delay, sampled.
    const samples: { atS: number; rss: number; loopP99Ms: number | undefined }[] = [];
    const sampling = (async () => {
      while (running) {
        const atS = (Date.now() - startedMs) / 1_000;
        const rss = await rssBytes(gateway.process.pid);
        const metric = (await scrape(gateway.origin)).find((sample) =>
          sample.name.endsWith("nodejs_eventloop_lag_p99_seconds"),
        );
        samples.push({ atS, rss, loopP99Ms: metric === undefined ? undefined : metric.value * 1_000 });
        await sleep(SAMPLE_EVERY_MS);
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
    await Promise.all([...churn, pushing, sampling]);
    const elapsedS = (Date.now() - startedMs) / 1_000;

    // Lost updates: a pushed title that never reached its steady subscriber (given 15 s to land).
    const missing = (): string[] =>
      [...pushed].flatMap(([user, titles]) => titles.filter((title) => !heard(user, title)));
    const deadlineMs = Date.now() + 15_000;
    while (missing().length > 0 && Date.now() < deadlineMs) await sleep(250);
    const lost = missing();
    const closedSteady = [...steadySockets.values()].filter((socket) => socket.closed).length;
    // The gateway still answers after the run.
    const afterwards = await postHome(gateway.origin, authorizations[0] as string);

    const warm = samples.filter((sample) => sample.atS >= WARM_UP_S && sample.atS < WARM_UP_S + RSS_WINDOW_S);
    const last = samples.filter((sample) => sample.atS >= elapsedS - RSS_WINDOW_S);
    const rssWarm = median(warm.map((sample) => sample.rss));
    const rssEnd = median(last.map((sample) => sample.rss));
    const growth = (rssEnd - rssWarm) / rssWarm;
    const loop = samples.flatMap((sample) => (sample.loopP99Ms === undefined ? [] : [sample.loopP99Ms]));
    const report = {
      durationS: Math.round(elapsedS),
      maxRequestsPerSec: Math.round(probe.requestsPerSec),
      soakRequestsPerSec: Math.round(load.requestsPerSec),
      requests: load.requests,
      failedRequests: load.failures,
      latencyP50Ms: load.p50Ms,
      latencyP99Ms: load.p99Ms,
      updatesPushed: [...pushed.values()].reduce((sum, titles) => sum + titles.length, 0),
      updatesLost: lost.length,
      steadySubscriptionsClosed: closedSteady,
      subscriptionsOpenedAndClosed: opened,
      subscriptionsRefused: refused,
      rssAfterWarmUpMiB: +(rssWarm / 2 ** 20).toFixed(1),
      rssAtEndMiB: +(rssEnd / 2 ** 20).toFixed(1),
      rssGrowthPercent: +(growth * 100).toFixed(2),
      rssGrowthJudged: DURATION_S >= RSS_JUDGED_FROM_S,
      eventLoopP99MsMedian: +median(loop).toFixed(2),
      eventLoopP99MsMax: +Math.max(...loop).toFixed(2),
      homeAfterwards: afterwards.status,
    };
    log(JSON.stringify(report, null, 2));
    const problems = [
      load.failures > 0 && `${load.failures} failed requests`,
      lost.length > 0 && `${lost.length} updates lost (e.g. ${lost.slice(0, 3).join(", ")})`,
      closedSteady > 0 && `${closedSteady} steady subscriptions closed`,
      DURATION_S >= RSS_JUDGED_FROM_S &&
        !(growth < RSS_GROWTH_LIMIT) &&
        `RSS grew ${(growth * 100).toFixed(1)} % after warm-up`,
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
  if ((await socket.init({ authorization })) !== "acked") {
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

function log(message: string): void {
  console.log(`[soak] ${message}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
