import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  OperationTypeNode,
  getOperationAST,
  getVariableValues,
} from "graphql";
import type { SubscribePayload } from "graphql-ws";
import type { Logger } from "../domain/index.js";
import type { ValidatedDocuments } from "./document-cache.js";
import { withoutSuggestions } from "./security.js";
import {
  type PersistedQueries,
  type TrustedDocuments,
  resolveSocketSource,
  socketTrustCheck,
} from "./trusted-documents.js";

export interface SubscriptionChecks {
  readonly schema: GraphQLSchema;
  readonly documents: ValidatedDocuments;
  readonly logger: Logger;
  /** Strip "Did you mean ...?" from validation errors, as HTTP does. */
  readonly hideSuggestions: boolean;
  readonly maxSubscriptionsPerConnection: number;
  /** APQ on the socket, sharing HTTP's registrations. */
  readonly persistedQueries: PersistedQueries;
  readonly trustedDocuments: { readonly trusted: TrustedDocuments; readonly only: boolean };
}

/**
 * What HTTP checks for an operation, for a `subscribe` on the socket (graphql-ws never passes
 * through Apollo): the persisted query, the bound on subscriptions per connection, parse and
 * validation with the same limits, subscriptions only, the manifest, and the variables. The errors
 * carry the codes HTTP clients get for the same document. An accepted subscription's `id` is in
 * `open` when this resolves: taken in the same tick as the count, so that subscribes arriving
 * together each see the others.
 */
export async function checkSubscription(
  payload: SubscribePayload,
  id: string,
  open: Set<string>,
  checks: SubscriptionChecks,
): Promise<{ document: DocumentNode } | { errors: readonly GraphQLError[] }> {
  // Awaited before the count below: from the count to `open.add` nothing may await.
  const source = await resolveSocketSource(payload, checks.persistedQueries, (error) =>
    checks.logger.warn({ err: error }, "persisted query not registered"),
  );
  if ("error" in source) return { errors: [source.error] };
  if (open.size >= checks.maxSubscriptionsPerConnection) {
    const message = `At most ${checks.maxSubscriptionsPerConnection} subscriptions per connection`;
    return { errors: [new GraphQLError(message, { extensions: { code: "TOO_MANY_SUBSCRIPTIONS" } })] };
  }
  const checked = checks.documents.get(source.query);
  if ("parseError" in checked) {
    const { message } = checked.parseError;
    return { errors: [new GraphQLError(message, { extensions: { code: "GRAPHQL_PARSE_FAILED" } })] };
  }
  if ("errors" in checked) {
    const errors = checked.errors.map(
      (error) =>
        new GraphQLError(checks.hideSuggestions ? withoutSuggestions(error.message) : error.message, {
          nodes: error.nodes,
          extensions: { ...error.extensions, code: "GRAPHQL_VALIDATION_FAILED" },
        }),
    );
    return { errors };
  }
  const document = checked.document;
  const operation = getOperationAST(document, payload.operationName);
  const refused = operationRefusal(operation, payload.operationName);
  if (refused) return { errors: [refused] };
  const untrusted = socketTrustCheck(document, checks.trustedDocuments);
  if (untrusted) return { errors: [untrusted] };
  source.accepted();
  // Coerced here so a bad variable gets the code HTTP gives it; graphql-ws would send the bare message.
  const coerced = getVariableValues(
    checks.schema,
    (operation as OperationDefinitionNode).variableDefinitions ?? [],
    payload.variables ?? {},
    { maxErrors: 10 },
  );
  if (coerced.errors) {
    const errors = coerced.errors.map(
      (error) =>
        new GraphQLError(error.message, {
          nodes: error.nodes,
          extensions: { ...error.extensions, code: "BAD_USER_INPUT" },
        }),
    );
    return { errors };
  }
  open.add(id);
  return { document };
}

/** Why the operation cannot run on the socket, if it cannot: none picked, or not a subscription. */
function operationRefusal(
  operation: OperationDefinitionNode | null | undefined,
  operationName: string | null | undefined,
): GraphQLError | undefined {
  if (!operation) {
    // What graphql-js (and so HTTP) says when the operation cannot be picked.
    const message = operationName
      ? `Unknown operation named "${operationName}".`
      : "Must provide operation name if query contains multiple operations.";
    return new GraphQLError(message, { extensions: { code: "OPERATION_RESOLUTION_FAILURE" } });
  }
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
    return new GraphQLError(
      "Only subscriptions are accepted over the socket; send queries to POST /graphql",
      {
        extensions: { code: "BAD_REQUEST" },
      },
    );
  }
  return undefined;
}
