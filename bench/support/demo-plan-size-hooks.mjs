/* global URL */
// Module hooks for bench/gateway.ts: src/main.ts and src/composition.ts get the demo upstreams
// from bench/support/demo-plan-size.ts instead of src/embedded.ts. Plain JavaScript because hooks
// run on Node's loader thread, before any TypeScript loader is in place for this file.
const override = new URL("./demo-plan-size.ts", import.meta.url).href;
const srcDir = new URL("../../src/", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL ?? "";
  if (
    specifier === "./embedded.js" &&
    parent.startsWith(srcDir) &&
    !parent.slice(srcDir.length).includes("/")
  ) {
    return nextResolve(override, context);
  }
  return nextResolve(specifier, context);
}
