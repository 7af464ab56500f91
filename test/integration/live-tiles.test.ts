import type { Client } from "graphql-ws";
import { parse } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  HomeDocument,
  type HomeQuery,
  HomeUpdatesDocument,
  type HomeUpdatesSubscription,
} from "../gql/graphql.js";
import { ACTION_KINDS, COMPONENT_KINDS } from "../../src/ui-components/index.js";
import type { ProductInfo } from "../../src/domain/index.js";
import { type TestApp, createTestApp, listenWithMovingClock } from "../support/test-app.js";
import { socketClient, subscribe } from "../support/ws-client.js";
import { waitFor } from "../support/wait-for.js";

const CAPABILITIES = {
  platform: "WEB" as const,
  appVersion: "1.0.0",
  components: [...COMPONENT_KINDS],
  actions: [...ACTION_KINDS],
};
type Update = HomeUpdatesSubscription["homeUpdates"];
type Tile = Extract<Update, { __typename: "TileUpdate" }>["tile"];

let app: TestApp;
let url: string;
let stopApp: () => Promise<void>;
const clients: Client[] = [];

beforeAll(async () => {
  app = await createTestApp();
  ({ url, stop: stopApp } = await listenWithMovingClock(app));
});
afterEach(async () => {
  for (const client of clients.splice(0)) await client.dispose();
});
afterAll(async () => {
  await stopApp();
});

function client(params: Record<string, unknown>): Client {
  const created = socketClient(url, params);
  clients.push(created);
  return created;
}

async function home(token?: string): Promise<HomeQuery["home"]> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({
      query: (await import("graphql")).print(HomeDocument),
      variables: { capabilities: CAPABILITIES },
    }),
  });
  const body = (await response.json()) as { data: HomeQuery; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data.home;
}

function tilesOf(screen: HomeQuery["home"]): Tile[] {
  return screen.sections.flatMap((section) =>
    "tiles" in section ? (section.tiles as Tile[]) : "tile" in section ? [section.tile as Tile] : [],
  );
}

const tileUpdates = (messages: HomeUpdatesSubscription[]): Extract<Update, { __typename: "TileUpdate" }>[] =>
  messages
    .map((m) => m.homeUpdates)
    .filter((u): u is Extract<Update, { __typename: "TileUpdate" }> => u.__typename === "TileUpdate");

describe("live tiles over graphql-ws", () => {
  it("pushes a viewer's changed tile to that viewer only, same id and a higher revision", async () => {
    const [aliceToken, bobToken] = [await app.token("alice"), await app.token("bob")];
    const screen = await home(aliceToken);
    const target = tilesOf(screen).find((tile) => tile.__typename === "ProductTile") as Tile;
    const product = target.product as { id: string; service: string };

    const alice = subscribe(client({ authorization: `Bearer ${aliceToken}` }), HomeUpdatesDocument, {
      capabilities: CAPABILITIES,
    });
    const bob = subscribe(client({ authorization: `Bearer ${bobToken}` }), HomeUpdatesDocument, {
      capabilities: CAPABILITIES,
    });

    const current = app.service(product.service).peekPersonal("alice", product.id) as ProductInfo;
    let version = current.version;
    // The subscription is live once it answers; publish until it does (each publish is newer).
    const update = await waitFor(
      async () => {
        version += 1;
        await app.changes.publish({
          kind: "personal",
          user: "alice",
          info: { ...current, version, title: "Just for Alice" },
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
        return tileUpdates(alice.messages).find((u) => u.tile.id === target.id);
      },
      { timeoutMs: 5_000, what: "alice's pushed tile" },
    );

    expect(update.tile).toMatchObject({ id: target.id, personalization: { state: "PERSONALIZED" } });
    expect("title" in update.tile && update.tile.title).toBe("Just for Alice");
    expect(update.tile.revision).toBeGreaterThan(target.revision);
    expect(update.sequence).toBeGreaterThanOrEqual(1);
    expect(alice.errors).toEqual([]);

    // Bob hears his own change and nothing of Alice's.
    const bobsCurrent = app.service(product.service).peekPersonal("bob", product.id) as ProductInfo;
    let bobVersion = bobsCurrent.version;
    await waitFor(
      async () => {
        bobVersion += 1;
        await app.changes.publish({
          kind: "personal",
          user: "bob",
          info: { ...bobsCurrent, version: bobVersion, title: "Bob's" },
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
        return bob.messages.length > 0;
      },
      { timeoutMs: 5_000, what: "bob's pushed tile" },
    );
    const bobTitles = tileUpdates(bob.messages).map((u) => ("title" in u.tile ? u.tile.title : null));
    expect(bobTitles.every((title) => title === "Bob's")).toBe(true);
    // Sequence numbers count 1, 2, 3... without gaps.
    expect(alice.messages.map((m) => m.homeUpdates.sequence)).toEqual(
      alice.messages.map((_, index) => index + 1),
    );
  });

  it("serves a slow service's tile generically first, then pushes the personalised one", async () => {
    const token = await app.token("carol");
    await home(); // generic info cached, as the periodic refresh leaves it
    const travel = app.service("travel");
    travel.latencyMs = 1_500;
    try {
      const live = subscribe(client({ authorization: `Bearer ${token}` }), HomeUpdatesDocument, {
        capabilities: CAPABILITIES,
      });
      const screen = await home(token);
      const generic = tilesOf(screen).filter((tile) => tile.product?.service === "travel");
      expect(generic.length).toBeGreaterThan(0);
      for (const tile of generic)
        expect(tile.personalization).toEqual({ state: "GENERIC", reason: "SERVICE_SLOW" });

      const pushed = await waitFor(
        () => {
          const updates = tileUpdates(live.messages).filter((u) => u.tile.product?.service === "travel");
          return updates.length >= generic.length ? updates : undefined;
        },
        { timeoutMs: 10_000, what: "personalised travel tiles pushed" },
      );
      for (const tile of generic) {
        const update = pushed.find((u) => u.tile.id === tile.id);
        expect(update?.tile.personalization.state, tile.id).toBe("PERSONALIZED");
        expect(update?.tile.revision, tile.id).toBeGreaterThan(tile.revision);
      }
    } finally {
      travel.latencyMs = 0;
    }
  });

  it("refuses queries on the socket with a clear error", async () => {
    const token = await app.token("alice");
    const received = subscribe(
      client({ authorization: `Bearer ${token}` }),
      parse("query { home { id } }") as TypedDocumentNode<unknown, Record<string, never>>,
      {},
    );
    await waitFor(() => received.errors.length > 0, { timeoutMs: 5_000, what: "an error" });
    expect(JSON.stringify(received.errors)).toMatch(/Only subscriptions are accepted/);
  });

  it("closes a connection with a bad token (4403) and keeps serving others", async () => {
    const received = subscribe(client({ authorization: "Bearer not-a-token" }), HomeUpdatesDocument, {});
    await waitFor(() => received.errors.length > 0, { timeoutMs: 5_000, what: "the close" });
    expect((received.errors[0] as { code?: number }).code).toBe(4403);
    const screen = await home();
    expect(screen.viewer.anonymous).toBe(true);
  });
});
