import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../src/adapters/fakes/seeded-random.js";
import type { ProductInfo } from "../../src/domain/index.js";
import { ACTION_KINDS, COMPONENT_KINDS } from "../../src/ui-components/index.js";
import { HomeDocument, type HomeQuery, HomeUpdatesDocument } from "../gql/graphql.js";
import { RawSocket } from "../support/raw-socket.js";
import { type TestApp, createTestApp, listenWithMovingClock } from "../support/test-app.js";
import { settled, waitFor } from "../support/wait-for.js";

/**
 * Many viewers at once, over HTTP and live subscriptions, with personal data that names its owner
 * in every title ("[[viewer-7]] ..."). Not one response or pushed tile may carry another viewer's
 * name. The run is random but seeded: a failure prints its seed, and ISOLATION_SEED replays it.
 */

const SEED = Number(process.env.ISOLATION_SEED ?? Date.now() % 1_000_000);
const USERS = Array.from({ length: 30 }, (_, index) => `viewer-${index}`);
const ANONYMOUS_SOCKETS = 3;
const HOME_REQUESTS = 150;
const PUSHES = 120;
const CAPABILITIES = {
  platform: "WEB",
  appVersion: "1.0.0",
  components: [...COMPONENT_KINDS],
  actions: [...ACTION_KINDS],
};
const SUBSCRIPTION = print(HomeUpdatesDocument);
const HOME = print(HomeDocument);

let app: TestApp;
let url: string;
let stop: () => Promise<void>;
const random = seededRandom(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

interface Subscriber {
  readonly user: string | undefined;
  readonly socket: RawSocket;
  readonly ids: string[];
}
const subscribers: Subscriber[] = [];
const tokens = new Map<string, string>();
/** Products on each viewer's screen, from their first home. */
const screens = new Map<string, { id: string; service: string }[]>();
/** The last version pushed per viewer and product, so every push is newer. */
const versions = new Map<string, number>();
let ids = 0;

const markersIn = (text: string): string[] =>
  [...text.matchAll(/\[\[([^\]]+)\]\]/g)].map((match) => match[1] ?? "");

async function home(user: string | undefined): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(user !== undefined && { authorization: `Bearer ${tokens.get(user)}` }),
    },
    body: JSON.stringify({ query: HOME, variables: { capabilities: CAPABILITIES } }),
  });
  return { status: response.status, text: await response.text() };
}

async function push(user: string, title: string): Promise<void> {
  const product = pick(screens.get(user) ?? []);
  const current = app.service(product.service).peekPersonal(user, product.id) as ProductInfo;
  const key = `${user}\u0000${product.id}`;
  const version = (versions.get(key) ?? current.version + 1_000) + 1;
  versions.set(key, version);
  await app.changes.publish({
    kind: "personal",
    user,
    info: { ...current, version, title: `[[${user}]] ${title}` },
  });
}

const delivered = (subscriber: Subscriber, title: string): boolean =>
  subscriber.ids.every((id) =>
    subscriber.socket
      .framesFor(id)
      // The closing quote: "push-1" must not be found in "push-12".
      .some((frame) => frame.type === "next" && JSON.stringify(frame).includes(`${title}"`)),
  );

beforeAll(async () => {
  app = await createTestApp({ security: { maxConnectionsPerViewer: 5, maxSubscriptionsPerConnection: 5 } });
  ({ url, stop } = await listenWithMovingClock(app));
  for (const user of USERS) {
    tokens.set(user, await app.token(user));
    for (const service of app.services) {
      for (const id of service.productIds()) {
        const generic = service.peekGeneric(id) as ProductInfo;
        service.setPersonal(user, { ...generic, title: `[[${user}]] ${generic.title}` });
      }
    }
  }
}, 60_000);
afterAll(async () => {
  for (const subscriber of subscribers) subscriber.socket.terminate();
  await stop();
});

