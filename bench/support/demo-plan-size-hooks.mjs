/* global URL */
// Module hooks for bench/gateway.ts: src/composition/ gets the demo upstreams from
// bench/support/demo-plan-size.ts instead of src/composition/upstreams.ts. Plain JavaScript because
// hooks run on Node's loader thread, before any TypeScript loader is in place for this file.
const override = new URL("./demo-plan-size.ts", import.meta.url).href;
const compositionDir = new URL("../../src/composition/", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL ?? "";
  if (
    specifier === "./upstreams.js" &&
    parent.startsWith(compositionDir) &&
    !parent.slice(compositionDir.length).includes("/")
  ) {
    return nextResolve(override, context);
  }
  return nextResolve(specifier, context);
}
