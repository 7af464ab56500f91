import type { IncomingMessage, Server } from "node:http";
import {
  GraphQLError,
  type GraphQLSchema,
  OperationTypeNode,
  type ValidationRule,
  getOperationAST,
  getVariableValues,
  specifiedRules,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocket, WebSocketServer } from "ws";
import { AuthenticationError, AuthenticationUnavailableError, type TokenVerifier } from "./auth.js";
import { ValidatedDocuments } from "./document-cache.js";
import { type Logger, type RateLimiter, type Viewer, rateLimitKey } from "./domain/index.js";
import { logUnexpectedErrors } from "./operation-errors.js";
import { type HomeServices, createContext } from "./resolvers/context.js";
import { withoutSuggestions } from "./security.js";
import {
  type PersistedQueries,
  type TrustedDocuments,
  resolveSocketSource,
  socketTrustCheck,
} from "./trusted-documents.js";

export interface SocketOptions {
  readonly httpServer: Server;
  readonly schema: GraphQLSchema;
  readonly services: HomeServices;
  readonly tokens: TokenVerifier;
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
  readonly rateLimiter?: RateLimiter | undefined;
  readonly production: boolean;
  /** APQ on the socket, sharing HTTP's registrations. */
  readonly persistedQueries: PersistedQueries;
  readonly trustedDocuments: { readonly trusted: TrustedDocuments; readonly only: boolean };
}

interface ConnectionState {
  viewer?: Viewer;
  subscriptions?: Set<string>;
  expiryTimer?: NodeJS.Timeout;
}

/** Close codes a client can act on (graphql-ws uses 4400-4499 for its own). */
export const CLOSE = {
  unauthorized: 4401,
  forbidden: 4403,
  tooManyConnections: 4429,
  /** RFC 6455 "Try Again Later": the token could not be checked (JWKS unreachable). */
  tryAgainLater: 1013,
} as const;

// setTimeout cannot wait longer than this; longer-lived tokens are rechecked when it fires.
const MAX_TIMER_MS = 2_147_483_647;

/**
 * graphql-transport-ws on the HTTP server's port and path. Authenticates in `onConnect` with the
 * same verifier as HTTP, closes the socket when the token expires, accepts subscriptions only,
 * applies the HTTP limits to every operation, and bounds connections per viewer and subscriptions
 * per connection.
 */
