import type { Server } from "node:http";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import { tracingPlugin } from "../adapters/otel-tracing.js";
import { DomainError, type EdgeMetrics, type Logger } from "../domain/index.js";
import type { GatewayContext } from "../resolvers/context.js";
import { type CompiledExecutionOptions, compiledExecution } from "./compiled-execution.js";
import { httpQueriesOnly, unexpectedErrorLogging } from "./operation-errors.js";
import type { OperationLimits, operationProtections } from "./security.js";
import {
  type PersistedQueries,
  type TrustedDocuments,
  persistedQueryErrorCode,
  trustedDocumentsPlugin,
} from "./trusted-documents.js";

export interface ApolloOptions {
  readonly schema: GraphQLSchema;
  readonly httpServer: Server;
  readonly production: boolean;
  readonly introspection: boolean;
  readonly limits: OperationLimits;
  readonly protections: ReturnType<typeof operationProtections>;
  readonly persistedQueries: PersistedQueries;
  readonly trustedDocuments: { readonly trusted: TrustedDocuments; readonly only: boolean };
  readonly traced: boolean;
  readonly edgeMetrics?: EdgeMetrics | undefined;
  readonly logger: Logger;
  /** Runs while Apollo drains, after HTTP stopped taking requests (the socket server closes there). */
  readonly drain: () => Promise<void>;
  /** When HTTP operations are compiled (graphql-jit); the defaults when absent. */
  readonly execution?: CompiledExecutionOptions | undefined;
}

/** Apollo Server for GraphQL over HTTP: the limits, the manifest, and the errors HTTP clients get. */
export function createApollo(options: ApolloOptions): ApolloServer<GatewayContext> {
  const { httpServer, production, limits, protections } = options;
  return new ApolloServer<GatewayContext>({
    // HTTP operations run compiled (graphql-jit); the socket runs graphql-js beside Apollo.
    gateway: compiledExecution(options.schema, options.execution),
    introspection: options.introspection,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production || limits.hideSuggestions,
    // Shutdown is ours (main.ts): Apollo's own handler would re-raise the signal mid-drain.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => {
      const answered = formatError(formatted, error, production);
      options.edgeMetrics?.graphqlError(String(answered.extensions?.code ?? "INTERNAL_SERVER_ERROR"));
      return answered;
    },
    // armor's depth, alias, cost and directive limits are validation rules, not plugins.
    validationRules: protections.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    persistedQueries: { cache: options.persistedQueries.forApollo() },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...protections.plugins,
      ...(options.traced ? [tracingPlugin<GatewayContext>()] : []),
      trustedDocumentsPlugin(options.trustedDocuments),
      httpQueriesOnly(),
      unexpectedErrorLogging(options.logger),
      {
        async serverWillStart() {
          return { drainServer: options.drain };
        },
      },
      // Every home response is personal: HTTP cache hints would be wrong, and they cost throughput.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
}

/** Stable `extensions.code` on every error; no internals in production. */
function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  production: boolean,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) {
    return {
      ...formatted,
      message: original.message,
      extensions: { ...formatted.extensions, code: original.code },
    };
  }
  const persistedQueryCode = persistedQueryErrorCode(formatted.message);
  if (persistedQueryCode) {
    return { ...formatted, extensions: { ...formatted.extensions, code: persistedQueryCode } };
  }
  const code = formatted.extensions?.code;
  if (production && (code === undefined || code === "INTERNAL_SERVER_ERROR")) {
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  }
  return formatted;
}
