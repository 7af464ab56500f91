import type { Redis } from "ioredis";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../src/adapters/fakes/seeded-random.js";
import { encodeUpdateEvent } from "../../src/adapters/update-event-json.js";
import { ACTION_KINDS, COMPONENT_KINDS } from "../../src/ui-components/index.js";
import { productInfo } from "../contract/product-info.js";
import { HomeDocument, HomeUpdatesDocument } from "../gql/graphql.js";
import {
  type InProcessGateway,
  productOf,
  queryHome,
  startGatewayInProcess,
  tilesOf,
  tokenFor,
  updateStreamOf,
} from "../support/gateways.js";
import { RawSocket } from "../support/raw-socket.js";
import { reportFigures } from "../support/report-figures.js";
import { RedisClients } from "../support/redis-clients.js";
import { type RedisServer, startRedisServer, testKeyPrefix } from "../support/redis-server.js";
import { waitFor } from "../support/wait-for.js";

/**
 * Cross-user isolation at scale: several gateway instances over one private Redis, 200+ viewers,
 * random `home` requests on random instances interleaved with personal events pushed through the
 * update stream, each naming its owner in the title ("[[viewer-7]] ..."), generic events naming no
 * one, and live subscriptions on random instances. Not one answer or pushed frame may carry another
 * viewer's name.
 *
 * CI runs ISOLATION_OPERATIONS (default 1,500) operations; `npm run test:isolation:long` runs
 * 100,000. ISOLATION_SEED replays a run.
 */

const SEED = Number(process.env.ISOLATION_SEED ?? Date.now() % 1_000_000);
const OPERATIONS = Number(process.env.ISOLATION_OPERATIONS ?? 1_500);
const VIEWERS = Array.from({ length: 240 }, (_, index) => `viewer-${index}`);
const INSTANCES = 3;
const SUBSCRIBED_VIEWERS = 80;
const ANONYMOUS_SOCKETS = 6;
const CONCURRENCY = 24;
const PUSH_SHARE = 0.3;
const CAPABILITIES = {
  platform: "WEB",
  appVersion: "1.0.0",
  components: [...COMPONENT_KINDS],
  actions: [...ACTION_KINDS],
};
/** Above any demo version, below 2^53. */
const VERSION_BASE = 4_000_000_000_000;

let server: RedisServer;
let clients: RedisClients;
let producer: Redis;
let keyPrefix: string;
const gateways: InProcessGateway[] = [];
const sockets: { readonly user: string | undefined; readonly socket: RawSocket; readonly id: string }[] = [];
const tokens = new Map<string, string>();
const random = seededRandom(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const markersIn = (text: string): string[] =>
  [...text.matchAll(/\[\[([^\]]+)\]\]/g)].map((match) => match[1] ?? "");

beforeAll(async () => {
  server = await startRedisServer();
  keyPrefix = testKeyPrefix("isolation-scale");
  clients = new RedisClients(server.url);
  // The producer shares the event loop with three gateways and the client: on a loaded machine a
  // long run stalls it for seconds, and the default 1 s socket timeout then drops its connection
  // (an xadd refused with "Stream isn't writeable", 38 s into a 100,000-operation run).
  producer = await clients.open({
    connectionName: "test-producer",
    commandTimeoutMs: 5_000,
    socketTimeoutMs: 30_000,
  });
  const env = { RATE_LIMIT_PER_MINUTE: "0", REDIS_COMMAND_TIMEOUT_MS: "2000" };
  for (let index = 0; index < INSTANCES; index++) {
    const gateway = await startGatewayInProcess({ redisUrl: server.url, keyPrefix, env });
    // The client (fetch) and the servers share this process's event loop. Under a long run on a
    // loaded machine, the loop stalls for seconds, and the server's 5 s keep-alive timer could close
    // a socket the client's 4 s one had not yet retired, as the client sent a request on it (an
    // ECONNRESET before any answer, 28 s into a 100,000-operation run). Idle sockets here are
    // retired by the client, as a load balancer in front of the gateway does.
    gateway.gateway.httpServer.keepAliveTimeout = 60_000;
    gateways.push(gateway);
  }
  await Promise.all(VIEWERS.map(async (user) => tokens.set(user, await tokenFor(user))));
}, 120_000);

afterAll(async () => {
  for (const { socket } of sockets) socket.terminate();
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  await clients?.closeAll();
  await server?.stop();
});

