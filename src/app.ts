import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express from "express";
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import type { Logger as PinoLogger } from "pino";
import { pinoHttp } from "pino-http";
import { type Tracing, tracingMiddleware, tracingPlugin } from "./adapters/otel-tracing.js";
import { AuthenticationError, AuthenticationUnavailableError, type TokenVerifier } from "./auth.js";
import { type TrustProxy, clientAddress, trustFunction } from "./client-address.js";
import {
  type ActiveViewers,
  type BackgroundTask,
  type ChangeFeed,
  type EdgeMetrics,
  type Clock,
  DomainError,
  type InvalidationBus,
  type L1Cache,
  type L2Cache,
  type LateArrivals,
  type ProductService,
  ProductData,
  type RateLimiter,
  type ReadinessCheck,
  type Recommendations,
  type ResponseReuse,
  SectionCursors,
  type Telemetry,
  type Viewer,
  rateLimitKey,
} from "./domain/index.js";
import { type GatewayContext, type HomeServices, createContext } from "./resolvers/context.js";
import { buildGatewaySchema } from "./resolvers/schema.js";
import { TileFaultLog } from "./resolvers/tile-fault-log.js";
import { DEFAULT_LIMITS, type OperationLimits, operationProtections } from "./security.js";
import { DEV_CURSOR_SECRET } from "./config.js";
import { httpQueriesOnly, unexpectedErrorLogging } from "./operation-errors.js";
import { createSocketServer } from "./socket.js";
import { preparedContext, responseReuseEdge } from "./response-reuse-http.js";
import { type ComponentVersionRules, NO_VERSION_RULES } from "./ui-components/index.js";
import {
  PersistedQueries,
  TrustedDocuments,
  persistedQueryErrorCode,
  trustedDocumentsPlugin,
} from "./trusted-documents.js";
import { type WebOptions, webRoutes } from "./web/routes.js";

/** Retry-After when the JWKS cannot be fetched: jose retries the fetch on the next request. */
const AUTH_RETRY_AFTER_SECONDS = 5;

/** The ports the gateway runs on: fakes in tests and the demo, real adapters in production. */
export interface GatewayPorts {
  readonly recommendations: Recommendations;
  readonly services: readonly ProductService[];
  readonly l1: L1Cache;
  readonly l2: L2Cache;
  readonly bus: InvalidationBus;
  readonly clock: Clock;
  readonly logger: PinoLogger;
  readonly telemetry: Telemetry;
  /** The live-tile feed: pushed updates and late personalised data reach subscriptions through it. */
  readonly changes: ChangeFeed;
  readonly lateArrivals?: LateArrivals;
  /** Prometheus exposition for /metrics, when the telemetry adapter keeps one. */
  readonly metrics?: { readonly contentType: string; metrics(): Promise<string> };
  /** Named checks for /readyz; `critical: false` degrades readiness without failing it. */
  readonly readiness?: readonly ReadinessCheck[];
  /** Background work that starts with the gateway and stops before it closes. */
  readonly background?: readonly BackgroundTask[];
  /** Who was here lately, for the push-cache policy; `home` and subscriptions mark the viewer. */
  readonly activeViewers?: ActiveViewers;
  /** Budgets requests per viewer (or address); none means unlimited. */
  readonly rateLimiter?: RateLimiter;
  /** Where persisted queries registered by clients are kept (shared in Redis mode); else in memory. */
  readonly persistedQueries?: KeyValueCache<string>;
  /** Releases connections once everything else has stopped. */
  readonly close?: () => Promise<void>;
  /** OpenTelemetry, when the environment asks for traces: spans for requests and the fallback. */
  readonly tracing?: Tracing;
  /** Request, error and socket figures for /metrics, when the telemetry adapter keeps them. */
  readonly edgeMetrics?: EdgeMetrics;
  /** Whole `home`/`section` answers reused while nothing they were built from changed; off when absent. */
  readonly responseReuse?: ResponseReuse;
}

