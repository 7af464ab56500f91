import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type CryptoKey, type JWK, SignJWT, exportJWK, exportSPKI, generateKeyPair } from "jose";

/** Claims for a hand-made token; `undefined` leaves a claim out. Times are epoch seconds. */
export interface Claims {
  readonly sub?: string | undefined;
  readonly iss?: string | undefined;
  readonly aud?: string | undefined;
  readonly exp?: number | undefined;
  readonly nbf?: number | undefined;
  readonly iat?: number | undefined;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1_000);

/** An asymmetric key pair as an identity provider holds it, with the public halves a JWKS serves. */
export interface SigningKey {
  readonly alg: "RS256" | "ES256";
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
  /** The public key as PEM: what an attacker can read and try as an HS256 secret. */
  readonly publicPem: string;
}

export async function signingKey(alg: "RS256" | "ES256", kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return {
    alg,
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" },
    publicPem: await exportSPKI(publicKey),
  };
}

/** A JWT with exactly these claims, signed with `key` under `alg` (a kid in the header when given). */
export async function signToken(
  claims: Claims,
  signer:
    | { readonly alg: "HS256"; readonly secret: string | Uint8Array; readonly kid?: string }
    | { readonly alg: "RS256" | "ES256"; readonly key: SigningKey; readonly kid?: string },
): Promise<string> {
  const kid = signer.alg === "HS256" ? signer.kid : (signer.kid ?? signer.key.kid);
  const jwt = new SignJWT(definedOnly({ nbf: claims.nbf, iat: claims.iat })).setProtectedHeader({
    alg: signer.alg,
    typ: "JWT",
    ...(kid !== undefined && { kid }),
  });
  if (claims.sub !== undefined) jwt.setSubject(claims.sub);
  if (claims.iss !== undefined) jwt.setIssuer(claims.iss);
  if (claims.aud !== undefined) jwt.setAudience(claims.aud);
  if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
  if (signer.alg === "HS256") {
    const secret =
      typeof signer.secret === "string" ? new TextEncoder().encode(signer.secret) : signer.secret;
    return jwt.sign(secret);
  }
  return jwt.sign(signer.key.privateKey);
}

/** `alg: none` with an empty signature, made by hand: no library will sign one. */
export function unsignedToken(claims: Claims): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part(definedOnly({ ...claims }))}.`;
}

/** A loopback JWKS endpoint, as an identity provider publishes one; counts the fetches. */
export class JwksServer {
  requests = 0;
  /** Answers this much later, like a slow identity provider. */
  delayMs = 0;
  /** Answers sent so far. */
  answered = 0;
  /** The HTTP status of the answers: anything but 200 answers an error page instead of the keys. */
  status = 200;
  url = "";
  private readonly server: Server;

  private constructor(keys: readonly SigningKey[]) {
    this.server = createServer((_request, response) => {
      this.requests++;
      setTimeout(() => {
        if (this.status !== 200) {
          response.writeHead(this.status, { "content-type": "text/html" });
          response.end("<html>unavailable</html>");
        } else {
          response.writeHead(200, { "content-type": "application/json" });
          response.end(JSON.stringify({ keys: keys.map((key) => key.publicJwk) }));
        }
        this.answered++;
      }, this.delayMs);
    });
  }

  static async start(keys: readonly SigningKey[]): Promise<JwksServer> {
    const jwks = new JwksServer(keys);
    await new Promise<void>((resolve) => jwks.server.listen(0, "127.0.0.1", resolve));
    const { port } = jwks.server.address() as AddressInfo;
    jwks.url = `http://127.0.0.1:${port}/.well-known/jwks.json`;
    return jwks;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function definedOnly<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
