import { readFile } from "node:fs/promises";
import { buildSchema, findBreakingChanges } from "graphql";
import { describe, expect, it } from "vitest";
import { buildGatewaySchema } from "../../src/resolvers/schema.js";

// The v1 schema exactly as it was released: later versions may only add to it.
const v1Sdl = await readFile(new URL("../fixtures/schema-v1.graphql", import.meta.url), "utf8");
const v1 = buildSchema(v1Sdl);

describe("schema compatibility with v1", () => {
  it("breaks nothing a v1 client relies on (graphql-js findBreakingChanges is empty)", async () => {
    const current = await buildGatewaySchema();
    expect(findBreakingChanges(v1, current)).toEqual([]);
  });

  it("would catch a field v1 clients select being removed", () => {
    const withoutTileTitle = buildSchema(v1Sdl.replace("\n  title: String!\n", "\n"));
    expect(findBreakingChanges(v1, withoutTileTitle)).not.toEqual([]);
  });
});
