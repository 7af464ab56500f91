import type { Clock, ProductInfo, ProductPresentation, ServiceId, UserId } from "../../domain/index.js";
import { FakeProductService, type Latency } from "./fake-product-service.js";
import { hashString } from "./seeded-random.js";

export interface DemoUser {
  readonly id: UserId;
  readonly displayName: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { id: "alice", displayName: "Alice Martin" },
  { id: "bob", displayName: "Bob Okafor" },
  { id: "carol", displayName: "Carol Nguyen" },
  { id: "dave", displayName: "Dave Schmidt" },
];

export const DEMO_SERVICE_IDS = ["shop", "travel", "banking", "mobile", "media", "insurance"] as const;
export type DemoServiceId = (typeof DEMO_SERVICE_IDS)[number];

const HOUR_MS = 3_600_000;
const CURRENCY = "EUR";

/** What differs between products; the rest (route, urls, version) follows from the service and id. */
interface Seed {
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly imageAlt: string;
  readonly priceMinor?: number;
  readonly originalPriceMinor?: number;
  readonly badge?: string;
  readonly metric?: { readonly value: number; readonly max: number; readonly unit: string };
  readonly endsInHours?: number;
}

const SHOP: readonly Seed[] = [
  deal("SH-HEADPHONES", "Noise-cancelling headphones", "Over-ear, 30 h battery", 19_999, 27_999, 6),
  deal("SH-OLED55", "55-inch 4K OLED TV", "120 Hz, Dolby Vision", 109_900, 149_900, 30),
  deal("SH-ESPRESSO", "Espresso machine with grinder", "15 bar, steam wand", 34_900, 44_900, 12),
  deal("SH-ROBOVAC", "Robot vacuum and mop", "Maps every room, self-emptying", 24_900, 39_900, 48),
  deal("SH-RUNNERS", "Trail running shoes", "Waterproof, sizes 36-47", 8_995, 12_995, 20),
  deal("SH-WATCH", "GPS smartwatch", "Heart rate, 10-day battery", 19_900, 24_900, 72),
  deal("SH-COOKWARE", "Cast-iron cookware set", "5 pieces, oven-safe", 12_900, 17_900, 9),
  deal("SH-CHAIR", "Ergonomic office chair", "Adjustable lumbar support", 21_900, 32_900, 40),
  deal("SH-TOOTHBRUSH", "Sonic electric toothbrush", "Travel case included", 4_999, 8_999, 3),
  deal("SH-KIDSBIKE", "Kids' bike, 20-inch", "7 gears, ages 6-9", 17_900, 22_900, 60),
  deal("SH-AIRFRYER", "Air fryer, 5.5 L", "8 presets, dishwasher-safe basket", 8_999, 12_999, 15),
  deal("SH-EARBUDS", "Wireless earbuds", "Active noise cancelling", 7_999, 12_999, 26),
];

const TRAVEL: readonly Seed[] = [
  offer("TR-FL-LIS", "Flights to Lisbon", "Return, direct, from", 8_900, "Return flights to Lisbon"),
  offer("TR-FL-JFK", "Flights to New York JFK", "Return, 1 bag included, from", 42_900, "New York skyline"),
  offer("TR-FL-HND", "Flights to Tokyo Haneda", "Return, one stop, from", 78_900, "Tokyo street at night"),
  offer("TR-FL-BCN", "Flights to Barcelona", "Return, direct, from", 6_900, "Barcelona seafront"),
  offer("TR-FL-KEF", "Flights to Reykjavik", "Return, direct, from", 19_900, "Northern lights over Iceland"),
  offer(
    "TR-HT-ROM",
    "Hotel in Trastevere, Rome",
    "3 nights, breakfast included",
    38_700,
    "Rooftop terrace in Rome",
  ),
  offer(
    "TR-HT-PAR",
    "Boutique hotel, Le Marais",
    "2 nights, Paris",
    41_800,
    "Hotel room with a view of Paris",
  ),
  offer("TR-HT-TYR", "Spa hotel in Tyrol", "4 nights, half board", 69_600, "Alpine spa hotel"),
  offer(
    "TR-PK-CRT",
    "Crete, all-inclusive",
    "7 nights, flights and hotel",
    98_900,
    "Beach in Crete",
    "Package",
  ),
  offer("TR-HT-CPH", "Design hotel, Copenhagen", "2 nights, city centre", 33_400, "Copenhagen harbour"),
];

