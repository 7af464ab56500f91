import { print } from "graphql";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";

export interface Received<T> {
  readonly messages: T[];
  readonly errors: unknown[];
  completed: boolean;
  dispose(): void;
}

/** A real graphql-transport-ws client over a real socket, collecting what a subscription receives. */
export function socketClient(url: string, connectionParams: Record<string, unknown> = {}): Client {
  return createClient({
    url: url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
  });
}

export function subscribe<TResult, TVariables extends Record<string, unknown>>(
  client: Client,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Received<TResult> {
  const received: Received<TResult> = {
    messages: [],
    errors: [],
    completed: false,
    dispose: () => undefined,
  };
  received.dispose = client.subscribe<TResult>(
    { query: print(document), variables },
    {
      next: (message) => {
        if (message.errors) received.errors.push(...message.errors);
        if (message.data) received.messages.push(message.data);
      },
      error: (error) => received.errors.push(error),
      complete: () => {
        received.completed = true;
      },
    },
  );
  return received;
}

/** A web client that renders a carousel of product and deal tiles: the capabilities push tests send. */
export const CAPABILITIES = {
  platform: "WEB" as const,
  appVersion: "1.0.0",
  components: ["CAROUSEL_SECTION", "PRODUCT_TILE", "DEAL_TILE"] as (
    "CAROUSEL_SECTION" | "PRODUCT_TILE" | "DEAL_TILE"
  )[],
  actions: [] as never[],
};
