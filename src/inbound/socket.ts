import type { IncomingMessage, Server } from "node:http";
import { GraphQLError, type GraphQLSchema, type ValidationRule, specifiedRules } from "graphql";
import { type Extra, useServer } from "graphql-ws/use/ws";
import type { ServerOptions } from "graphql-ws";
import { WebSocketServer } from "ws";
import type { Logger } from "../domain/index.js";
import { subscribeSharingExecutions } from "../resolvers/shared-execution.js";
import { ValidatedDocuments } from "./document-cache.js";
import { logUnexpectedErrors } from "./operation-errors.js";
import { RateLimitedError, type RequestGate } from "./request-gate.js";
import { type ConnectionState, SocketConnections } from "./socket-connections.js";
import { checkSubscription } from "./socket-subscriptions.js";
import type { PersistedQueries, TrustedDocuments } from "./trusted-documents.js";

export { CLOSE } from "./socket-connections.js";

export interface SocketOptions {
  readonly httpServer: Server;
  readonly schema: GraphQLSchema;
  readonly gate: RequestGate;
  readonly logger: Logger;
  /** The same armor rules Apollo applies on HTTP: graphql-ws never passes through Apollo. */
  readonly validationRules: readonly ValidationRule[];
  readonly maxTokens: number;
  /** Strip "Did you mean ...?" from validation errors, as HTTP does. */
  readonly hideSuggestions: boolean;
  readonly maxFrameBytes: number;
  readonly maxSubscriptionsPerConnection: number;
  readonly maxConnectionsPerViewer: number;
  /** When set, a WebSocket upgrade from any other Origin is refused. */
  readonly allowedOrigins?: readonly string[] | undefined;
  /** The client's address (X-Forwarded-For from trusted proxies), as HTTP's `req.ip`. */
  readonly clientAddressOf: (request: IncomingMessage) => string;
  readonly production: boolean;
  /** APQ on the socket, sharing HTTP's registrations. */
  readonly persistedQueries: PersistedQueries;
  readonly trustedDocuments: { readonly trusted: TrustedDocuments; readonly only: boolean };
}

/**
 * graphql-transport-ws on the HTTP server's port and path. Authenticates in `onConnect` through the
 * same gate as HTTP, closes the socket when the token expires, accepts subscriptions only, applies
 * the HTTP limits to every operation, and bounds connections per viewer and subscriptions per
 * connection.
 */
export function createSocketServer(options: SocketOptions): {
  dispose(): Promise<void>;
  /** Accepted connections and their subscriptions, right now. */
  counts(): { connections: number; subscriptions: number };
} {
  const { logger, schema, gate } = options;
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: "/graphql",
    maxPayload: options.maxFrameBytes,
    verifyClient: originCheck(options.allowedOrigins, logger),
  });
  const connections = new SocketConnections({
    gate,
    logger,
    maxConnectionsPerViewer: options.maxConnectionsPerViewer,
  });
  const checks = {
    ...options,
    documents: new ValidatedDocuments(
      schema,
      [...specifiedRules, ...options.validationRules],
      options.maxTokens,
    ),
  };

  const server = useServer<Record<string, unknown>, { state: ConnectionState }>(
    {
      schema,
      // Live deltas that many subscriptions share are executed once (src/resolvers/shared-execution.ts).
      subscribe: subscribeSharingExecutions,
      isProd: options.production,
      jsonMessageReviver: refuseServerMessages,
      onConnect: (ctx) => connections.connect(ctx),
      onSubscribe: admitSubscription(options, checks),
      onNext: (_ctx, _id, payload, _args, result) => {
        if (result.errors) {
          logUnexpectedErrors(logger, result.errors, {
            transport: "socket",
            operation: payload.operationName ?? null,
          });
        }
      },
      onComplete: (ctx, id) => {
        ctx.extra.state?.subscriptions?.delete(id);
      },
      onError: (ctx, id, payload, errors) => {
        ctx.extra.state?.subscriptions?.delete(id);
        logUnexpectedErrors(logger, errors, {
          transport: "socket",
          operation: payload.operationName ?? null,
        });
      },
    },
    wsServer,
  );
  return {
    dispose: async () => {
      await server.dispose();
    },
    counts: () => connections.counts(),
  };
}

/**
 * A subscribe message: checked as an HTTP operation would be (document, limits, the connection's
 * budget of subscriptions), admitted by the rate limiter, run with the viewer's context.
 */
function admitSubscription(
  options: SocketOptions,
  checks: Parameters<typeof checkSubscription>[3],
): NonNullable<
  ServerOptions<Record<string, unknown>, Extra & Partial<{ state: ConnectionState }>>["onSubscribe"]
> {
  const { schema, gate } = options;
  return async (ctx, id, payload) => {
    const { viewer, subscriptions } = ctx.extra.state ?? {};
    // graphql-ws only lets a subscribe through after onConnect accepted the connection.
    if (!viewer || !subscriptions) return [new GraphQLError("Not connected")];
    // Counts `id` among the connection's subscriptions when it accepts it.
    const checked = await checkSubscription(payload, id, subscriptions, checks);
    if ("errors" in checked) return [...checked.errors];
    try {
      await gate.admit(viewer, options.clientAddressOf(ctx.extra.request));
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      subscriptions.delete(id);
      return [
        new GraphQLError(error.message, {
          extensions: { code: error.code, retryAfterSeconds: error.retryAfterSeconds },
        }),
      ];
    }
    return {
      schema,
      document: checked.document,
      variableValues: payload.variables ?? undefined,
      operationName: payload.operationName ?? undefined,
      contextValue: gate.contextFor(viewer),
    };
  };
}

/**
 * Browsers always send Origin on an upgrade, so a cross-site page is caught here; native apps send
 * none and prove who they are with the token in connection_init.
 */
function originCheck(allowedOrigins: readonly string[] | undefined, logger: Logger) {
  return (
    { origin, req }: { origin: string | undefined; req: { headers: { host?: string | undefined } } },
    done: (allowed: boolean, status?: number, message?: string) => void,
  ): void => {
    // The gateway's own pages (playground, renderer) connect from the gateway's own origin.
    const sameHost = origin !== undefined && URL.parse(origin)?.host === req.headers.host;
    if (!allowedOrigins || origin === undefined || sameHost || allowedOrigins.includes(origin)) {
      done(true);
      return;
    }
    logger.info({ origin }, "socket refused: origin not allowed");
    done(false, 403, "Origin not allowed");
  };
}

/** Message types only a server sends. */
const SERVER_MESSAGE_TYPES = new Set(["connection_ack", "next", "error"]);

/**
 * graphql-ws takes a well-formed server message from a client (`connection_ack`, `next`, `error`)
 * for its own bug: it logs "Internal error occurred" and closes 4500. Turning such a message into
 * an invalid one at parse time makes it close 4400 "Invalid message received", as the protocol says
 * for a message the server does not expect.
 */
function refuseServerMessages(this: unknown, key: string, value: unknown): unknown {
  if (key !== "" || typeof value !== "object" || value === null) return value;
  const type = (value as { type?: unknown }).type;
  return typeof type === "string" && SERVER_MESSAGE_TYPES.has(type) ? null : value;
}
