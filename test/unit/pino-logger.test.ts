import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/adapters/pino-logger.js";
import type { Logger } from "../../src/domain/index.js";

function capture(level: "info" | "debug"): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level,
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  return { logger, lines };
}

describe("createLogger", () => {
  it("writes one JSON object per entry, with the fields and the message", () => {
    const { logger, lines } = capture("info");
    logger.info({ user: "alice", products: 3 }, "served home");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, user: "alice", products: 3, msg: "served home" });
    expect(typeof lines[0]?.time).toBe("string");
  });

  it("drops entries below its level", () => {
    const { logger, lines } = capture("info");
    logger.debug({}, "noise");
    expect(lines).toEqual([]);
  });

  it("serialises an error under err with its message, stack and cause", () => {
    const { logger, lines } = capture("debug");
    logger.error({ err: new Error("upstream down", { cause: new Error("ECONNREFUSED") }) }, "failed");
    const err = lines[0]?.err as Record<string, unknown>;
    expect(err.type).toBe("Error");
    expect(err.message).toMatch(/upstream down/);
    expect(err.stack).toMatch(/caused by: Error: ECONNREFUSED/);
  });
});
