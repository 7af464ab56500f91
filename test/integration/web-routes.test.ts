import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenVerifier } from "../../src/inbound/auth.js";
import { DEV_JWT_SECRET } from "../../src/config.js";
import { DEMO_USERS } from "../../src/composition/upstreams.js";
import { developmentDemoTokens } from "../../src/inbound/web/demo-tokens.js";
import { type WebGateway, startWebGateway } from "../support/web-gateway.js";

describe("demo tokens", () => {
  it("are minted only with the public development secret", async () => {
    expect(
      developmentDemoTokens({ secret: "a-real-secret-that-is-long-enough-for-hs256", users: DEMO_USERS }),
    ).toBe(undefined);
    expect(developmentDemoTokens({ secret: undefined, users: DEMO_USERS })).toBe(undefined);

    const mint = developmentDemoTokens({ secret: DEV_JWT_SECRET, issuer: "dev", users: DEMO_USERS });
    const tokens = await (mint as NonNullable<typeof mint>)();
    expect(tokens.map((token) => token.id)).toEqual(DEMO_USERS.map((user) => user.id));
    const verifier = new TokenVerifier({ secret: DEV_JWT_SECRET, issuer: "dev" });
    for (const token of tokens) {
      expect(await verifier.viewerOf(token.authorization)).toEqual({ kind: "user", id: token.id });
    }
  });
});

describe("the web routes", () => {
  let gateway: WebGateway;
  beforeAll(async () => {
    gateway = await startWebGateway();
  });
  afterAll(async () => {
    await gateway.stop();
  });

  it("serve the built playground and renderer with a same-origin-only policy", async () => {
    for (const page of ["playground", "renderer"]) {
      const response = await fetch(`${gateway.origin}/${page}/`);
      expect(response.status, page).toBe(200);
      const policy = response.headers.get("content-security-policy") ?? "";
      expect(policy, page).toMatch(/default-src 'none'/);
      expect(policy, page).toMatch(/connect-src 'self'(;|$)/);
      expect(policy, page).not.toMatch(/https?:/);
      expect(response.headers.get("cache-control")).toBe("no-cache");
      const html = await response.text();
      const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] as string);
      expect(assets.length, page).toBeGreaterThan(0);
      for (const asset of assets.filter((url) => !url.startsWith("data:"))) {
        expect(asset).toMatch(new RegExp(`^/${page}/assets/`));
        const served = await fetch(`${gateway.origin}${asset}`);
        expect(served.status, asset).toBe(200);
        expect(served.headers.get("cache-control"), asset).toMatch(/immutable/);
      }
    }
  });

  it("offer demo tokens when given them, never cached", async () => {
    const response = await fetch(`${gateway.origin}/renderer/demo-tokens`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { users: { id: string; authorization: string }[] };
    expect(body.users.map((user) => user.id)).toEqual(DEMO_USERS.map((user) => user.id));
  });

  it("send a browser opening /graphql to the playground, and leave API clients alone", async () => {
    const browser = await fetch(`${gateway.origin}/graphql`, {
      headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" },
      redirect: "manual",
    });
    expect(browser.status).toBe(302);
    expect(browser.headers.get("location")).toBe("/playground/");
    const client = await fetch(`${gateway.origin}/graphql?query=${encodeURIComponent("{ home { id } }")}`, {
      headers: { accept: "text/html, application/json", "apollo-require-preflight": "true" },
    });
    expect(await client.json()).toEqual({ data: { home: { id: "home:anonymous" } } });
  });
});

describe("the web routes, configured off or unbuilt", () => {
  let gateway: WebGateway;
  let unbuilt: WebGateway;
  beforeAll(async () => {
    gateway = await startWebGateway({ web: { playground: false, renderer: true, demoTokens: undefined } });
    unbuilt = await startWebGateway({ web: { assetsDir: "/nonexistent/dist-web" } });
  });
  afterAll(async () => {
    await gateway.stop();
    await unbuilt.stop();
  });

  it("serve nothing for a page that is off, and no tokens without the development secret", async () => {
    expect((await fetch(`${gateway.origin}/playground/`)).status).toBe(404);
    const redirect = await fetch(`${gateway.origin}/graphql`, {
      headers: { accept: "text/html" },
      redirect: "manual",
    });
    expect(redirect.status).not.toBe(302);
    expect((await fetch(`${gateway.origin}/renderer/`)).status).toBe(200);
    const tokens = await fetch(`${gateway.origin}/renderer/demo-tokens`);
    expect(tokens.status).toBe(404);
    expect(await tokens.json()).toMatchObject({ error: expect.stringMatching(/development only/) });
  });

  it("say how to build the pages when they are missing", async () => {
    const response = await fetch(`${unbuilt.origin}/renderer/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build:web/);
  });
});