describe(`isolation between viewers (seed ${SEED})`, () => {
  it("no response and no pushed tile carries another viewer's personal data", async () => {
    // Every viewer's first screen, all at once: theirs alone, and where their products are.
    const firsts = await Promise.all(USERS.map(async (user) => ({ user, ...(await home(user)) })));
    for (const { user, status, text } of firsts) {
      expect(status, text).toBe(200);
      const body = JSON.parse(text) as { data: HomeQuery };
      expect(body.data.home.viewer, `seed ${SEED}`).toEqual({ id: user, anonymous: false });
      const markers = markersIn(text);
      expect(markers.length, `${user}'s screen is personalised (seed ${SEED})`).toBeGreaterThan(3);
      expect(new Set(markers), `seed ${SEED}`).toEqual(new Set([user]));
      const products = [...text.matchAll(/"product":\{"id":"([^"]+)","service":"([^"]+)"\}/g)].map(
        (match) => ({
          id: match[1] as string,
          service: match[2] as string,
        }),
      );
      expect(products.length).toBeGreaterThan(0);
      screens.set(user, products);
    }

    // One or two connections per viewer, one or two subscriptions each, and a few anonymous ones.
    const owners: (string | undefined)[] = [
      ...USERS.flatMap((user) => (random() < 0.5 ? [user] : [user, user])),
      ...Array.from({ length: ANONYMOUS_SOCKETS }, () => undefined),
    ];
    await Promise.all(
      owners.map(async (user) => {
        const socket = new RawSocket(url);
        const subscriber: Subscriber = { user, socket, ids: [] };
        subscribers.push(subscriber);
        const params = user === undefined ? {} : { authorization: `Bearer ${tokens.get(user)}` };
        expect(await socket.init(params)).toBe("acked");
        const count = random() < 0.5 ? 1 : 2;
        for (let index = 0; index < count; index++) {
          const id = `s${++ids}`;
          subscriber.ids.push(id);
          socket.send({
            id,
            type: "subscribe",
            payload: { query: SUBSCRIPTION, variables: { capabilities: CAPABILITIES } },
          });
        }
      }),
    );

    // Live when each of a viewer's subscriptions heard a push meant for them.
    await waitFor(
      async () => {
        await Promise.all(USERS.map((user) => push(user, "ready")));
        return subscribers
          .filter((each) => each.user !== undefined)
          .every((each) => delivered(each, "ready"));
      },
      { timeoutMs: 15_000, intervalMs: 50, what: `every subscription live (seed ${SEED})` },
    );

    // Random pushes to random viewers while random viewers (and anonymous ones) load their screens.
    const pushed: { user: string; title: string }[] = [];
    const pushing = (async () => {
      for (let index = 0; index < PUSHES; index++) {
        const user = pick(USERS);
        const title = `push-${index}`;
        pushed.push({ user, title });
        await push(user, title);
        if (random() < 0.2) {
          const product = pick(screens.get(pick(USERS)) ?? []);
          const generic = app.service(product.service).peekGeneric(product.id) as ProductInfo;
          await app.changes.publish({
            kind: "generic",
            info: { ...generic, version: generic.version + 10_000 + index, title: `generic-${index}` },
          });
        }
        if (index % 10 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    })();
    const loading = Promise.all(
      Array.from({ length: HOME_REQUESTS }, async () => {
        const user = random() < 0.1 ? undefined : pick(USERS);
        return { user, ...(await home(user)) };
      }),
    );
    const [screensLoaded] = await Promise.all([loading, pushing]);

    for (const { user, status, text } of screensLoaded) {
      expect(status, text).toBe(200);
      const body = JSON.parse(text) as { data: HomeQuery };
      expect(body.data.home.viewer.id, `seed ${SEED}`).toBe(user ?? null);
      const markers = new Set(markersIn(text));
      expect(markers, `screen for ${user ?? "anonymous"} (seed ${SEED})`).toEqual(
        user === undefined ? new Set() : new Set([user]),
      );
    }

    // Every push reaches every subscription of its viewer (asserted at the end).
    const lastPushOf = new Map(pushed.map(({ user, title }) => [user, title]));
    const delivery = await settled(
      waitFor(
        () =>
          subscribers.every((each) => {
            const title = each.user === undefined ? undefined : lastPushOf.get(each.user);
            return title === undefined || delivered(each, title);
          }),
        { timeoutMs: 15_000, intervalMs: 50, what: `every viewer's last push delivered (seed ${SEED})` },
      ),
    );

    // And nothing anywhere else: every frame a subscription got names its own viewer only.
    let framesSeen = 0;
    for (const { user, socket, ids: own } of subscribers) {
      expect(socket.closed, `seed ${SEED}`).toBeUndefined();
      for (const id of own) {
        const frames = socket.framesFor(id);
        framesSeen += frames.length;
        expect(frames.filter((frame) => frame.type !== "next")).toEqual([]);
        const markers = new Set(markersIn(JSON.stringify(frames)));
        expect(markers, `pushed to ${user ?? "anonymous"} (seed ${SEED})`).toEqual(
          user === undefined ? new Set() : new Set([user]),
        );
      }
    }
    expect(framesSeen).toBeGreaterThan(PUSHES);
    // Checked last, so that a leak (which can also delay a viewer's own pushes) is what gets reported.
    expect(delivery.ok ? "delivered" : String(delivery.error)).toBe("delivered");
  }, 90_000);
});
