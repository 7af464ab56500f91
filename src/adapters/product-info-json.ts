import { z } from "zod";

const money = z.object({
  amountMinor: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code"),
});

/** The upstream's product, as docs/upstream-contract.md describes it; unknown fields are dropped. */
export const productInfoSchema = z.object({
  id: z.string().min(1),
  service: z.string().min(1),
  version: z.number().nonnegative(),
  presentation: z.enum(["offer", "deal", "metric", "media"]),
  title: z.string(),
  subtitle: z.string().optional(),
  // http(s) only: these become links and image sources in every client; `javascript:` must not pass.
  imageUrl: z.url({ protocol: /^https?$/ }).optional(),
  imageAlt: z.string().optional(),
  price: money.optional(),
  originalPrice: money.optional(),
  badge: z.string().optional(),
  metric: z.object({ value: z.number(), max: z.number(), unit: z.string() }).optional(),
  progress: z.number().min(0).max(1).optional(),
  endsAtMs: z.number().optional(),
  route: z.string().min(1),
  webUrl: z.url({ protocol: /^https?$/ }),
});
