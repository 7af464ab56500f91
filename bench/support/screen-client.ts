import { Agent, request } from "node:http";
import { HOME_BODY } from "./home.js";
import { median, percentile } from "./stats.js";

export interface ScreenLoadOptions {
  readonly origin: string;
  readonly authorization: string;
  /** Requests that make up one screen: 1 for the aggregated query, one per tile otherwise. */
  readonly requestsPerScreen: number;
  /** Apps fetching screens at the same time, each with its own connections. */
  readonly clients: number;
  /** Connections per app, as an HTTP/1.1 client keeps per host (browsers: 6). */
  readonly socketsPerClient: number;
  readonly durationMs: number;
  /** Stops a client after this many screens even if time is left. */
  readonly maxScreensPerClient?: number;
}

export interface ScreenLoadResult {
  readonly screensPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly screens: number;
  readonly failures: number;
}

/**
 * Apps loading their home screen over and over: a screen is done when the last of its requests
 * has been answered in full. Measures time-to-whole-screen, the number the user feels.
 */
export async function loadScreens(options: ScreenLoadOptions): Promise<ScreenLoadResult> {
  const url = new URL("/graphql", options.origin);
  const body = Buffer.from(HOME_BODY);
  const durations: number[] = [];
  let failures = 0;
  const startedMs = performance.now();
  const endMs = startedMs + options.durationMs;
  const maxScreens = options.maxScreensPerClient ?? 100_000;

  const client = async (): Promise<void> => {
    const agent = new Agent({ keepAlive: true, maxSockets: options.socketsPerClient });
    try {
      for (let screen = 0; screen < maxScreens && performance.now() < endMs; screen++) {
        const screenStartMs = performance.now();
        const statuses = await Promise.all(
          Array.from({ length: options.requestsPerScreen }, () =>
            post(url, agent, body, options.authorization),
          ),
        );
        if (statuses.every((status) => status === 200)) durations.push(performance.now() - screenStartMs);
        else failures++;
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  const elapsedSec = (performance.now() - startedMs) / 1_000;
  return {
    screensPerSec: durations.length / elapsedSec,
    p50Ms: median(durations),
    p99Ms: percentile(durations, 99),
    screens: durations.length,
    failures,
  };
}

/** One POST, its answer read to the end; resolves with the status (0 for a network error). */
function post(url: URL, agent: Agent, body: Buffer, authorization: string): Promise<number> {
  return new Promise((resolve) => {
    const outgoing = request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": body.length, authorization },
        timeout: 10_000,
      },
      (response) => {
        response.resume();
        response.once("end", () => resolve(response.statusCode ?? 0));
        response.once("error", () => resolve(0));
      },
    );
    outgoing.once("timeout", () => outgoing.destroy(new Error("timed out")));
    outgoing.once("error", () => resolve(0));
    outgoing.end(body);
  });
}
