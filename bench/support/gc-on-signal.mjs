/* global process */
// Imported into a soak's gateway (node --expose-gc --import): on SIGUSR2, a full garbage collection,
// then one line with the memory left, so that a soak compares the memory the gateway retains rather
// than garbage V8 has not collected yet.
process.on("SIGUSR2", () => {
  globalThis.gc();
  globalThis.gc();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  process.stderr.write(`collected-memory ${JSON.stringify({ rss, heapUsed, heapTotal, external })}\n`);
});
