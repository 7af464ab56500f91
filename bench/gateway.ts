/**
 * The gateway the benchmarks run: src/main.ts unchanged, except that the demo recommendations plan
 * BENCH_TILES_PER_USER tiles per screen. main.ts has no such setting, and the benchmarks compare
 * screen sizes; a module hook swaps the demo upstreams (bench/support/demo-plan-size.ts) under it.
 */
import { register } from "node:module";

register("./support/demo-plan-size-hooks.mjs", import.meta.url);
await import("../src/main.js");
