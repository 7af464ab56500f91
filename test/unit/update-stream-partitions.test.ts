import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  partitionKeyOf,
  partitionOf,
  partitionStreams,
  streamForEvent,
} from "../../src/adapters/update-stream/partitions.js";
import { parseUpdateEvent } from "../../src/adapters/update-event-json.js";
import { sameHashTag } from "../../src/adapters/update-stream/dead-letters.js";

const doc = readFileSync(new URL("../../docs/update-events.md", import.meta.url), "utf8");

describe("update stream partitions", () => {
  it("keeps the one stream hg:updates with one partition, and tags each of several", () => {
    expect(partitionStreams("hg:updates", 1)).toEqual(["hg:updates"]);
    expect(partitionStreams("hg:updates", 3)).toEqual(["{hg:updates:0}", "{hg:updates:1}", "{hg:updates:2}"]);
    // A partition and its dead letters share a slot; the partitions do not share one.
    expect(sameHashTag("{hg:updates:1}", "{hg:updates:1}:dead")).toBe(true);
    expect(sameHashTag("{hg:updates:1}", "{hg:updates:2}")).toBe(false);
    expect(sameHashTag("hg:updates", "hg:updates:dead")).toBe(false);
  });

  it("matches the documented test vectors", () => {
    const rows = [...doc.matchAll(/^\| `([up]:[^`]+)` +\| (\d+) +\| (\d) +\|$/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const [, key, , partition] of rows) {
      expect(partitionOf(key as string, 3), key).toBe(Number(partition));
    }
  });

  it("sends the documented XADD to the partition the rule picks", () => {
    const match = /redis-cli -c XADD '(\{hg:updates:\d\})' .*? event '([^']+)'/.exec(doc);
    expect(match).not.toBeNull();
    const parsed = parseUpdateEvent(match?.[2] as string);
    if (!parsed.ok) throw new Error(parsed.rejection.detail);
    expect(streamForEvent(parsed.event, "hg:updates", 3)).toBe(match?.[1]);
  });

  it("orders a viewer's events by the viewer and everyone's by the product", () => {
    const info = { id: "TR-FL-LIS", service: "travel", version: 1, title: "t" } as never;
    expect(partitionKeyOf({ kind: "personal", user: "alice", info })).toBe("u:alice");
    expect(partitionKeyOf({ kind: "plan", user: "alice", version: 1 })).toBe("u:alice");
    expect(partitionKeyOf({ kind: "invalidate", user: "alice", products: ["X"] })).toBe("u:alice");
    expect(partitionKeyOf({ kind: "generic", info })).toBe("p:TR-FL-LIS");
    expect(partitionKeyOf({ kind: "invalidate", products: ["TR-HT-ROM", "X"] })).toBe("p:TR-HT-ROM");
  });
});
