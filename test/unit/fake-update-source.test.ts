import { describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { FakeInvalidationBus } from "../../src/adapters/fakes/fake-invalidation-bus.js";
import { FakeL2Cache } from "../../src/adapters/fakes/fake-l2-cache.js";
import { FakeUpdateSource } from "../../src/adapters/fakes/fake-update-source.js";
import { UpdateApplier, personalKey } from "../../src/domain/index.js";
import { productInfo } from "../contract/product-info.js";
import { silentLogger } from "../support/silent-logger.js";

// What every update source does is in test/contract/update-source.contract.ts; this is the fake's
// own: what tests read from it (backlog, outcomes, drained) and its retry on the clock.
describe("FakeUpdateSource", () => {
  it("counts its backlog, records outcomes, and retries a failed event on the clock, nothing behind it first", async () => {
    const clock = new FakeClock();
    const l2 = new FakeL2Cache({ clock });
    const applier = new UpdateApplier({
      l2,
      bus: new FakeInvalidationBus(),
      changes: { publish: async () => undefined },
      logger: silentLogger,
    });
    const source = new FakeUpdateSource({ applier, clock, logger: silentLogger, retryMs: 1_000 });
    source.append({ kind: "personal", user: "ana", info: productInfo("p1", 1) });
    source.append("{not json");
    source.append({ kind: "personal", user: "ana", info: productInfo("p2", 1) });
    await source.drained();
    expect(source.backlog()).toBe(3);

    l2.failWith(new Error("L2 down"));
    source.start();
    await clock.advance(0);
    expect(source.backlog()).toBe(3);
    l2.failWith(null);
    await clock.advance(1_000);
    await source.drained();

    expect(source.backlog()).toBe(0);
    expect(l2.peek(personalKey("ana", "p2"))).toBeDefined();
    expect(source.outcomes.map((outcome) => outcome.result)).toEqual(["written", "written"]);
    expect(source.deadLetters.map((letter) => letter.rejection.reason)).toEqual(["not_json"]);
    await source.stop();
  });
});
