import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  type ValidationRule,
  parse,
  validate,
} from "graphql";
import { LRUCache } from "lru-cache";

/** Query text held at most, in characters: about what Apollo's own document store keeps for HTTP. */
const DEFAULT_MAX_QUERY_CHARS = 2_000_000;

/**
 * Parsed and validated documents by their text, for the socket, which does not go through Apollo's
 * document store: every subscription of the same query shares one DocumentNode, which its execution
 * holds for as long as it lives (a parse per subscription kept a token and location object per
 * token of the query, for each of them). Only valid documents are kept; a bad one is parsed and
 * refused again each time, so it costs its sender, not the cache.
 */
export class ValidatedDocuments {
  private readonly documents: LRUCache<string, DocumentNode>;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: readonly ValidationRule[],
    private readonly maxTokens: number,
    maxQueryChars = DEFAULT_MAX_QUERY_CHARS,
  ) {
    this.documents = new LRUCache({
      maxSize: maxQueryChars,
      sizeCalculation: (_document, query) => Math.max(1, query.length),
    });
  }

  /** The document of `query`, or why it is refused: a parse error, or the validation errors. */
  get(
    query: string,
  ): { document: DocumentNode } | { parseError: GraphQLError } | { errors: readonly GraphQLError[] } {
    const cached = this.documents.get(query);
    if (cached) return { document: cached };
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: this.maxTokens });
    } catch (error) {
      return {
        parseError:
          error instanceof GraphQLError ? error : new GraphQLError("The operation could not be parsed"),
      };
    }
    const errors = validate(this.schema, document, this.rules);
    if (errors.length > 0) return { errors };
    this.documents.set(query, document);
    return { document };
  }

  /** Documents held now. */
  get size(): number {
    return this.documents.size;
  }
}
