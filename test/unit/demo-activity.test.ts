import { describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { loadConfig } from "../../src/config.js";
import { ANONYMOUS, type UpdateEvent, type Viewer } from "../../src/domain/index.js";
import { DEMO_USERS, demoActivity, demoUpstreams } from "../../src/composition/upstreams.js";
import { silentLogger } from "../support/silent-logger.js";

describe("the embedded demo's simulated pushes", () => {
  it("change a tile on every demo viewer's screen, and on the anonymous one, within 10 s at the default interval", async () => {
    const clock = new FakeClock();
    const { services, recommendations } = demoUpstreams({ clock, latencyMs: 0, failureRate: 0 });
    const pushed: { atMs: number; event: UpdateEvent }[] = [];
    const activity = demoActivity({
      services,
      recommendations,
      push: async (event) => void pushed.push({ atMs: clock.nowMs(), event }),
      clock,
      logger: silentLogger,
      intervalMs: loadConfig({}).DEMO_UPDATE_INTERVAL_MS,
    });
    const startMs = clock.nowMs();
    activity?.start();
    await clock.advance(10_000);
    await activity?.stop();

    const onScreen = async (viewer: Viewer): Promise<Set<string>> =>
      new Set((await recommendations.forViewer(viewer)).sections.flatMap((s) => s.products.map((p) => p.id)));
    for (const user of DEMO_USERS) {
      const screen = await onScreen({ kind: "user", id: user.id });
      const mine = pushed.filter(
        ({ event }) => event.kind === "personal" && event.user === user.id && screen.has(event.info.id),
      );
      expect(mine.length, user.id).toBeGreaterThanOrEqual(1);
      expect(mine[0]!.atMs - startMs).toBeLessThanOrEqual(10_000);
    }
    const anonymous = await onScreen(ANONYMOUS);
    expect(pushed.some(({ event }) => event.kind === "generic" && anonymous.has(event.info.id))).toBe(true);
  });
});
