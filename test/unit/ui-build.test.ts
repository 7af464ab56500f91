import { describe, expect, it } from "vitest";
import type { ResolvedProduct } from "../../src/domain/index.js";
import {
  type ComponentKind,
  FRESH_FOR_MS,
  type HomeScreen,
  SECTION_KIND_OF,
  type Section,
  TILE_KIND_OF,
  type Tile,
  buildHomeScreen,
  tileRevision,
  tilesOf,
} from "../../src/ui-components/index.js";
import {
  EVERYTHING,
  NOW_MS,
  buildOptions,
  capabilities,
  failedSection,
  genericProduct,
  home,
  pendingProduct,
  personalProduct,
  productInfo,
  refOf,
  section,
  unavailableProduct,
} from "../support/resolved.js";

/** The one section of a one-section screen. */
function onlySection(screen: HomeScreen): Section {
  expect(screen.sections).toHaveLength(1);
  return screen.sections[0] as Section;
}

/** The one tile of a one-tile screen. */
function onlyTile(screen: HomeScreen): Tile {
  const tiles = tilesOf(onlySection(screen));
  expect(tiles).toHaveLength(1);
  return tiles[0] as Tile;
}

function tileOf(product: ResolvedProduct, components: readonly ComponentKind[]): Tile {
  return onlyTile(
    buildHomeScreen(home([section("s", "list", [product])]), capabilities(components), buildOptions()),
  );
}

const offer = productInfo("offer-1", {
  presentation: "offer",
  title: "Travel insurance",
  subtitle: "Covers your whole family",
  price: { amountMinor: 1299, currency: "USD" },
  badge: "New",
  imageUrl: "https://img.example.com/offer-1.jpg",
  imageAlt: "A family on a beach",
});
const deal = productInfo("deal-1", {
  presentation: "deal",
  title: "Noise-cancelling headphones",
  price: { amountMinor: 19900, currency: "USD" },
  originalPrice: { amountMinor: 29900, currency: "USD" },
  badge: "-33%",
  endsAtMs: NOW_MS + 86_400_000,
});
const metric = productInfo("metric-1", {
  presentation: "metric",
  title: "Mobile data",
  metric: { value: 9.2, max: 10, unit: "GB" },
});
const media = productInfo("media-1", {
  presentation: "media",
  title: "The Long Way Home",
  subtitle: "Episode 4",
  imageUrl: "https://img.example.com/media-1.jpg",
  imageAlt: "Poster",
  progress: 0.4,
});