describe(`isolation at scale (seed ${SEED})`, () => {
  it(
    `no answer and no pushed frame carries another viewer's data over ${OPERATIONS} random requests and pushes`,
    async () => {
      // Where each viewer's products are: from a first screen on a random instance.
      const screens = new Map<string, { id: string; service: string }[]>();
      await inBatches(VIEWERS, CONCURRENCY, async (user) => {
        // As long as the requests below get: on a loaded machine, 24 cold screens at once may take
        // more than queryHome's default 10 s in this one process.
        const response = await queryHome(pick(gateways).origin, tokens.get(user) as string, {
          timeoutMs: 20_000,
        });
        const screen = response.body?.data?.home;
        if (!screen) throw new Error(`no screen for ${user}: ${response.status}`);
        screens.set(
          user,
          tilesOf(screen).map((tile) => ({ id: productOf(tile), service: tile.product?.service ?? "" })),
        );
      });

      // Live tiles on random instances, for some viewers and a few anonymous clients.
      const subscribed = VIEWERS.slice(0, SUBSCRIBED_VIEWERS);
      const owners = [...subscribed, ...Array.from({ length: ANONYMOUS_SOCKETS }, () => undefined)];
      await inBatches(owners, CONCURRENCY, async (user) => {
        const socket = new RawSocket(`${pick(gateways).origin}/graphql`);
        const id = `s-${user ?? "anonymous"}-${sockets.length}`;
        sockets.push({ user, socket, id });
        const params = user === undefined ? {} : { authorization: `Bearer ${tokens.get(user)}` };
        expect(await socket.init(params)).toBe("acked");
        socket.send({
          id,
          type: "subscribe",
          payload: { query: print(HomeUpdatesDocument), variables: { capabilities: CAPABILITIES } },
        });
      });

      let version = VERSION_BASE;
      let pushes = 0;
      let requests = 0;
      let ownData = 0;
      const leaks: string[] = [];
      const failures: string[] = [];
      const push = async (): Promise<void> => {
        pushes++;
        const n = ++version;
        if (random() < 0.1) {
          const product = pick(screens.get(pick(VIEWERS)) ?? []);
          const info = productInfo(product.id, n, { service: product.service, title: `generic-${n}` });
          await producer.xadd(
            updateStreamOf(keyPrefix),
            "*",
            "event",
            encodeUpdateEvent({ kind: "generic", info }),
          );
          return;
        }
        const user = random() < 0.5 ? pick(subscribed) : pick(VIEWERS);
        const product = pick(screens.get(user) ?? []);
        const info = productInfo(product.id, n, { service: product.service, title: `[[${user}]] push-${n}` });
        await producer.xadd(
          updateStreamOf(keyPrefix),
          "*",
          "event",
          encodeUpdateEvent({ kind: "personal", user, info }),
        );
      };
      const request = async (): Promise<void> => {
        requests++;
        const user = random() < 0.1 ? undefined : pick(VIEWERS);
        const origin = pick(gateways).origin;
        const response = await fetch(`${origin}/graphql`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(user !== undefined && { authorization: `Bearer ${tokens.get(user)}` }),
          },
          body: JSON.stringify({ query: HOME_QUERY, variables: { capabilities: CAPABILITIES } }),
          signal: AbortSignal.timeout(20_000),
        });
        const text = await response.text();
        if (response.status !== 200 || text.includes('"errors"')) {
          failures.push(`${response.status} ${text.slice(0, 300)}`);
          return;
        }
        const body = JSON.parse(text) as { data: { home: { viewer: { id: string | null } } } };
        if (body.data.home.viewer.id !== (user ?? null)) {
          leaks.push(`asked as ${user ?? "anonymous"}, answered for ${body.data.home.viewer.id}`);
        }
        const markers = markersIn(text);
        for (const marker of markers) {
          if (marker !== user) leaks.push(`${user ?? "anonymous"}'s screen carries ${marker}'s data`);
        }
        if (markers.length > 0) ownData++;
      };

      await inBatches(
        Array.from({ length: OPERATIONS }, () => random() < PUSH_SHARE),
        CONCURRENCY,
        async (isPush) => (isPush ? push() : request()),
      );

      // Every event applied: the stream's group has nothing pending and has read everything.
      await waitFor(
        async () => {
          const [group] = (await producer.xinfo("GROUPS", updateStreamOf(keyPrefix))) as unknown[][];
          const fields = new Map<string, unknown>();
          for (let index = 0; index + 1 < (group?.length ?? 0); index += 2) {
            fields.set(String(group?.[index]), group?.[index + 1]);
          }
          return fields.get("pending") === 0 && (fields.get("lag") === 0 || fields.get("lag") === null);
        },
        { timeoutMs: 60_000, intervalMs: 200, what: "every pushed event applied" },
      );

      let frames = 0;
      let ownFrames = 0;
      for (const { user, socket, id } of sockets) {
        expect(socket.closed, `${user ?? "anonymous"}'s socket (seed ${SEED})`).toBeUndefined();
        for (const frame of socket.framesFor(id)) {
          frames++;
          const markers = markersIn(JSON.stringify(frame));
          for (const marker of markers) {
            if (marker !== user) leaks.push(`${user ?? "anonymous"}'s subscription got ${marker}'s data`);
          }
          if (markers.length > 0) ownFrames++;
        }
      }
      reportFigures("isolation-scale", {
        seed: SEED,
        operations: OPERATIONS,
        requests,
        pushes,
        ownData,
        frames,
        ownFrames,
        leaks: leaks.length,
        failures: failures.length,
      });
      expect(leaks.slice(0, 5), `seed ${SEED}`).toEqual([]);
      expect(failures.slice(0, 5), `seed ${SEED}`).toEqual([]);
      // Not vacuous: viewers did see their own pushed data, on screens and live.
      expect(ownData).toBeGreaterThan(0);
      expect(ownFrames).toBeGreaterThan(0);
    },
    Number(process.env.ISOLATION_TIMEOUT_MS ?? 240_000),
  );
});

/** The full query the app sends. */
const HOME_QUERY = print(HomeDocument);

/** Runs `work` over `items` with at most `concurrency` at a time. */
async function inBatches<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}
