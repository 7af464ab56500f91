import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  AuthenticationError,
  AuthenticationUnavailableError,
  type Identity,
  TokenVerifier,
} from "../../src/inbound/auth.js";
import {
  type Claims,
  JwksServer,
  type SigningKey,
  nowSeconds,
  signToken,
  signingKey,
  unsignedToken,
} from "../support/jwt.js";

// Unit tests on the verifier alone; the JWKS is a loopback HTTP server, the one real I/O here.

const SECRET = "unit-test-secret-that-is-long-enough-for-hs256";
const ISSUER = "https://auth.example.com/";
const AUDIENCE = "home-gateway";

let rsa: SigningKey;
let ec: SigningKey;
let stranger: SigningKey;
let jwks: JwksServer;

beforeAll(async () => {
  [rsa, ec, stranger] = await Promise.all([
    signingKey("RS256", "rsa-1"),
    signingKey("ES256", "ec-1"),
    signingKey("RS256", "not-published"),
  ]);
  jwks = await JwksServer.start([rsa, ec]);
});
afterAll(async () => {
  await jwks.close();
});

const hsVerifier = (extra: { clockToleranceSeconds?: number; verifiedTtlMs?: number } = {}) =>
  new TokenVerifier({ secret: SECRET, issuer: ISSUER, audience: AUDIENCE, ...extra });
const jwksVerifier = () => new TokenVerifier({ jwksUrl: jwks.url, issuer: ISSUER, audience: AUDIENCE });

const claims = (overrides: Partial<Claims> = {}): Claims => ({
  sub: "alice",
  iss: ISSUER,
  aud: AUDIENCE,
  exp: nowSeconds() + 600,
  ...overrides,
});

const hs = (overrides: Partial<Claims> = {}) =>
  signToken(claims(overrides), { alg: "HS256", secret: SECRET });

