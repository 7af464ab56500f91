import type { Client } from "graphql-ws";
import { parse, print } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { HomeDocument, type HomeQuery, HomeUpdatesDocument } from "../gql/graphql.js";
import { ACTION_KINDS, COMPONENT_KINDS } from "../../src/ui-components/index.js";
import type { ProductInfo } from "../../src/domain/index.js";
import { type TestApp, createTestApp, listenWithMovingClock } from "../support/test-app.js";
import { type Received, socketClient, subscribe } from "../support/ws-client.js";
import { waitFor } from "../support/wait-for.js";

/**
 * A generic change reaches many subscriptions at once; those that would build the same delta share
 * one (and its GraphQL execution). Each must still get exactly what it would have got alone: its
 * own sequence and time, its own document's shape, its own locale, and never another viewer's tile.
 */
const CAPABILITIES = {
  platform: "WEB" as const,
  appVersion: "1.0.0",
  components: [...COMPONENT_KINDS],
  actions: [...ACTION_KINDS],
};

/** Another document: aliases, `sequence` twice, and only part of the tile. */
const ALIASED = parse(`
  subscription Aliased($capabilities: ClientCapabilitiesInput) {
    update: homeUpdates(capabilities: $capabilities) {
      kind: __typename
      n: sequence
      sequence
      at: sentAt
      ... on TileUpdate {
        tile {
          id
          revision
          ... on ProductTile {
            title
            price {
              formatted
            }
          }
        }
      }
    }
  }
`) as TypedDocumentNode<Record<string, unknown>, Record<string, unknown>>;

type Message = Record<string, Record<string, unknown>>;
type Tile = HomeQuery["home"]["sections"][number] extends infer S
  ? S extends { tiles: (infer T)[] }
    ? T
    : never
  : never;

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

function client(params: Record<string, unknown> = {}): Client {
  const created = socketClient(url, params);
  clients.push(created);
  return created;
}

async function anonymousHome(): Promise<HomeQuery["home"]> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: print(HomeDocument), variables: { capabilities: CAPABILITIES } }),
  });
  const body = (await response.json()) as { data: HomeQuery };
  return body.data.home;
}

/** The update of a message, whatever the document called it. */
const updateOf = (message: Message): Record<string, unknown> =>
  (message.homeUpdates ?? message.update) as Record<string, unknown>;
const titleOf = (message: Message): unknown =>
  (updateOf(message).tile as { title?: unknown } | undefined)?.title;

describe("a generic change shared by many subscriptions", () => {
  it("gives each subscription its own sequence, time, document shape and locale; a signed-in viewer's personal tile stays theirs", async () => {
    const screen = await anonymousHome();
    const target = screen.sections
      .flatMap((section) => ("tiles" in section ? (section.tiles as Tile[]) : []))
      .find((tile) => tile.__typename === "ProductTile" && tile.product) as Tile & {
      product: { id: string; service: string };
    };
    expect(target).toBeDefined();
    const generic = app.service(target.product.service).peekGeneric(target.product.id) as ProductInfo;

    const alike = Array.from({ length: 4 }, () =>
      subscribe(client(), HomeUpdatesDocument, { capabilities: CAPABILITIES }),
    ) as unknown as Received<Message>[];
    const aliased = subscribe(client(), ALIASED, { capabilities: CAPABILITIES }) as Received<Message>;
    const french = subscribe(client(), HomeUpdatesDocument, {
      capabilities: { ...CAPABILITIES, locale: "fr-FR" },
    }) as unknown as Received<Message>;
    const alice = subscribe(
      client({ authorization: `Bearer ${await app.token("alice")}` }),
      HomeUpdatesDocument,
      {
        capabilities: CAPABILITIES,
      },
    ) as unknown as Received<Message>;
    const anonymous = [...alike, aliased, french];

    // Changes until every anonymous subscription has one (each listens once its snapshot is taken),
    // then the one compared.
    let version = generic.version;
    const price = { amountMinor: 123_456, currency: "EUR" };
    await waitFor(
      async () => {
        version += 1;
        await app.changes.publish({
          kind: "generic",
          info: { ...generic, version, title: `Warm-up ${version}`, price },
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
        return anonymous.every((received) => received.messages.length > 0);
      },
      { timeoutMs: 10_000, what: "every anonymous subscription listening" },
    );
    version += 1;
    await app.changes.publish({ kind: "generic", info: { ...generic, version, title: "Compared", price } });
    const compared = await waitFor(
      () => {
        const found = anonymous.map((received) =>
          received.messages.find((message) => titleOf(message) === "Compared"),
        );
        return found.every(Boolean) ? (found as Message[]) : undefined;
      },
      { timeoutMs: 10_000, what: "the compared change everywhere" },
    );

    for (const received of anonymous) {
      expect(received.errors).toEqual([]);
      // Numbered 1, 2, 3... per subscription, whatever the others got.
      const sequences = received.messages.map((message) => updateOf(message).sequence);
      expect(sequences).toEqual(received.messages.map((_, index) => index + 1));
    }
    // The same document and capabilities: the same tile; each its own sequence and time.
    const [first, ...others] = compared.slice(0, alike.length).map(updateOf);
    for (const [index, other] of others.entries()) {
      expect({ ...other, sequence: 0, sentAt: "" }).toEqual({ ...first, sequence: 0, sentAt: "" });
      expect(other?.sequence).toBe(alike[index + 1]?.messages.length);
    }
    for (const update of compared.map(updateOf)) {
      expect(new Date(String(update.sentAt ?? update.at)).toISOString()).toBe(update.sentAt ?? update.at);
    }
    // Another document's shape, its aliases filled with its own numbers.
    const aliasedUpdate = updateOf(compared[alike.length] as Message);
    expect(Object.keys(aliasedUpdate)).toEqual(["kind", "n", "sequence", "at", "tile"]);
    expect(aliasedUpdate.n).toBe(aliased.messages.length);
    expect(aliasedUpdate.sequence).toBe(aliased.messages.length);
    expect(aliasedUpdate.tile).toEqual({
      id: (first?.tile as { id: string }).id,
      revision: (first?.tile as { revision: number }).revision,
      title: "Compared",
      price: { formatted: (first?.tile as { price: { formatted: string } }).price.formatted },
    });
    // Another locale: its own price text.
    const frenchTile = updateOf(compared[alike.length + 1] as Message).tile as {
      price: { formatted: string };
    };
    expect(frenchTile.price.formatted).not.toBe(
      (first?.tile as { price: { formatted: string } }).price.formatted,
    );
    expect(frenchTile.price.formatted).toBe(
      new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(1_234.56),
    );
    // Alice sees her personalised tiles: no generic change reached her screen as a tile.
    expect(alice.messages.filter((message) => /Warm-up|Compared/.test(String(titleOf(message))))).toEqual([]);
  });
});
