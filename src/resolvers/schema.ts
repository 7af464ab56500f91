import {
  type GraphQLSchema,
  isInterfaceType,
  isUnionType,
  lexicographicSortSchema,
  printSchema,
} from "graphql";
import { buildSchema } from "type-graphql";
import { HomeResolver } from "./home-resolver.js";
import { LiveTilesResolver } from "./live-resolver.js";
import { SectionResolver } from "./section-resolver.js";
import { LIVE_UPDATE_TYPES, ORPHANED_TYPES } from "./types.js";

/** The executable schema; the same one `npm run schema` prints to schema.graphql. */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [HomeResolver, SectionResolver, LiveTilesResolver],
    orphanedTypes: [...ORPHANED_TYPES, ...LIVE_UPDATE_TYPES],
    validate: false,
    // type-graphql insists on a PubSub once a @Subscription exists, for topic-based subscriptions.
    // Ours subscribe through the ChangeFeed port instead, so topics must never be used.
    pubSub: {
      publish: () => {
        throw new Error("topic-based subscriptions are not used: publish through the ChangeFeed port");
      },
      subscribe: () => {
        throw new Error("topic-based subscriptions are not used: subscribe through the ChangeFeed port");
      },
    },
  });
  resolveAbstractTypesSynchronously(schema);
  return schema;
}

/**
 * type-graphql wraps every `resolveType` in an async function, so each section, tile, action and
 * update would complete as a promise that graphql-js must wait for, and every object holding one
 * as a promise of its fields, for values that are plain objects carrying their `__typename`.
 * Every abstract type resolves by that name directly (docs/BENCHMARKS.md has the gain).
 */
function resolveAbstractTypesSynchronously(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isInterfaceType(type) || isUnionType(type)) type.resolveType = typenameOf;
  }
}

function typenameOf(value: unknown): string | undefined {
  const typename = (value as { __typename?: unknown } | null)?.__typename;
  return typeof typename === "string" ? typename : undefined;
}

/** The SDL committed as schema.graphql: sorted, so the file changes only when the schema does. */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
