import type { IncomingMessage, RequestListener } from "node:http";
import { type ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import cors from "cors";
import express from "express";
import { GraphQLError } from "graphql";
import type { Logger as PinoLogger } from "pino";
import { pinoHttp } from "pino-http";
import { type Tracing, tracingMiddleware } from "../adapters/otel-tracing.js";
import type { EdgeMetrics, ResponseReuse, Viewer } from "../domain/index.js";
import type { GatewayContext } from "../resolvers/context.js";
import { AuthenticationError, AuthenticationUnavailableError } from "./auth.js";
import { arrivedAt, bodyParserAfterEarlyReuse, earlyReuse } from "./early-reuse.js";
import { type OpsRoutesOptions, QUIET_PATHS, opsRoutes } from "./ops-routes.js";
import { RateLimitedError, type RequestGate } from "./request-gate.js";
import { RequestKeys, preparedContext, responseReuseEdge } from "./response-reuse-http.js";
import type { TrustedDocuments } from "./trusted-documents.js";
import { type WebOptions, webRoutes } from "./web/routes.js";

/** Retry-After when the JWKS cannot be fetched: jose retries the fetch on the next request. */
const AUTH_RETRY_AFTER_SECONDS = 5;

/** The context of an HTTP request: the gate's, its refusals as GraphQL errors with an HTTP status. */
export function httpContextFor(
  gate: RequestGate,
  logger: PinoLogger,
): (authorization?: string, address?: string) => Promise<GatewayContext> {
  return async (authorization, address) => {
    let viewer: Viewer;
    try {
      viewer = (await gate.identify(authorization)).viewer;
    } catch (error) {
      throw refusedSignIn(error, logger);
    }
    try {
      await gate.admit(viewer, address);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      const retryAfterSeconds = error.retryAfterSeconds;
      throw new GraphQLError(error.message, {
        extensions: {
          code: error.code,
          retryAfterSeconds,
          http: { status: 429, headers: new Map([["retry-after", String(retryAfterSeconds)]]) },
        },
      });
    }
    return gate.contextFor(viewer);
  };
}

function refusedSignIn(error: unknown, logger: PinoLogger): unknown {
  if (error instanceof AuthenticationError) {
    return new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
  }
  if (error instanceof AuthenticationUnavailableError) {
    logger.error({ err: error }, "token not checked: the JWKS cannot be fetched");
    return new GraphQLError("Sign-in cannot be checked right now; retry later", {
      extensions: {
        code: error.code,
        retryAfterSeconds: AUTH_RETRY_AFTER_SECONDS,
        http: { status: 503, headers: new Map([["retry-after", String(AUTH_RETRY_AFTER_SECONDS)]]) },
      },
    });
  }
  return error;
}

export interface HttpAppOptions {
  readonly logger: PinoLogger;
  /** Which proxies may name the client in X-Forwarded-For (proxy-addr's `trust`). */
  readonly trust: (address: string, hop: number) => boolean;
  readonly edgeMetrics?: EdgeMetrics | undefined;
  readonly ops: OpsRoutesOptions;
  /** The playground and the reference renderer; neither is served without this. */
  readonly web?: WebOptions | undefined;
  /** Numbers requests for the logs; shared with the early path of reused answers. */
  readonly requestId: RequestIds;
}

/** pino-http's `genReqId`: a request's id, given on first ask. */
export type RequestIds = (req: IncomingMessage) => number | string;

/** Request ids as pino-http numbers them by default (1, 2, ... wrapping at 2^31), for both HTTP paths. */
export function requestIds(): RequestIds {
  let last = 0;
  return (req) => {
    const own = (req as { id?: number | string }).id;
    if (own !== undefined) return own;
    last = (last + 1) & 0x7fffffff;
    (req as { id?: number | string }).id = last;
    return last;
  };
}

/** The express app with everything but /graphql, which `mountGraphql` adds once Apollo started. */
export function createHttpApp(options: HttpAppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  // req.ip, the address anonymous viewers are rate-limited by, then honours X-Forwarded-For from
  // trusted proxies only, exactly as the socket does.
  app.set("trust proxy", options.trust);
  if (options.edgeMetrics) app.use(measureRequests(options.edgeMetrics));
  app.use(
    pinoHttp({
      logger: options.logger,
      genReqId: options.requestId,
      autoLogging: { ignore: (req) => QUIET_PATHS.has(req.url ?? "") },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
    }),
  );
  app.use(opsRoutes(options.ops));
  if (options.web) app.use(webRoutes(options.web));
  return app;
}

export interface GraphqlRouteOptions {
  readonly apollo: ApolloServer<GatewayContext>;
  readonly contextFor: (authorization?: string, address?: string) => Promise<GatewayContext>;
  readonly logger: PinoLogger;
  /** Browser origins allowed for CORS; none without a list. */
  readonly allowedOrigins?: readonly string[] | undefined;
  readonly bodyLimitBytes: number;
  readonly tracing?: Tracing | undefined;
  readonly responseReuse?: ResponseReuse | undefined;
  readonly trusted: TrustedDocuments;
  /** Marks the viewer of a reused answer as around, as `home` and `section` do. */
  readonly touch: (viewer: Viewer) => void;
  /** As given to `createHttpApp`: the early path of reused answers must see what express sees. */
  readonly trust: (address: string, hop: number) => boolean;
  readonly edgeMetrics?: EdgeMetrics | undefined;
  readonly requestId: RequestIds;
}

/**
 * POST and GET /graphql through Apollo, then the 404 and the JSON error handler. Returns the
 * server's `request` listener: with response reuse on (and no tracing, whose spans start in
 * express), reused answers are written before express (src/inbound/early-reuse.ts), the rest
 * goes to the app.
 */
export function mountGraphql(app: express.Express, options: GraphqlRouteOptions): RequestListener {
  const { apollo, contextFor, logger } = options;
  const requestKeys = new RequestKeys();
  // Cross-origin browser access only for the configured origins; none without a list.
  const corsOfGraphql = cors({
    origin: options.allowedOrigins ? [...options.allowedOrigins] : false,
    maxAge: 600,
  });
  app.use(
    "/graphql",
    corsOfGraphql,
    bodyParserAfterEarlyReuse(express.json({ limit: options.bodyLimitBytes })),
    ...(options.tracing ? [tracingMiddleware(options.tracing.tracer)] : []),
    ...(options.responseReuse
      ? [
          responseReuseEdge({
            reuse: options.responseReuse,
            apollo,
            contextFor,
            trusted: options.trusted,
            touch: options.touch,
            logger,
            requestKeys,
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
  if (!options.responseReuse || options.tracing) return app;
  return earlyReuse({
    reuse: options.responseReuse,
    contextFor,
    trusted: options.trusted,
    touch: options.touch,
    trust: options.trust,
    cors: corsOfGraphql,
    bodyLimitBytes: options.bodyLimitBytes,
    edgeMetrics: options.edgeMetrics,
    logger,
    requestId: options.requestId,
    requestKeys,
    fallback: app,
  });
}

const MEASURED_ROUTES = new Set(["graphql", "healthz", "readyz", "metrics"]);

/** Times every answer on "close" (also when the client went away before it). */
function measureRequests(metrics: EdgeMetrics): express.RequestHandler {
  return (req, res, next) => {
    // From when the early path of reused answers saw it, if it passed the request on.
    const startedMs = arrivedAt(req) ?? performance.now();
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
