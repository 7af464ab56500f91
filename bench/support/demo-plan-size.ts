import { demoUpstreams as embeddedDemoUpstreams } from "../../src/composition/upstreams.js";

export * from "../../src/composition/upstreams.js";

/**
 * src/composition/upstreams.ts's demo upstreams, with plans of BENCH_TILES_PER_USER tiles (the demo
 * plans 30): the benchmarks compare screen sizes. Same services, same latency, same dealing of products.
 */
export function demoUpstreams(
  options: Parameters<typeof embeddedDemoUpstreams>[0],
): ReturnType<typeof embeddedDemoUpstreams> {
  const tiles = process.env.BENCH_TILES_PER_USER;
  if (tiles === undefined || tiles === "") return embeddedDemoUpstreams(options);
  return embeddedDemoUpstreams({ ...options, tilesPerUser: Number(tiles) });
}
