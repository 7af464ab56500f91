import type { Logger } from "../../src/domain/index.js";

/** A Logger that drops everything, for tests that assert on behaviour rather than on log lines. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
