import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/adapters/pino-logger.js";
import { buildPorts } from "../../src/composition/gateway-ports.js";
import { loadConfig } from "../../src/config.js";
import { ANONYMOUS } from "../../src/domain/index.js";

describe("the embedded default's change feed", () => {
  it("takes hundreds of live subscriptions without a listener-leak warning", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(`${warning.name}: ${warning.message}`);
    };
    process.on("warning", onWarning);
    const ports = await buildPorts(loadConfig({ LOG_LEVEL: "silent" }), createLogger({ level: "silent" }));
    try {
      const stops = await Promise.all(
        Array.from({ length: 200 }, (_, index) =>
          ports.changes.listen(index % 2 ? ANONYMOUS : { kind: "user", id: `viewer-${index}` }, {
            onChange: () => undefined,
            onPossibleLoss: () => undefined,
          }),
        ),
      );
      // Node emits the warning on the next tick.
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(warnings.filter((warning) => warning.startsWith("MaxListenersExceededWarning"))).toEqual([]);
      for (const stop of stops) await stop();
    } finally {
      process.off("warning", onWarning);
      await ports.close?.();
    }
  });
});
