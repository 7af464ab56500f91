import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CodedError } from "../domain/errors.js";
import type { ApolloServerPlugin } from "@apollo/server";
import {
  type KeyValueCache,
  type KeyValueCacheSetOptions,
  PrefixingKeyValueCache,
} from "@apollo/utils.keyvaluecache";
import { printExecutableGraphQLDocument } from "@graphql-tools/documents";
import { type DocumentNode, GraphQLError, Kind, type OperationDefinitionNode, parse, visit } from "graphql";

/**
 * Trusted documents and Apollo's automatic persisted queries (APQ), for HTTP and the socket alike.
 *
 * The manifest is what codegen writes beside each client's typed documents
 * (`persisted-documents.json`: the SHA-256 of a normalized document -> that document). Its documents
 * are always known by hash, so an app sends the hash alone and never has to register them. Other
 * documents may be registered the APQ way (hash and query together) and are then shared by every
 * instance through the registrations cache (Redis in Redis mode). With `only`, anything outside the
 * manifest is refused, except introspection, which stays governed by the `introspection` setting.
 */

/** `extensions.code` of every persisted-query and trusted-document refusal. */
export const PERSISTED_QUERY_CODES = {
  /** A hash the gateway does not know: send the query with it (APQ), or a manifest hash. */
  notFound: "PERSISTED_QUERY_NOT_FOUND",
  /** The query sent with a hash is not the document that hash names. */
  hashMismatch: "PERSISTED_QUERY_HASH_MISMATCH",
  /** `extensions.persistedQuery.version` other than 1. */
  versionNotSupported: "PERSISTED_QUERY_VERSION_NOT_SUPPORTED",
  /** TRUSTED_DOCUMENTS_ONLY: the operation is not in the manifest (Apollo Router's code for it). */
  notTrusted: "QUERY_NOT_IN_SAFELIST",
} as const;

/**
 * The project's own manifests: the client kit's operations and the reference renderer's. `npm run
 * build` copies them into dist/trusted-documents, so that dist/ runs without the source tree.
 */
export const PROJECT_MANIFESTS: readonly string[] = existsSync(
  new URL("../trusted-documents/", import.meta.url),
)
  ? [
      fileURLToPath(new URL("../trusted-documents/client.json", import.meta.url)),
      fileURLToPath(new URL("../trusted-documents/renderer.json", import.meta.url)),
    ]
  : [
      fileURLToPath(new URL("../../client/gql/persisted-documents.json", import.meta.url)),
      fileURLToPath(new URL("../../web/renderer/gql/persisted-documents.json", import.meta.url)),
    ];

export class ManifestError extends CodedError<"INVALID_TRUSTED_DOCUMENTS"> {
  constructor(message: string, options?: { cause?: unknown }) {
    super("INVALID_TRUSTED_DOCUMENTS", message, options);
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * What a document asks for, whatever its formatting, the order of its fields and fragments, and the
 * `__typename` fields a client cache adds (Apollo Client adds one to every selection set): the
 * SHA-256 of codegen's own normalized print of the document without them.
 */
function shapeOf(document: DocumentNode): string {
  const withoutTypenames = visit(document, {
    Field: (field) =>
      field.name.value === "__typename" && !field.alias && !field.directives?.length ? null : undefined,
  });
  return sha256(printExecutableGraphQLDocument(withoutTypenames));
}

/** The manifest: documents by hash, and the shapes of all of them to recognise one sent as text. */
export class TrustedDocuments {
  private readonly byHash = new Map<string, string>();
  private readonly shapes = new Set<string>();
  // Apollo's document store and the socket's ValidatedDocuments hand out one DocumentNode per text.
  private readonly verdicts = new WeakMap<DocumentNode, boolean>();

  /** Throws a ManifestError for an entry whose hash is not the SHA-256 of its document. */
  constructor(manifests: Iterable<readonly [hash: string, document: string]> = []) {
    for (const [hash, document] of manifests) {
      if (!SHA256_HEX.test(hash) || sha256(document) !== hash) {
        throw new ManifestError(`${hash} is not the SHA-256 of its document`);
      }
      let parsed: DocumentNode;
      try {
        parsed = parse(document);
      } catch (error) {
        throw new ManifestError(`the document of ${hash} does not parse`, { cause: error });
      }
      this.byHash.set(hash, document);
      this.shapes.add(shapeOf(parsed));
    }
  }

  /** The project's own manifests and `extra` ones (TRUSTED_DOCUMENTS). */
  static ofProject(extra: readonly string[] = []): TrustedDocuments {
    return TrustedDocuments.load([...PROJECT_MANIFESTS, ...extra]);
  }

  /** Reads codegen manifests (`persisted-documents.json`); a missing or malformed one throws. */
  static load(paths: readonly string[]): TrustedDocuments {
    const entries: [string, string][] = [];
    for (const path of paths) {
      let manifest: unknown;
      try {
        manifest = JSON.parse(readFileSync(path, "utf8"));
      } catch (error) {
        throw new ManifestError(`${path}: not a readable JSON manifest`, { cause: error });
      }
      if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) {
        throw new ManifestError(`${path}: expected an object of hash -> document`);
      }
      for (const [hash, document] of Object.entries(manifest)) {
        if (typeof document !== "string") throw new ManifestError(`${path}: ${hash} is not a document`);
        entries.push([hash, document]);
      }
    }
    try {
      return new TrustedDocuments(entries);
    } catch (error) {
      throw error instanceof ManifestError
        ? new ManifestError(`${paths.join(", ")}: ${error.message}`)
        : error;
    }
  }

  get size(): number {
    return this.byHash.size;
  }

  /** The manifest document with this hash. */
  document(hash: string): string | undefined {
    return this.byHash.get(hash);
  }

  /** True when `document` is one of the manifest's, however it was formatted or sent. */
  includes(document: DocumentNode): boolean {
    let verdict = this.verdicts.get(document);
    if (verdict === undefined) {
      verdict = this.shapes.has(shapeOf(document));
      this.verdicts.set(document, verdict);
    }
    return verdict;
  }
}

/**
 * Apollo's APQ cache: manifest documents first (never stored, never expire), then registrations.
 * Give Apollo `forApollo()`: Apollo prefixes the keys of a persisted-query cache itself unless told
 * not to, and the manifest is looked up by the bare hash.
 */
export class PersistedQueries implements KeyValueCache<string> {
  private readonly registrations: KeyValueCache<string>;

