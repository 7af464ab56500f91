import express from "express";
import type { ReadinessCheck } from "../domain/index.js";

export interface OpsRoutesOptions {
  /** Named checks for /readyz; `critical: false` degrades readiness without failing it. */
  readonly readiness: readonly ReadinessCheck[];
  /** Prometheus exposition for /metrics, when the telemetry adapter keeps one. */
  readonly metrics?: { readonly contentType: string; metrics(): Promise<string> } | undefined;
  /** Only a serving gateway is ready; a draining one says so while it still answers. */
  readonly state: () => GatewayState;
}

export type GatewayState = "created" | "serving" | "draining" | "stopping";

/** The routes of operators and orchestrators: /healthz, /readyz and /metrics. */
export function opsRoutes(options: OpsRoutesOptions): express.Router {
  const router = express.Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    const results = await Promise.all(
      options.readiness.map(async (check) => ({
        check,
        ok: await Promise.resolve(check.check()).catch(() => false),
      })),
    );
    const checks = Object.fromEntries(results.map(({ check, ok }) => [check.name, ok ? "up" : "down"]));
    const failing = results.filter(({ ok }) => !ok);
    const reasons = Object.fromEntries(
      failing.flatMap(({ check }) => {
        const reason = check.reason?.();
        return reason ? [[check.name, reason]] : [];
      }),
    );
    const state = options.state();
    const ready = state === "serving" && !failing.some(({ check }) => check.critical);
    res.status(ready ? 200 : 503).json({
      status:
        state === "draining"
          ? "draining"
          : !ready
            ? "unavailable"
            : failing.length > 0
              ? "degraded"
              : "ready",
      checks,
      ...(Object.keys(reasons).length > 0 && { reasons }),
    });
  });
  const metrics = options.metrics;
  if (metrics) {
    router.get("/metrics", async (_req, res) => {
      res.type(metrics.contentType).send(await metrics.metrics());
    });
  }
  return router;
}

/** Requests operators' tools make all the time: not worth a log line each. */
export const QUIET_PATHS: ReadonlySet<string> = new Set(["/healthz", "/readyz", "/metrics"]);