describe("buildHomeScreen: tiles", () => {
  it("shows an offer as a ProductTile with its price, badge and image when the client declares it", () => {
    const tile = tileOf(genericProduct(offer), ["PRODUCT_TILE"]);
    expect(tile).toMatchObject({
      __typename: "ProductTile",
      title: "Travel insurance",
      subtitle: "Covers your whole family",
      price: { amountMinor: 1299, currency: "USD", formatted: "$12.99" },
      badge: { label: "New", tone: "ACCENT" },
      image: {
        url: "https://img.example.com/offer-1.jpg",
        alt: "A family on a beach",
        aspectRatio: "LANDSCAPE",
      },
    });
  });

  it("shows a priced deal as a DealTile with both prices, the discount and when it ends", () => {
    const tile = tileOf(genericProduct(deal), ["DEAL_TILE", "PRODUCT_TILE"]);
    expect(tile).toMatchObject({
      __typename: "DealTile",
      title: "Noise-cancelling headphones",
      price: { amountMinor: 19900, formatted: "$199.00" },
      originalPrice: { amountMinor: 29900, formatted: "$299.00" },
      discount: { label: "-33%", tone: "POSITIVE" },
      endsAt: new Date(NOW_MS + 86_400_000),
    });
  });

  it("shows a deal without a price as a ProductTile, since a DealTile needs one", () => {
    const unpriced = productInfo("deal-2", { presentation: "deal", title: "Mystery deal" });
    const tile = tileOf(genericProduct(unpriced), ["DEAL_TILE", "PRODUCT_TILE"]);
    expect(tile).toMatchObject({ __typename: "ProductTile", title: "Mystery deal", price: null });
  });

  it("shows a metric as a MetricTile with its caption, and a nearly full one in a critical tone", () => {
    const tile = tileOf(genericProduct(metric), ["METRIC_TILE"]);
    expect(tile).toMatchObject({
      __typename: "MetricTile",
      title: "Mobile data",
      value: 9.2,
      max: 10,
      unit: "GB",
      caption: "9.2 of 10 GB",
      tone: "CRITICAL",
    });
  });

  it("shows media with an image as a MediaTile with a portrait image and the viewer's progress", () => {
    const tile = tileOf(genericProduct(media), ["MEDIA_TILE"]);
    expect(tile).toMatchObject({
      __typename: "MediaTile",
      title: "The Long Way Home",
      subtitle: "Episode 4",
      image: { url: "https://img.example.com/media-1.jpg", alt: "Poster", aspectRatio: "PORTRAIT" },
      progress: 0.4,
    });
  });

  it("shows media without an image as a ProductTile, since a MediaTile needs one", () => {
    const imageless = productInfo("media-2", { presentation: "media", title: "Audiobook" });
    const tile = tileOf(genericProduct(imageless), ["MEDIA_TILE", "PRODUCT_TILE"]);
    expect(tile).toMatchObject({ __typename: "ProductTile", title: "Audiobook", image: null });
  });

  it.each([
    { name: "an offer", info: offer, subtitle: "Covers your whole family · $12.99 · New" },
    { name: "a deal", info: deal, subtitle: "$199.00 · -33%" },
    { name: "a metric", info: metric, subtitle: "9.2 of 10 GB" },
    { name: "media", info: media, subtitle: "Episode 4" },
  ])(
    "downgrades $name to a BasicTile with a one-line summary for a baseline client",
    ({ info, subtitle }) => {
      const tile = tileOf(genericProduct(info), []);
      expect(tile).toMatchObject({ __typename: "BasicTile", title: info.title, subtitle });
      expect(tile.analytics.component).toBe("BASIC_TILE");
    },
  );

  it("downgrades to a BasicTile when only other rich tiles are declared", () => {
    const tile = tileOf(genericProduct(metric), ["PRODUCT_TILE", "DEAL_TILE", "MEDIA_TILE"]);
    expect(tile).toMatchObject({ __typename: "BasicTile", subtitle: "9.2 of 10 GB" });
  });

  it("shows pending and unavailable products as placeholders when the client declares them", () => {
    const screen = buildHomeScreen(
      home([
        section("s", "list", [
          genericProduct(offer),
          pendingProduct("slow-1"),
          unavailableProduct("gone-1", { reason: "NO_DATA" }),
        ]),
      ]),
      EVERYTHING,
      buildOptions(),
    );
    const [, pending, unavailable] = tilesOf(onlySection(screen));
    expect(pending).toMatchObject({
      __typename: "PlaceholderTile",
      id: "s.slow-1",
      message: "Loading",
      product: { id: "slow-1", service: "shop" },
      personalization: { state: "PENDING", reason: "SERVICE_SLOW" },
      action: null,
    });
    expect(unavailable).toMatchObject({
      __typename: "PlaceholderTile",
      id: "s.gone-1",
      message: "Not available right now",
      personalization: { state: "UNAVAILABLE", reason: "NO_DATA" },
      action: null,
    });
  });

  it("omits placeholders for a client that does not declare them, keeping the other tiles", () => {
    const screen = buildHomeScreen(
      home([
        section("s", "list", [
          pendingProduct("slow-1"),
          genericProduct(offer),
          unavailableProduct("gone-1"),
          genericProduct(deal),
        ]),
      ]),
      capabilities(["PRODUCT_TILE", "DEAL_TILE"]),
      buildOptions(),
    );
    const tiles = tilesOf(onlySection(screen));
    expect(tiles.map((tile) => [tile.__typename, tile.id])).toEqual([
      ["ProductTile", "s.offer-1"],
      ["DealTile", "s.deal-1"],
    ]);
  });

  it("marks generic and personalised tiles with their state and why they are not personal", () => {
    const screen = buildHomeScreen(
      home([
        section("s", "list", [
          genericProduct(offer, { reason: "SERVICE_SLOW" }),
          personalProduct(productInfo("mine-1")),
        ]),
      ]),
      EVERYTHING,
      buildOptions(),
    );
    expect(tilesOf(onlySection(screen)).map((tile) => tile.personalization)).toEqual([
      { state: "GENERIC", reason: "SERVICE_SLOW" },
      { state: "PERSONALIZED", reason: null },
    ]);
  });
});

