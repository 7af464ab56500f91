import { CodedError, type RateLimiter, type Viewer, rateLimitKey } from "../domain/index.js";
import { type GatewayContext, type HomeServices, createContext } from "../resolvers/context.js";
import type { Identity, TokenVerifier } from "./auth.js";

/** The viewer's (or the address's) budget is spent; `retryAfterSeconds` says when it refills. */
export class RateLimitedError extends CodedError<"RATE_LIMITED"> {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", "Too many requests; retry later");
  }
}

export interface RequestGateOptions {
  readonly tokens: TokenVerifier;
  /** Budgets requests per viewer (or address); none means unlimited. */
  readonly rateLimiter?: RateLimiter | undefined;
  readonly services: HomeServices;
}

/**
 * The one way in, for HTTP and the socket alike: who the viewer is (from the bearer token), whether
 * the viewer (or, anonymous, the address) has budget left, and the context the resolvers run with.
 * It throws transport-neutral errors (`AuthenticationError`, `AuthenticationUnavailableError`,
 * {@link RateLimitedError}); each transport maps them to its own protocol.
 */
export class RequestGate {
  constructor(private readonly options: RequestGateOptions) {}

  /** Who the token names, and until when; anonymous without a token. */
  identify(authorization: string | undefined): Promise<Identity> {
    return this.options.tokens.identify(authorization);
  }

  /** Spends one request of the viewer's budget; rejects with {@link RateLimitedError} when it is spent. */
  async admit(viewer: Viewer, address: string | undefined): Promise<void> {
    const limiter = this.options.rateLimiter;
    if (!limiter) return;
    const verdict = await limiter.consume(rateLimitKey(viewer, address));
    if (!verdict.allowed) throw new RateLimitedError(Math.ceil(verdict.retryAfterMs / 1_000));
  }

  /** The context of one operation: its own product loader, the process-wide services. */
  contextFor(viewer: Viewer): GatewayContext {
    return createContext(viewer, this.options.services);
  }
}
