import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed documents for the operations the tests (and example clients) send, generated from the
 * committed schema.graphql, plus `possibleTypes` for clients that match fragments on interfaces.
 */
const config: CodegenConfig = {
  emitLegacyCommonJSImports: false,
  schema: "schema.graphql",
  documents: ["test/documents/**/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "test/gql/": {
      preset: "client",
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: {
          DateTimeISO: "string",
          SafeInt: "number",
          URL: "string",
          SemVer: "string",
          Locale: "string",
        },
      },
      presetConfig: { fragmentMasking: false },
    },
    "test/gql/possible-types.ts": {
      plugins: ["fragment-matcher"],
      config: { useExplicitTyping: true },
    },
  },
};

export default config;