describe("buildHomeScreen: sections", () => {
  it("shows a hero with one tile as a HeroSection holding that tile", () => {
    const screen = buildHomeScreen(
      home([section("top", "hero", [genericProduct(offer)], "Picked for you")]),
      EVERYTHING,
      buildOptions(),
    );
    expect(onlySection(screen)).toMatchObject({
      __typename: "HeroSection",
      id: "top",
      title: "Picked for you",
      variant: "EMPHASIZED",
      tile: { id: "top.offer-1", variant: "FEATURED" },
    });
  });

  it("counts only the tiles the client gets: a hero with one omitted placeholder is still a HeroSection", () => {
    const screen = buildHomeScreen(
      home([section("top", "hero", [pendingProduct("slow-1"), genericProduct(offer)])]),
      capabilities(["HERO_SECTION", "PRODUCT_TILE"]),
      buildOptions(),
    );
    expect(onlySection(screen)).toMatchObject({ __typename: "HeroSection", tile: { id: "top.offer-1" } });
  });

  it("shows a hero with several tiles as a list", () => {
    const screen = buildHomeScreen(
      home([section("top", "hero", [genericProduct(offer), genericProduct(deal)])]),
      EVERYTHING,
      buildOptions(),
    );
    const only = onlySection(screen);
    expect(only.__typename).toBe("ListSection");
    expect(tilesOf(only).map((tile) => tile.id)).toEqual(["top.offer-1", "top.deal-1"]);
  });

  it.each([
    { kind: "hero", products: [offer], declared: "HeroSection" },
    { kind: "carousel", products: [offer, deal], declared: "CarouselSection" },
    { kind: "grid", products: [offer, deal], declared: "GridSection" },
    { kind: "list", products: [offer, deal], declared: "ListSection" },
  ] as const)("shows a $kind section as a $declared when declared, else as a ListSection", (example) => {
    const resolved = home([
      section(
        "s",
        example.kind,
        example.products.map((info) => genericProduct(info)),
      ),
    ]);
    const rich = onlySection(buildHomeScreen(resolved, EVERYTHING, buildOptions()));
    const baseline = onlySection(buildHomeScreen(resolved, capabilities(), buildOptions()));

    expect(rich.__typename).toBe(example.declared);
    expect(rich.analytics.component).toBe(SECTION_KIND_OF[example.declared]);
    expect(baseline.__typename).toBe("ListSection");
    expect(baseline.analytics.component).toBe("LIST_SECTION");
    expect(tilesOf(baseline).map((tile) => tile.id)).toEqual(tilesOf(rich).map((tile) => tile.id));
  });

  it("gives a grid two columns of compact tiles", () => {
    const screen = buildHomeScreen(
      home([section("g", "grid", [genericProduct(offer), genericProduct(deal)])]),
      EVERYTHING,
      buildOptions(),
    );
    const grid = onlySection(screen);
    expect(grid).toMatchObject({ __typename: "GridSection", columns: 2 });
    expect(tilesOf(grid).map((tile) => tile.variant)).toEqual(["COMPACT", "COMPACT"]);
  });

  it("omits sections with nothing to show: no products, or only placeholders the client cannot render", () => {
    const screen = buildHomeScreen(
      home([
        section("empty", "carousel", []),
        section("waiting", "list", [pendingProduct("slow-1"), pendingProduct("slow-2")]),
        section("shown", "list", [genericProduct(offer)]),
      ]),
      capabilities(["PRODUCT_TILE", "ERROR_SECTION"]),
      buildOptions(),
    );
    expect(screen.sections.map((shown) => shown.id)).toEqual(["shown"]);
  });

  it("shows a section whose products are all unavailable as an ErrorSection with a retry", () => {
    const screen = buildHomeScreen(
      home([
        section(
          "s",
          "carousel",
          [unavailableProduct("gone-1"), unavailableProduct("gone-2")],
          "Trips for you",
        ),
      ]),
      EVERYTHING,
      buildOptions(),
    );
    expect(onlySection(screen)).toEqual({
      __typename: "ErrorSection",
      id: "s",
      revision: 0,
      title: "Trips for you",
      variant: "DEFAULT",
      accessibilityLabel: "Trips for you: This section is unavailable right now.",
      analytics: { loggingId: "s", component: "ERROR_SECTION", position: 0 },
      message: "This section is unavailable right now.",
      code: "SECTION_UNAVAILABLE",
      retry: {
        __typename: "RetryAction",
        sectionId: "s",
        retryAfterSeconds: 30,
        fallbackUrl: "https://www.example.com/",
        accessibilityLabel: "Retry Trips for you",
      },
    });
  });

  it("makes the error section's retry open the web site for a client that cannot retry", () => {
    const screen = buildHomeScreen(
      home([section("s", "list", [unavailableProduct("gone-1")], "Trips for you")]),
      capabilities(["ERROR_SECTION"]),
      buildOptions({ webBaseUrl: "https://m.example.org" }),
    );
    expect(onlySection(screen)).toMatchObject({
      __typename: "ErrorSection",
      code: "SECTION_UNAVAILABLE",
      retry: {
        __typename: "OpenUrlAction",
        url: "https://m.example.org/",
        fallbackUrl: "https://m.example.org/",
        accessibilityLabel: "Retry Trips for you",
      },
    });
  });

  it("omits an unavailable section for a client that cannot render error sections", () => {
    const screen = buildHomeScreen(
      home([
        section("gone", "list", [unavailableProduct("gone-1")]),
        section("shown", "list", [genericProduct(offer)]),
      ]),
      capabilities(["PRODUCT_TILE", "PLACEHOLDER_TILE"], ["RETRY"]),
      buildOptions(),
    );
    expect(screen.sections.map((shown) => [shown.__typename, shown.id])).toEqual([["ListSection", "shown"]]);
  });

  it("keeps a section with some unavailable products as a normal section", () => {
    const screen = buildHomeScreen(
      home([section("s", "list", [unavailableProduct("gone-1"), genericProduct(offer)])]),
      EVERYTHING,
      buildOptions(),
    );
    const only = onlySection(screen);
    expect(only.__typename).toBe("ListSection");
    expect(tilesOf(only).map((tile) => tile.__typename)).toEqual(["PlaceholderTile", "ProductTile"]);
  });

  it("shows a section that failed to resolve as an ErrorSection SECTION_FAILED, or omits it", () => {
    const resolved = home([
      failedSection("broken", "carousel", [refOf("x-1")], "Deals for you"),
      section("shown", "list", [genericProduct(offer)]),
    ]);
    const rich = buildHomeScreen(resolved, EVERYTHING, buildOptions());
    const baseline = buildHomeScreen(resolved, capabilities(), buildOptions());

    expect(rich.sections[0]).toMatchObject({
      __typename: "ErrorSection",
      id: "broken",
      code: "SECTION_FAILED",
      message: "This section could not be loaded.",
      title: "Deals for you",
      retry: { __typename: "RetryAction", sectionId: "broken" },
    });
    expect(rich.sections.map((shown) => shown.id)).toEqual(["broken", "shown"]);
    expect(baseline.sections.map((shown) => shown.id)).toEqual(["shown"]);
  });
});