const BANKING: readonly Seed[] = [
  metric("BK-GOAL-HOLIDAY", "Holiday fund", "Savings goal", 1_150, 2_500, "EUR"),
  metric("BK-GOAL-EMERGENCY", "Emergency fund", "Three months of expenses", 6_400, 10_000, "EUR"),
  metric("BK-GOAL-CAR", "New car", "Savings goal", 4_200, 15_000, "EUR"),
  metric("BK-GOAL-HOME", "Home deposit", "Savings goal", 18_500, 40_000, "EUR"),
  metric("BK-BUDGET-MONTH", "Monthly budget", "Spent this month", 1_240, 1_800, "EUR"),
  metric("BK-ROUNDUP", "Round-ups", "Spare change saved this year", 212, 500, "EUR"),
];

const MOBILE: readonly Seed[] = [
  metric("MB-PLAN-20", "Mobile 20 GB", "Data used this month", 7.4, 20, "GB"),
  metric("MB-PLAN-50", "Mobile 50 GB", "Data used this month", 18.2, 50, "GB"),
  metric("MB-FAMILY-100", "Family plan, 100 GB shared", "Data used by 4 lines", 61.5, 100, "GB"),
  metric("MB-ROAM-EU", "EU roaming pack", "Data used abroad", 2.1, 10, "GB"),
  metric("MB-TABLET-15", "Tablet SIM, 15 GB", "Data used this month", 3.9, 15, "GB"),
  metric("MB-5G-200", "5G Plus, 200 GB", "Data used this month", 88.3, 200, "GB"),
];

const MEDIA: readonly Seed[] = [
  media("MD-LIGHTHOUSE", "The Last Lighthouse", "Series · 3 seasons · Drama"),
  media("MD-NORTHERN", "Northern Lines", "Series · 2 seasons · Crime"),
  media("MD-SALTSMOKE", "Salt & Smoke", "Series · Cooking"),
  media("MD-ORBIT9", "Orbit Nine", "Film · 2 h 08 min · Science fiction"),
  media("MD-HARBOUR", "The Quiet Harbour", "Film · 1 h 47 min · Drama"),
  media("MD-COURIER", "Midnight Courier", "Film · 1 h 52 min · Thriller"),
  media("MD-PAPERTIGERS", "Paper Tigers", "Series · 1 season · Comedy"),
  media("MD-ATLANTIC", "Wild Atlantic", "Documentary · 6 episodes"),
  media("MD-GLASSHOUSE", "Glasshouse", "Series · 4 seasons · Mystery"),
  media("MD-CARTOGRAPHER", "The Cartographer", "Film · 2 h 15 min · Adventure"),
  media("MD-SIGNAL", "Signal Lost", "Film · 1 h 39 min · Horror"),
  media("MD-SUNDAY", "Sunday League", "Series · 2 seasons · Sports comedy"),
];

const INSURANCE: readonly Seed[] = [
  offer("IN-TRAVEL-YEAR", "Annual travel insurance", "Worldwide, per month", 699, "Suitcase at an airport"),
  offer("IN-HOME", "Home contents insurance", "Up to €50,000, per month", 1_250, "Living room"),
  offer("IN-CAR", "Car insurance", "Fully comprehensive, per month", 4_890, "Car on a country road"),
  offer("IN-PET", "Pet insurance", "Dogs and cats, per month", 1_990, "Dog on a sofa", "New"),
  offer("IN-BIKE", "Bike insurance", "Theft and damage, per month", 590, "Bicycle against a wall"),
  offer(
    "IN-GADGET",
    "Gadget cover",
    "Phones, laptops, tablets, per month",
    899,
    "Phone with a cracked screen",
  ),
  offer("IN-LIFE", "Term life insurance", "€200,000 cover, per month", 1_450, "Family at a picnic"),
  offer("IN-LEGAL", "Legal protection", "Tenancy and employment, per month", 1_190, "Documents on a desk"),
];

