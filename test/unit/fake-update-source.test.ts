import { describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { FakeInvalidationBus } from "../../src/adapters/fakes/fake-invalidation-bus.js";
import { FakeL2Cache } from "../../src/adapters/fakes/fake-l2-cache.js";
import { FakeUpdateSource } from "../../src/adapters/fakes/fake-update-source.js";
import { type ProductChange, UpdateApplier, personalKey } from "../../src/domain/index.js";
import { productInfo } from "../contract/product-info.js";
import { silentLogger } from "../support/silent-logger.js";

function setup() {
  const clock = new FakeClock();
  const l2 = new FakeL2Cache({ clock });
  const changes: ProductChange[] = [];
  const applier = new UpdateApplier({
    l2,
    bus: new FakeInvalidationBus(),
    changes: { publish: async (change) => void changes.push(change) },
    logger: silentLogger,
  });
  const source = new FakeUpdateSource({ applier, clock, logger: silentLogger, retryMs: 1_000 });
  return { clock, l2, changes, source };
}

describe("FakeUpdateSource", () => {
  it("applies nothing before start, then everything in order; invalid events go to deadLetters", async () => {
    const { l2, changes, source } = setup();
    source.append({ kind: "personal", user: "ana", info: productInfo("p1", 1) });
    source.append("{not json");
    source.append({ kind: "personal", user: "ana", info: productInfo("p1", 2) });
    await source.drained();
    expect(source.backlog()).toBe(3);

    source.start();
    await source.drained();

    expect(l2.peek(personalKey("ana", "p1"))?.version).toBe(2);
    expect(changes).toHaveLength(2);
    expect(source.deadLetters.map((entry) => entry.rejection.reason)).toEqual(["not_json"]);
    expect(source.outcomes.map((outcome) => outcome.result)).toEqual(["written", "written"]);
  });

  it("retries an event whose apply failed, and applies nothing behind it first", async () => {
    const { clock, l2, source } = setup();
    source.start();
    l2.failWith(new Error("L2 down"));
    source.append({ kind: "personal", user: "ana", info: productInfo("p1", 1) });
    source.append({ kind: "personal", user: "ana", info: productInfo("p2", 1) });
    await clock.advance(0);
    expect(source.backlog()).toBe(2);

    l2.failWith(null);
    await clock.advance(1_000);
    await source.drained();

    expect(source.backlog()).toBe(0);
    expect(l2.peek(personalKey("ana", "p1"))).toBeDefined();
    expect(l2.peek(personalKey("ana", "p2"))).toBeDefined();
    await source.stop();
  });
});
