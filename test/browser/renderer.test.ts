import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ProductInfo } from "../../src/domain/index.js";
import type { RendererHomeQuery } from "../../web/renderer/gql/graphql.js";
import { ARTIFACTS, describeInBrowser, launchChromium, recordedContext } from "../support/browser.js";
import { waitFor } from "../support/wait-for.js";
import { type WebGateway, startWebGateway } from "../support/web-gateway.js";

const SECTION_KINDS = ["HeroSection", "CarouselSection", "GridSection", "ListSection", "ErrorSection"];

describeInBrowser("the reference renderer", () => {
  let gateway: WebGateway;
  let browser: Browser;
  let failing: string;
  beforeAll(async () => {
    gateway = await startWebGateway();
    // One product line is down from the start (nothing cached): its section arrives as an ErrorSection.
    // Not the line of alice's hero, and not insurance, her list.
    const plan = await gateway.app.recommendations.forViewer({ kind: "user", id: "alice" });
    const heroService = plan.sections[0]?.products[0]?.service;
    failing = ["travel", "media", "shop"].find((service) => service !== heroService) as string;
    gateway.app.service(failing).failWith(new Error("down for this test"));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  async function open(page: Page, user: string): Promise<void> {
    await page.goto(`${gateway.origin}/renderer/?user=${user}`);
    await page.waitForSelector(`body[data-viewer="${user}"]`);
    await page.waitForSelector('#status[data-status="live"]');
    // Sections past the first two arrive as stubs, each loaded on its own: wait for all of them.
    await page.waitForSelector('body[data-lazy-pending="0"]');
  }

  const titles = (page: Page): Promise<Record<string, string>> =>
    page
      .locator("[data-tile-id]")
      .evaluateAll((tiles) =>
        Object.fromEntries(
          tiles.map((tile) => [
            (tile as HTMLElement).dataset.tileId,
            tile.querySelector(".tile__title")?.textContent ?? "",
          ]),
        ),
      );

  it("shows the demo screen with every section kind, with nothing leaving the machine", async () => {
    const { context, page, log } = await recordedContext(browser);
    await open(page, "alice");

    const kinds = await page
      .locator("[data-section-id]")
      .evaluateAll((sections) => sections.map((section) => (section as HTMLElement).dataset.kind));
    expect(new Set(kinds)).toEqual(new Set(SECTION_KINDS));
    const error = page.locator('[data-kind="ErrorSection"]');
    expect(await error.getAttribute("data-section-id")).toBe(
      { travel: "trips", media: "watching", shop: "deals" }[failing],
    );
    await expect.poll(() => error.locator("button[data-retry]").innerText()).toBe("Retry");

    // Her tiles are marked as hers; images are boxes with their alt text, never loaded from afar.
    expect(
      await page.locator('.tile[data-personalization="PERSONALIZED"] .state--personalized').count(),
    ).toBe(await page.locator(".tile").count());
    expect(await page.locator(".image[data-src^='https://images.example.com/']").count()).toBeGreaterThan(5);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("a.tile[href^='https://www.example.com/']").count()).toBeGreaterThan(5);
    expect(await page.locator("#viewer").inputValue()).toBe("alice");

    await page.screenshot({ path: `${ARTIFACTS}renderer-alice.png`, fullPage: true });
    expect(log.requests.some((url) => /^ws:\/\/127\.0\.0\.1:\d+\/graphql$/.test(url))).toBe(true);
    expect(log.offMachine()).toEqual([]);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("applies a pushed tile in place within a second, without a reload", async () => {
    const { context, page, log } = await recordedContext(browser);
    await open(page, "alice");
    const target = page.locator('[data-kind="CarouselSection"] .tile[data-product]').first();
    const tileId = (await target.getAttribute("data-tile-id")) as string;
    const [service, productId] = ((await target.getAttribute("data-product")) as string).split("/") as [
      string,
      string,
    ];
    const revisionBefore = Number(await target.getAttribute("data-revision"));
    const before = await titles(page);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    const upstream = gateway.app.service(service);
    const push = async (title: string): Promise<void> => {
      const current = upstream.peekPersonal("alice", productId) as ProductInfo;
      const info = upstream.setPersonal("alice", { ...current, title });
      await gateway.app.changes.publish({ kind: "personal", user: "alice", info });
    };
    const shown = page.locator(`[data-tile-id="${tileId}"] .tile__title`);
    // The subscription is live once a push shows up; until then, push again.
    await waitFor(
      async () => {
        await push("Warming up");
        return (await shown.textContent()) === "Warming up";
      },
      { timeoutMs: 10_000, intervalMs: 250, what: "the first pushed tile on the page" },
    );

    const startedMs = Date.now();
    await push("Just for Alice");
    await page.waitForFunction(
      ([id, title]) =>
        document.querySelector(`[data-tile-id="${CSS.escape(id)}"] .tile__title`)?.textContent === title,
      [tileId, "Just for Alice"] as const,
      { timeout: 1_000, polling: 10 },
    );
    expect(Date.now() - startedMs).toBeLessThan(1_000);

    // The same page, only that tile changed, and its revision went up.
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
    const after = await titles(page);
    expect(after).toEqual({ ...before, [tileId]: "Just for Alice" });
    expect(
      Number(await page.locator(`[data-tile-id="${tileId}"]`).getAttribute("data-revision")),
    ).toBeGreaterThan(revisionBefore);
    await page.locator(`[data-tile-id="${tileId}"]`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}renderer-pushed-tile.png` });
    expect(log.offMachine()).toEqual([]);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("switches viewers with the picker, and shows generic tiles as generic", async () => {
    const { context, page, log } = await recordedContext(browser);
    await open(page, "bob");
    await page.locator("#viewer").selectOption("");
    await page.waitForSelector('body[data-viewer="anonymous"]');
    await page.waitForSelector('body[data-lazy-pending="0"]');
    const states = await page
      .locator(".tile")
      .evaluateAll((tiles) => tiles.map((tile) => (tile as HTMLElement).dataset.personalization));
    expect(new Set(states)).toEqual(new Set(["GENERIC"]));
    const generic = page.locator(".tile--generic").first();
    expect(await generic.locator(".state--generic").textContent()).toBe("Generic · signed out");
    expect(await generic.evaluate((tile) => getComputedStyle(tile).borderTopStyle)).toBe("dashed");
    expect(new URL(page.url()).searchParams.get("user")).toBeNull();
    expect(log.offMachine()).toEqual([]);
    await context.close();
  });

  it("renders every section and tile kind the schema has, generically", async () => {
    const { context, page, log } = await recordedContext(browser);
    let homeQueries = 0;
    await page.route("**/graphql", async (route) => {
      homeQueries += 1;
      await route.fulfill({ json: { data: { home: EVERY_KIND } } });
    });
    await page.goto(`${gateway.origin}/renderer/`);
    await page.waitForSelector('body[data-viewer="kim"]');

    const kinds = await page
      .locator("[data-kind]")
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.kind));
    expect(new Set(kinds)).toEqual(
      new Set([
        ...SECTION_KINDS,
        "BasicTile",
        "ProductTile",
        "DealTile",
        "MetricTile",
        "MediaTile",
        "PlaceholderTile",
      ]),
    );
    // Personalised and generic look different; a pending tile keeps its space with a placeholder.
    const personal = page.locator('[data-tile-id="rail.product"]');
    const generic = page.locator('[data-tile-id="rail.deal"]');
    expect(await personal.locator(".state").textContent()).toBe("★Personalised");
    expect(await generic.locator(".state").textContent()).toBe("Generic · service slow");
    expect(await personal.evaluate((tile) => getComputedStyle(tile).borderTopStyle)).not.toBe(
      await generic.evaluate((tile) => getComputedStyle(tile).borderTopStyle),
    );
    expect(await page.locator('[data-tile-id="grid.pending"] .skeleton').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-tile-id="grid.pending"]').innerText()).toMatch(/Loading/);
    // Actions are links to their web fallback; the grid has the columns it asked for.
    expect(await page.locator('[data-tile-id="hero.basic"]').getAttribute("href")).toBe(
      "https://www.example.com/hero",
    );
    expect(
      await page
        .locator('[data-tiles-of="grid"]')
        .evaluate((grid) => getComputedStyle(grid).gridTemplateColumns),
    ).toMatch(/^\S+ \S+ \S+$/);
    // The error section's retry refetches the screen.
    const before = homeQueries;
    await page.locator('[data-kind="ErrorSection"] button[data-retry]').click();
    await expect.poll(() => homeQueries).toBe(before + 1);

    await page.screenshot({ path: `${ARTIFACTS}renderer-every-kind.png`, fullPage: true });
    expect(log.offMachine()).toEqual([]);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("loads the sections past the first two lazily, one request each, and retries one that failed", async () => {
    const { context, page } = await recordedContext(browser);
    const plan = await gateway.app.recommendations.forViewer({ kind: "user", id: "carol" });
    const lazy = plan.sections.slice(2).map((section) => section.id);
    const target = lazy[0] as string;
    const sectionRequests: string[] = [];
    let failed = 0;
    // The first load of one section fails (a 502 from a proxy, say); the renderer must retry it.
    await page.route("**/graphql", async (route) => {
      const body = route.request().postDataJSON() as { query?: string; variables?: { id?: string } } | null;
      if (body?.query?.includes("query RendererSection") && body.variables?.id) {
        sectionRequests.push(body.variables.id);
        if (body.variables.id === target && failed === 0) {
          failed += 1;
          return route.fulfill({ status: 502, json: { errors: [{ message: "bad gateway" }] } });
        }
      }
      return route.fallback();
    });
    await page.goto(`${gateway.origin}/renderer/?user=carol`);
    await page.waitForSelector('body[data-viewer="carol"]');

    // The failed one shows why and a retry, then loads by itself.
    await page.waitForSelector(
      `[data-section-id="${target}"][data-loading="failed"] button[data-load-section]`,
    );
    await page.waitForSelector('body[data-lazy-pending="0"]', { timeout: 10_000 });
    const shown = await page
      .locator("[data-section-id]")
      .evaluateAll((sections) => sections.map((section) => (section as HTMLElement).dataset.kind));
    expect(shown).not.toContain("LazySection");
    expect(shown).toHaveLength(plan.sections.length);
    expect([...sectionRequests].sort()).toEqual([...lazy, target].sort());
    await context.close();
  });

  it("pages a long carousel loaded lazily: every tile once, in order", async () => {
    const { context, page, log } = await recordedContext(browser);
    const healthy = gateway.app.services.filter((service) => service.id !== failing);
    const products = healthy.flatMap((service) =>
      service.productIds().map((id) => ({ id, service: service.id })),
    );
    const [first, second, ...rest] = products;
    const long = rest.slice(0, 40);
    gateway.app.recommendations.setPlan(
      { kind: "user", id: "dave" },
      {
        sections: [
          { id: "one", kind: "list", title: "One", products: [first as (typeof products)[number]] },
          { id: "two", kind: "list", title: "Two", products: [second as (typeof products)[number]] },
          { id: "long", kind: "carousel", title: "Forty", products: long },
        ],
      },
    );
    await open(page, "dave");
    const rail = page.locator('[data-section-id="long"]');
    expect(await rail.getAttribute("data-kind")).toBe("CarouselSection");
    expect(await rail.locator("[data-tile-id]").count()).toBe(8);

    for (let guard = 0; guard < 10 && (await rail.locator("button[data-more]").count()) > 0; guard++) {
      const before = await rail.locator("[data-tile-id]").count();
      await rail.locator("button[data-more]").click();
      await expect.poll(() => rail.locator("[data-tile-id]").count()).toBeGreaterThan(before);
    }
    const ids = await rail
      .locator("[data-tile-id]")
      .evaluateAll((tiles) => tiles.map((tile) => (tile as HTMLElement).dataset.tileId));
    expect(ids).toEqual(long.map((ref) => `long.${ref.id}`));
    await page.screenshot({ path: `${ARTIFACTS}renderer-paged-carousel.png`, fullPage: true });
    expect(log.offMachine()).toEqual([]);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  it("replaces a failed section in place when its product line recovers, without a reload", async () => {
    const { context, page, log } = await recordedContext(browser);
    await open(page, "alice");
    const sectionId = { travel: "trips", media: "watching", shop: "deals" }[failing] as string;
    const section = page.locator(`[data-section-id="${sectionId}"]`);
    expect(await section.getAttribute("data-kind")).toBe("ErrorSection");
    const revisionBefore = Number(await section.getAttribute("data-revision"));
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const loadsBefore = await page.evaluate(() => document.body.dataset.loads);

    // The line is back; its service pushes a change for one of its products.
    const upstream = gateway.app.service(failing);
    upstream.failWith(null);
    const plan = await gateway.app.recommendations.forViewer({ kind: "user", id: "alice" });
    const productId = plan.sections.find((s) => s.id === sectionId)?.products[0]?.id as string;
    await waitFor(
      async () => {
        const current = upstream.peekPersonal("alice", productId) as ProductInfo;
        const info = upstream.setPersonal("alice", { ...current, title: "Back again" });
        await gateway.app.changes.publish({ kind: "personal", user: "alice", info });
        return (await section.getAttribute("data-kind")) === "CarouselSection";
      },
      { timeoutMs: 10_000, intervalMs: 250, what: "the recovered section on the page" },
    );

    expect(Number(await section.getAttribute("data-revision"))).toBeGreaterThan(revisionBefore);
    expect(await section.locator("[data-tile-id]").count()).toBe(
      plan.sections.find((s) => s.id === sectionId)?.products.length,
    );
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
    // In place: no refetch of the screen.
    expect(await page.evaluate(() => document.body.dataset.loads)).toBe(loadsBefore);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}renderer-recovered-section.png` });
    expect(log.offMachine()).toEqual([]);
    expect(log.errors).toEqual([]);
    await context.close();
  });
});

type Screen = RendererHomeQuery["home"];
type Tile = Extract<Screen["sections"][number], { __typename: "CarouselSection" }>["tiles"][number];

const AT = "2026-01-01T12:00:00.000Z";
const LATER = "2026-01-01T12:05:00.000Z";

function base(id: string, state: "PERSONALIZED" | "GENERIC" | "PENDING", title: string) {
  return {
    id,
    revision: 1,
    product: { id, service: "demo" },
    personalization: { state, reason: state === "GENERIC" ? ("SERVICE_SLOW" as const) : null },
    generatedAt: AT,
    staleAfter: LATER,
    variant: "STANDARD" as const,
    accessibilityLabel: title,
    action: {
      __typename: "OpenProductAction" as const,
      productId: id,
      service: "demo",
      fallbackUrl: `https://www.example.com/${id}`,
      accessibilityLabel: `Open ${title}`,
    },
  };
}

const image = (name: string, aspectRatio: "LANDSCAPE" | "PORTRAIT" = "LANDSCAPE") => ({
  url: `https://images.example.com/${name}.jpg`,
  alt: name,
  aspectRatio,
});

const tiles: Record<string, Tile> = {
  basic: {
    ...base("hero.basic", "PERSONALIZED", "A basic tile"),
    __typename: "BasicTile",
    title: "A basic tile",
    subtitle: "The baseline every client renders",
    image: image("basic"),
    action: {
      __typename: "OpenUrlAction",
      url: "https://www.example.com/hero",
      fallbackUrl: "https://www.example.com/hero",
      accessibilityLabel: "Open",
    },
  },
  product: {
    ...base("rail.product", "PERSONALIZED", "A product"),
    __typename: "ProductTile",
    title: "A product",
    subtitle: "Personalised",
    image: image("product"),
    price: { formatted: "€10.00" },
    badge: { label: "New", tone: "ACCENT" },
  },
  deal: {
    ...base("rail.deal", "GENERIC", "A deal"),
    __typename: "DealTile",
    title: "A deal",
    image: image("deal"),
    price: { formatted: "€8.00" },
    originalPrice: { formatted: "€12.00" },
    discount: { label: "-33%", tone: "POSITIVE" },
    endsAt: "2026-01-01T18:00:00.000Z",
  },
  metric: {
    ...base("grid.metric", "PERSONALIZED", "Data used"),
    __typename: "MetricTile",
    title: "Data used",
    value: 18.5,
    max: 20,
    unit: "GB",
    caption: "This month",
    tone: "CRITICAL",
  },
  pending: {
    ...base("grid.pending", "PENDING", "Loading content"),
    __typename: "PlaceholderTile",
    message: "Loading",
    action: null,
  },
  media: {
    ...base("list.media", "PERSONALIZED", "A film"),
    __typename: "MediaTile",
    title: "A film",
    subtitle: "1 h 40 min",
    image: image("film", "PORTRAIT"),
    progress: 0.4,
  },
};

const section = (id: string, title: string) => ({
  id,
  revision: 1,
  title,
  variant: "DEFAULT" as const,
  accessibilityLabel: title,
});

const EVERY_KIND: Screen = {
  id: "home:kim",
  revision: 1,
  schemaVersion: "1",
  generatedAt: AT,
  staleAfter: LATER,
  viewer: { id: "kim", anonymous: false },
  sections: [
    { ...section("hero", "Hero"), __typename: "HeroSection", tile: tiles.basic as Tile },
    {
      ...section("rail", "Carousel"),
      __typename: "CarouselSection",
      tiles: [tiles.product as Tile, tiles.deal as Tile],
    },
    {
      ...section("grid", "Grid"),
      __typename: "GridSection",
      columns: 3,
      tiles: [tiles.metric as Tile, tiles.pending as Tile, tiles.metric as Tile].map((tile, index) => ({
        ...tile,
        id: index === 2 ? "grid.metric-2" : tile.id,
      })),
    },
    { ...section("list", "List"), __typename: "ListSection", tiles: [tiles.media as Tile] },
    {
      ...section("broken", "Broken"),
      __typename: "ErrorSection",
      code: "SECTION_FAILED",
      message: "This section could not be loaded.",
      retry: {
        __typename: "RetryAction",
        sectionId: "broken",
        retryAfterSeconds: 30,
        fallbackUrl: "https://www.example.com/",
        accessibilityLabel: "Retry Broken",
      },
    },
  ],
};
