import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintToken } from "../../src/inbound/auth.js";
import { GatewayProcesses, type GatewayProcess, tokenFor } from "../support/gateways.js";
import { RawSocket } from "../support/raw-socket.js";
import { type RedisServer, startRedisServer, testKeyPrefix } from "../support/redis-server.js";
import { waitFor } from "../support/wait-for.js";

// A real gateway process, logging at info to stdout as in production, is sent every credential a
// client or an operator could give it; none of them may appear in what it logged.

const secret = (label: string): string => `${label}-${randomBytes(12).toString("hex")}`;
const RIGHT_PASSWORD = secret("redis-right");
const WRONG_PASSWORD = secret("redis-wrong");
const COOKIE = secret("cookie");
const API_KEY = secret("api-key");

let redis: RedisServer;
const processes = new GatewayProcesses();
let gateway: GatewayProcess;

beforeAll(async () => {
  redis = await startRedisServer({ password: RIGHT_PASSWORD });
  const url = new URL(redis.url);
  url.password = WRONG_PASSWORD;
  gateway = await processes.start({
    redisUrl: url.toString(),
    keyPrefix: testKeyPrefix("log-redaction"),
    env: { LOG_LEVEL: "info" },
  });
}, 90_000);
afterAll(async () => {
  await processes.killAll();
  await redis.stop();
});

describe("credentials in the logs", () => {
  it("no token, cookie, API key or Redis password appears in a run that used them all", async () => {
    const good = await tokenFor("alice");
    const forged = await mintToken("mallory", {
      secret: "a-guessed-secret-that-is-long-enough-too",
      expiresIn: "1h",
    });
    const onSocket = await tokenFor("bob");
    const post = (headers: Record<string, string>) =>
      fetch(`${gateway.origin}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query: "{ home { id } }" }),
      });
    expect((await post({ authorization: `Bearer ${good}`, cookie: `session=${COOKIE}` })).status).toBe(200);
    expect((await post({ authorization: `Bearer ${forged}`, "x-api-key": API_KEY })).status).toBe(401);
    const get = await fetch(`${gateway.origin}/graphql?query=${encodeURIComponent("{ home { id } }")}`, {
      headers: {
        authorization: `Bearer ${good}`,
        "apollo-require-preflight": "true",
        "proxy-authorization": `Basic ${API_KEY}`,
      },
    });
    expect(get.status).toBe(200);
    const socket = new RawSocket(`${gateway.origin}/graphql`);
    expect(await socket.init({ authorization: `Bearer ${onSocket}`, cookie: COOKIE })).toBe("acked");
    socket.close();
    const refused = new RawSocket(`${gateway.origin}/graphql`);
    expect(await refused.init({ authorization: `Bearer ${forged}` })).toBe("closed");

    // Every request was logged, and the refused Redis password with the command that carried it.
    const requestLines = () =>
      gateway
        .logs()
        .filter((line) => (line["req"] as { url?: string } | undefined)?.url?.startsWith("/graphql"));
    await waitFor(() => requestLines().length >= 3, { timeoutMs: 5_000, what: "three request lines" });
    const authFailure = await waitFor(
      () =>
        gateway
          .logs()
          .find(
            (line) => (line["err"] as { command?: { name?: string } } | undefined)?.command?.name === "auth",
          ),
      { timeoutMs: 10_000, what: "the refused AUTH logged" },
    );

    const output = gateway.output();
    for (const [what, value] of [
      ["the good token", good],
      ["the forged token", forged],
      ["the socket's token", onSocket],
      ["the cookie", COOKIE],
      ["the API key", API_KEY],
      ["the Redis password sent", WRONG_PASSWORD],
      ["the Redis password expected", RIGHT_PASSWORD],
    ] as const) {
      expect(output.includes(value), `${what} is in the logs`).toBe(false);
    }
    // Redacted where they were, not simply never logged.
    expect((authFailure["err"] as { command: unknown }).command).toEqual({
      name: "auth",
      args: "[Redacted]",
    });
    const headers = requestLines().map(
      (line) => (line["req"] as { headers: Record<string, string> }).headers,
    );
    expect(headers.map((each) => each["authorization"])).toEqual(["[Redacted]", "[Redacted]", "[Redacted]"]);
    expect(headers.map((each) => each["cookie"]).filter(Boolean)).toEqual(["[Redacted]"]);
  }, 60_000);
});
