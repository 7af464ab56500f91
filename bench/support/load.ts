import autocannon from "autocannon";
import { HOME_BODY } from "./home.js";

export interface LoadOptions {
  readonly origin: string;
  /** Called once per request: the `Authorization` header to send (one viewer, or round-robin). */
  readonly authorization: () => string;
  readonly connections: number;
  readonly durationSec?: number;
  /** Stops after this many requests instead of after a duration (warming caches, one pass). */
  readonly amount?: number;
  /** The POST body; the app's full home query when absent. */
  readonly body?: string;
  /** Requests per second over all connections; as fast as possible when absent. */
  readonly overallRate?: number;
}

export interface LoadResult {
  readonly requestsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Connection errors, timeouts and non-2xx answers: a result with any is not a valid figure. */
  readonly failures: number;
}

/**
 * POSTs the home query over `connections` keep-alive connections for a duration (or a number of
 * requests), with autocannon in this process. Every request goes through `setupRequest`, also for
 * one viewer, so the load generator does the same work in every scenario.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const baseHeaders = { "content-type": "application/json" };
  const result = await autocannon({
    url: options.origin,
    connections: options.connections,
    pipelining: 1,
    timeout: 10,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.durationSec ?? 5 }),
    ...(options.overallRate !== undefined && { overallRate: options.overallRate }),
    requests: [
      {
        method: "POST",
        path: "/graphql",
        body: options.body ?? HOME_BODY,
        headers: baseHeaders,
        setupRequest: (request) => ({
          ...request,
          headers: { ...baseHeaders, authorization: options.authorization() },
        }),
      },
    ],
  });
  return {
    requestsPerSec: result.requests.total / Math.max(result.duration, 0.001),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** The same header every time: one viewer. */
export function always(authorization: string): () => string {
  return () => authorization;
}

/** Each header in turn, from the first again after the last: many viewers. */
export function roundRobin(authorizations: readonly string[]): () => string {
  let next = 0;
  return () => {
    const value = authorizations[next] as string;
    next = (next + 1) % authorizations.length;
    return value;
  };
}

/**
 * Each header once, in order: fresh viewers (cold caches). Past the last it starts again, and
 * `repeated()` says so: such a run measured some warm requests and is not a cold figure.
 */
export function eachOnce(authorizations: readonly string[]): { next: () => string; repeated: () => boolean } {
  let used = 0;
  return {
    next: () => authorizations[used++ % authorizations.length] as string,
    repeated: () => used > authorizations.length,
  };
}
