import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { HomeResolver } from "./home-resolver.js";
import { LiveTilesResolver } from "./live-resolver.js";
import { LIVE_UPDATE_TYPES, ORPHANED_TYPES } from "./types.js";

/** The executable schema; the same one `npm run schema` prints to schema.graphql. */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [HomeResolver, LiveTilesResolver],
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
}

/** The SDL committed as schema.graphql: sorted, so the file changes only when the schema does. */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
