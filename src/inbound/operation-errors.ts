import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError, OperationTypeNode } from "graphql";
import { DomainError, type Logger } from "../domain/index.js";

/** Refuses subscriptions and mutations on HTTP with 400 before anything runs. */
export function httpQueriesOnly<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (!operation || operation.operation === OperationTypeNode.QUERY) return;
          const message =
            operation.operation === OperationTypeNode.SUBSCRIPTION
              ? "Subscriptions are served over the WebSocket (graphql-transport-ws) on this path, not over HTTP"
              : "This API has no mutations: HTTP accepts queries only";
          throw new GraphQLError(message, {
            extensions: { code: "OPERATION_NOT_SUPPORTED", http: { status: 400 } },
          });
        },
      };
    },
  };
}

/** Logs every error of an operation that no client input explains, with the operation and cause. */
export function unexpectedErrorLogging<Context extends BaseContext>(
  logger: Logger,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName, operation }) {
          logUnexpectedErrors(logger, errors, {
            transport: "http",
            operation: operationName ?? operation?.name?.value ?? null,
          });
        },
      };
    },
  };
}

/** The same, for the socket (graphql-ws runs beside Apollo, so its plugins never see it). */
export function logUnexpectedErrors(
  logger: Logger,
  errors: readonly GraphQLError[],
  context: { readonly transport: "http" | "socket"; readonly operation: string | null },
): void {
  for (const error of errors) {
    if (!isUnexpected(error)) continue;
    logger.error(
      { ...context, path: error.path?.join("."), err: error.originalError ?? error },
      "operation failed unexpectedly",
    );
  }
}

function isUnexpected(error: GraphQLError): boolean {
  const code = error.extensions["code"];
  if (code !== undefined && code !== "INTERNAL_SERVER_ERROR") return false;
  return !(error.originalError instanceof DomainError);
}