describe("buildHomeScreen: actions", () => {
  it("opens the product natively for a client that declares OPEN_PRODUCT", () => {
    const screen = buildHomeScreen(
      home([
        section("s", "list", [genericProduct(productInfo("fl-1", { service: "travel", title: "Rome" }))]),
      ]),
      capabilities(["PRODUCT_TILE"], ["OPEN_PRODUCT"]),
      buildOptions(),
    );
    expect(onlyTile(screen).action).toEqual({
      __typename: "OpenProductAction",
      productId: "fl-1",
      service: "travel",
      fallbackUrl: "https://www.example.com/travel/fl-1",
      accessibilityLabel: "Open Rome",
    });
  });

  it.each([
    { name: "a rich tile", components: ["PRODUCT_TILE"] as const },
    { name: "a basic tile", components: [] as const },
  ])("opens the product's web page from $name for a client without OPEN_PRODUCT", ({ components }) => {
    const screen = buildHomeScreen(
      home([
        section("s", "list", [genericProduct(productInfo("fl-1", { service: "travel", title: "Rome" }))]),
      ]),
      capabilities(components),
      buildOptions(),
    );
    expect(onlyTile(screen).action).toEqual({
      __typename: "OpenUrlAction",
      url: "https://www.example.com/travel/fl-1",
      fallbackUrl: "https://www.example.com/travel/fl-1",
      accessibilityLabel: "Open Rome",
    });
  });
});

