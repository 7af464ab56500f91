import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApolloServer } from "@apollo/server";
import { InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { GraphQLSchema } from "graphql";
import type { Logger as PinoLogger } from "pino";
import type { Tracing } from "./adapters/otel-tracing.js";
import { DEV_CURSOR_SECRET } from "./config.js";
import {
  type ActiveViewers,
  type BackgroundTask,
  type ChangeFeed,
  type Clock,
  type EdgeMetrics,
  type InvalidationBus,
  type L1Cache,
  type L2Cache,
  type LateArrivals,
  ProductData,
  type ProductService,
  type RateLimiter,
  type ReadinessCheck,
  type Recommendations,
  type ResponseReuse,
  SectionCursors,
  type Telemetry,
  followInvalidations,
  lateArrivalsOf,
} from "./domain/index.js";
import { createApollo } from "./inbound/apollo.js";
import type { TokenVerifier } from "./inbound/auth.js";
import { type TrustProxy, clientAddress, trustFunction } from "./inbound/client-address.js";
import {
  type GraphqlRouteOptions,
  createHttpApp,
  httpContextFor,
  mountGraphql,
  requestIds,
} from "./inbound/http.js";
import type { GatewayState } from "./inbound/ops-routes.js";
import { RequestGate } from "./inbound/request-gate.js";
import { DEFAULT_LIMITS, type OperationLimits, operationProtections } from "./inbound/security.js";
import type { CompiledExecutionOptions } from "./inbound/compiled-execution.js";
import { createSocketServer } from "./inbound/socket.js";
import { PersistedQueries, TrustedDocuments } from "./inbound/trusted-documents.js";
import type { WebOptions } from "./inbound/web/routes.js";
import type { GatewayContext, HomeServices } from "./resolvers/context.js";
import { buildGatewaySchema } from "./resolvers/schema.js";
import { TileFaultLog } from "./resolvers/tile-fault-log.js";
import { type ComponentVersionRules, NO_VERSION_RULES } from "./ui-components/index.js";

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
  /** When HTTP operations are compiled by graphql-jit (src/inbound/compiled-execution.ts). */
  readonly execution?: CompiledExecutionOptions;
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

/**
 * Builds the whole gateway from its ports: the domain's services, the request gate, and the two
 * transports on one HTTP server (Apollo over express, graphql-ws). No I/O until `listen` (or `start`
 * of the Apollo server).
 */
export async function createGateway(ports: GatewayPorts, options: GatewayOptions): Promise<Gateway> {
  const productData = productDataFor(ports, options);
  const services = homeServicesFor(ports, options, productData);
  const gate = new RequestGate({ tokens: options.tokens, rateLimiter: ports.rateLimiter, services });
  const schema = options.schema ?? (await buildGatewaySchema());
  const policy = requestPolicyFor(ports, options);
  const lifecycle = new Lifecycle();
  const edge = createTransports(ports, options, { schema, gate, policy, state: () => lifecycle.state });
  const contextFor = httpContextFor(gate, ports.logger);

  let invalidations: { unsubscribe(): Promise<void> } | undefined;
  let started: Promise<void> | undefined;
  const start = (): Promise<void> => (started ??= edge.apollo.start());

  return {
    schema,
    apollo: edge.apollo,
    httpServer: edge.httpServer,
    productData,
    contextFor,
    start,
    async listen({ port, host }) {
      await start();
      edge.serveGraphql(graphqlRouteFor(ports, options, { policy, services, contextFor }));
      invalidations = await followInvalidations(ports.bus, {
        l1: ports.l1,
        responseReuse: ports.responseReuse,
        logger: ports.logger,
      });
      for (const task of ports.background ?? []) await task.start();
      const actual = await listenOn(edge.httpServer, port, host ?? "0.0.0.0");
      lifecycle.state = "serving";
      const shownHost = host === undefined || host === "0.0.0.0" || host === "::" ? "localhost" : host;
      return { url: `http://${shownHost}:${actual}/graphql`, port: actual };
    },
    drain() {
      if (lifecycle.state === "serving") lifecycle.state = "draining";
    },
    async stop() {
      if (lifecycle.state === "stopping") return;
      lifecycle.state = "stopping";
      // In reverse: a task may rely on one started before it.
      for (const task of [...(ports.background ?? [])].reverse()) await task.stop();
      await invalidations?.unsubscribe();
      if (started) await edge.apollo.stop();
      await ports.close?.();
      // Last: spans of the drain and the stop still go out.
      await ports.tracing?.shutdown();
    },
  };
}

/** Where the gateway is in its life, as /readyz tells it. */
class Lifecycle {
  state: GatewayState = "created";
}

/** What every operation is held to, on both transports: limits, introspection, the documents known. */
interface RequestPolicy {
  readonly introspection: boolean;
  readonly limits: OperationLimits;
  readonly protections: ReturnType<typeof operationProtections>;
  readonly trust: (address: string, hop: number) => boolean;
  readonly trustedDocuments: { readonly trusted: TrustedDocuments; readonly only: boolean };
  readonly persistedQueries: PersistedQueries;
}

function requestPolicyFor(ports: GatewayPorts, options: GatewayOptions): RequestPolicy {
  const security = options.security ?? {};
  const introspection = security.introspection ?? !options.production;
  const limits: OperationLimits = {
    ...DEFAULT_LIMITS,
    ...security.limits,
    hideSuggestions: security.limits?.hideSuggestions ?? !introspection,
  };
  const trusted = security.trustedDocuments ?? new TrustedDocuments();
  return {
    introspection,
    limits,
    protections: operationProtections(limits),
    trust: trustFunction(security.trustProxy),
    trustedDocuments: { trusted, only: security.trustedDocumentsOnly ?? false },
    persistedQueries: new PersistedQueries(trusted, ports.persistedQueries ?? new InMemoryLRUCache()),
  };
}

/** The HTTP server with its two transports; /graphql is served once Apollo has started. */
interface Transports {
  readonly httpServer: Server;
  readonly apollo: ApolloServer<GatewayContext>;
  serveGraphql(route: Omit<GraphqlRouteOptions, "apollo" | "requestId">): void;
}

function createTransports(
  ports: GatewayPorts,
  options: GatewayOptions,
  parts: {
    readonly schema: GraphQLSchema;
    readonly gate: RequestGate;
    readonly policy: RequestPolicy;
    readonly state: () => GatewayState;
  },
): Transports {
  const { schema, gate, policy } = parts;
  const { logger } = ports;
  const security = options.security ?? {};
  const requestId = requestIds();
  const app = createHttpApp({
    requestId,
    logger,
    trust: policy.trust,
    edgeMetrics: ports.edgeMetrics,
    ops: { readiness: ports.readiness ?? [], metrics: ports.metrics, state: parts.state },
    web: options.web,
  });
  // The app until /graphql is mounted; then what `mountGraphql` returns (reused answers before express).
  let listener: RequestListener = app;
  const httpServer = createServer((req, res) => listener(req, res));
  const socketServer = createSocketServer({
    httpServer,
    schema,
    gate,
    logger,
    validationRules: policy.protections.validationRules,
    maxTokens: policy.limits.maxTokens,
    hideSuggestions: options.production || policy.limits.hideSuggestions,
    maxFrameBytes: security.maxFrameBytes ?? 64 * 1024,
    maxSubscriptionsPerConnection: security.maxSubscriptionsPerConnection ?? 10,
    maxConnectionsPerViewer: security.maxConnectionsPerViewer ?? 20,
    allowedOrigins: security.allowedOrigins,
    clientAddressOf: (request) => clientAddress(request, policy.trust),
    production: options.production,
    persistedQueries: policy.persistedQueries,
    trustedDocuments: policy.trustedDocuments,
  });
  ports.edgeMetrics?.observeSockets(() => socketServer.counts());
  const apollo = createApollo({
    schema,
    httpServer,
    production: options.production,
    introspection: policy.introspection,
    limits: policy.limits,
    protections: policy.protections,
    persistedQueries: policy.persistedQueries,
    trustedDocuments: policy.trustedDocuments,
    traced: ports.tracing !== undefined,
    edgeMetrics: ports.edgeMetrics,
    logger,
    drain: () => socketServer.dispose(),
    execution: options.execution,
  });
  return {
    httpServer,
    apollo,
    serveGraphql(route) {
      listener = mountGraphql(app, { ...route, apollo, requestId });
    },
  };
}

/** How /graphql answers over HTTP: CORS, the body limit, tracing, reused answers, who was here. */
function graphqlRouteFor(
  ports: GatewayPorts,
  options: GatewayOptions,
  parts: {
    readonly policy: RequestPolicy;
    readonly services: HomeServices;
    readonly contextFor: GraphqlRouteOptions["contextFor"];
  },
): Omit<GraphqlRouteOptions, "apollo" | "requestId"> {
  const security = options.security ?? {};
  const { activeViewers } = parts.services;
  return {
    contextFor: parts.contextFor,
    logger: ports.logger,
    allowedOrigins: security.allowedOrigins,
    bodyLimitBytes: security.bodyLimitBytes ?? 64 * 1024,
    tracing: ports.tracing,
    responseReuse: ports.responseReuse,
    trusted: parts.policy.trustedDocuments.trusted,
    touch: (viewer) => {
      if (viewer.kind === "user") void activeViewers?.touch(viewer.id);
    },
    trust: parts.policy.trust,
    edgeMetrics: ports.edgeMetrics,
  };
}

/** The read path, with late personalised data pushed to the viewer unless the ports say otherwise. */
function productDataFor(ports: GatewayPorts, options: GatewayOptions): ProductData {
  const logger = ports.logger;
  return new ProductData({
    l1: ports.l1,
    l2: ports.l2,
    services: new Map(ports.services.map((service) => [service.id, service])),
    clock: ports.clock,
    logger,
    telemetry: ports.telemetry,
    ...(ports.tracing && { spans: ports.tracing.spans }),
    // Generic first, personal next: data that missed the soft timeout is pushed to the viewer.
    lateArrivals: lateArrivalsOf({
      changes: ports.changes,
      logger,
      responseReuse: ports.responseReuse,
      handler: ports.lateArrivals,
    }),
    softTimeoutMs: options.softTimeoutMs,
    l2TtlMs: options.l2TtlMs,
  });
}

function homeServicesFor(
  ports: GatewayPorts,
  options: GatewayOptions,
  productData: ProductData,
): HomeServices {
  return {
    recommendations: ports.recommendations,
    productData,
    changes: ports.changes,
    ...(ports.activeViewers && { activeViewers: ports.activeViewers }),
    clock: ports.clock,
    logger: ports.logger,
    webBaseUrl: options.webBaseUrl,
    componentRules: options.componentVersionRules ?? NO_VERSION_RULES,
    tileFaults: new TileFaultLog({ logger: ports.logger, clock: ports.clock }),
    cursors: new SectionCursors(options.cursorSecret ?? DEV_CURSOR_SECRET),
  };
}

/** Listens; resolves with the port actually bound (0 asks for a free one). */
async function listenOn(httpServer: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  return (httpServer.address() as AddressInfo).port;
}
