/**
 * Dependency rules as an allow-list: what each layer may import. Anything not allowed below is an
 * error, so a new kind of dependency is a decision made here, not an accident.
 *
 *   domain         the core: itself, Node built-ins, and dataloader (the request's batching)
 *   ui-components  the server-driven UI vocabulary: domain, semver
 *   adapters       one per port: the domain, and the support modules below; never another adapter
 *   adapters/fakes one fake per port: the domain, each other, the support modules
 *   resolvers      inbound GraphQL: domain, ui-components
 *   inbound        the request edge (src/inbound: HTTP, the socket, the request gate, ops and web
 *                  routes) and app.ts, which assembles it: domain, resolvers, ui-components, config,
 *                  and the tracing adapter (request spans are the edge's)
 *   composition    builds adapters per mode; fakes only for the in-memory mode and the demo upstreams
 *   main.ts        the process: anything
 */
const SUPPORT =
  "^src/adapters/(http-json|loop-aware-timeout|product-info-json|pubsub-engine|redis-client|redis-cluster-client|update-event-json)\\.ts$";
const EDGE = "^src/app\\.ts$|^src/inbound/";

module.exports = {
  allowed: [
    { from: { path: "^src/domain/" }, to: { path: "^src/domain/" } },
    { from: { path: "^src/domain/" }, to: { dependencyTypes: ["core"] } },
    { from: { path: "^src/domain/" }, to: { path: "node_modules/dataloader/" } },

    { from: { path: "^src/ui-components/" }, to: { path: "^src/(ui-components|domain)/" } },
    { from: { path: "^src/ui-components/" }, to: { path: "node_modules/semver/" } },

    {
      from: { path: "^src/adapters/", pathNot: "^src/adapters/fakes/" },
      to: { path: `^src/domain/|${SUPPORT}` },
    },
    {
      from: { path: "^src/adapters/", pathNot: "^src/adapters/fakes/" },
      to: { dependencyTypes: ["core", "npm"] },
    },
    // The Redis update stream is one adapter in parts: the consumer (redis-update-stream.ts), its
    // pieces and the partitioned composite over it (src/adapters/update-stream/).
    {
      from: { path: "^src/adapters/(redis-update-stream\\.ts$|update-stream/)" },
      to: { path: "^src/adapters/update-stream/" },
    },
    // The partitioned stream is a set of Redis stream consumers, one per partition: a composite.
    {
      from: { path: "^src/adapters/update-stream/partitioned\\.ts$" },
      to: { path: "^src/adapters/redis-update-stream\\.ts$" },
    },
    { from: { path: "^src/adapters/fakes/" }, to: { path: `^src/(domain|adapters/fakes)/|${SUPPORT}` } },
    { from: { path: "^src/adapters/fakes/" }, to: { dependencyTypes: ["core", "npm"] } },

    { from: { path: "^src/resolvers/" }, to: { path: "^src/(resolvers|domain|ui-components)/" } },
    { from: { path: "^src/resolvers/" }, to: { dependencyTypes: ["npm"] } },

    {
      from: { path: EDGE },
      to: {
        path: `${EDGE}|^src/(domain|resolvers|ui-components)/|^src/config\\.ts$|^src/adapters/otel-tracing\\.ts$`,
      },
    },
    { from: { path: EDGE }, to: { dependencyTypes: ["core", "npm"] } },

    // config reads the L1 adapter's defaults so that the documented defaults have one source.
    {
      from: { path: "^src/config\\.ts$" },
      to: { path: "^src/(domain|ui-components)/|^src/adapters/lru-l1-cache\\.ts$" },
    },
    { from: { path: "^src/config\\.ts$" }, to: { dependencyTypes: ["core", "npm"] } },

    {
      from: { path: "^src/composition/" },
      to: {
        path: "^src/(composition|domain|adapters)/|^src/(app|config)\\.ts$",
        pathNot: "^src/adapters/fakes/",
      },
    },
    { from: { path: "^src/composition/(in-memory|upstreams)\\.ts$" }, to: { path: "^src/adapters/fakes/" } },
    { from: { path: "^src/composition/" }, to: { dependencyTypes: ["core", "npm"] } },

    { from: { path: "^src/main\\.ts$" }, to: {} },
  ],
  allowedSeverity: "error",
  forbidden: [
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