describe("buildHomeScreen: identity, revisions and freshness", () => {
  it("names each tile <sectionId>.<productId>, whatever it shows and whoever renders it", () => {
    const info = productInfo("p-1");
    const idsFor = (product: ResolvedProduct) =>
      buildHomeScreen(
        home([section("deals", "carousel", [product]), section("more", "list", [product])]),
        EVERYTHING,
        buildOptions(),
      ).sections.flatMap((shown) => tilesOf(shown).map((tile) => tile.id));

    expect(idsFor(genericProduct(info))).toEqual(["deals.p-1", "more.p-1"]);
    expect(idsFor(personalProduct(info))).toEqual(["deals.p-1", "more.p-1"]);
    expect(idsFor(pendingProduct("p-1"))).toEqual(["deals.p-1", "more.p-1"]);
  });

  it("ranks revisions for the same versions from unavailable to pending to generic to personalised", () => {
    const versions = { personalVersion: 7, genericVersion: 7 };
    const screen = buildHomeScreen(
      home([
        section("s", "list", [
          unavailableProduct("a", versions),
          pendingProduct("b", versions),
          genericProduct(productInfo("c", { version: 7 }), versions),
          personalProduct(productInfo("d", { version: 7 }), versions),
        ]),
      ]),
      EVERYTHING,
      buildOptions(),
    );
    const revisions = tilesOf(onlySection(screen)).map((tile) => tile.revision);
    expect(revisions).toHaveLength(4);
    expect([...revisions].sort((a, b) => a - b)).toEqual(revisions);
    expect(new Set(revisions).size).toBe(4);
  });

  it("raises a tile's revision with newer data, and a personalised tile outranks the generic one it replaces", () => {
    const revisionOf = (product: ResolvedProduct) => tileOf(product, ["PRODUCT_TILE"]).revision;
    const genericOld = revisionOf(genericProduct(productInfo("p", { version: 100 })));
    const genericNew = revisionOf(genericProduct(productInfo("p", { version: 101 })));
    const personalOld = revisionOf(personalProduct(productInfo("p", { version: 100 })));
    const personalNew = revisionOf(personalProduct(productInfo("p", { version: 101 })));
    // ProductData's shape when a personal entry older than the generic one replaces it.
    const personalOverNewerGeneric = revisionOf(
      personalProduct(productInfo("p", { version: 50 }), { genericVersion: 101 }),
    );

    expect(genericNew).toBeGreaterThan(genericOld);
    expect(personalNew).toBeGreaterThan(personalOld);
    expect(personalOld).toBeGreaterThan(genericOld);
    expect(personalOverNewerGeneric).toBeGreaterThan(genericNew);
  });

  it("gives each section the highest revision of its tiles and the screen the highest of its sections", () => {
    const screen = buildHomeScreen(
      home([
        section("a", "list", [
          genericProduct(productInfo("a-1", { version: 3 })),
          genericProduct(productInfo("a-2", { version: 9 })),
        ]),
        section("b", "list", [genericProduct(productInfo("b-1", { version: 5 }))]),
        section("c", "list", [unavailableProduct("c-1")]),
      ]),
      EVERYTHING,
      buildOptions(),
    );
    const [a, b, c] = screen.sections as [Section, Section, Section];
    const maxTile = (shown: Section) => Math.max(...tilesOf(shown).map((tile) => tile.revision));

    expect(a.revision).toBe(maxTile(a));
    expect(b.revision).toBe(maxTile(b));
    expect(a.revision).toBeGreaterThan(b.revision);
    expect(c).toMatchObject({ __typename: "ErrorSection", revision: 0 });
    expect(screen.revision).toBe(a.revision);
  });

  it("makes the screen stale when its soonest-stale tile is", () => {
    const screenOf = (products: ResolvedProduct[]) =>
      buildHomeScreen(home([section("s", "list", products)]), EVERYTHING, buildOptions());
    const personal = personalProduct(productInfo("p-1"));
    const generic = genericProduct(productInfo("g-1"));

    const onlyPersonal = screenOf([personal]);
    const withGeneric = screenOf([personal, generic]);
    const withPending = screenOf([personal, generic, pendingProduct("slow-1")]);

    expect(onlyPersonal.staleAfter).toEqual(new Date(NOW_MS + FRESH_FOR_MS.PERSONALIZED));
    expect(withGeneric.staleAfter).toEqual(new Date(NOW_MS + FRESH_FOR_MS.GENERIC));
    expect(withPending.staleAfter).toEqual(new Date(NOW_MS + FRESH_FOR_MS.PENDING));
    expect(tilesOf(onlySection(withPending)).map((tile) => tile.staleAfter.getTime() - NOW_MS)).toEqual([
      FRESH_FOR_MS.PERSONALIZED,
      FRESH_FOR_MS.GENERIC,
      FRESH_FOR_MS.PENDING,
    ]);
    expect(withPending.generatedAt).toEqual(new Date(NOW_MS));
  });

  it("names the screen after its viewer", () => {
    const sections = [section("s", "list", [genericProduct(offer)])];
    const user = buildHomeScreen(home(sections, { kind: "user", id: "u-42" }), EVERYTHING, buildOptions());
    const anonymous = buildHomeScreen(home(sections, { kind: "anonymous" }), EVERYTHING, buildOptions());

    expect([user.id, user.viewer]).toEqual(["home:u-42", { id: "u-42", anonymous: false }]);
    expect([anonymous.id, anonymous.viewer]).toEqual(["home:anonymous", { id: null, anonymous: true }]);
    expect(user.schemaVersion).toBe("1");
  });
});

