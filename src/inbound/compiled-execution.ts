import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import {
  type DocumentNode,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  execute,
  getVariableValues,
} from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";

type Gateway = ApolloServerOptionsWithGateway<BaseContext>["gateway"];
type Executor = NonNullable<Awaited<ReturnType<Gateway["load"]>>["executor"]>;

/** What graphql-js allows of variable coercion errors before it gives up (its `execute`'s default). */
const MAX_VARIABLE_ERRORS = 50;

/**
 * Apollo's documented hook for another executor, a gateway whose schema never changes: HTTP
 * operations run as queries compiled by graphql-jit, one per document and operation name (Apollo's
 * document store keeps one DocumentNode per query text), and graphql-js runs what jit cannot
 * compile. The socket does not come here: it runs graphql-js as before.
 *
 * Kept identical to graphql-js's answers: variables are coerced by graphql-js first (its errors,
 * its messages), and jit's errors become graphql-js errors (jit's have no `extensions` when the
 * cause has none, where Apollo's error formatting expects an object).
 */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  function compiledFor(document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
    let byName = compiled.get(document);
    if (!byName) {
      byName = new Map();
      compiled.set(document, byName);
    }
    const name = operationName ?? "";
    let query = byName.get(name);
    if (query === undefined) {
      const attempt = compileQuery(schema, document, operationName);
      query = isCompiledQuery(attempt) ? attempt : null;
      byName.set(name, query);
    }
    return query;
  }

  const executor: Executor = async ({ document, operation, request, context }) => {
    const { operationName, variables } = request;
    // No operation resolved (Apollo goes on to execution so that graphql-js names the error): jit
    // reads an empty operation name as none and would run the only operation instead.
    const query = operation ? compiledFor(document, operationName) : null;
    if (!query) {
      return await execute({
        schema,
        document,
        contextValue: context,
        variableValues: variables,
        operationName,
      });
    }
    const definitions = operation?.variableDefinitions ?? [];
    if (definitions.length > 0) {
      const coerced = getVariableValues(schema, definitions, variables ?? {}, {
        maxErrors: MAX_VARIABLE_ERRORS,
      });
      if (coerced.errors) return { errors: coerced.errors };
    }
    const result: ExecutionResult = await query.query(undefined, context, variables ?? {});
    if (!result.errors) return result;
    return { ...result, errors: result.errors.map(asGraphqlJsError) };
  };

  let loaded: Parameters<Gateway["onSchemaLoadOrUpdate"]>[0] | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      loaded = callback;
      return () => {
        loaded = undefined;
      };
    },
    async load() {
      loaded?.({ apiSchema: schema, coreSupergraphSdl: "" });
      return { executor };
    },
    async stop() {},
  };
}

/** jit's error as graphql-js makes it: same message, locations, path, cause and extensions. */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const cause = error.originalError ?? undefined;
  const answer = new GraphQLError(error.message, {
    path: error.path,
    originalError: cause,
    extensions: error.extensions,
  });
  (answer as { locations: GraphQLError["locations"] }).locations = error.locations;
  return answer;
}