export function createSocketServer(options: SocketOptions): {
  dispose(): Promise<void>;
  /** Accepted connections and their subscriptions, right now. */
  counts(): { connections: number; subscriptions: number };
} {
  const { logger, schema } = options;
  const connectionsPerViewer = new Map<string, number>();
  const accepted = new Set<ConnectionState>();
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: "/graphql",
    maxPayload: options.maxFrameBytes,
    // Browsers always send Origin on an upgrade, so a cross-site page is caught here; native apps
    // send none and prove who they are with the token in connection_init.
    verifyClient: (
      { origin, req }: { origin: string | undefined; req: { headers: { host?: string | undefined } } },
      done: (allowed: boolean, status?: number, message?: string) => void,
    ) => {
      // The gateway's own pages (playground, renderer) connect from the gateway's own origin.
      const sameHost = origin !== undefined && URL.parse(origin)?.host === req.headers.host;
      if (
        !options.allowedOrigins ||
        origin === undefined ||
        sameHost ||
        options.allowedOrigins.includes(origin)
      ) {
        done(true);
        return;
      }
      logger.info({ origin }, "socket refused: origin not allowed");
      done(false, 403, "Origin not allowed");
    },
  });
  const rules = [...specifiedRules, ...options.validationRules];
  const documents = new ValidatedDocuments(schema, rules, options.maxTokens);

  const release = (state: ConnectionState): void => {
    clearTimeout(state.expiryTimer);
    accepted.delete(state);
    const viewer = state.viewer;
    if (viewer?.kind !== "user") return;
    const left = (connectionsPerViewer.get(viewer.id) ?? 1) - 1;
    if (left <= 0) connectionsPerViewer.delete(viewer.id);
    else connectionsPerViewer.set(viewer.id, left);
  };

  const server = useServer<Record<string, unknown>, { state: ConnectionState }>(
    {
      schema,
      isProd: options.production,
      jsonMessageReviver: refuseServerMessages,
      onConnect: async (ctx) => {
        const state: ConnectionState = {};
        ctx.extra.state = state;
        const authorization = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        if (authorization !== undefined && typeof authorization !== "string") {
          // An array or an object is not a token: taking it as anonymous would hide a client bug.
          logger.info({ reason: "authorization is not a string" }, "socket refused: bad token");
          return false;
        }
        let identity;
        try {
          identity = await options.tokens.identify(authorization);
        } catch (error) {
          if (error instanceof AuthenticationUnavailableError) {
            logger.error({ err: error }, "socket refused: the JWKS cannot be fetched");
            ctx.extra.socket.close(CLOSE.tryAgainLater, "Sign-in cannot be checked right now; retry later");
            return false;
          }
          if (!(error instanceof AuthenticationError)) throw error;
          logger.info({ reason: error.message }, "socket refused: bad token");
          return false; // graphql-ws closes with 4403 Forbidden
        }
        // The socket may have closed while the token was checked (a JWKS fetch): counting it now
        // would hold a slot that nothing releases.
        if (ctx.extra.socket.readyState !== WebSocket.OPEN) return false;
        const viewer = identity.viewer;
        if (viewer.kind === "user") {
          const open = connectionsPerViewer.get(viewer.id) ?? 0;
          if (open >= options.maxConnectionsPerViewer) {
            ctx.extra.socket.close(CLOSE.tooManyConnections, "Too many connections for this viewer");
            return false;
          }
          connectionsPerViewer.set(viewer.id, open + 1);
        }
        state.viewer = viewer;
        state.subscriptions = new Set();
        accepted.add(state);
        // On the socket's own close, not graphql-ws's onClose: that one waits for every live
        // subscription's return(), which an async generator parked on its next change defers.
        ctx.extra.socket.once("close", () => release(state));
        if (identity.expiresAtMs !== undefined) {
          const closeWhenExpired = (): void => {
            const leftMs = (identity.expiresAtMs as number) - Date.now();
            if (leftMs > 0) {
              state.expiryTimer = setTimeout(closeWhenExpired, Math.min(leftMs, MAX_TIMER_MS));
              return;
            }
            ctx.extra.socket.close(CLOSE.unauthorized, "Token expired");
          };
          closeWhenExpired();
        }
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        const state = ctx.extra.state;
        // graphql-ws only lets a subscribe through after onConnect accepted the connection.
        if (!state?.viewer || !state.subscriptions) return [new GraphQLError("Not connected")];
        const subscriptions = state.subscriptions;
        // Awaited before the count below: from there to `subscriptions.add` nothing may await.
        const source = await resolveSocketSource(payload, options.persistedQueries, (error) =>
          logger.warn({ err: error }, "persisted query not registered"),
        );
        if ("error" in source) return [source.error];
        if (subscriptions.size >= options.maxSubscriptionsPerConnection) {
          return [
            new GraphQLError(
              `At most ${options.maxSubscriptionsPerConnection} subscriptions per connection`,
              {
                extensions: { code: "TOO_MANY_SUBSCRIPTIONS" },
              },
            ),
          ];
        }
        const checked = documents.get(source.query);
        if ("parseError" in checked) {
          return [
            new GraphQLError(checked.parseError.message, { extensions: { code: "GRAPHQL_PARSE_FAILED" } }),
          ];
        }
        if ("errors" in checked) {
          // The codes and messages HTTP clients get for the same document.
          return checked.errors.map(
            (error) =>
              new GraphQLError(options.hideSuggestions ? withoutSuggestions(error.message) : error.message, {
                nodes: error.nodes,
                extensions: { ...error.extensions, code: "GRAPHQL_VALIDATION_FAILED" },
              }),
          );
        }
        const document = checked.document;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) {
          // What graphql-js (and so HTTP) says when the operation cannot be picked.
          const message = payload.operationName
            ? `Unknown operation named "${payload.operationName}".`
            : "Must provide operation name if query contains multiple operations.";
          return [new GraphQLError(message, { extensions: { code: "OPERATION_RESOLUTION_FAILURE" } })];
        }
        if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
          return [
            new GraphQLError(
              "Only subscriptions are accepted over the socket; send queries to POST /graphql",
              {
                extensions: { code: "BAD_REQUEST" },
              },
            ),
          ];
        }
        const untrusted = socketTrustCheck(document, options.trustedDocuments);
        if (untrusted) return [untrusted];
        source.accepted();
        // Coerced here so a bad variable gets the code HTTP gives it; graphql-ws would send the bare message.
        const coerced = getVariableValues(
          schema,
          operation.variableDefinitions ?? [],
          payload.variables ?? {},
          {
            maxErrors: 10,
          },
        );
        if (coerced.errors) {
          return coerced.errors.map(
            (error) =>
              new GraphQLError(error.message, {
                nodes: error.nodes,
                extensions: { ...error.extensions, code: "BAD_USER_INPUT" },
              }),
          );
        }
        const viewer: Viewer = state.viewer;
        // Taken before any await: subscribes arriving together must each see the others.
        subscriptions.add(id);
        if (options.rateLimiter) {
          const verdict = await options.rateLimiter.consume(
            rateLimitKey(viewer, options.clientAddressOf(ctx.extra.request)),
          );
          if (!verdict.allowed) {
            subscriptions.delete(id);
            return [
              new GraphQLError("Too many requests; retry later", {
                extensions: {
                  code: "RATE_LIMITED",
                  retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1_000),
                },
              }),
            ];
          }
        }
        return {
          schema,
          document,
          variableValues: payload.variables ?? undefined,
          operationName: payload.operationName ?? undefined,
          contextValue: createContext(viewer, options.services),
        };
      },
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
    counts: () => {
      let subscriptions = 0;
      for (const state of accepted) subscriptions += state.subscriptions?.size ?? 0;
      return { connections: accepted.size, subscriptions };
    },
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