export interface GatewayOptions {
  readonly tokens: TokenVerifier;
  readonly production: boolean;
  readonly softTimeoutMs: number;
  readonly l2TtlMs: number;
  readonly webBaseUrl: string;
  /** Components gated by app version; none when absent. */
  readonly componentVersionRules?: ComponentVersionRules;
  /** Signs page cursors; every instance behind one load balancer needs the same. */
  readonly cursorSecret?: string;
  readonly security?: SecurityOptions;
  /** The playground and the reference renderer; neither is served without this. */
  readonly web?: WebOptions;
  /**
   * The schema from `buildGatewaySchema`, when the caller built it already: main.ts builds it before
   * opening any Redis connection, so that its CPU does not stall their handshakes. Built here if absent.
   */
  readonly schema?: GraphQLSchema;
}

export interface SecurityOptions {
  readonly limits?: Partial<OperationLimits>;
  /** Defaults to on in development, off in production. */
  readonly introspection?: boolean;
  /** Browser origins allowed for CORS and WebSocket upgrades; unset allows any. */
  readonly allowedOrigins?: readonly string[] | undefined;
  /** Proxies trusted to name the client in X-Forwarded-For (anonymous rate limits are per address). */
  readonly trustProxy?: TrustProxy;
  /** Bytes a request body may have; larger ones get 413. */
  readonly bodyLimitBytes?: number;
  /** Bytes a WebSocket frame may have; a larger one closes the socket (1009). */
  readonly maxFrameBytes?: number;
  readonly maxSubscriptionsPerConnection?: number;
  readonly maxConnectionsPerViewer?: number;
  /** The manifest: operations always known by hash; none by default. */
  readonly trustedDocuments?: TrustedDocuments;
  /** Refuse every operation outside the manifest (introspection stays governed by `introspection`). */
  readonly trustedDocumentsOnly?: boolean;
}

export interface Gateway {
  readonly schema: GraphQLSchema;
  readonly apollo: ApolloServer<GatewayContext>;
  readonly httpServer: Server;
  readonly productData: ProductData;
  /** The context an HTTP request with this `Authorization` header would get; for in-process tests. */
  contextFor(authorization?: string, address?: string): Promise<GatewayContext>;
  /** Starts the GraphQL server without listening (for in-process tests); `listen` calls it too. */
  start(): Promise<void>;
  /** Starts background work and listens; resolves with the URL of /graphql. */
  listen(options: { port: number; host?: string }): Promise<{ url: string; port: number }>;
  /**
   * Tells load balancers to stop sending work (/readyz answers 503 "draining") while still serving
   * everything that arrives; `stop` follows once they have noticed.
   */
  drain(): void;
  /**
   * Stops taking requests, drains those in flight, closes live sockets (1001 Going Away: clients
   * reconnect, through the load balancer, to another instance), stops background work (the update
   * consumer's pending entries are claimed by the other instances at once).
   */
  stop(): Promise<void>;
}

