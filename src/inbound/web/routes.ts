import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import type { DemoTokens } from "./demo-tokens.js";

export type { DemoTokens, DemoUserToken } from "./demo-tokens.js";

export interface WebOptions {
  /** GraphiQL at /playground (and GET /graphql from a browser redirects there). */
  readonly playground: boolean;
  /** The reference renderer at /renderer. */
  readonly renderer: boolean;
  /** Offered at GET /renderer/demo-tokens; see `developmentDemoTokens`, which decides when. */
  readonly demoTokens?: DemoTokens | undefined;
  /** Where `npm run build:web` writes the pages; defaults to dist-web/ at the project root. */
  readonly assetsDir?: string;
}

// The same from src/web (tsx, vitest) and from dist/web (npm start).
const DEFAULT_ASSETS_DIR = fileURLToPath(new URL("../../../dist-web/", import.meta.url));

/**
 * Nothing on these pages may load from anywhere but this gateway: they must work with no internet,
 * and the policy makes the browser refuse (and report) any attempt to reach elsewhere.
 */
const SELF_ONLY = ["default-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"];
const POLICIES = {
  playground: [
    ...SELF_ONLY,
    "script-src 'self'",
    // Monaco's editor and its workers; the editor sets styles inline as it lays text out.
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
  ].join("; "),
  renderer: [
    ...SELF_ONLY,
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
  ].join("; "),
} as const;

/**
 * The gateway's own web pages, built by `npm run build:web` and served as static files: GraphiQL
 * (self-hosted, no CDN) and the reference renderer. Mount before the 404 handler.
 */
export function webRoutes(options: WebOptions): Router {
  const router = express.Router();
  const assetsDir = options.assetsDir ?? DEFAULT_ASSETS_DIR;

  if (options.playground) {
    // A browser opening the endpoint gets the playground, as Apollo's landing pages do.
    router.get("/graphql", (req, res, next) => {
      const fromBrowser = req.accepts(["application/json", "application/graphql-response+json", "text/html"]);
      if (req.query.query === undefined && fromBrowser === "text/html")
        return res.redirect(302, "/playground/");
      next();
    });
    servePage(router, "playground", assetsDir);
  }

  if (options.renderer) {
    const demoTokens = options.demoTokens;
    router.get("/renderer/demo-tokens", async (_req, res, next) => {
      res.set("cache-control", "no-store");
      if (!demoTokens) {
        res
          .status(404)
          .json({ error: "demo tokens are offered in development only (public development secret)" });
        return;
      }
      try {
        res.json({ users: await demoTokens() });
      } catch (error) {
        next(error);
      }
    });
    servePage(router, "renderer", assetsDir);
  }

  return router;
}

function servePage(router: Router, page: keyof typeof POLICIES, assetsDir: string): void {
  const directory = join(assetsDir, page);
  let built = false;
  router.use(
    `/${page}`,
    (_req: Request, res: Response, next: NextFunction) => {
      res.set({
        "content-security-policy": POLICIES[page],
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
      });
      built ||= existsSync(join(directory, "index.html"));
      if (built) return next();
      res
        .status(503)
        .type("text/plain")
        .send(`/${page} is not built: run \`npm run build:web\` (npm run build and npm start do it too).`);
    },
    express.static(directory, {
      index: "index.html",
      setHeaders(res, path) {
        // Asset names carry a content hash; the pages themselves must be revalidated.
        res.setHeader(
          "cache-control",
          path.endsWith(".html") ? "no-cache" : "public, max-age=31536000, immutable",
        );
      },
    }),
  );
}