/** The refusal, as the verifier reports it. */
async function refusal(verifier: TokenVerifier, authorization: string): Promise<AuthenticationError> {
  const error: unknown = await verifier.identify(authorization).then(
    (identity) => new Error(`accepted as ${JSON.stringify(identity)}`),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  expect((error as AuthenticationError).code).toBe("UNAUTHENTICATED");
  return error as AuthenticationError;
}

/** A refusal leaves nothing behind: the same verifier still accepts a good token. */
async function stillAccepts(verifier: TokenVerifier, token?: string): Promise<void> {
  const identity = await verifier.identify(`Bearer ${token ?? (await hs({ sub: "good" }))}`);
  expect(identity.viewer).toEqual({ kind: "user", id: token ? expect.any(String) : "good" });
}

describe("TokenVerifier, HS256", () => {
  it("names the user of a valid token and keeps its expiry", async () => {
    const exp = nowSeconds() + 600;
    const identity: Identity = await hsVerifier().identify(`Bearer ${await hs({ exp })}`);
    expect(identity).toEqual({ viewer: { kind: "user", id: "alice" }, expiresAtMs: exp * 1_000 });
  });

  it("treats a missing, empty or blank header as anonymous, with no expiry", async () => {
    const verifier = hsVerifier();
    for (const header of [undefined, null, "", "   "]) {
      expect(await verifier.identify(header)).toEqual({ viewer: { kind: "anonymous" } });
    }
    await stillAccepts(verifier);
  });

  it("refuses a scheme other than Bearer", async () => {
    const verifier = hsVerifier();
    const error = await refusal(verifier, `Basic ${Buffer.from("alice:pw").toString("base64")}`);
    expect(error.message).toBe('Authorization must be "Bearer <token>"');
    await stillAccepts(verifier);
  });

  it("refuses two tokens in one header", async () => {
    const verifier = hsVerifier();
    const error = await refusal(verifier, `Bearer ${await hs()} ${await hs({ sub: "bob" })}`);
    expect(error.message).toBe('Authorization must be "Bearer <token>"');
    await stillAccepts(verifier);
  });

  it("refuses a malformed token", async () => {
    const verifier = hsVerifier();
    expect((await refusal(verifier, "Bearer not-a-jwt")).message).toBe("Token is malformed");
    expect((await refusal(verifier, "Bearer a.b.c")).message).toBe("Token is malformed");
    await stillAccepts(verifier);
  });

  it("refuses a token signed with another secret", async () => {
    const verifier = hsVerifier();
    const forged = await signToken(claims(), { alg: "HS256", secret: `${SECRET}-but-not-quite` });
    expect((await refusal(verifier, `Bearer ${forged}`)).message).toBe("Token signature is invalid");
    await stillAccepts(verifier);
  });

  it("refuses a valid token whose subject was edited to another user", async () => {
    const verifier = hsVerifier();
    const [header, , signature] = (await hs({ sub: "alice" })).split(".");
    const payload = Buffer.from(JSON.stringify(claims({ sub: "bob" }))).toString("base64url");
    const error = await refusal(verifier, `Bearer ${header}.${payload}.${signature}`);
    expect(error.message).toBe("Token signature is invalid");
    await stillAccepts(verifier);
  });

  it("refuses alg none", async () => {
    const verifier = hsVerifier();
    const error = await refusal(verifier, `Bearer ${unsignedToken(claims())}`);
    expect(error.message).toBe("Token algorithm is not allowed");
    await stillAccepts(verifier);
  });

  it("refuses an RS256 token when only HS256 is configured", async () => {
    const verifier = hsVerifier();
    const token = await signToken(claims(), { alg: "RS256", key: rsa });
    expect((await refusal(verifier, `Bearer ${token}`)).message).toBe("Token algorithm is not allowed");
    await stillAccepts(verifier);
  });

  it("refuses a token expired beyond the clock tolerance", async () => {
    const verifier = hsVerifier();
    const error = await refusal(verifier, `Bearer ${await hs({ exp: nowSeconds() - 60 })}`);
    expect(error.message).toBe("Token has expired");
    await stillAccepts(verifier);
  });

  it("accepts a token expired within the clock tolerance, and refuses it with no tolerance", async () => {
    const token = await hs({ exp: nowSeconds() - 5 });
    expect((await hsVerifier().identify(`Bearer ${token}`)).viewer).toEqual({ kind: "user", id: "alice" });
    const strict = hsVerifier({ clockToleranceSeconds: 0 });
    expect((await refusal(strict, `Bearer ${token}`)).message).toBe("Token has expired");
    await stillAccepts(strict);
  });

  it("refuses a token not valid yet (nbf beyond the tolerance), accepts one within it", async () => {
    const verifier = hsVerifier();
    const early = await hs({ nbf: nowSeconds() + 300 });
    expect((await refusal(verifier, `Bearer ${early}`)).message).toBe(
      'Token claim "nbf" is invalid: check_failed',
    );
    const slightlyEarly = await hs({ nbf: nowSeconds() + 10 });
    expect((await verifier.identify(`Bearer ${slightlyEarly}`)).viewer).toEqual({
      kind: "user",
      id: "alice",
    });
  });

  it("refuses a token for another audience, or for none", async () => {
    const verifier = hsVerifier();
    const other = await hs({ aud: "another-service" });
    expect((await refusal(verifier, `Bearer ${other}`)).message).toBe(
      'Token claim "aud" is invalid: check_failed',
    );
    const none = await hs({ aud: undefined });
    expect((await refusal(verifier, `Bearer ${none}`)).message).toBe('Token claim "aud" is invalid: missing');
    await stillAccepts(verifier);
  });

  it("refuses a token from another issuer", async () => {
    const verifier = hsVerifier();
    const other = await hs({ iss: "https://evil.example.com/" });
    expect((await refusal(verifier, `Bearer ${other}`)).message).toBe(
      'Token claim "iss" is invalid: check_failed',
    );
    await stillAccepts(verifier);
  });

  it("refuses a token that never expires", async () => {
    const verifier = hsVerifier();
    const forever = await hs({ exp: undefined });
    expect((await refusal(verifier, `Bearer ${forever}`)).message).toBe(
      'Token claim "exp" is invalid: missing',
    );
    await stillAccepts(verifier);
  });

  it("refuses a token without a usable subject", async () => {
    const verifier = hsVerifier();
    const missing = await hs({ sub: undefined });
    expect((await refusal(verifier, `Bearer ${missing}`)).message).toBe(
      'Token claim "sub" is invalid: missing',
    );
    const empty = await hs({ sub: "" });
    expect((await refusal(verifier, `Bearer ${empty}`)).message).toBe("Token subject is missing or invalid");
    const huge = await hs({ sub: "x".repeat(257) });
    expect((await refusal(verifier, `Bearer ${huge}`)).message).toBe("Token subject is missing or invalid");
    await stillAccepts(verifier);
  });

  it("refuses an oversized token before any cryptography", async () => {
    const verifier = hsVerifier();
    expect((await refusal(verifier, `Bearer ${"a".repeat(9_000)}`)).message).toBe("Token is too long");
    await stillAccepts(verifier);
  });
});

describe("TokenVerifier, JWKS (RS256/ES256)", () => {
  it("accepts RS256 and ES256 tokens signed by published keys", async () => {
    const verifier = jwksVerifier();
    const rs = await signToken(claims({ sub: "rs-user" }), { alg: "RS256", key: rsa });
    const es = await signToken(claims({ sub: "es-user" }), { alg: "ES256", key: ec });
    expect((await verifier.identify(`Bearer ${rs}`)).viewer).toEqual({ kind: "user", id: "rs-user" });
    expect((await verifier.identify(`Bearer ${es}`)).viewer).toEqual({ kind: "user", id: "es-user" });
  });

  it("refuses a token whose kid the JWKS does not publish", async () => {
    const verifier = jwksVerifier();
    const token = await signToken(claims(), { alg: "RS256", key: stranger });
    expect((await refusal(verifier, `Bearer ${token}`)).message).toBe("Token key is unknown");
    await stillAccepts(verifier, await signToken(claims(), { alg: "RS256", key: rsa }));
  });

  it("refuses a token signed by an unpublished key under a published kid", async () => {
    const verifier = jwksVerifier();
    const token = await signToken(claims(), { alg: "RS256", key: stranger, kid: rsa.kid });
    expect((await refusal(verifier, `Bearer ${token}`)).message).toBe("Token signature is invalid");
    await stillAccepts(verifier, await signToken(claims(), { alg: "ES256", key: ec }));
  });

  it("refuses HS256 signed with the RSA public key's PEM as the secret (HS/RS confusion)", async () => {
    const verifier = jwksVerifier();
    const token = await signToken(claims(), { alg: "HS256", secret: rsa.publicPem, kid: rsa.kid });
    expect((await refusal(verifier, `Bearer ${token}`)).message).toBe("Token algorithm is not allowed");
    await stillAccepts(verifier, await signToken(claims(), { alg: "RS256", key: rsa }));
  });

  it("refuses HS256 signed with the public JWK as the secret (HS/RS confusion)", async () => {
    const verifier = jwksVerifier();
    const token = await signToken(claims(), {
      alg: "HS256",
      secret: JSON.stringify(rsa.publicJwk),
      kid: rsa.kid,
    });
    expect((await refusal(verifier, `Bearer ${token}`)).message).toBe("Token algorithm is not allowed");
    await stillAccepts(verifier, await signToken(claims(), { alg: "RS256", key: rsa }));
  });

  it("with HS256 and JWKS both configured, HS256 signed with the public PEM fails its signature", async () => {
    const verifier = new TokenVerifier({
      secret: SECRET,
      jwksUrl: jwks.url,
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    const token = await signToken(claims(), { alg: "HS256", secret: rsa.publicPem, kid: rsa.kid });
    expect((await refusal(verifier, `Bearer ${token}`)).message).toBe("Token signature is invalid");
    await stillAccepts(verifier);
    await stillAccepts(verifier, await signToken(claims(), { alg: "ES256", key: ec }));
  });

  it("refuses alg none", async () => {
    const verifier = jwksVerifier();
    const error = await refusal(verifier, `Bearer ${unsignedToken(claims())}`);
    expect(error.message).toBe("Token algorithm is not allowed");
    await stillAccepts(verifier, await signToken(claims(), { alg: "RS256", key: rsa }));
  });

  it("reports the key set unavailable, not the token invalid, while the JWKS cannot be reached", async () => {
    const gone = await JwksServer.start([rsa]);
    const url = gone.url;
    await gone.close();
    const verifier = new TokenVerifier({ jwksUrl: url, issuer: ISSUER, audience: AUDIENCE });
    const token = await signToken(claims(), { alg: "RS256", key: rsa });
    const error: unknown = await verifier.identify(`Bearer ${token}`).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AuthenticationUnavailableError);
    expect(error).not.toBeInstanceOf(AuthenticationError);
  });

  it("reports the key set unavailable while the JWKS answers an error, and accepts once it is back", async () => {
    const flaky = await JwksServer.start([rsa]);
    try {
      flaky.status = 503;
      const verifier = new TokenVerifier({ jwksUrl: flaky.url, issuer: ISSUER, audience: AUDIENCE });
      const token = await signToken(claims(), { alg: "RS256", key: rsa });
      const error: unknown = await verifier.identify(`Bearer ${token}`).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(AuthenticationUnavailableError);
      flaky.status = 200;
      expect((await verifier.identify(`Bearer ${token}`)).viewer).toEqual({ kind: "user", id: "alice" });
    } finally {
      await flaky.close();
    }
  });

  it("needs a secret or a JWKS URL", () => {
    expect(() => new TokenVerifier({})).toThrow("TokenVerifier needs a secret, a JWKS URL, or both");
  });
});

describe("TokenVerifier, tokens verified before", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("accepts a token verified before without checking its signature again", async () => {
    const signatures = vi.spyOn(globalThis.crypto.subtle, "verify");
    const verifier = hsVerifier();
    const token = await hs();
    for (let request = 0; request < 3; request++) {
      expect((await verifier.identify(`Bearer ${token}`)).viewer).toEqual({ kind: "user", id: "alice" });
    }
    expect(signatures).toHaveBeenCalledTimes(1);
  });

  it("checks the signature again once verifiedTtlMs has passed, and every time with 0", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const signatures = vi.spyOn(globalThis.crypto.subtle, "verify");
    const token = await hs();
    const verifier = hsVerifier({ verifiedTtlMs: 1_000 });
    await verifier.identify(`Bearer ${token}`);
    vi.setSystemTime(Date.now() + 999);
    await verifier.identify(`Bearer ${token}`);
    expect(signatures).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.now() + 2);
    await verifier.identify(`Bearer ${token}`);
    expect(signatures).toHaveBeenCalledTimes(2);

    const uncached = hsVerifier({ verifiedTtlMs: 0 });
    await uncached.identify(`Bearer ${token}`);
    await uncached.identify(`Bearer ${token}`);
    expect(signatures).toHaveBeenCalledTimes(4);
  });

  it("never trusts a token verified before past its expiry", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const verifier = hsVerifier({ clockToleranceSeconds: 0 });
    const token = await hs({ exp: nowSeconds() + 20 });
    expect((await verifier.identify(`Bearer ${token}`)).viewer).toEqual({ kind: "user", id: "alice" });
    vi.setSystemTime(Date.now() + 21_000);
    expect((await refusal(verifier, `Bearer ${token}`)).message).toBe("Token has expired");
  });

  it("keeps nothing of a refused token: it is refused again", async () => {
    const signatures = vi.spyOn(globalThis.crypto.subtle, "verify");
    const verifier = hsVerifier();
    const forged = await signToken(claims(), { alg: "HS256", secret: `${SECRET}-other` });
    for (let attempt = 0; attempt < 2; attempt++) {
      expect((await refusal(verifier, `Bearer ${forged}`)).message).toBe("Token signature is invalid");
    }
    expect(signatures).toHaveBeenCalledTimes(2);
  });
});
