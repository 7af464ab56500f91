/** Dependency rules: the domain is the core and knows nothing of frameworks or adapters. */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment: "src/domain imports no adapter, resolver, UI, framework or driver",
      severity: "error",
      from: { path: "^src/domain" },
      to: {
        path: "^src/(adapters|resolvers|ui-components|app|main|composition)|node_modules/(ioredis|graphql|type-graphql|@apollo|express|lru-cache|pino|prom-client|graphql-ws|ws|@opentelemetry)",
      },
    },
    {
      name: "ui-components-are-pure",
      comment: "the SDUI vocabulary depends on the domain only",
      severity: "error",
      from: { path: "^src/ui-components" },
      to: {
        path: "^src/(adapters|resolvers|app|main|composition)|node_modules/(ioredis|type-graphql|@apollo|express)",
      },
    },
    {
      name: "resolvers-use-no-adapter",
      severity: "error",
      from: { path: "^src/resolvers" },
      to: { path: "^src/adapters" },
    },
    {
      name: "fakes-only-in-embedded-mode",
      comment: "src reaches fakes only through the in-memory composition and the demo upstreams",
      severity: "error",
      from: { path: "^src", pathNot: "^src/(composition/(in-memory|upstreams)\\.ts|adapters/fakes/)" },
      to: { path: "^src/adapters/fakes" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