describe("buildHomeScreen: locale", () => {
  it.each([
    { locale: "en-US", price: { amountMinor: 129900, currency: "USD" }, formatted: "$1,299.00" },
    { locale: "de-DE", price: { amountMinor: 129900, currency: "EUR" }, formatted: "1.299,00\u00a0€" },
    { locale: "de-DE", price: { amountMinor: 995, currency: "USD" }, formatted: "9,95\u00a0$" },
    { locale: "en-US", price: { amountMinor: 1299, currency: "JPY" }, formatted: "¥1,299" },
  ])(
    "formats $price.amountMinor minor units of $price.currency for $locale",
    ({ locale, price, formatted }) => {
      const info = productInfo("p-1", { title: "Laptop", price });
      const screen = buildHomeScreen(
        home([section("s", "list", [genericProduct(info)])]),
        EVERYTHING,
        buildOptions({ locale }),
      );
      const tile = onlyTile(screen);
      expect(tile).toMatchObject({ __typename: "ProductTile", price: { ...price, formatted } });
      expect(tile.accessibilityLabel).toBe(`Laptop, ${formatted}`);
    },
  );

  it("formats a metric's numbers for the viewer's locale", () => {
    const info = productInfo("m-1", { presentation: "metric", metric: { value: 3.25, max: 10, unit: "GB" } });
    const screen = buildHomeScreen(
      home([section("s", "list", [genericProduct(info)])]),
      capabilities(),
      buildOptions({ locale: "de-DE" }),
    );
    expect(onlyTile(screen)).toMatchObject({ __typename: "BasicTile", subtitle: "3,3 of 10 GB" });
  });
});

