/**
 * Prints the schema the code defines to schema.graphql. With --check, fails instead when the
 * committed file differs, so a schema change cannot land without its SDL.
 */
import "reflect-metadata";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildGatewaySchema, printGatewaySchema } from "../src/resolvers/schema.js";

const target = fileURLToPath(new URL("../schema.graphql", import.meta.url));
const sdl = printGatewaySchema(await buildGatewaySchema());

if (process.argv.includes("--check")) {
  const committed = await readFile(target, "utf8").catch(() => "");
  if (committed !== sdl) {
    console.error("schema.graphql is stale: run `npm run schema` and commit it.");
    process.exit(1);
  }
  console.log("schema.graphql is up to date.");
} else {
  await writeFile(target, sdl);
  console.log(`wrote ${target}`);
}
