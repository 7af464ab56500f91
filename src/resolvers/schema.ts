import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { HomeResolver } from "./home-resolver.js";
import { ORPHANED_TYPES } from "./types.js";

/** The executable schema; the same one `npm run schema` prints to schema.graphql. */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [HomeResolver], orphanedTypes: ORPHANED_TYPES, validate: false });
}

/** The SDL committed as schema.graphql: sorted, so the file changes only when the schema does. */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
