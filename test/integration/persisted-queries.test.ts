import { createHash } from "node:crypto";
import { print } from "graphql";
import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HomeDocument, HomeUpdatesDocument } from "../../client/gql/graphql.js";
import type { PubSubChangeFeed } from "../../src/adapters/pubsub-change-feed.js";
import { type InProcessGateway, startGatewayInProcess, tokenFor } from "../support/gateways.js";
import { type RedisServer, startRedisServer, testKeyPrefix } from "../support/redis-server.js";
import { waitFor } from "../support/wait-for.js";
import { socketClient } from "../support/ws-client.js";

/**
 * Persisted queries (Apollo's APQ protocol) and trusted documents, over real HTTP and real sockets:
 * two gateways share one Redis and so each other's registrations; a third only takes the manifest.
 */

const keyPrefix = testKeyPrefix("persisted-queries");
let server: RedisServer;
let first: InProcessGateway;
let second: InProcessGateway;
let trustedOnly: InProcessGateway;
let token: string;
const clients: Client[] = [];

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");
const manifestHash = (document: unknown): string =>
  (document as { __meta__: { hash: string } }).__meta__.hash;
const CAPABILITIES = { platform: "IOS", appVersion: "5.12.0", components: [], actions: [] };

/** Not in any manifest; unique per call, so no other test registered it. */
let adHocCount = 0;
const adHocQuery = (): string => `query AdHoc${++adHocCount} { home { id } }`;