describe("buildHomeScreen: accessibility and analytics", () => {
  const everyKind = home([
    section("hero", "hero", [personalProduct(offer)], "Picked for you"),
    section("deals", "carousel", [genericProduct(deal), genericProduct(media), pendingProduct("slow-1")]),
    section("usage", "grid", [genericProduct(metric), unavailableProduct("gone-1")]),
    section("down", "list", [unavailableProduct("gone-2")], "Cover for you"),
    failedSection("broken", "list", [refOf("x-1")], "Trips for you"),
  ]);

  it.each([
    { name: "a client that renders everything", declared: EVERYTHING },
    { name: "a baseline client", declared: capabilities() },
  ])("labels every section and tile for screen readers for $name", ({ declared }) => {
    const screen = buildHomeScreen(everyKind, declared, buildOptions());
    const tiles = screen.sections.flatMap((shown) => tilesOf(shown));

    expect(screen.sections.length).toBeGreaterThan(0);
    expect(tiles.length).toBeGreaterThan(0);
    for (const labelled of [...screen.sections, ...tiles]) {
      expect(labelled.accessibilityLabel, labelled.id).toMatch(/\S/);
    }
    for (const tile of tiles) {
      if (tile.action) expect(tile.action.accessibilityLabel, tile.id).toMatch(/\S/);
    }
  });

  it("says what each tile shows, and that a placeholder is loading or unavailable", () => {
    const screen = buildHomeScreen(everyKind, EVERYTHING, buildOptions());
    const labels = Object.fromEntries(
      screen.sections.flatMap((shown) => tilesOf(shown).map((tile) => [tile.id, tile.accessibilityLabel])),
    );
    expect(labels).toEqual({
      "hero.offer-1": "Travel insurance, Covers your whole family · $12.99 · New",
      "deals.deal-1": "Noise-cancelling headphones, $199.00 · -33%",
      "deals.media-1": "The Long Way Home, Episode 4",
      "deals.slow-1": "Loading content",
      "usage.metric-1": "Mobile data, 9.2 of 10 GB",
      "usage.gone-1": "Not available right now",
    });
    expect(screen.sections.map((shown) => shown.accessibilityLabel)).toEqual([
      "Picked for you",
      "Section deals",
      "Section usage",
      "Cover for you: This section is unavailable right now.",
      "Trips for you: This section could not be loaded.",
    ]);
  });

  it("logs sections by id and place on the screen, tiles by section and product and place in the section", () => {
    const screen = buildHomeScreen(everyKind, EVERYTHING, buildOptions());

    expect(screen.sections.map((shown) => shown.analytics)).toEqual([
      { loggingId: "hero", component: "HERO_SECTION", position: 0 },
      { loggingId: "deals", component: "CAROUSEL_SECTION", position: 1 },
      { loggingId: "usage", component: "GRID_SECTION", position: 2 },
      { loggingId: "down", component: "ERROR_SECTION", position: 3 },
      { loggingId: "broken", component: "ERROR_SECTION", position: 4 },
    ]);
    const deals = screen.sections[1] as Section;
    expect(tilesOf(deals).map((tile) => tile.analytics)).toEqual([
      { loggingId: "deals.deal-1", component: "DEAL_TILE", position: 0 },
      { loggingId: "deals.media-1", component: "MEDIA_TILE", position: 1 },
      { loggingId: "deals.slow-1", component: "PLACEHOLDER_TILE", position: 2 },
    ]);
    for (const tile of screen.sections.flatMap((shown) => tilesOf(shown))) {
      expect(tile.analytics.component).toBe(TILE_KIND_OF[tile.__typename]);
    }
  });
});

