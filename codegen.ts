import type { CodegenConfig } from "@graphql-codegen/cli";

const scalars = {
  DateTimeISO: "string",
  SafeInt: "number",
  URL: "string",
  SemVer: "string",
  Locale: "string",
};

/**
 * Typed documents for the operations the tests send and for the reference renderer, generated from
 * the committed schema.graphql, plus `possibleTypes` for clients that match fragments on interfaces.
 * Each output has its own documents: the two sets are separate clients.
 */
const config: CodegenConfig = {
  emitLegacyCommonJSImports: false,
  schema: "schema.graphql",
  ignoreNoDocuments: false,
  generates: {
    "test/gql/": {
      documents: ["test/documents/**/*.graphql"],
      preset: "client",
      config: { enumsAsTypes: true, useTypeImports: true, scalars },
      presetConfig: { fragmentMasking: false },
    },
    "test/gql/possible-types.ts": {
      plugins: ["fragment-matcher"],
      config: { useExplicitTyping: true },
    },
    // Documents as typed strings: the browser bundle needs no graphql-js to send them.
    "web/renderer/gql/": {
      documents: ["web/renderer/**/*.graphql"],
      preset: "client",
      config: { enumsAsTypes: true, useTypeImports: true, scalars, documentMode: "string" },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
