import { type ApolloClient, InMemoryCache } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { type DocumentNode, OperationTypeNode, getOperationAST, print } from "graphql";
import type { Client as SocketClient } from "graphql-ws";
import {
  HomeDocument,
  type HomeQuery,
  type HomeQueryVariables,
  HomeUpdatesDocument,
  type HomeUpdatesSubscription,
} from "./gql/graphql.js";
import generated from "./possible-types.json" with { type: "json" };

/**
 * Apollo Client and the home screen: the cache, persisted queries, and `followHomeUpdates`, which
 * keeps the cached screen in step with the `homeUpdates` subscription. See client/README.md.
 */

/** Which concrete types implement `Tile`, `Section`, `Action`...: the fragments on them match. */
export const possibleTypes: Record<string, string[]> = generated.possibleTypes;

/**
 * A cache that knows the schema's abstract types, and replaces a screen's sections and a section's
 * tiles as a whole (a refetched screen or an insert is the new list); pass your own options on top.
 */
export function createHomeCache(options: ConstructorParameters<typeof InMemoryCache>[0] = {}): InMemoryCache {
  return new InMemoryCache({
    ...options,
    possibleTypes,
    typePolicies: {
      ...options.typePolicies,
      HomeScreen: { fields: { sections: { merge: false } } },
      Section: { fields: { tiles: { merge: false } } },
    },
  });
}

const MANIFEST_HASHES = new Map(
  [HomeDocument, HomeUpdatesDocument].map((document) => [operationName(document), manifestHashOf(document)]),
);

function operationName(document: DocumentNode): string | undefined {
  return getOperationAST(document)?.name?.value;
}

function manifestHashOf(document: DocumentNode): string | undefined {
  return (document as { __meta__?: { hash?: string } }).__meta__?.hash;
}

/**
 * Apollo's persisted-query link with the gateway's manifest hashes: the kit's operations go out as
 * a hash alone, which the gateway always knows (also when it takes only trusted documents). Other
 * operations are hashed the APQ way (SHA-256 of their text) and registered on first use.
 * Put it before the HTTP link only: over the socket, send the query (graphql-ws requires one).
 */
export function createHomePersistedQueryLink(): PersistedQueryLink {
  return new PersistedQueryLink({
    generateHash: async (document) => {
      const known = manifestHashOf(document) ?? MANIFEST_HASHES.get(operationName(document));
      if (known) return known;
      const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(print(document)));
      return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
    },
  });
}

export type HomeUpdate = HomeUpdatesSubscription["homeUpdates"];
type TileChange = Extract<HomeUpdate, { __typename: "TileUpdate" | "TileInsert" | "TileRemoval" }>;
type Section = HomeQuery["home"]["sections"][number];
type Tile = Extract<Section, { tiles: unknown }>["tiles"][number];

/**
 * The screen after one tile change, or `undefined` when the change does not fit the screen held
 * (its section or tile is not there): then only a fresh screen is right. An update older than the
 * tile held (a lower revision) leaves the screen as it is.
 */
export function applyHomeUpdate(home: HomeQuery, update: TileChange): HomeQuery | undefined {
  const sections = home.home.sections;
  const index = sections.findIndex((section) => section.id === update.sectionId);
  const section = sections[index];
  if (!section) return undefined;
  let changed: Section | undefined;
  switch (update.__typename) {
    case "TileUpdate":
      changed = withTile(section, update.tile);
      break;
    case "TileInsert":
      if ("tiles" in section) {
        const tiles = section.tiles.filter((tile) => tile.id !== update.tile.id);
        tiles.splice(Math.min(update.index, tiles.length), 0, update.tile);
        changed = { ...section, tiles };
      }
      break;
    case "TileRemoval":
      if ("tiles" in section && section.tiles.some((tile) => tile.id === update.tileId)) {
        changed = { ...section, tiles: section.tiles.filter((tile) => tile.id !== update.tileId) };
      }
      break;
  }
  if (!changed) return undefined;
  if (changed === section) return home;
  return { ...home, home: { ...home.home, sections: sections.map((s, i) => (i === index ? changed : s)) } };
}

