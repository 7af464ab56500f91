import "reflect-metadata";
import { startTracing } from "./adapters/otel-tracing.js";
import { createLogger } from "./adapters/pino-logger.js";
import type { Logger } from "pino";
import { type Gateway, type GatewayOptions, createGateway } from "./app.js";
import { TokenVerifier, mintToken } from "./inbound/auth.js";
import { type Config, ConfigError, DEV_CURSOR_SECRET, loadConfig } from "./config.js";
import { buildPorts } from "./composition/gateway-ports.js";
import { DEMO_USERS } from "./composition/upstreams.js";
import { ManifestError, TrustedDocuments } from "./inbound/trusted-documents.js";
import { buildGatewaySchema } from "./resolvers/schema.js";
import { developmentDemoTokens } from "./inbound/web/demo-tokens.js";

/** The composition root: the one place that reads the environment and builds real adapters. */
async function main(): Promise<void> {
  const config = orExit(loadConfig, ConfigError, "");
  const trustedDocuments = orExit(
    () => TrustedDocuments.ofProject(config.TRUSTED_DOCUMENTS),
    ManifestError,
    "TRUSTED_DOCUMENTS: ",
  );
  const logger = createLogger({ level: config.LOG_LEVEL });
  // A stray rejection in a library (a pub/sub command timing out, say) must not take every
  // viewer's connection down with the process: log it loudly and keep serving.
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "unhandled rejection");
  });
  // Before anything is built: the SDK installs the context manager the spans rely on.
  const tracing = startTracing(process.env, logger);
  if (tracing) logger.info("tracing on: exporting spans as the OTEL_* variables say");
  // Before any connection opens: building the schema takes the CPU for a few hundred ms (more on a
  // busy machine), which would let the Redis handshakes of the connections opened meanwhile time out.
  const schema = await buildGatewaySchema();
  const ports = await buildPorts(config, logger, tracing);
  const tokenOptions = tokenOptionsFrom(config);
  const gateway = await createGateway(ports, {
    ...gatewayOptionsFrom(config, trustedDocuments),
    schema,
    tokens: new TokenVerifier(tokenOptions),
  });
  const { url } = await gateway.listen({ port: config.PORT, host: config.HOST });
  logger.info(
    {
      url,
      mode: config.REDIS_URL ? "redis" : "embedded",
      upstreams: config.PRODUCT_SERVICES ? "http" : "demo",
      trustedDocuments: trustedDocuments.size,
      trustedDocumentsOnly: config.trustedDocumentsOnly,
    },
    "home-gateway listening",
  );
  await warnOfDevelopmentSecrets(config, logger, tokenOptions);
  const shutdown = shutdownOf(gateway, config, logger);
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

/** What `read` returns; an error of the expected kind ends the process with its message. */
function orExit<T>(read: () => T, expected: new (...args: never[]) => Error, label: string): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof expected)) throw error;
    process.stderr.write(`${label}${error.message}\n`);
    process.exit(1);
  }
}

function tokenOptionsFrom(config: Config) {
  return {
    secret: config.jwtSecret,
    jwksUrl: config.JWT_JWKS_URL,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    clockToleranceSeconds: config.JWT_CLOCK_TOLERANCE_SECONDS,
    verifiedTtlMs: config.JWT_VERIFIED_TTL_MS,
  };
}

/** The gateway's options as the environment sets them (the schema and the tokens apart). */
function gatewayOptionsFrom(
  config: Config,
  trustedDocuments: TrustedDocuments,
): Omit<GatewayOptions, "schema" | "tokens"> {
  return {
    production: config.NODE_ENV === "production",
    softTimeoutMs: config.SOFT_TIMEOUT_MS,
    l2TtlMs: config.L2_TTL_MS,
    webBaseUrl: config.WEB_BASE_URL,
    componentVersionRules: config.COMPONENT_VERSION_RULES,
    cursorSecret: config.CURSOR_SECRET,
    web: {
      playground: config.playground,
      renderer: config.playground,
      demoTokens: developmentDemoTokens({
        secret: config.jwtSecret,
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        users: DEMO_USERS,
      }),
    },
    security: {
      introspection: config.introspection,
      allowedOrigins: config.ALLOWED_ORIGINS,
      trustProxy: config.TRUST_PROXY,
      bodyLimitBytes: config.BODY_LIMIT_BYTES,
      maxFrameBytes: config.WS_MAX_PAYLOAD_BYTES,
      maxSubscriptionsPerConnection: config.MAX_SUBSCRIPTIONS_PER_CONNECTION,
      maxConnectionsPerViewer: config.MAX_CONNECTIONS_PER_VIEWER,
      trustedDocuments,
      trustedDocumentsOnly: config.trustedDocumentsOnly,
      limits: {
        maxDepth: config.MAX_DEPTH,
        maxAliases: config.MAX_ALIASES,
        maxTokens: config.MAX_TOKENS,
        maxCost: config.MAX_COST,
        maxDirectives: config.MAX_DIRECTIVES,
      },
    },
  };
}

/** Public development secrets are said loudly; with the demo's, its users' tokens are logged. */
async function warnOfDevelopmentSecrets(
  config: Config,
  logger: Logger,
  tokenOptions: ReturnType<typeof tokenOptionsFrom>,
): Promise<void> {
  if (config.NODE_ENV === "production" && config.CURSOR_SECRET === DEV_CURSOR_SECRET) {
    logger.warn("CURSOR_SECRET is not set: page cursors are signed with a public development secret");
  }
  if (config.usingDevSecret && config.jwtSecret) {
    const secret = config.jwtSecret;
    logger.warn("JWT_SECRET is not set: tokens are signed with the public DEVELOPMENT secret");
    for (const user of DEMO_USERS) {
      const token = await mintToken(user.id, { ...tokenOptions, secret, expiresIn: "12h" });
      logger.info({ user: user.id, name: user.displayName, token }, "demo token");
    }
  }
}

/** The signal handler: leave the load balancer's pool, then stop within SHUTDOWN_TIMEOUT_MS. */
function shutdownOf(gateway: Gateway, config: Config, logger: Logger): (signal: string) => void {
  return (signal) => {
    // Out of the load balancer's pool first (readiness 503), still serving what it sends meanwhile;
    // then stop accepting, finish what is in flight and close the sockets.
    logger.info({ signal, delayMs: config.SHUTDOWN_DELAY_MS }, "shutting down: leaving the load balancer");
    gateway.drain();
    const delayed = new Promise((resolve) => setTimeout(resolve, config.SHUTDOWN_DELAY_MS));
    delayed
      .then(() => {
        logger.info("shutting down: draining requests");
        // A stop that hangs (a connection that never closes, a Redis that never answers) must not
        // keep the instance up until the orchestrator's SIGKILL: what is left is cut here.
        setTimeout(() => {
          logger.error({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, "shutdown did not finish in time: exiting");
          process.exit(1);
        }, config.SHUTDOWN_TIMEOUT_MS).unref();
        return gateway.stop();
      })
      .then(
        () => {
          logger.info("stopped");
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
  };
}

await main();
