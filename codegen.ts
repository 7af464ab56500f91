import type { CodegenConfig } from "@graphql-codegen/cli";
import { addTypenameSelectionDocumentTransform } from "@graphql-codegen/client-preset";

const scalars = {
  DateTimeISO: "string",
  SafeInt: "number",
  URL: "string",
  SemVer: "string",
  Locale: "string",
};

/**
 * The manifest of trusted documents: every client-preset output also writes
 * `persisted-documents.json` (SHA-256 of the normalized document -> the document), which the gateway
 * loads at start (src/trusted-documents.ts) so that clients may send the hash alone.
 */
const persistedDocuments = { hashAlgorithm: "sha256" } as const;

/**
 * Typed documents for the client kit (client/documents: the app's own operations, which the tests
 * send too) and for the reference renderer, generated from the committed schema.graphql, plus
 * `possibleTypes` as JSON for Apollo Client's cache. Each output has its own documents: the two sets
 * are separate clients.
 */
const config: CodegenConfig = {
  emitLegacyCommonJSImports: false,
  schema: "schema.graphql",
  ignoreNoDocuments: false,
  generates: {
    "client/gql/": {
      documents: ["client/documents/**/*.graphql"],
      // __typename in every selection set, as Apollo Client's cache adds it: sent by hash, the
      // manifest's text is what runs, and the cache needs the types back to normalize the answer.
      documentTransforms: [addTypenameSelectionDocumentTransform],
      preset: "client",
      config: { enumsAsTypes: true, useTypeImports: true, scalars },
      presetConfig: { fragmentMasking: false, persistedDocuments },
    },
    // The same documents without the added __typename, for the tests: what a client without a
    // normalized cache sends, and the answers they compare field by field.
    "test/gql/": {
      documents: ["client/documents/**/*.graphql"],
      preset: "client",
      config: { enumsAsTypes: true, useTypeImports: true, scalars },
      presetConfig: { fragmentMasking: false },
    },
    "client/possible-types.json": {
      plugins: ["fragment-matcher"],
    },
    // Documents as typed strings: the browser bundle needs no graphql-js to send them.
    "web/renderer/gql/": {
      documents: ["web/renderer/**/*.graphql"],
      preset: "client",
      config: { enumsAsTypes: true, useTypeImports: true, scalars, documentMode: "string" },
      presetConfig: { fragmentMasking: false, persistedDocuments },
    },
  },
};

export default config;
