/**
 * Builds the pages the gateway serves itself (src/inbound/web/routes.ts): GraphiQL at /playground and the
 * reference renderer at /renderer, each into dist-web/<page>/ with its assets under its own path.
 * Everything the pages load is bundled here, so they work with no internet.
 *
 * Skips the build when dist-web/ was built from the same sources and lockfile (a stamp holds their
 * hash): `npm start` and `npm test` both build, and a test run must never swap the files of a page
 * that a browser test is loading. `--force` builds anyway.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const PAGES = ["playground", "renderer"] as const;
const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = join(root, "dist-web");
const stampFile = join(outDir, ".build-stamp");

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** What the output depends on: the page sources, this script and the exact dependency versions. */
async function sourceHash(): Promise<string> {
  const files = [
    ...(await filesUnder(join(root, "web"))),
    fileURLToPath(import.meta.url),
    join(root, "package-lock.json"),
  ].sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash
      .update(relative(root, file))
      .update("\0")
      .update(await readFile(file))
      .update("\0");
  }
  return hash.digest("hex");
}

const hash = await sourceHash();
const built = PAGES.every((page) => existsSync(join(outDir, page, "index.html")));
const stamp = await readFile(stampFile, "utf8").catch(() => "");
if (built && stamp === hash && !process.argv.includes("--force")) {
  console.log("dist-web is up to date");
  process.exit(0);
}

for (const page of PAGES) {
  const startedMs = Date.now();
  await build({
    configFile: false,
    root: join(root, "web", page),
    base: `/${page}/`,
    logLevel: "warn",
    build: {
      outDir: join(outDir, page),
      emptyOutDir: true,
      // GraphiQL's editor (Monaco) is megabytes by nature; it is served locally, so that is fine.
      chunkSizeWarningLimit: 4_096,
      reportCompressedSize: false,
      rolldownOptions: {
        onwarn(warning, warn) {
          // React libraries mark modules "use client"; meaningless in a plain bundle.
          if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
          warn(warning);
        },
      },
    },
    worker: { format: "es" },
  });
  console.log(`built dist-web/${page} in ${Date.now() - startedMs} ms`);
}
await writeFile(stampFile, hash);
