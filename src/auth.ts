import { SignJWT, errors as joseErrors, jwtVerify } from "jose";
import type { Viewer } from "./domain/index.js";

export interface TokenOptions {
  readonly secret: string;
  readonly issuer?: string | undefined;
  readonly audience?: string | undefined;
  readonly clockToleranceSeconds?: number | undefined;
}

/** A token that does not prove who the viewer is; never falls back to anonymous. */
export class AuthenticationError extends Error {
  readonly code = "UNAUTHENTICATED";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AuthenticationError";
  }
}

const MAX_TOKEN_LENGTH = 8_192;

/** Verifies bearer tokens (HS256) and names the viewer; no token means anonymous. */
export class TokenVerifier {
  private readonly key: Uint8Array;

  constructor(private readonly options: TokenOptions) {
    this.key = new TextEncoder().encode(options.secret);
  }

  /** The viewer of an `Authorization` header value (or a bare token). */
  async viewerOf(authorization: string | undefined | null): Promise<Viewer> {
    if (authorization === undefined || authorization === null || authorization.trim() === "") {
      return { kind: "anonymous" };
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
    if (!match) throw new AuthenticationError('Authorization must be "Bearer <token>"');
    return this.verify(match[1] as string);
  }

  async verify(token: string): Promise<Viewer> {
    if (token.length > MAX_TOKEN_LENGTH) throw new AuthenticationError("Token is too long");
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ["HS256"],
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: this.options.clockToleranceSeconds ?? 30,
        requiredClaims: ["sub", "exp"],
      });
      if (typeof payload.sub !== "string" || payload.sub === "" || payload.sub.length > 256) {
        throw new AuthenticationError("Token subject is missing or invalid");
      }
      return { kind: "user", id: payload.sub };
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(describe(error), { cause: error });
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return "Token has expired";
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `Token claim "${error.claim}" is invalid: ${error.reason}`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return "Token signature is invalid";
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return "Token algorithm is not allowed";
  if (error instanceof joseErrors.JWTInvalid || error instanceof joseErrors.JWSInvalid)
    return "Token is malformed";
  return "Token is invalid";
}

/** A signed token for a user, for development, tests and the demo. */
export async function mintToken(
  user: string,
  options: TokenOptions & { readonly expiresIn?: string | number },
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