describe("one bad tile fails only itself", () => {
  const TOP = Number.MAX_SAFE_INTEGER;

  it("derives revisions that fit a SafeInt for every accepted version, in order", () => {
    const versions = [0, 1, 2 ** 40, 3 * 2 ** 49 - 1, 3 * 2 ** 49, 2 ** 51, 2 ** 52, TOP - 16, TOP];
    const revisions = versions.flatMap((version) => [
      tileRevision(unavailableProduct("p", { genericVersion: version })),
      tileOf(genericProduct(productInfo("p", { version })), []).revision,
      tileOf(personalProduct(productInfo("p", { version })), []).revision,
    ]);
    for (const revision of revisions) expect(Number.isSafeInteger(revision), String(revision)).toBe(true);
    // Never lower for a higher version or a richer state; strictly higher below 3 * 2^49.
    revisions.reduce((previous, revision) => {
      expect(revision).toBeGreaterThanOrEqual(previous);
      return revision;
    });
    const exact = revisions.slice(0, 12);
    expect(new Set(exact).size).toBe(exact.length);
    // Upstreams may send any number as a version: even 1e300 gives a revision a client can read.
    expect(
      Number.isSafeInteger(tileOf(personalProduct(productInfo("p", { version: 1e300 })), []).revision),
    ).toBe(true);
  });

  it("shows a tile it cannot complete as a placeholder, reports it, and keeps the rest of the screen", () => {
    const faults: unknown[] = [];
    const broken = productInfo("deal-bad", {
      presentation: "deal",
      price: { amountMinor: 100, currency: "EUR" },
      endsAtMs: 1e300,
    });
    const screen = buildHomeScreen(
      home([section("s", "list", [genericProduct(broken), genericProduct(offer)])]),
      EVERYTHING,
      buildOptions({ onTileFault: (fault) => faults.push(fault) }),
    );
    const tiles = tilesOf(onlySection(screen));
    expect(tiles.map((tile) => [tile.id, tile.__typename, tile.personalization.state])).toEqual([
      ["s.deal-bad", "PlaceholderTile", "UNAVAILABLE"],
      ["s.offer-1", "ProductTile", "GENERIC"],
    ]);
    expect(faults).toEqual([
      {
        tileId: "s.deal-bad",
        product: { id: "deal-bad", service: "shop" },
        reason: "endsAt: not a valid date",
      },
    ]);
  });

  it("leaves such a tile out for a client that renders no placeholders", () => {
    const broken = productInfo("metric-bad", {
      presentation: "metric",
      metric: { value: Infinity, max: 1, unit: "GB" },
    });
    const screen = buildHomeScreen(
      home([section("s", "list", [genericProduct(broken), genericProduct(offer)])]),
      capabilities(["METRIC_TILE", "PRODUCT_TILE"]),
      buildOptions(),
    );
    expect(tilesOf(onlySection(screen)).map((tile) => tile.id)).toEqual(["s.offer-1"]);
  });

  it("turns a tile whose building throws into a placeholder with the cause", () => {
    const faults: { reason: string; cause?: unknown }[] = [];
    const odd = productInfo("odd", { price: { amountMinor: 100, currency: "EUR" } });
    const screen = buildHomeScreen(
      home([section("s", "list", [genericProduct(odd)])]),
      EVERYTHING,
      // A locale the runtime refuses throws inside Intl, as a hostile client's would.
      buildOptions({ locale: "i-klingon", onTileFault: (fault) => faults.push(fault) }),
    );
    expect(onlyTile(screen).__typename).toBe("PlaceholderTile");
    expect(faults).toEqual([
      {
        tileId: "s.odd",
        product: { id: "odd", service: "shop" },
        reason: "the tile could not be built",
        cause: expect.any(RangeError),
      },
    ]);
  });
});
