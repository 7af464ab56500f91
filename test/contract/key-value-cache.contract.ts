import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { waitFor } from "../support/wait-for.js";

/** One cache, as the gateway instances sharing it see it. */
export interface KeyValueCacheHarness {
  readonly cache: KeyValueCache<string>;
  /** Another handle on the same store (another instance); `cache` itself when there is none. */
  readonly peer: KeyValueCache<string>;
  close(): Promise<void>;
}

/** What every Apollo `KeyValueCache` the gateway uses must do, run on Apollo's own and on Redis. */
export function describeKeyValueCacheContract(
  name: string,
  makeHarness: () => Promise<KeyValueCacheHarness>,
): void {
  describe(`KeyValueCache contract: ${name}`, () => {
    let harness: KeyValueCacheHarness;

    beforeEach(async () => {
      harness = await makeHarness();
    });
    afterEach(async () => {
      await harness.close();
    });

    it("returns what was set, to every handle, and nothing for a key never set", async () => {
      await harness.cache.set("query-a", "{ home { id } }");
      expect(await harness.peer.get("query-a")).toBe("{ home { id } }");
      expect(await harness.cache.get("query-b")).toBeUndefined();
    });

    it("replaces a value, and forgets a deleted key", async () => {
      await harness.cache.set("key", "one");
      await harness.peer.set("key", "two");
      expect(await harness.cache.get("key")).toBe("two");
      await harness.cache.delete("key");
      expect(await harness.peer.get("key")).toBeUndefined();
    });

    it("forgets a value once its ttl (seconds) has passed, and keeps one set without a ttl", async () => {
      await harness.cache.set("short", "gone soon", { ttl: 0.2 });
      await harness.cache.set("kept", "stays");
      expect(await harness.cache.get("short")).toBe("gone soon");
      await waitFor(async () => (await harness.peer.get("short")) === undefined, {
        timeoutMs: 3_000,
        intervalMs: 50,
        what: "the value to expire",
      });
      expect(await harness.peer.get("kept")).toBe("stays");
    });
  });
}