/** The section with `tile` in place of the tile with its id; the section itself if `tile` is older. */
function withTile(section: Section, tile: Tile): Section | undefined {
  if ("tiles" in section) {
    const held = section.tiles.find((candidate) => candidate.id === tile.id);
    if (!held) return undefined;
    if (held.revision >= tile.revision) return section;
    return {
      ...section,
      tiles: section.tiles.map((candidate) => (candidate.id === tile.id ? tile : candidate)),
    };
  }
  if ("tile" in section && section.tile) {
    if (section.tile.id !== tile.id) return undefined;
    return section.tile.revision >= tile.revision ? section : { ...section, tile };
  }
  return undefined;
}

export interface FollowHomeUpdatesOptions {
  readonly client: ApolloClient;
  /** The variables of the `home` query whose cached screen is kept in step; the subscription's too. */
  readonly variables: HomeQueryVariables;
  /**
   * The graphql-ws client under the socket link, if any: after it reconnects, whatever was pushed
   * meanwhile is lost, so the screen is fetched again.
   */
  readonly socket?: SocketClient;
  /** Why and when the screen was fetched again (ResyncRequired, a gap, a reconnect); for logs and tests. */
  readonly onResync?: (reason: string) => void;
  readonly onError?: (error: unknown) => void;
}

/**
 * Subscribes to `homeUpdates` and applies each update to the cached `home` screen, so every query
 * watching it re-renders: a replaced tile (kept only if its revision is higher), an inserted or a
 * removed one. `ResyncRequired`, a gap in `sequence` (a resubscription starts again at 1) or a change
 * the cached screen cannot take fetch the screen again from the network. Returns `stop`.
 */
export function followHomeUpdates(options: FollowHomeUpdatesOptions): { stop(): void } {
  const { client, variables } = options;
  const onError = options.onError ?? (() => undefined);
  let expected = 1;
  let refetching: Promise<unknown> | undefined;
  let refetchAgain = false;

  const resync = (reason: string): void => {
    options.onResync?.(reason);
    if (refetching) {
      refetchAgain = true;
      return;
    }
    refetching = client
      .query({ query: HomeDocument, variables, fetchPolicy: "network-only" })
      .catch(onError)
      .finally(() => {
        refetching = undefined;
        if (refetchAgain) {
          refetchAgain = false;
          resync("changes arrived during the refetch");
        }
      });
  };

  const subscription = client
    // "no-cache": each update is written here, where its revision is compared with the tile held.
    // The cache's own transform still adds __typename, which writing the tiles back needs.
    .subscribe({
      query: client.cache.transformDocument(HomeUpdatesDocument) as typeof HomeUpdatesDocument,
      variables,
      fetchPolicy: "no-cache",
    })
    .subscribe({
      next: ({ data, error }) => {
        if (error) {
          onError(error);
          return;
        }
        const update = data?.homeUpdates;
        if (!update) return;
        const inOrder = update.sequence === expected;
        expected = update.sequence + 1;
        if (!inOrder) {
          resync(update.sequence === 1 ? "RESUBSCRIBED" : "SEQUENCE_GAP");
          return;
        }
        if (update.__typename === "ResyncRequired") {
          resync(update.reason);
          return;
        }
        // Whole sections come only to clients that declare SECTION_UPDATE, which this one does not.
        if (update.__typename === "SectionUpdate") {
          resync("SECTION_UPDATE");
          return;
        }
        let fits = true;
        client.cache.updateQuery({ query: HomeDocument, variables }, (home) => {
          const next = home ? applyHomeUpdate(home, update) : undefined;
          fits = next !== undefined;
          return next === home ? undefined : next;
        });
        if (!fits) resync("NOT_IN_CACHED_SCREEN");
      },
      error: onError,
    });
  const stopListening = options.socket?.on("connected", (_socket, _payload, wasRetry) => {
    if (wasRetry) resync("RECONNECTED");
  });
  return {
    stop: () => {
      subscription.unsubscribe();
      stopListening?.();
    },
  };
}

/** Whether an operation goes over the socket; for `ApolloLink.split`. */
export function isSubscription(document: DocumentNode): boolean {
  return getOperationAST(document)?.operation === OperationTypeNode.SUBSCRIPTION;
}
