import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { GraphQLError, print } from "graphql";
import { FakeClock, flushMicrotasks } from "../../src/adapters/fakes/fake-clock.js";
import type { FakeProductService } from "../../src/adapters/fakes/fake-product-service.js";
import { LruL1Cache } from "../../src/adapters/lru-l1-cache.js";
import { inMemoryInfrastructure } from "../../src/composition/in-memory.js";
import { demoUpstreams } from "../../src/composition/upstreams.js";
import { silentLogger } from "./silent-logger.js";
import { createLogger } from "../../src/adapters/pino-logger.js";
import type { GatewayContext } from "../../src/resolvers/context.js";
import {
  type Gateway,
  type GatewayOptions,
  type GatewayPorts,
  type SecurityOptions,
  createGateway,
} from "../../src/app.js";
import { type TokenOptions, TokenVerifier, mintToken } from "../../src/inbound/auth.js";
import { type LateArrivals, NO_TELEMETRY } from "../../src/domain/index.js";

export const TEST_SECRET = "test-secret-that-is-long-enough-for-hs256!";
export const SOFT_TIMEOUT_MS = 150;

export interface TestAppOptions {
  readonly tilesPerUser?: number;
  readonly production?: boolean;
  readonly lateArrivals?: LateArrivals;
  /** Replaces ports, e.g. a real Redis L2 in integration tests. */
  readonly ports?: Partial<GatewayPorts>;
  /** Passed to createGateway as is (limits, introspection, origins, frame and connection bounds). */
  readonly security?: SecurityOptions;
  /** Replaces the verifier's options; the default is HS256 with TEST_SECRET and nothing else. */
  readonly tokens?: TokenOptions;
  /** Passed to createGateway as is, e.g. componentVersionRules. */
  readonly gateway?: Partial<Omit<GatewayOptions, "tokens" | "security">>;
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** The whole gateway on fakes and a fake clock, with the fakes at hand for assertions. */
export async function createTestApp(options: TestAppOptions = {}) {
  const clock = new FakeClock();
  // The embedded mode's parts, without its simulated latency and failures.
  const { services, recommendations } = demoUpstreams({
    clock,
    latencyMs: 0,
    failureRate: 0,
    tilesPerUser: options.tilesPerUser ?? 24,
  });
  const { l2, bus, changes } = inMemoryInfrastructure({ clock, logger: silentLogger, prefix: "test:" });
  const l1 = new LruL1Cache({ ttlMs: 10_000, clock });
  const logger = createLogger({ level: "silent" });
  const gateway: Gateway = await createGateway(
    {
      recommendations,
      services,
      l1,
      l2,
      bus,
      clock,
      logger,
      telemetry: NO_TELEMETRY,
      changes,
      ...(options.lateArrivals && { lateArrivals: options.lateArrivals }),
      ...options.ports,
    },
    {
      tokens: new TokenVerifier(options.tokens ?? { secret: TEST_SECRET }),
      production: options.production ?? false,
      ...(options.security && { security: options.security }),
      softTimeoutMs: SOFT_TIMEOUT_MS,
      l2TtlMs: 60 * 60_000,
      webBaseUrl: "https://www.example.com",
      // Compiled from the first run (production waits for the third), so that the suites check
      // the compiled path's answers, which are what a steady state serves.
      execution: { compileAtRun: 1 },
      ...options.gateway,
    },
  );
  await gateway.start();

  const service = (id: string): FakeProductService => {
    const found = services.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no fake service ${id}`);
    return found;
  };

  /** Runs an operation in-process as the holder of `token` (anonymous without one). */
  async function execute<TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables?: TVariables,
    as: { token?: string; authorization?: string; contextValue?: GatewayContext } = {},
  ): Promise<{
    data?: TResult | null;
    errors?: readonly GraphQLError[] | readonly { message: string; extensions?: Record<string, unknown> }[];
  }> {
    const authorization = as.authorization ?? (as.token ? `Bearer ${as.token}` : undefined);
    let contextValue = as.contextValue;
    try {
      contextValue ??= await gateway.contextFor(authorization);
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error] };
      throw error;
    }
    const response = await gateway.apollo.executeOperation<TResult, TVariables>(
      { query: print(document), ...(variables && { variables }) },
      { contextValue },
    );
    if (response.body.kind !== "single") throw new Error("incremental delivery is not expected here");
    return response.body.singleResult as { data?: TResult | null; errors?: readonly GraphQLError[] };
  }

  /** Like `execute`, moving fake time in steps until the operation settles. */
  async function executeOverTime<TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables | undefined,
    as: { token?: string },
    stepMs = 10,
  ): Promise<Awaited<ReturnType<typeof execute<TResult, TVariables>>> & { elapsedMs: number }> {
    // Token checks run on real crypto: finish them before fake time starts to count.
    let contextValue: GatewayContext;
    try {
      contextValue = await gateway.contextFor(as.token ? `Bearer ${as.token}` : undefined);
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error], elapsedMs: 0 };
      throw error;
    }
    const startedMs = clock.nowMs();
    let done = false;
    const pending = execute(document, variables, { contextValue }).finally(() => {
      done = true;
    });
    for (let guard = 0; !done && guard < 1_000; guard++) {
      await flushMicrotasks();
      if (!done) await clock.advance(stepMs);
    }
    const result = await pending;
    return { ...result, elapsedMs: clock.nowMs() - startedMs };
  }

  return {
    gateway,
    clock,
    services,
    service,
    recommendations,
    l1,
    l2,
    bus,
    changes,
    execute,
    executeOverTime,
    token: (user: string, extra: { expiresIn?: string | number } = {}) =>
      mintToken(user, {
        secret: options.tokens?.secret ?? TEST_SECRET,
        issuer: options.tokens?.issuer,
        audience: options.tokens?.audience,
        ...extra,
      }),
    upstreamCalls: () => ({
      personalised: services.reduce((sum, s) => sum + s.calls.personalised.length, 0),
      generic: services.reduce((sum, s) => sum + s.calls.generic, 0),
    }),
    stop: () => gateway.stop(),
  };
}

/**
 * Listens on a free loopback port for real sockets, with the app's fake time moving by itself
 * (10 ms every 2 ms of real time, about 5x), so that real sockets and fake timers meet. `stop`
 * stops the clock and the app.
 */
export async function listenWithMovingClock(app: TestApp): Promise<{ url: string; stop(): Promise<void> }> {
  const { url } = await app.gateway.listen({ port: 0, host: "127.0.0.1" });
  const pump = setInterval(() => void app.clock.advance(10), 2);
  return {
    url,
    stop: async () => {
      clearInterval(pump);
      await app.stop();
    },
  };
}
