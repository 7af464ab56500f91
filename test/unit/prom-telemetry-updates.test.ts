import { describe, expect, it } from "vitest";
import { PromTelemetry } from "../../src/adapters/prom-telemetry.js";
import { personalKey } from "../../src/domain/index.js";

describe("PromTelemetry: update metrics", () => {
  it("exposes applied, rejected, dead-lettered, claimed, failed, lag and pending in the exposition text", async () => {
    const telemetry = new PromTelemetry({ collectDefaultMetrics: false });
    telemetry.updateApplied({
      kind: "personal",
      result: "written",
      keys: [personalKey("ana", "p1")],
      viewerActive: false,
    });
    telemetry.updateApplied({ kind: "personal", result: "stale", keys: [], viewerActive: true });
    telemetry.updateApplied({ kind: "plan", result: "published", keys: [] });
    telemetry.updateRejected("not_json");
    telemetry.updateDeadLettered();
    telemetry.updatesClaimed(3);
    telemetry.updateApplyFailed();
    telemetry.updateStreamBacklog({ lag: 12, pending: 4 });
    telemetry.updateStreamBacklog({ lag: undefined, pending: 2 });

    const text = await telemetry.registry.metrics();

    for (const line of [
      'home_gateway_updates_applied_total{kind="personal",result="written"} 1',
      'home_gateway_updates_applied_total{kind="personal",result="stale"} 1',
      'home_gateway_updates_applied_total{kind="plan",result="published"} 1',
      'home_gateway_personal_updates_by_viewer_activity_total{viewer="inactive"} 1',
      'home_gateway_personal_updates_by_viewer_activity_total{viewer="active"} 1',
      'home_gateway_updates_rejected_total{reason="not_json"} 1',
      // Reasons never seen are there at 0, so alerts see their first occurrence.
      'home_gateway_updates_rejected_total{reason="too_large"} 0',
      "home_gateway_updates_dead_lettered_total 1",
      "home_gateway_updates_claimed_total 3",
      "home_gateway_update_apply_failures_total 1",
      // An unknown lag keeps the last known value rather than reporting a false 0.
      "home_gateway_update_stream_lag 12",
      "home_gateway_update_stream_pending 2",
    ]) {
      expect(text).toContain(line);
    }
  });
});
