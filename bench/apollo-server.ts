/**
 * The price of Apollo Server alone: a plain Apollo Server 5 (standalone, its own node:http server,
 * no express, none of our plugins) over the gateway's own schema, whose `home` returns the screen a
 * warm gateway answered (recorded), so it executes and serialises the same ~1,000 fields. What the
 * gateway costs beyond this is the share of our own code: auth, rate limiting, caches, building the
 * screen, logging, express.
 * Usage: PORT=<port> node --import tsx bench/apollo-server.ts <recorded-response.json>
 */
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSchema } from "graphql";

interface RecordedResponse {
  readonly body: string;
}

const file = process.argv[2];
if (!file) {
  console.error("usage: apollo-server.ts <recorded-response.json>");
  process.exit(2);
}
const recorded = JSON.parse(readFileSync(file, "utf8")) as RecordedResponse;
const { data } = JSON.parse(recorded.body) as { data: { home: unknown } };
// The committed SDL: the same types; scalars pass the recorded strings through, and abstract types
// resolve by the recorded `__typename` (graphql-js's default), as ours do.
const schema = buildSchema(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8"));
const server = new ApolloServer({
  schema,
  rootValue: { home: () => data.home },
  // Apollo's defaults, less the cache-control plugin the gateway turns off too (it costs 20-35 %).
  plugins: [ApolloServerPluginCacheControlDisabled()],
});
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT ?? 0), host: "127.0.0.1" },
});
console.error(`plain Apollo Server at ${url}`);
process.once("SIGTERM", () => {
  void server.stop().then(() => process.exit(0));
});
