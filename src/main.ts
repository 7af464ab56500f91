import "reflect-metadata";
import { HttpProductService } from "./adapters/http-product-service.js";
import { HttpRecommendations } from "./adapters/http-recommendations.js";
import { LruL1Cache } from "./adapters/lru-l1-cache.js";
import { createLogger } from "./adapters/pino-logger.js";
import { SystemClock } from "./adapters/system-clock.js";
import { type GatewayPorts, createGateway } from "./app.js";
import { TokenVerifier, mintToken } from "./auth.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { NO_TELEMETRY, type ProductService, type Recommendations } from "./domain/index.js";
import { DEMO_USERS, demoUpstreams, inMemoryInfrastructure } from "./embedded.js";

/** The composition root: the one place that reads the environment and builds real adapters. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.LOG_LEVEL });
  const clock = new SystemClock();

  const upstreams =
    realUpstreams(config) ??
    demoUpstreams({
      clock,
      latencyMs: config.DEMO_LATENCY_MS,
      failureRate: config.DEMO_FAILURE_RATE,
    });
  const ports: GatewayPorts = {
    ...upstreams,
    ...inMemoryInfrastructure({ clock }),
    l1: new LruL1Cache({ ttlMs: config.L1_TTL_MS, max: config.L1_MAX_ENTRIES }),
    clock,
    logger,
    telemetry: NO_TELEMETRY,
  };
  const tokenOptions = {
    secret: config.jwtSecret,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    clockToleranceSeconds: config.JWT_CLOCK_TOLERANCE_SECONDS,
  };
  const gateway = await createGateway(ports, {
    tokens: new TokenVerifier(tokenOptions),
    production: config.NODE_ENV === "production",
    softTimeoutMs: config.SOFT_TIMEOUT_MS,
    l2TtlMs: config.L2_TTL_MS,
    webBaseUrl: config.WEB_BASE_URL,
  });
  const { url } = await gateway.listen({ port: config.PORT, host: config.HOST });
  logger.info(
    {
      url,
      mode: config.REDIS_URL ? "redis" : "embedded",
      upstreams: config.PRODUCT_SERVICES ? "http" : "demo",
    },
    "home-gateway listening",
  );

  if (config.usingDevSecret) {
    logger.warn("JWT_SECRET is not set: tokens are signed with the public DEVELOPMENT secret");
    for (const user of DEMO_USERS) {
      const token = await mintToken(user.id, { ...tokenOptions, expiresIn: "12h" });
      logger.info({ user: user.id, name: user.displayName, authorization: `Bearer ${token}` }, "demo token");
    }
  }

  const shutdown = (signal: string): void => {
    logger.info({ signal }, "shutting down: draining requests");
    gateway.stop().then(
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
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

function realUpstreams(
  config: Config,
): { services: ProductService[]; recommendations: Recommendations } | undefined {
  if (!config.PRODUCT_SERVICES || !config.RECOMMENDATIONS_URL) return undefined;
  const timeoutMs = config.UPSTREAM_TIMEOUT_MS;
  return {
    services: [...config.PRODUCT_SERVICES].map(
      ([id, baseUrl]) => new HttpProductService({ id, baseUrl, timeoutMs }),
    ),
    recommendations: new HttpRecommendations({ baseUrl: config.RECOMMENDATIONS_URL, timeoutMs }),
  };
}

await main();
