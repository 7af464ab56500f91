import { z } from "zod";
import type { HomePlan, Recommendations, Viewer } from "../domain/index.js";
import { DEFAULT_UPSTREAM_TIMEOUT_MS, baseUrlOf, requestJson } from "./http-json.js";

/** The upstream's plan, as docs/upstream-contract.md describes it; unknown fields are dropped. */
export const homePlanSchema = z.object({
  sections: z.array(
    z.object({
      id: z.string().min(1),
      kind: z.enum(["hero", "carousel", "grid", "list"]),
      title: z.string(),
      products: z.array(z.object({ id: z.string().min(1), service: z.string().min(1) })),
    }),
  ),
});

export interface HttpRecommendationsOptions {
  readonly baseUrl: string;
  readonly timeoutMs?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The recommendations service over HTTP: `GET /plan?user=<id>`, without `user` for anonymous viewers. */
export class HttpRecommendations implements Recommendations {
  private readonly baseUrl: URL;
  private readonly timeoutMs: number;
  private readonly headers: Readonly<Record<string, string>>;

  constructor(options: HttpRecommendationsOptions) {
    this.baseUrl = baseUrlOf(options.baseUrl);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
    this.headers = options.headers ?? {};
  }

  async forViewer(viewer: Viewer): Promise<HomePlan> {
    const url = new URL("plan", this.baseUrl);
    if (viewer.kind === "user") url.searchParams.set("user", viewer.id);
    return requestJson({
      service: "recommendations",
      url,
      method: "GET",
      headers: this.headers,
      timeoutMs: this.timeoutMs,
      schema: homePlanSchema,
    });
  }
}
