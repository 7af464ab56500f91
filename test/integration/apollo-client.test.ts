import { ApolloClient, ApolloLink, HttpLink } from "@apollo/client";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { type Client as SocketClient, createClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyHomeUpdate,
  createHomeCache,
  createHomePersistedQueryLink,
  followHomeUpdates,
  isSubscription,
} from "../../client/apollo-home-cache.js";
import { HomeDocument, type HomeQuery } from "../../client/gql/graphql.js";
import type { HomePlan, ProductInfo } from "../../src/domain/index.js";
import { TrustedDocuments } from "../../src/inbound/trusted-documents.js";
import { ACTION_KINDS, COMPONENT_KINDS } from "../../src/ui-components/index.js";
import { type TestApp, createTestApp, listenWithMovingClock } from "../support/test-app.js";
import { waitFor } from "../support/wait-for.js";

/**
 * The client kit with the real Apollo Client against a running gateway: `home` over HTTP as a
 * persisted-query hash, `homeUpdates` over graphql-ws, and `followHomeUpdates` keeping the cached
 * screen in step with what the gateway pushes.
 */

const ALICE = { kind: "user", id: "alice" } as const;
const variables = {
  capabilities: {
    platform: "WEB" as const,
    appVersion: "1.0.0",
    components: [...COMPONENT_KINDS],
    actions: [...ACTION_KINDS],
  },
};
type Screen = HomeQuery["home"];
type Section = Screen["sections"][number];

let app: TestApp;
let listening: Awaited<ReturnType<typeof listenWithMovingClock>> | undefined;
let socket: SocketClient;
let client: ApolloClient;
let follower: { stop(): void };
const sentBodies: Record<string, unknown>[] = [];
const resyncs: string[] = [];
const errors: unknown[] = [];
let latest: Screen | undefined;

beforeAll(async () => {
  // Only trusted documents: Apollo Client's own text of the subscription (with the __typename its
  // cache adds) must be recognised as the manifest's.
  app = await createTestApp({
    security: { trustedDocuments: TrustedDocuments.ofProject(), trustedDocumentsOnly: true },
  });
  listening = await listenWithMovingClock(app);
  const { url } = listening;
  const authorization = `Bearer ${await app.token("alice")}`;
  socket = createClient({
    url: url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams: { authorization },
    retryAttempts: 5,
    retryWait: () => new Promise((resolve) => setTimeout(resolve, 50)),
  });
  const http = new HttpLink({
    uri: url,
    headers: { authorization },
    fetch: async (input, init) => {
      sentBodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
      return fetch(input, init);
    },
  });
  client = new ApolloClient({
    cache: createHomeCache(),
    link: ApolloLink.split(
      ({ query }) => isSubscription(query),
      new GraphQLWsLink(socket),
      createHomePersistedQueryLink().concat(http),
    ),
  });
  client.watchQuery({ query: HomeDocument, variables }).subscribe((result) => {
    if (result.data?.home) latest = result.data.home as Screen;
  });
  await waitFor(() => latest, { timeoutMs: 10_000, what: "the first screen" });
  follower = followHomeUpdates({
    client,
    variables,
    socket,
    onResync: (reason) => resyncs.push(reason),
    onError: (error) => errors.push(error),
  });
});

afterAll(async () => {
  follower?.stop();
  await socket?.dispose();
  await (listening?.stop() ?? app?.stop());
});

const sectionOf = (screen: Screen | undefined, id: string): Section | undefined =>
  screen?.sections.find((section) => section.id === id);
const tileIdsOf = (section: Section | undefined): string[] =>
  section && "tiles" in section ? section.tiles.map((tile) => tile.id) : [];

