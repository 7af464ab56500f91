import { describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { TileFaultLog } from "../../src/resolvers/tile-fault-log.js";
import { RecordingLogger } from "../support/recording-logger.js";

describe("TileFaultLog", () => {
  it("logs a tile's fault once however many screens show it, and again after ten quiet minutes", async () => {
    const logger = new RecordingLogger();
    const clock = new FakeClock();
    const log = new TileFaultLog({ logger, clock });
    const fault = {
      tileId: "deals.p-1",
      product: { id: "p-1", service: "shop" },
      reason: "endsAt: not a valid date",
    };
    for (let screen = 0; screen < 50; screen++) log.report(fault);
    log.report({ ...fault, tileId: "hero.p-1" });
    expect(logger.at("error").map((entry) => entry.fields["tile"])).toEqual(["deals.p-1", "hero.p-1"]);
    expect(logger.at("error")[0]).toMatchObject({
      fields: { product: { id: "p-1", service: "shop" }, reason: "endsAt: not a valid date" },
      message: "tile shown as a placeholder: it could not be completed",
    });
    await clock.advance(10 * 60_000);
    log.report(fault);
    expect(logger.at("error")).toHaveLength(3);
  });
});
