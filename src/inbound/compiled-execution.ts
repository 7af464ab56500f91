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

export interface CompiledExecutionOptions {
  /**
   * A document is compiled at its this-many-th execution; before, graphql-js runs it. Compiling
   * takes 15-50 ms of CPU for a screen's query (against about 1 ms to validate it), so a document
   * sent once (a hostile stream of unique queries, an engineer's playground) never pays it.
   */
  readonly compileAtRun?: number;
  /** Compilations per minute at most, for the process; past it, graphql-js runs until there is room. */
  readonly compilationsPerMinute?: number;
  /** Milliseconds, for the budget; tests pass a fake clock. */
  readonly now?: () => number;
  /** graphql-jit's compiler; tests count its calls. */
  readonly compile?: typeof compileQuery;
}

export const COMPILED_EXECUTION_DEFAULTS = { compileAtRun: 3, compilationsPerMinute: 30 } as const;

/** A document's executions so far, and its compiled query once there is one (null: jit cannot). */
interface Compilation {
  runs: number;
  query?: CompiledQuery | null;
}

/**
 * Apollo's documented hook for another executor, a gateway whose schema never changes: HTTP
 * operations that run often run as queries compiled by graphql-jit, one per document and operation
 * name (Apollo's document store keeps one DocumentNode per query text), and graphql-js runs the rest:
 * a document's first runs, what jit cannot compile, and anything past the compilation budget. The
 * socket does not come here: it runs graphql-js as before.
 *
 * Kept identical to graphql-js's answers: variables are coerced by graphql-js first (its errors,
 * its messages), and jit's errors become graphql-js errors (jit's have no `extensions` when the
 * cause has none, where Apollo's error formatting expects an object).
 */
export function compiledExecution(schema: GraphQLSchema, options: CompiledExecutionOptions = {}): Gateway {
  const compileAtRun = options.compileAtRun ?? COMPILED_EXECUTION_DEFAULTS.compileAtRun;
  const perMinute = options.compilationsPerMinute ?? COMPILED_EXECUTION_DEFAULTS.compilationsPerMinute;
  const now = options.now ?? (() => performance.now());
  const compile = options.compile ?? compileQuery;
  const compilations = new WeakMap<DocumentNode, Map<string, Compilation>>();
  /** When each of the last `perMinute` compilations happened, oldest first. */
  const recent: number[] = [];

  function withinBudget(): boolean {
    const at = now();
    while (recent.length > 0 && at - (recent[0] as number) >= 60_000) recent.shift();
    if (recent.length >= perMinute) return false;
    recent.push(at);
    return true;
  }

  function compiledFor(document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
    let byName = compilations.get(document);
    if (!byName) {
      byName = new Map();
      compilations.set(document, byName);
    }
    const name = operationName ?? "";
    let entry = byName.get(name);
    if (!entry) {
      entry = { runs: 0 };
      byName.set(name, entry);
    }
    if (entry.query !== undefined) return entry.query;
    entry.runs++;
    if (entry.runs < compileAtRun || !withinBudget()) return null;
    const attempt = compile(schema, document, operationName);
    entry.query = isCompiledQuery(attempt) ? attempt : null;
    return entry.query;
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