const SEEDS: Readonly<Record<DemoServiceId, { presentation: ProductPresentation; seeds: readonly Seed[] }>> =
  {
    shop: { presentation: "deal", seeds: SHOP },
    travel: { presentation: "offer", seeds: TRAVEL },
    banking: { presentation: "metric", seeds: BANKING },
    mobile: { presentation: "metric", seeds: MOBILE },
    media: { presentation: "media", seeds: MEDIA },
    insurance: { presentation: "offer", seeds: INSURANCE },
  };

/**
 * The demo products of every product line as everyone sees them. Versions are `nowMs` and deals
 * end some hours after it, so the data looks current whenever the demo starts.
 */
export function demoCatalog(options: {
  readonly nowMs: number;
}): ReadonlyMap<DemoServiceId, readonly ProductInfo[]> {
  const catalog = new Map<DemoServiceId, readonly ProductInfo[]>();
  for (const service of DEMO_SERVICE_IDS) {
    const { presentation, seeds } = SEEDS[service];
    catalog.set(
      service,
      seeds.map((seed) => toProductInfo(service, presentation, seed, options.nowMs)),
    );
  }
  return catalog;
}

export interface DemoServicesOptions {
  readonly clock: Clock;
  readonly latencyMs?: Latency;
  readonly failureRate?: number;
  /** Each service derives its own seed from it, so their draws are independent yet replayable. */
  readonly seed?: number;
}

/** One simulated product service per demo product line, seeded with the demo catalog. */
export function createDemoServices(options: DemoServicesOptions): FakeProductService[] {
  const seed = options.seed ?? 1;
  return [...demoCatalog({ nowMs: options.clock.nowMs() })].map(
    ([service, products]) =>
      new FakeProductService({
        id: service,
        clock: options.clock,
        products,
        ...(options.latencyMs !== undefined && { latencyMs: options.latencyMs }),
        ...(options.failureRate !== undefined && { failureRate: options.failureRate }),
        seed: (seed ^ hashString(service)) >>> 0,
      }),
  );
}

function toProductInfo(
  service: ServiceId,
  presentation: ProductPresentation,
  seed: Seed,
  nowMs: number,
): ProductInfo {
  const slug = seed.id.toLowerCase();
  return {
    id: seed.id,
    service,
    version: nowMs,
    presentation,
    title: seed.title,
    subtitle: seed.subtitle,
    imageUrl: `https://images.example.com/${service}/${slug}.jpg`,
    imageAlt: seed.imageAlt,
    price: seed.priceMinor === undefined ? undefined : { amountMinor: seed.priceMinor, currency: CURRENCY },
    originalPrice:
      seed.originalPriceMinor === undefined
        ? undefined
        : { amountMinor: seed.originalPriceMinor, currency: CURRENCY },
    badge: seed.badge,
    metric: seed.metric,
    endsAtMs: seed.endsInHours === undefined ? undefined : nowMs + seed.endsInHours * HOUR_MS,
    route: `product/${service}/${seed.id}`,
    webUrl: `https://www.example.com/${service}/${slug}`,
  };
}

function deal(
  id: string,
  title: string,
  subtitle: string,
  priceMinor: number,
  originalPriceMinor: number,
  endsInHours: number,
): Seed {
  const percentOff = Math.round((1 - priceMinor / originalPriceMinor) * 100);
  return {
    id,
    title,
    subtitle,
    imageAlt: title,
    priceMinor,
    originalPriceMinor,
    badge: `-${percentOff}%`,
    endsInHours,
  };
}

function offer(
  id: string,
  title: string,
  subtitle: string,
  priceMinor: number,
  imageAlt: string,
  badge?: string,
): Seed {
  return { id, title, subtitle, imageAlt, priceMinor, ...(badge !== undefined && { badge }) };
}

function metric(id: string, title: string, subtitle: string, value: number, max: number, unit: string): Seed {
  // A metric's picture is an icon next to the numbers: decorative, so screen readers skip it.
  return { id, title, subtitle, imageAlt: "", metric: { value, max, unit } };
}

function media(id: string, title: string, subtitle: string): Seed {
  return { id, title, subtitle, imageAlt: `${title} poster` };
}
