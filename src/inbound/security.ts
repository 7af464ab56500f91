import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { ApolloServerPlugin } from "@apollo/server";
import type { ValidationRule } from "graphql";

/** Bounds on what one operation may ask for; the same on HTTP and on the socket. */
export interface OperationLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxCost: number;
  readonly maxDirectives: number;
  /** "Did you mean ...?" suggestions leak the schema; hidden when introspection is off. */
  readonly hideSuggestions: boolean;
}

export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 2_000,
  maxCost: 20_000,
  maxDirectives: 20,
  hideSuggestions: false,
};

/** graphql-armor's protections: Apollo plugins for HTTP, and the validation rules the socket re-applies. */
export function operationProtections(limits: OperationLimits): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
} {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    // armor's token plugin throws from a parsing hook, which Apollo answers with 500; the gateway
    // passes `maxTokens` to graphql's own parser instead (a 400 GRAPHQL_PARSE_FAILED, on both paths).
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true },
    maxDirectives: { n: limits.maxDirectives },
    // armor masks suggestions as "[Suggestion hidden]?"; Apollo's hideSchemaDetailsFromClientErrors
    // removes them on HTTP, and the socket uses `withoutSuggestions`.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  // armor's declarations name Apollo's CommonJS types; the objects are the same plugins.
  return { plugins: plugins as unknown as ApolloServerPlugin[], validationRules };
}

/** A validation message without its "Did you mean ...?" (what Apollo's own option removes on HTTP). */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean(.+?)\?$/, "");
}
