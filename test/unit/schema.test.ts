import { describe, expect, it } from "vitest";
import { type GraphQLObjectType, isInterfaceType, isObjectType, isUnionType } from "graphql";
import { buildGatewaySchema } from "../../src/resolvers/schema.js";

describe("gateway schema", () => {
  it("resolves every abstract type synchronously by __typename (no promise per section, tile or action)", async () => {
    const schema = await buildGatewaySchema();
    const abstract = Object.values(schema.getTypeMap()).filter(
      (type) => isInterfaceType(type) || isUnionType(type),
    );
    expect(abstract.map((type) => type.name)).toEqual(
      expect.arrayContaining(["Node", "Section", "Tile", "Action", "HomeUpdate"]),
    );
    for (const type of abstract) {
      const concrete = schema.getPossibleTypes(type)[0];
      if (!concrete) throw new Error(`${type.name} has no possible types`);
      const resolved = type.resolveType?.({ __typename: concrete.name }, {}, {} as never, type);
      expect(resolved, type.name).toBe(concrete.name);
    }
  });

  it("reads the fields of every output object directly, with no per-field wrapper", async () => {
    const schema = await buildGatewaySchema();
    const roots = new Set([schema.getQueryType(), schema.getSubscriptionType(), schema.getMutationType()]);
    const wrapped = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !roots.has(type) && !type.name.startsWith("__"))
      .flatMap((type) =>
        Object.values((type as GraphQLObjectType).getFields())
          .filter((field) => field.resolve !== undefined)
          .map((field) => `${type.name}.${field.name}`),
      );
    expect(wrapped).toEqual([]);
  });

  it("leaves a value without a __typename unresolved, for graphql-js to report", async () => {
    const schema = await buildGatewaySchema();
    const node = schema.getType("Node");
    if (!isInterfaceType(node)) throw new Error("Node is not an interface");
    expect(node.resolveType?.({}, {}, {} as never, node)).toBeUndefined();
  });
});