  constructor(
    readonly trusted: TrustedDocuments,
    registrations: KeyValueCache<string>,
  ) {
    this.registrations = new PrefixingKeyValueCache(registrations, "apq:");
  }

  forApollo(): KeyValueCache<string> {
    return PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(this);
  }

  async get(hash: string): Promise<string | undefined> {
    return this.trusted.document(hash) ?? (await this.registrations.get(hash));
  }

  async set(hash: string, query: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (this.trusted.document(hash) !== undefined) return;
    await this.registrations.set(hash, query, options);
  }

  async delete(hash: string): Promise<boolean | void> {
    return this.registrations.delete(hash);
  }
}

/** A refusal; on HTTP with status 400 (Apollo takes `extensions.http` out of the response). */
function refusal(code: string, message: string, options: { readonly http?: boolean } = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, ...(options.http && { http: { status: 400 } }) },
  });
}

const notTrusted = (options: { readonly http?: boolean } = {}): GraphQLError =>
  refusal(
    PERSISTED_QUERY_CODES.notTrusted,
    "Only trusted documents are accepted: send the hash of an operation from the manifest",
    options,
  );

/** An operation that reads only `__schema`, `__type` or `__typename`: governed by `introspection`. */
function isIntrospectionOnly(operation: OperationDefinitionNode | null | undefined): boolean {
  return (
    operation?.selectionSet.selections.every(
      (selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith("__"),
    ) ?? false
  );
}

/**
 * With `only`, refuses (after validation, before execution and before any APQ registration) every
 * HTTP operation whose document is not in the manifest.
 */
export function trustedDocumentsPlugin(options: {
  readonly trusted: TrustedDocuments;
  readonly only: boolean;
}): ApolloServerPlugin {
  if (!options.only) return {};
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation }) {
          if (!options.trusted.includes(document) && !isIntrospectionOnly(operation)) {
            throw notTrusted({ http: true });
          }
        },
      };
    },
  };
}

/**
 * The codes Apollo leaves out of its own persisted-query errors on HTTP (they would go out as
 * INTERNAL_SERVER_ERROR); for `formatError`.
 */
export function persistedQueryErrorCode(message: string): string | undefined {
  if (message === "provided sha does not match query") return PERSISTED_QUERY_CODES.hashMismatch;
  if (message === "Unsupported persisted query version") return PERSISTED_QUERY_CODES.versionNotSupported;
  return undefined;
}

/** What a socket subscribe resolves to: the query, and what to do once it has been accepted. */
export type ResolvedSource = { readonly query: string; accepted(): void } | { readonly error: GraphQLError };

/**
 * The socket's side of APQ, as Apollo does it on HTTP. graphql-ws requires `query` to be a string,
 * so a subscribe by hash alone sends `""`. A query sent with its hash is registered once accepted.
 */
export async function resolveSocketSource(
  payload: { readonly query: string; readonly extensions?: Readonly<Record<string, unknown>> | null },
  persisted: PersistedQueries,
  onRegisterError: (error: unknown) => void,
): Promise<ResolvedSource> {
  const extension = payload.extensions?.persistedQuery as
    { readonly version?: unknown; readonly sha256Hash?: unknown } | undefined;
  if (extension === undefined || extension === null) return { query: payload.query, accepted: () => {} };
  if (extension.version !== 1) {
    return {
      error: refusal(PERSISTED_QUERY_CODES.versionNotSupported, "Unsupported persisted query version"),
    };
  }
  const hash = typeof extension.sha256Hash === "string" ? extension.sha256Hash : "";
  if (payload.query === "") {
    const query = SHA256_HEX.test(hash) ? await persisted.get(hash) : undefined;
    if (query === undefined) {
      return { error: refusal(PERSISTED_QUERY_CODES.notFound, "PersistedQueryNotFound") };
    }
    return { query, accepted: () => {} };
  }
  if (sha256(payload.query) !== hash) {
    return {
      error: refusal(PERSISTED_QUERY_CODES.hashMismatch, "provided sha does not match query"),
    };
  }
  return {
    query: payload.query,
    accepted: () => {
      void persisted.set(hash, payload.query).catch(onRegisterError);
    },
  };
}

/** The socket's trusted-documents check; the socket accepts subscriptions only, never introspection. */
export function socketTrustCheck(
  document: DocumentNode,
  options: { readonly trusted: TrustedDocuments; readonly only: boolean },
): GraphQLError | undefined {
  return options.only && !options.trusted.includes(document) ? notTrusted() : undefined;
}
