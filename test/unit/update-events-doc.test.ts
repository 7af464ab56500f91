import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseUpdateEvent } from "../../src/adapters/update-event-json.js";
import { UPDATE_KINDS } from "../../src/domain/index.js";

const doc = readFileSync(new URL("../../docs/update-events.md", import.meta.url), "utf8");
/** The JSON of every `redis-cli XADD ... event '<json>'` example product teams will copy. */
const examples = [...doc.matchAll(/redis-cli XADD hg:updates .*? event '([^']+)'/g)].map(
  (match) => match[1] as string,
);

describe("docs/update-events.md", () => {
  it("has a copyable example of every kind", () => {
    const kinds = examples.map((raw) => (JSON.parse(raw) as { kind: string }).kind);
    expect(new Set(kinds)).toEqual(new Set(UPDATE_KINDS));
  });

  it.each(examples.map((raw, index) => [index, raw] as const))("example %i is a valid event", (_, raw) => {
    const parsed = parseUpdateEvent(raw);
    expect(parsed.ok ? "valid" : parsed.rejection).toBe("valid");
  });
});
