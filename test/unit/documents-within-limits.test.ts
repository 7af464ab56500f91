import { parse, print, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { buildGatewaySchema } from "../../src/resolvers/schema.js";
import { DEFAULT_LIMITS, operationProtections } from "../../src/inbound/security.js";
import { EXAMPLE_TABS } from "../../web/playground/examples.js";
import * as renderer from "../../web/renderer/gql/graphql.js";
import * as documents from "../gql/graphql.js";

// The project's own operations must pass the default limits (depth, cost, aliases) they are served
// under: a fragment spread counts as a level of depth, and each list of tiles multiplies the cost.
const operations: [string, string][] = [
  ...Object.entries(documents)
    .filter(([name]) => name.endsWith("Document"))
    .map(([name, document]): [string, string] => [name, print(document as Parameters<typeof print>[0])]),
  ...Object.entries(renderer)
    .filter(([name]) => name.endsWith("Document"))
    .map(([name, document]): [string, string] => [name, String(document)]),
  ...EXAMPLE_TABS.map((tab, index): [string, string] => [`playground tab ${index + 1}`, tab.query]),
];

describe("the project's operations", () => {
  it.each(operations)("%s is valid within the default limits", async (_name, text) => {
    const schema = await buildGatewaySchema();
    const { validationRules } = operationProtections(DEFAULT_LIMITS);
    expect(
      validate(schema, parse(text), [...specifiedRules, ...validationRules]).map((e) => e.message),
    ).toEqual([]);
  });
});