describe("Apollo Client with the client kit", () => {
  it("sends home as the manifest hash alone, and types abstract fragments from possibleTypes", () => {
    expect(sentBodies[0]).toMatchObject({
      operationName: "Home",
      extensions: { persistedQuery: { version: 1, sha256Hash: expect.stringMatching(/^[0-9a-f]{64}$/) } },
    });
    expect(sentBodies[0]).not.toHaveProperty("query");
    // Tiles and sections come back with their fields: the fragments on interfaces matched.
    const section = latest?.sections.find((candidate) => "tiles" in candidate);
    expect(section && "tiles" in section && section.tiles[0]?.revision).toBeGreaterThan(0);
  });

  it("re-renders the watched screen with a pushed tile (TileUpdate)", async () => {
    const section = latest?.sections.find(
      (candidate) =>
        "tiles" in candidate && candidate.tiles.some((tile) => tile.__typename === "ProductTile"),
    );
    const tile =
      section && "tiles" in section ? section.tiles.find((t) => t.__typename === "ProductTile") : undefined;
    const product = tile?.product as { id: string; service: string };
    const current = app.service(product.service).peekPersonal("alice", product.id) as ProductInfo;
    let version = current.version;
    // The subscription starts listening asynchronously: publish until the screen shows it.
    const shown = await waitFor(
      async () => {
        await app.changes.publish({
          kind: "personal",
          user: "alice",
          info: { ...current, version: ++version, title: "Pushed to Alice" },
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
        const now = sectionOf(latest, section?.id as string);
        return now && "tiles" in now
          ? now.tiles.find((t) => t.id === tile?.id && "title" in t && t.title === "Pushed to Alice")
          : undefined;
      },
      { timeoutMs: 10_000, what: "the pushed tile in the watched screen" },
    );
    expect(shown.revision).toBeGreaterThan(tile?.revision as number);
    expect(resyncs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("inserts and removes tiles in the cached screen as the viewer's plan changes (TileInsert, TileRemoval)", async () => {
    const plan = await app.recommendations.forViewer(ALICE);
    const onScreen = new Set(plan.sections.flatMap((s) => s.products.map((p) => `${p.service}/${p.id}`)));
    const target =
      plan.sections.find((s) => s.kind === "carousel" && s.products.length >= 2) ?? plan.sections[1];
    const spare = app.services
      .flatMap((service) => service.productIds().map((id) => ({ id, service: service.id })))
      .find(
        (ref) => ref.service === target?.products[0]?.service && !onScreen.has(`${ref.service}/${ref.id}`),
      );
    expect(target && spare).toBeTruthy();
    const [removed, ...kept] = target!.products;
    const replanned: HomePlan = {
      sections: plan.sections.map((s) => (s.id === target!.id ? { ...s, products: [spare!, ...kept] } : s)),
    };
    app.recommendations.setPlan(ALICE, replanned);
    const expected = [spare!, ...kept].map((ref) => `${target!.id}.${ref.id}`);

    await waitFor(
      async () => {
        await app.changes.publish({ kind: "plan", user: "alice" });
        await new Promise((resolve) => setTimeout(resolve, 20));
        return JSON.stringify(tileIdsOf(sectionOf(latest, target!.id))) === JSON.stringify(expected);
      },
      { timeoutMs: 10_000, what: "the replanned section in the watched screen" },
    );
    expect(tileIdsOf(sectionOf(latest, target!.id))).not.toContain(`${target!.id}.${removed!.id}`);
    // Applied from the deltas, not by fetching the screen again.
    expect(resyncs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("fetches the screen again on ResyncRequired", async () => {
    const before = sentBodies.length;
    const plan = await app.recommendations.forViewer(ALICE);
    const dropped = plan.sections.at(-1) as HomePlan["sections"][number];
    // The plan changes without a word to the subscription; only a fresh screen can show it.
    app.recommendations.setPlan(ALICE, { sections: plan.sections.slice(0, -1) });
    await waitFor(
      () => {
        (app.changes as unknown as { possibleLoss(reason: string): void }).possibleLoss("test");
        return resyncs.includes("UPDATES_LOST") && !sectionOf(latest, dropped.id);
      },
      { timeoutMs: 10_000, intervalMs: 50, what: "the refetched screen without the dropped section" },
    );
    expect(sentBodies.length).toBeGreaterThan(before);
    expect(sentBodies.at(-1)).toMatchObject({ operationName: "Home" });
  });

  it("fetches the screen again after the socket reconnects, and on the sequence restarting", async () => {
    resyncs.length = 0;
    const before = sentBodies.length;
    socket.terminate();
    await waitFor(() => resyncs.includes("RECONNECTED"), { timeoutMs: 10_000, what: "the reconnect" });
    await waitFor(() => sentBodies.length > before, { timeoutMs: 10_000, what: "the refetch" });

    // The resubscription numbers its updates from 1 again: a gap for the updates held so far.
    const tile = latest?.sections.flatMap((s) => ("tiles" in s ? s.tiles : []))[0];
    const product = tile?.product as { id: string; service: string };
    const current = app.service(product.service).peekPersonal("alice", product.id) as ProductInfo;
    let version = current.version + 1_000;
    await waitFor(
      async () => {
        await app.changes.publish({
          kind: "personal",
          user: "alice",
          info: { ...current, version: ++version },
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
        return resyncs.includes("RESUBSCRIBED");
      },
      { timeoutMs: 10_000, what: "the restarted sequence noticed" },
    );
    expect(errors).toEqual([]);
  });
});

describe("applyHomeUpdate", () => {
  it("keeps a tile whose revision is not higher, and refuses a change for a section not on the screen", () => {
    const screen = latest as Screen;
    const section = screen.sections.find((s) => "tiles" in s && s.tiles.length > 0) as Extract<
      Section,
      { tiles: unknown }
    >;
    const held = section.tiles[0]!;
    const home: HomeQuery = { __typename: "Query", home: screen };
    const stale = {
      __typename: "TileUpdate",
      sequence: 1,
      sentAt: "",
      sectionId: section.id,
      tile: { ...held },
    } as const;
    expect(applyHomeUpdate(home, stale)).toBe(home);
    const elsewhere = {
      __typename: "TileRemoval",
      sequence: 1,
      sentAt: "",
      sectionId: "nowhere",
      tileId: held.id,
    } as const;
    expect(applyHomeUpdate(home, elsewhere)).toBeUndefined();
  });
});