/** Builds the whole gateway from its ports. No I/O until `listen` (or `start` of the Apollo server). */
export async function createGateway(ports: GatewayPorts, options: GatewayOptions): Promise<Gateway> {
  const logger = ports.logger;
  const productData = new ProductData({
    l1: ports.l1,
    l2: ports.l2,
    services: new Map(ports.services.map((service) => [service.id, service])),
    clock: ports.clock,
    logger,
    telemetry: ports.telemetry,
    ...(ports.tracing && { spans: ports.tracing.spans }),
    // Generic first, personal next: data that missed the soft timeout is pushed to the viewer.
    lateArrivals: endingReuse(ports.responseReuse, ports.lateArrivals) ?? {
      arrived: (user, products) => {
        ports.responseReuse?.viewerChanged(user);
        for (const info of products) {
          ports.changes
            .publish({ kind: "personal", user, info })
            .catch((error: unknown) =>
              logger.warn({ err: error, user, product: info.id }, "late data not pushed"),
            );
        }
      },
    },
    softTimeoutMs: options.softTimeoutMs,
    l2TtlMs: options.l2TtlMs,
  });
  const services: HomeServices = {
    recommendations: ports.recommendations,
    productData,
    changes: ports.changes,
    ...(ports.activeViewers && { activeViewers: ports.activeViewers }),
    clock: ports.clock,
    logger,
    webBaseUrl: options.webBaseUrl,
    componentRules: options.componentVersionRules ?? NO_VERSION_RULES,
    tileFaults: new TileFaultLog({ logger, clock: ports.clock }),
    cursors: new SectionCursors(options.cursorSecret ?? DEV_CURSOR_SECRET),
  };

  const schema = options.schema ?? (await buildGatewaySchema());
  const app = express();
  const httpServer = createServer(app);
  const security = options.security ?? {};
  const limits: OperationLimits = {
    ...DEFAULT_LIMITS,
    ...security.limits,
    hideSuggestions: security.limits?.hideSuggestions ?? !(security.introspection ?? !options.production),
  };
  const protections = operationProtections(limits);
  const trust = trustFunction(security.trustProxy);
  const trustedDocuments = {
    trusted: security.trustedDocuments ?? new TrustedDocuments(),
    only: security.trustedDocumentsOnly ?? false,
  };
  const persistedQueries = new PersistedQueries(
    trustedDocuments.trusted,
    ports.persistedQueries ?? new InMemoryLRUCache(),
  );
  const socketServer = createSocketServer({
    httpServer,
    schema,
    services,
    tokens: options.tokens,
    logger,
    validationRules: protections.validationRules,
    maxTokens: limits.maxTokens,
    hideSuggestions: options.production || limits.hideSuggestions,
    maxFrameBytes: security.maxFrameBytes ?? 64 * 1024,
    maxSubscriptionsPerConnection: security.maxSubscriptionsPerConnection ?? 10,
    maxConnectionsPerViewer: security.maxConnectionsPerViewer ?? 20,
    allowedOrigins: security.allowedOrigins,
    clientAddressOf: (request) => clientAddress(request, trust),
    rateLimiter: ports.rateLimiter,
    production: options.production,
    persistedQueries,
    trustedDocuments,
  });
  ports.edgeMetrics?.observeSockets(() => socketServer.counts());
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    introspection: security.introspection ?? !options.production,
    includeStacktraceInErrorResponses: !options.production,
    hideSchemaDetailsFromClientErrors: options.production || limits.hideSuggestions,
    // Shutdown is ours (main.ts): Apollo's own handler would re-raise the signal mid-drain.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => {
      const answered = formatError(formatted, error, options.production);
      ports.edgeMetrics?.graphqlError(String(answered.extensions?.code ?? "INTERNAL_SERVER_ERROR"));
      return answered;
    },
    // armor's depth, alias, cost and directive limits are validation rules, not plugins.
    validationRules: protections.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    persistedQueries: { cache: persistedQueries.forApollo() },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...protections.plugins,
      ...(ports.tracing ? [tracingPlugin<GatewayContext>()] : []),
      trustedDocumentsPlugin(trustedDocuments),
      httpQueriesOnly(),
      unexpectedErrorLogging(logger),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await socketServer.dispose();
            },
          };
        },
      },
      // Every home response is personal: HTTP cache hints would be wrong, and they cost throughput.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });

  const viewerOf = async (authorization: string | undefined): Promise<Viewer> => {
    try {
      return await options.tokens.viewerOf(authorization);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        throw new GraphQLError(error.message, {
          extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
        });
      }
      if (error instanceof AuthenticationUnavailableError) {
        logger.error({ err: error }, "token not checked: the JWKS cannot be fetched");
        throw new GraphQLError("Sign-in cannot be checked right now; retry later", {
          extensions: {
            code: "AUTHENTICATION_UNAVAILABLE",
            retryAfterSeconds: AUTH_RETRY_AFTER_SECONDS,
            http: { status: 503, headers: new Map([["retry-after", String(AUTH_RETRY_AFTER_SECONDS)]]) },
          },
        });
      }
      throw error;
    }
  };
  const contextFor = async (authorization?: string, address?: string): Promise<GatewayContext> => {
    const viewer = await viewerOf(authorization);
    if (ports.rateLimiter) {
      const verdict = await ports.rateLimiter.consume(rateLimitKey(viewer, address));
      if (!verdict.allowed) {
        const retryAfterSeconds = Math.ceil(verdict.retryAfterMs / 1_000);
        throw new GraphQLError("Too many requests; retry later", {
          extensions: {
            code: "RATE_LIMITED",
            retryAfterSeconds,
            http: { status: 429, headers: new Map([["retry-after", String(retryAfterSeconds)]]) },
          },
        });
      }
    }
    return createContext(viewer, services);
  };

  let state: "created" | "serving" | "draining" | "stopping" = "created";

  app.disable("x-powered-by");
  // req.ip, the address anonymous viewers are rate-limited by, then honours X-Forwarded-For from
  // trusted proxies only, exactly as the socket does.
  app.set("trust proxy", trust);
  if (ports.edgeMetrics) app.use(measureRequests(ports.edgeMetrics));
  app.use(
    pinoHttp({
      logger,
      autoLogging: {
        ignore: (req) => req.url === "/healthz" || req.url === "/readyz" || req.url === "/metrics",
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
    }),
  );
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const results = await Promise.all(
      (ports.readiness ?? []).map(async (check) => ({
        check,
        ok: await Promise.resolve(check.check()).catch(() => false),
      })),
    );
    const checks = Object.fromEntries(results.map(({ check, ok }) => [check.name, ok ? "up" : "down"]));
    const failing = results.filter(({ ok }) => !ok);
    const reasons = Object.fromEntries(
      failing.flatMap(({ check }) => {
        const reason = check.reason?.();
        return reason ? [[check.name, reason]] : [];
      }),
    );
    const ready = state === "serving" && !failing.some(({ check }) => check.critical);
    res.status(ready ? 200 : 503).json({
      status:
        state === "draining"
          ? "draining"
          : !ready
            ? "unavailable"
            : failing.length > 0
              ? "degraded"
              : "ready",
      checks,
      ...(Object.keys(reasons).length > 0 && { reasons }),
    });
  });
  if (ports.metrics) {
    const metrics = ports.metrics;
    app.get("/metrics", async (_req, res) => {
      res.type(metrics.contentType).send(await metrics.metrics());
    });
  }
  if (options.web) app.use(webRoutes(options.web));

  let invalidations: { unsubscribe(): Promise<void> } | undefined;
  let started: Promise<void> | undefined;
  const start = (): Promise<void> => (started ??= apollo.start());

  return {
    schema,
    apollo,
    httpServer,
    productData,
    contextFor,
    start,
    async listen({ port, host }) {
      await start();
      app.use(
        "/graphql",
        // Cross-origin browser access only for the configured origins; none without a list.
        cors({ origin: security.allowedOrigins ? [...security.allowedOrigins] : false, maxAge: 600 }),
        express.json({ limit: security.bodyLimitBytes ?? 64 * 1024 }),
        ...(ports.tracing ? [tracingMiddleware(ports.tracing.tracer)] : []),
        ...(ports.responseReuse
          ? [
              responseReuseEdge({
                reuse: ports.responseReuse,
                apollo,
                contextFor,
                trusted: trustedDocuments.trusted,
                touch: (viewer) => {
                  if (viewer.kind === "user") void services.activeViewers?.touch(viewer.id);
                },
                logger,
              }),
            ]
          : []),
        expressMiddleware(apollo, {
          context: async ({ req }) => preparedContext(req) ?? contextFor(req.headers.authorization, req.ip),
        }),
      );
      app.use((_req, res) => {
        res.status(404).json({ error: "not found", see: ["/graphql", "/healthz", "/readyz", "/metrics"] });
      });
      // Body-parser and other middleware errors as GraphQL-shaped JSON, never an HTML stack trace.
      app.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
        if (res.headersSent) return next(error);
        const status = httpStatusOf(error);
        const code =
          status === 413 ? "PAYLOAD_TOO_LARGE" : status < 500 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR";
        const message = status < 500 && error instanceof Error ? error.message : "Internal server error";
        if (status >= 500) logger.error({ err: error }, "request failed");
        res.status(status).json({ errors: [{ message, extensions: { code } }] });
      });
      invalidations = await ports.bus.subscribe({
        onInvalidate: (keys) => {
          ports.l1.evict(keys);
          ports.responseReuse?.keysChanged(keys);
        },
        onPossibleLoss: (reason) => {
          // Some invalidations may be gone: anything in L1 could be stale, and so could any answer.
          ports.l1.evictAll();
          ports.responseReuse?.everythingChanged();
          logger.warn({ reason }, "invalidations may have been lost; L1 cleared");
        },
      });
      for (const task of ports.background ?? []) await task.start();
      await new Promise<void>((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host ?? "0.0.0.0", () => {
          httpServer.off("error", reject);
          resolve();
        });
      });
      state = "serving";
      const actual = (httpServer.address() as AddressInfo).port;
      const shownHost = host === undefined || host === "0.0.0.0" || host === "::" ? "localhost" : host;
      return { url: `http://${shownHost}:${actual}/graphql`, port: actual };
    },
    drain() {
      if (state === "serving") state = "draining";
    },
    async stop() {
      if (state === "stopping") return;
      state = "stopping";
      // In reverse: a task may rely on one started before it.
      for (const task of [...(ports.background ?? [])].reverse()) await task.stop();
      await invalidations?.unsubscribe();
      if (started) await apollo.stop();
      await ports.close?.();
      // Last: spans of the drain and the stop still go out.
      await ports.tracing?.shutdown();
    },
  };
}

