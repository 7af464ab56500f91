import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError, DEV_JWT_SECRET, loadConfig } from "../../src/config.js";

/** The problems loadConfig reports for `env`; fails the test if it accepts it. */
function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  let thrown: unknown;
  try {
    loadConfig(env);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ConfigError);
  const error = thrown as ConfigError;
  expect(error.code).toBe("INVALID_CONFIGURATION");
  // The message printed at start-up carries every problem.
  for (const problem of error.problems) expect(error.message).toContain(`  - ${problem}`);
  return error.problems;
}

describe("loadConfig", () => {
  it("reuses answers for 5 s by default, never longer than L1 keeps entries, and refuses a longer setting", () => {
    expect(loadConfig({}).RESPONSE_CACHE_TTL_MS).toBe(5_000);
    expect(loadConfig({ L1_TTL_MS: "2000" }).RESPONSE_CACHE_TTL_MS).toBe(2_000);
    expect(loadConfig({ RESPONSE_CACHE_TTL_MS: "0" }).RESPONSE_CACHE_TTL_MS).toBe(0);
    expect(problemsOf({ L1_TTL_MS: "2000", RESPONSE_CACHE_TTL_MS: "3000" })).toEqual([
      "RESPONSE_CACHE_TTL_MS: must be at most L1_TTL_MS (2000): a reused answer must not outlive the L1 entries it was built from",
    ]);
  });

  it("accepts an empty environment (the embedded demo) with defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 4000,
      NODE_ENV: "development",
      introspection: true,
      usingDevSecret: true,
    });
  });

  it.each([
    [{ PORT: "abc" }, "PORT: Invalid input: expected number, received NaN"],
    [{ PORT: "70000" }, "PORT: Too big: expected number to be <=65535"],
    [{ SOFT_TIMEOUT_MS: "-1" }, "SOFT_TIMEOUT_MS: Too small: expected number to be >0"],
    [{ REDIS_URL: "http://x" }, "REDIS_URL: must be a redis:// or rediss:// URL"],
    [{ JWT_JWKS_URL: "ftp://idp.example.com/jwks" }, "JWT_JWKS_URL: must be an http:// or https:// URL"],
    [{ WEB_BASE_URL: "javascript:alert(1)" }, "WEB_BASE_URL: must be an http:// or https:// URL"],
    [
      { ALLOWED_ORIGINS: "not-an-origin" },
      'ALLOWED_ORIGINS: "not-an-origin" is not an origin like https://app.example.com',
    ],
    [
      { ALLOWED_ORIGINS: "https://app.example.com,https://app.example.com/path" },
      'ALLOWED_ORIGINS: "https://app.example.com/path" is not an origin like https://app.example.com',
    ],
    [
      { NODE_ENV: "production" },
      "JWT_SECRET: JWT_SECRET (HS256) or JWT_JWKS_URL (RS256/ES256) is required when NODE_ENV=production",
    ],
    [
      { NODE_ENV: "production", JWT_SECRET: DEV_JWT_SECRET },
      "JWT_SECRET: is the public development secret: anyone can sign tokens with it; set your own",
    ],
    [{ JWT_SECRET: "too-short" }, "JWT_SECRET: must be at least 32 characters"],
    [
      { PRODUCT_SERVICES: "shop=http://shop.internal" },
      "PRODUCT_SERVICES: PRODUCT_SERVICES and RECOMMENDATIONS_URL go together: set both for real upstreams, or neither for the demo",
    ],
    [
      { PRODUCT_SERVICES: "shop", RECOMMENDATIONS_URL: "http://recs.internal" },
      'PRODUCT_SERVICES: "shop" is not name=http(s)://url',
    ],
    [{ INTROSPECTION: "maybe" }, "INTROSPECTION: must be true or false"],
    [
      { TRUST_PROXY: "true" },
      "TRUST_PROXY: trusting every proxy lets any client choose its address: give the number of proxies in front of the gateway, or their addresses",
    ],
    [
      { TRUST_PROXY: "10.0.0.0/8, proxy.internal" },
      'TRUST_PROXY: "proxy.internal" is not an address, a CIDR range, loopback, linklocal or uniquelocal',
    ],
    [
      { TRUST_PROXY: "10.0.0.0/33" },
      'TRUST_PROXY: "10.0.0.0/33" is not an address, a CIDR range, loopback, linklocal or uniquelocal',
    ],
    [
      { LOG_LEVEL: "loud" },
      'LOG_LEVEL: Invalid option: expected one of "fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent"',
    ],
  ])("refuses %o naming the variable", (env, problem) => {
    expect(problemsOf(env)).toEqual([problem]);
  });

  it("lists every bad variable at once, not just the first", () => {
    const problems = problemsOf({ PORT: "abc", INTROSPECTION: "maybe", MAX_DEPTH: "1" });
    expect(problems.map((problem) => problem.split(":")[0])).toEqual(["PORT", "INTROSPECTION", "MAX_DEPTH"]);
  });

  it("reads TRUST_PROXY as no trust, a hop count, or proxies by address, range or name", () => {
    expect(loadConfig({}).TRUST_PROXY).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: "false" }).TRUST_PROXY).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "loopback, 10.0.0.0/8, fd00::/8, 192.0.2.1" }).TRUST_PROXY).toEqual([
      "loopback",
      "10.0.0.0/8",
      "fd00::/8",
      "192.0.2.1",
    ]);
  });

  it("takes only trusted documents by default in production, and as told otherwise", () => {
    const secret = { JWT_SECRET: "x".repeat(32) };
    expect(loadConfig({}).trustedDocumentsOnly).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", ...secret }).trustedDocumentsOnly).toBe(true);
    expect(
      loadConfig({ NODE_ENV: "production", TRUSTED_DOCUMENTS_ONLY: "false", ...secret }).trustedDocumentsOnly,
    ).toBe(false);
    expect(loadConfig({ TRUSTED_DOCUMENTS_ONLY: "true" }).trustedDocumentsOnly).toBe(true);
    expect(loadConfig({ TRUSTED_DOCUMENTS: " a.json, b.json ," }).TRUSTED_DOCUMENTS).toEqual([
      "a.json",
      "b.json",
    ]);
    expect(problemsOf({ TRUSTED_DOCUMENTS_ONLY: "maybe" })).toEqual([
      "TRUSTED_DOCUMENTS_ONLY: must be true or false",
    ]);
  });

  it("treats an empty variable as unset", () => {
    const config = loadConfig({ PORT: "", REDIS_URL: "" });
    expect(config.PORT).toBe(4000);
    expect(config.REDIS_URL).toBeUndefined();
  });
});

describe("start-up with a bad variable", () => {
  it("exits with code 1 and names the variable on stderr", async () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const child = spawn("npx", ["tsx", "src/main.ts"], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "development", PORT: "abc", REDIS_URL: "", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: string[] = [];
    const stderr: string[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 50_000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    clearTimeout(timer);
    expect(code).toBe(1);
    expect(stderr.join("")).toContain(
      "Invalid configuration:\n  - PORT: Invalid input: expected number, received NaN",
    );
    // It stopped before listening.
    expect(stdout.join("")).not.toContain("home-gateway listening");
  }, 60_000);
});