interface GraphQLBody {
  data?: { home?: { id: string } } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function post(
  gateway: InProcessGateway,
  body: { query?: string; variables?: unknown; hash?: string },
): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(`${gateway.origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      ...(body.query !== undefined && { query: body.query }),
      ...(body.variables !== undefined && { variables: body.variables }),
      ...(body.hash !== undefined && {
        extensions: { persistedQuery: { version: 1, sha256Hash: body.hash } },
      }),
    }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

const codeOf = (body: GraphQLBody): string | undefined => body.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  server = await startRedisServer();
  [first, second, trustedOnly] = await Promise.all([
    startGatewayInProcess({ redisUrl: server.url, keyPrefix }),
    startGatewayInProcess({ redisUrl: server.url, keyPrefix }),
    startGatewayInProcess({ redisUrl: server.url, keyPrefix, env: { TRUSTED_DOCUMENTS_ONLY: "true" } }),
  ]);
  token = await tokenFor("alice");
}, 60_000);

afterAll(async () => {
  for (const client of clients) await client.dispose();
  await Promise.all([first?.stop(), second?.stop(), trustedOnly?.stop()]);
  await server?.stop();
});

describe("persisted queries over HTTP", () => {
  it("a query registered on one instance is served by hash alone on another (shared through Redis)", async () => {
    const query = adHocQuery();
    const hash = sha256(query);
    const unknown = await post(second, { hash });
    expect(unknown.status).toBe(200);
    expect(codeOf(unknown.body)).toBe("PERSISTED_QUERY_NOT_FOUND");

    const registered = await post(first, { query, hash });
    expect(registered.body).toEqual({ data: { home: { id: "home:alice" } } });
    // Apollo registers after answering, off the request path.
    const byHash = await waitFor(
      async () => {
        const answer = await post(second, { hash });
        return codeOf(answer.body) === "PERSISTED_QUERY_NOT_FOUND" ? undefined : answer;
      },
      { timeoutMs: 5_000, what: "the registration seen by the other instance" },
    );
    expect(byHash).toEqual({ status: 200, body: { data: { home: { id: "home:alice" } } } });
  });

  it("refuses a query whose hash is not its own with PERSISTED_QUERY_HASH_MISMATCH", async () => {
    const answer = await post(first, { query: adHocQuery(), hash: sha256("something else") });
    expect(answer.status).toBe(400);
    expect(codeOf(answer.body)).toBe("PERSISTED_QUERY_HASH_MISMATCH");
  });

  it("answers a manifest operation by its hash on any instance, with nothing registered", async () => {
    const answer = await post(second, {
      hash: manifestHash(HomeDocument),
      variables: { capabilities: CAPABILITIES },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.home?.id).toBe("home:alice");
  });
});

describe("TRUSTED_DOCUMENTS_ONLY", () => {
  it("refuses an ad-hoc query, and does not register it", async () => {
    const query = adHocQuery();
    const plain = await post(trustedOnly, { query });
    expect(plain.status).toBe(400);
    expect(codeOf(plain.body)).toBe("QUERY_NOT_IN_SAFELIST");
    expect(plain.body.data).toBeUndefined();

    const registration = await post(trustedOnly, { query, hash: sha256(query) });
    expect(codeOf(registration.body)).toBe("QUERY_NOT_IN_SAFELIST");
    // Registering it on a permissive instance afterwards still answers: it was never stored.
    const later = await post(first, { hash: sha256(query) });
    expect(codeOf(later.body)).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("answers manifest operations by hash, and as text however it is formatted", async () => {
    const variables = { capabilities: CAPABILITIES };
    const byHash = await post(trustedOnly, { hash: manifestHash(HomeDocument), variables });
    expect(byHash.body.errors).toBeUndefined();
    expect(byHash.body.data?.home?.id).toBe("home:alice");

    // graphql-js's print, not codegen's normalized text: a different string, the same document.
    const byText = await post(trustedOnly, { query: print(HomeDocument), variables });
    expect(byText.body.errors).toBeUndefined();
    expect(byText.body.data?.home?.id).toBe("home:alice");
  });

  it("leaves introspection to the introspection setting (on in development)", async () => {
    const answer = await post(trustedOnly, { query: "{ __schema { queryType { name } } }" });
    expect(answer.body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
  });

  it("refuses an ad-hoc operation that mixes introspection with data", async () => {
    const answer = await post(trustedOnly, { query: "{ __typename home { id } }" });
    expect(codeOf(answer.body)).toBe("QUERY_NOT_IN_SAFELIST");
  });
});

describe("persisted queries and trusted documents over the socket", () => {
  interface Outcome {
    readonly messages: unknown[];
    readonly errors: { message: string; extensions?: { code?: string } }[];
  }

  async function subscribe(
    gateway: InProcessGateway,
    payload: { query: string; hash?: string },
  ): Promise<Outcome> {
    const client = socketClient(`${gateway.origin}/graphql`, { authorization: `Bearer ${token}` });
    clients.push(client);
    const outcome: Outcome = { messages: [], errors: [] };
    client.subscribe(
      {
        query: payload.query,
        variables: { capabilities: CAPABILITIES },
        ...(payload.hash && { extensions: { persistedQuery: { version: 1, sha256Hash: payload.hash } } }),
      },
      {
        next: (message) => {
          if (message.data) outcome.messages.push(message.data);
        },
        error: (error) => {
          outcome.errors.push(...(Array.isArray(error) ? (error as Outcome["errors"]) : []));
        },
        complete: () => undefined,
      },
    );
    return outcome;
  }

  /**
   * What a subscription comes to: a refusal, or (accepted) an update it hears once the instance
   * tells its listeners that updates may have been lost.
   */
  async function settle(gateway: InProcessGateway, outcome: Outcome): Promise<"refused" | "heard"> {
    return waitFor(
      () => {
        if (outcome.errors.length > 0) return "refused" as const;
        if (outcome.messages.length > 0) return "heard" as const;
        (gateway.ports.changes as PubSubChangeFeed).possibleLoss("test");
        return undefined;
      },
      { timeoutMs: 10_000, intervalMs: 50, what: "the subscription refused or hearing an update" },
    );
  }

  async function hearsResync(gateway: InProcessGateway, outcome: Outcome): Promise<void> {
    expect(await settle(gateway, outcome)).toBe("heard");
    expect(outcome.errors).toEqual([]);
    expect(outcome.messages[0]).toMatchObject({ homeUpdates: { __typename: "ResyncRequired" } });
  }

  const errorCode = async (outcome: Outcome): Promise<string | undefined> =>
    (await waitFor(() => outcome.errors[0], { timeoutMs: 5_000, what: "a refusal" })).extensions?.code;

  it("takes a manifest subscription by hash alone (an empty query), even when only trusted documents are", async () => {
    const outcome = await subscribe(trustedOnly, { query: "", hash: manifestHash(HomeUpdatesDocument) });
    await hearsResync(trustedOnly, outcome);
  });

  it("refuses an ad-hoc subscription with QUERY_NOT_IN_SAFELIST when only trusted documents are taken", async () => {
    const outcome = await subscribe(trustedOnly, {
      query: "subscription Mine { homeUpdates { __typename sequence } }",
    });
    expect(await errorCode(outcome)).toBe("QUERY_NOT_IN_SAFELIST");
  });

  it("registers a subscription on one instance for another, and names an unknown hash or a mismatch", async () => {
    const query = "subscription Registered { homeUpdates { __typename sequence } }";
    const hash = sha256(query);
    expect(await errorCode(await subscribe(second, { query: "", hash }))).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(await errorCode(await subscribe(first, { query, hash: sha256("other") }))).toBe(
      "PERSISTED_QUERY_HASH_MISMATCH",
    );

    await hearsResync(first, await subscribe(first, { query, hash }));
    // Registered off the subscription's path: retried until the other instance knows it.
    const byHash = await waitFor(
      async () => {
        const outcome = await subscribe(second, { query: "", hash });
        return (await settle(second, outcome)) === "heard" ? outcome : undefined;
      },
      { timeoutMs: 10_000, what: "the registration seen by the other instance" },
    );
    await hearsResync(second, byHash);
  });
});
