import type { ProductInfo } from "../../src/domain/index.js";

/** A product as a service would send it, with `version` (and the title naming it) chosen by the test. */
export function productInfo(id: string, version: number, overrides: Partial<ProductInfo> = {}): ProductInfo {
  return {
    id,
    service: "shop",
    version,
    presentation: "deal",
    title: `${id} at v${version}`,
    subtitle: "Only this week",
    price: { amountMinor: 1999, currency: "EUR" },
    originalPrice: { amountMinor: 2999, currency: "EUR" },
    badge: "-33%",
    endsAtMs: 1_767_225_600_000,
    route: `product/shop/${id}`,
    webUrl: `https://www.example.com/shop/${encodeURIComponent(id)}`,
    ...overrides,
  };
}

/** Fisher-Yates with a seeded generator, so a failing order can be replayed from its seed. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}
