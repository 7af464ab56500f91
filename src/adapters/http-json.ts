import { context, propagation } from "@opentelemetry/api";
import type { z } from "zod";
import { UpstreamError } from "../domain/index.js";

export const DEFAULT_UPSTREAM_TIMEOUT_MS = 2_000;

export interface UpstreamRequest<Schema extends z.ZodType> {
  /** Names the upstream in errors and logs. */
  readonly service: string;
  readonly url: URL;
  readonly method: "GET" | "POST";
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly schema: Schema;
}

/**
 * One JSON request to an upstream, validated against `schema`. Everything that can go wrong
 * (network, timeout, status, body) becomes an UpstreamError carrying the original as its cause.
 */
export async function requestJson<Schema extends z.ZodType>(
  request: UpstreamRequest<Schema>,
): Promise<z.output<Schema>> {
  const { service, url, method, timeoutMs } = request;
  // One signal for the whole exchange: it also aborts a body that trickles in too slowly.
  const signal = AbortSignal.timeout(timeoutMs);
  const fail = (message: string, cause?: unknown): UpstreamError =>
    new UpstreamError(service, `${method} ${url.pathname}: ${message}`, cause);
  const failOrTimeout = (message: string, cause: unknown): UpstreamError =>
    signal.aborted ? fail(`timed out after ${timeoutMs} ms`, cause) : fail(message, cause);

  const headers: Record<string, string> = {
    accept: "application/json",
    ...(request.body !== undefined && { "content-type": "application/json" }),
    ...request.headers,
  };
  // The active trace travels on (`traceparent`); without tracing the propagator is a no-op.
  propagation.inject(context.active(), headers);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      signal,
      headers,
      ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
    });
  } catch (error) {
    throw failOrTimeout("request failed", error);
  }

  if (!response.ok) {
    // Read the body so the connection can be reused, and keep a little of it for the error; if even
    // that fails, the status alone still says what went wrong.
    const text = await response.text().catch(() => "");
    throw fail(`HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}`);
  }

  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    throw failOrTimeout("response is not valid JSON", error);
  }

  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
      .join("; ");
    throw fail(`response does not match the contract (${issues})`, parsed.error);
  }
  return parsed.data;
}

/** `base` with a trailing slash, so relative paths resolve beneath it rather than beside it. */
export function baseUrlOf(baseUrl: string): URL {
  return new URL(baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
}