/** Late personalised data changes what the viewer's next answer shows: no earlier one is reused. */
function endingReuse(
  reuse: ResponseReuse | undefined,
  lateArrivals: LateArrivals | undefined,
): LateArrivals | undefined {
  if (!reuse || !lateArrivals) return lateArrivals;
  return {
    arrived: (user, products) => {
      reuse.viewerChanged(user);
      lateArrivals.arrived(user, products);
    },
  };
}

const MEASURED_ROUTES = new Set(["graphql", "healthz", "readyz", "metrics"]);

/** Times every answer on "close" (also when the client went away before it). */
function measureRequests(metrics: EdgeMetrics): express.RequestHandler {
  return (req, res, next) => {
    const startedMs = performance.now();
    // Read now: mounted routers rewrite req.path while they handle the request.
    const first = req.path.split("/")[1] ?? "";
    res.once("close", () => {
      metrics.httpRequest({
        route: MEASURED_ROUTES.has(first) ? first : "other",
        method: req.method,
        status: res.statusCode,
        durationMs: performance.now() - startedMs,
      });
    });
    next();
  };
}

function httpStatusOf(error: unknown): number {
  const status =
    (error as { status?: unknown; statusCode?: unknown } | null)?.status ??
    (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === "number" && status >= 400 && status < 600 ? status : 500;
}

/** Stable `extensions.code` on every error; no internals in production. */
function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  production: boolean,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) {
    return {
      ...formatted,
      message: original.message,
      extensions: { ...formatted.extensions, code: original.code },
    };
  }
  const persistedQueryCode = persistedQueryErrorCode(formatted.message);
  if (persistedQueryCode) {
    return { ...formatted, extensions: { ...formatted.extensions, code: persistedQueryCode } };
  }
  const code = formatted.extensions?.code;
  if (production && (code === undefined || code === "INTERNAL_SERVER_ERROR")) {
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  }
  return formatted;
}
