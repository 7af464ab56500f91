import {
  type JWTHeaderParameters,
  type JWTVerifyGetKey,
  SignJWT,
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
} from "jose";
import { LRUCache } from "lru-cache";
import { CodedError, type Viewer } from "../domain/index.js";

export interface TokenOptions {
  /** HS256 shared secret. */
  readonly secret?: string | undefined;
  /** A JWKS document for RS256/ES256 tokens (keys cached, refetched on an unknown `kid`). */
  readonly jwksUrl?: string | undefined;
  readonly issuer?: string | undefined;
  readonly audience?: string | undefined;
  readonly clockToleranceSeconds?: number | undefined;
  /**
   * Tokens verified in the last `verifiedTtlMs` (default 60 s, never past their `exp`) are not
   * verified again: an app sends the same token with every request, and a signature check is a
   * good part of a warm request's CPU. At most `verifiedMaxEntries` (default 10,000) are kept.
   */
  readonly verifiedTtlMs?: number | undefined;
  readonly verifiedMaxEntries?: number | undefined;
}

/** A token that does not prove who the viewer is; never falls back to anonymous. */
export class AuthenticationError extends CodedError<"UNAUTHENTICATED"> {
  constructor(message: string, options?: { cause?: unknown }) {
    super("UNAUTHENTICATED", message, options);
  }
}

/**
 * The token could not be checked because the keys that sign tokens cannot be fetched (the JWKS
 * is unreachable, slow or broken). Not the viewer's fault: the gateway answers 503, and the app
 * retries instead of signing the user out.
 */
export class AuthenticationUnavailableError extends CodedError<"AUTHENTICATION_UNAVAILABLE"> {
  constructor(message: string, options?: { cause?: unknown }) {
    super("AUTHENTICATION_UNAVAILABLE", message, options);
  }
}

const MAX_TOKEN_LENGTH = 8_192;

/** Who a token names, and until when. */
export interface Identity {
  readonly viewer: Viewer;
  /** When the token stops being valid (epoch ms); undefined for anonymous viewers. */
  readonly expiresAtMs?: number;
}

/**
 * Verifies bearer tokens and names the viewer; no token means anonymous. HS256 with a shared
 * secret, RS256/ES256 with keys from a JWKS URL, or both; only the algorithms whose key is
 * configured are accepted, so `none` and HS/RS confusion are refused.
 */
export class TokenVerifier {
  private readonly algorithms: string[];
  private readonly key: JWTVerifyGetKey;
  private readonly verified: LRUCache<string, { identity: Identity; validUntilMs: number }> | undefined;
  private readonly verifiedTtlMs: number;

  constructor(private readonly options: TokenOptions) {
    const secret = options.secret === undefined ? undefined : new TextEncoder().encode(options.secret);
    const jwks = options.jwksUrl
      ? createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 2_000, cooldownDuration: 30_000 })
      : undefined;
    if (!secret && !jwks) throw new Error("TokenVerifier needs a secret, a JWKS URL, or both");
    this.algorithms = [...(secret ? ["HS256"] : []), ...(jwks ? ["RS256", "ES256"] : [])];
    this.verifiedTtlMs = options.verifiedTtlMs ?? 60_000;
    const maxEntries = options.verifiedMaxEntries ?? 10_000;
    this.verified = this.verifiedTtlMs > 0 && maxEntries > 0 ? new LRUCache({ max: maxEntries }) : undefined;
    this.key = async (header: JWTHeaderParameters, token) => {
      if (header.alg === "HS256" && secret) return secret;
      if (jwks && header.alg !== "HS256") {
        try {
          return await jwks(header, token);
        } catch (error) {
          if (!isKeySetUnavailable(error)) throw error;
          throw new AuthenticationUnavailableError("The keys that sign tokens cannot be fetched", {
            cause: error,
          });
        }
      }
      throw new AuthenticationError("Token algorithm is not allowed");
    };
  }

  /** The viewer of an `Authorization` header value. */
  async viewerOf(authorization: string | undefined | null): Promise<Viewer> {
    return (await this.identify(authorization)).viewer;
  }

  /** The viewer of an `Authorization` header value, with the token's expiry. */
  async identify(authorization: string | undefined | null): Promise<Identity> {
    if (authorization === undefined || authorization === null || authorization.trim() === "") {
      return { viewer: { kind: "anonymous" } };
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
    if (!match) throw new AuthenticationError('Authorization must be "Bearer <token>"');
    return this.verify(match[1] as string);
  }

  async verify(token: string): Promise<Identity> {
    if (token.length > MAX_TOKEN_LENGTH) throw new AuthenticationError("Token is too long");
    const cached = this.verified?.get(token);
    // Date.now(), as jose checks `exp` with it; a cached token is never trusted past its `exp`.
    if (cached && Date.now() < cached.validUntilMs) return cached.identity;
    const identity = await this.verifyAfresh(token);
    if (this.verified && identity.expiresAtMs !== undefined) {
      const validUntilMs = Math.min(identity.expiresAtMs, Date.now() + this.verifiedTtlMs);
      this.verified.set(token, { identity, validUntilMs });
    }
    return identity;
  }

  private async verifyAfresh(token: string): Promise<Identity> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: this.algorithms,
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds ?? 30,
        requiredClaims: ["sub", "exp"],
      });
      if (typeof payload.sub !== "string" || payload.sub === "" || payload.sub.length > 256) {
        throw new AuthenticationError("Token subject is missing or invalid");
      }
      return { viewer: { kind: "user", id: payload.sub }, expiresAtMs: (payload.exp as number) * 1_000 };
    } catch (error) {
      if (error instanceof AuthenticationError || error instanceof AuthenticationUnavailableError)
        throw error;
      throw new AuthenticationError(describe(error), { cause: error });
    }
  }
}

/**
 * Whether a JWKS lookup failed for want of the key set (fetch failed or timed out, not 200, not a
 * key set) rather than because of the token (no key for its `kid`, an algorithm not supported).
 */
function isKeySetUnavailable(error: unknown): boolean {
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid) return true;
  if (!(error instanceof joseErrors.JOSEError)) return true; // fetch itself failed
  return error.code === joseErrors.JOSEError.code; // "Expected 200 OK", "Failed to parse"
}

function describe(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return "Token has expired";
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `Token claim "${error.claim}" is invalid: ${error.reason}`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return "Token signature is invalid";
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return "Token algorithm is not allowed";
  if (error instanceof joseErrors.JWTInvalid || error instanceof joseErrors.JWSInvalid)
    return "Token is malformed";
  if (error instanceof joseErrors.JWKSNoMatchingKey) return "Token key is unknown";
  return "Token is invalid";
}

/** A signed token for a user, for development, tests and the demo. */
export async function mintToken(
  user: string,
  options: Omit<TokenOptions, "secret" | "jwksUrl"> & {
    readonly secret: string;
    readonly expiresIn?: string | number;
  },
): Promise<string> {
  let jwt = new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(user)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "12h");
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(options.secret));
}
