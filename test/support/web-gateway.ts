import type { RequestListener, Server } from "node:http";
import express, { type Router } from "express";
import { DEMO_USERS } from "../../src/composition/upstreams.js";
import { type WebOptions, webRoutes } from "../../src/inbound/web/routes.js";
import { type TestApp, type TestAppOptions, createTestApp } from "./test-app.js";

export interface WebGateway {
  readonly app: TestApp;
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  stop(): Promise<void>;
}

/**
 * The test gateway listening on a real port with the web pages mounted, demo tokens for the demo
 * users (signed with the test secret), and fake time moving by itself (about 5x real time) so real
 * browsers and sockets meet the fake clock.
 */
export async function startWebGateway(
  options: { readonly web?: Partial<WebOptions>; readonly app?: TestAppOptions } = {},
): Promise<WebGateway> {
  const app = await createTestApp(options.app);
  const web: WebOptions = {
    playground: true,
    renderer: true,
    demoTokens: async () =>
      Promise.all(
        DEMO_USERS.map(async (user) => ({
          id: user.id,
          displayName: user.displayName,
          authorization: `Bearer ${await app.token(user.id)}`,
        })),
      ),
    ...options.web,
  };
  mountInFront(app.gateway.httpServer, webRoutes(web));
  const { url } = await app.gateway.listen({ port: 0, host: "127.0.0.1" });
  const pump = setInterval(() => void app.clock.advance(10), 2);
  return {
    app,
    origin: new URL(url).origin,
    async stop() {
      clearInterval(pump);
      await app.stop();
    },
  };
}

/**
 * Puts `router` in front of the gateway's own request handler, as src/app.ts does once it mounts
 * `webRoutes` itself (GatewayOptions.web); the WebSocket upgrade path is untouched.
 */
function mountInFront(server: Server, router: Router): void {
  const gateway = server.listeners("request") as RequestListener[];
  server.removeAllListeners("request");
  const front = express();
  front.disable("x-powered-by");
  front.use(router);
  front.use((req, res) => {
    for (const listener of gateway) void listener(req, res);
  });
  server.on("request", front);
}
