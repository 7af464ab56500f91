import { type Client, createClient } from "graphql-ws";
import {
  RendererHomeDocument,
  RendererHomeUpdatesDocument,
  RendererSectionDocument,
  type ClientCapabilitiesInput,
  type TypedDocumentString,
} from "./gql/graphql.js";
import type { LoadedSection, Screen, Update } from "./screen.js";

/** How the renderer talks to the gateway: `home` over HTTP, `homeUpdates` over graphql-ws, same origin. */

const GRAPHQL_URL = new URL("/graphql", window.location.href).toString();

export class RequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "RequestError";
  }
}

async function execute<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  authorization: string | undefined,
): Promise<TResult> {
  const response = await fetch(GRAPHQL_URL, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      ...(authorization && { authorization }),
    },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  let body: { data?: TResult | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new RequestError(`The gateway answered ${response.status} without a GraphQL response`, undefined);
  }
  const [error] = body.errors ?? [];
  // A failed field is null next to its error (a section's bad cursor, say): that is a failure too.
  if (!body.data || error) {
    throw new RequestError(
      error?.message ?? `The gateway answered ${response.status}`,
      error?.extensions?.code,
    );
  }
  return body.data;
}

/** The screen, the first `firstSections` sections in full and the rest as stubs to load. */
export async function fetchHome(
  authorization: string | undefined,
  capabilities: ClientCapabilitiesInput,
  firstSections: number,
): Promise<Screen> {
  return (await execute(RendererHomeDocument, { capabilities, firstSections }, authorization)).home;
}

/** One section, or a page of its tiles after `after`; null when there is nothing to show of it. */
export async function fetchSection(
  authorization: string | undefined,
  capabilities: ClientCapabilitiesInput,
  page: { readonly id: string; readonly first: number; readonly after?: string | undefined },
): Promise<LoadedSection | null> {
  const variables = { capabilities, id: page.id, first: page.first, after: page.after ?? null };
  return (await execute(RendererSectionDocument, variables, authorization)).section ?? null;
}

export interface UpdateHandlers {
  onUpdate(update: Update): void;
  /** The socket is (re)connected; after a reconnect, updates sent meanwhile are lost. */
  onConnected(reconnected: boolean): void;
  onDisconnected(): void;
  onError(message: string): void;
}

/** Opens the subscription; returns a function that closes it. */
export function subscribeToUpdates(
  authorization: string | undefined,
  capabilities: ClientCapabilitiesInput,
  handlers: UpdateHandlers,
): () => void {
  let connections = 0;
  const client: Client = createClient({
    url: GRAPHQL_URL.replace(/^http/, "ws"),
    connectionParams: authorization ? { authorization } : {},
    lazy: false,
    retryAttempts: Number.POSITIVE_INFINITY,
    // Keep retrying whatever the close: a gateway restart must not leave the page stale for good.
    shouldRetry: () => true,
    onNonLazyError: () => undefined, // reported through the `closed` event below
  });
  client.on("connected", () => {
    connections += 1;
    handlers.onConnected(connections > 1);
  });
  client.on("closed", (event) => {
    handlers.onDisconnected();
    const code = (event as { code?: number } | undefined)?.code;
    if (code === 4403) handlers.onError("The gateway refused the token on the socket (4403)");
  });
  const unsubscribe = client.subscribe<{ homeUpdates: Update }>(
    { query: RendererHomeUpdatesDocument.toString(), variables: { capabilities } },
    {
      next: (message) => {
        if (message.data) handlers.onUpdate(message.data.homeUpdates);
        else if (message.errors?.length) handlers.onError(message.errors.map((e) => e.message).join("; "));
      },
      error: (error) => handlers.onError(error instanceof Error ? error.message : "the subscription failed"),
      complete: () => undefined,
    },
  );
  return () => {
    unsubscribe();
    void client.dispose();
  };
}

export interface DemoUser {
  readonly id: string;
  readonly displayName: string;
  readonly authorization: string;
}

/** The demo users and their tokens, or null when the gateway does not offer them (not development). */
export async function fetchDemoUsers(): Promise<readonly DemoUser[] | null> {
  try {
    // BASE_URL is where the page is served: /renderer/
    const response = await fetch(`${import.meta.env.BASE_URL}demo-tokens`, {
      headers: { accept: "application/json" },
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { users?: DemoUser[] };
    return body.users ?? null;
  } catch {
    return null; // no picker, the page still works anonymously
  }
}
