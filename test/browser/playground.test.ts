import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ProductInfo } from "../../src/domain/index.js";
import { ARTIFACTS, describeInBrowser, launchChromium, recordedContext } from "../support/browser.js";
import { waitFor } from "../support/wait-for.js";
import { type WebGateway, startWebGateway } from "../support/web-gateway.js";

describeInBrowser("the playground (GraphiQL, self-hosted)", () => {
  let gateway: WebGateway;
  let browser: Browser;
  beforeAll(async () => {
    gateway = await startWebGateway();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  /** Pastes the way a person does: clipboard, select all, paste (typing would auto-close brackets). */
  async function pasteHeaders(page: Page, headers: Record<string, string>): Promise<void> {
    await page.getByText("Headers", { exact: true }).click();
    await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(headers));
    const editor = page.locator(".graphiql-editor-tool .graphiql-editor:visible").last();
    await editor.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+V");
    await expect.poll(async () => text(await editor.innerText())).toContain('"Authorization"');
  }

  /** Monaco lays text out with no-break spaces. */
  const text = (shown: string): string => shown.replace(/\u00a0/g, " ");

  /** The tab's operation, once the editor shows it (GraphiQL is ready then). */
  async function showing(page: Page, operation: RegExp): Promise<void> {
    await expect
      .poll(async () => text(await page.locator(".graphiql-query-editor").innerText()), { timeout: 15_000 })
      .toMatch(operation);
  }

  const response = async (page: Page): Promise<string> =>
    text(await page.locator(".graphiql-response").innerText());

  // GraphiQL is heavy to start on a loaded machine, and this runs two operations.
  it("loads with no request leaving the machine, documents home, and runs it with a pasted token", async () => {
    const { context, page, log } = await recordedContext(browser);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: gateway.origin });
    await page.goto(`${gateway.origin}/playground`);
    await showing(page, /query Home\(/);

    // The docs explorer is filled by introspection.
    await page.getByRole("button", { name: /documentation explorer/i }).click();
    await page
      .locator(".graphiql-doc-explorer a", { hasText: /^Query$/ })
      .first()
      .click();
    await expect
      .poll(() => page.locator(".graphiql-doc-explorer").innerText(), { timeout: 10_000 })
      .toMatch(/home\([^)]*capabilities: ClientCapabilitiesInput[^)]*\): HomeScreen!/);

    // The prefilled Home tab, run as alice with her token pasted into Headers.
    expect(await page.locator(".graphiql-tab").allInnerTexts()).toEqual([
      "Home",
      "HomeUpdates",
      "LazyHome",
      "SectionPage",
    ]);
    await pasteHeaders(page, { Authorization: `Bearer ${await gateway.app.token("alice")}` });
    await page.getByRole("button", { name: /execute query/i }).click();
    await expect.poll(() => response(page), { timeout: 10_000 }).toMatch(/"id": "home:alice"/);
    expect(await response(page)).toMatch(/"sections": \[/);
    await page.screenshot({ path: `${ARTIFACTS}playground-home.png` });

    // A page of one section, with its cursor for the next.
    await page.locator(".graphiql-tab", { hasText: "SectionPage" }).click();
    await showing(page, /query SectionPage\(/);
    await pasteHeaders(page, { Authorization: `Bearer ${await gateway.app.token("alice")}` });
    await page.getByRole("button", { name: /execute query/i }).click();
    await expect.poll(() => response(page), { timeout: 10_000 }).toMatch(/"hasNextPage": true/);
    expect(await response(page)).toMatch(/"endCursor":\s+"\w/);

    expect(log.requests.some((url) => url.endsWith("/graphql"))).toBe(true);
    expect(log.offMachine()).toEqual([]);
    expect(log.errors).toEqual([]);
    await context.close();
  }, 45_000);

  it("runs the subscription over the socket and shows a pushed tile", async () => {
    const { context, page, log } = await recordedContext(browser);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: gateway.origin });
    await page.goto(`${gateway.origin}/playground`);
    await showing(page, /query Home\(/);
    await page.locator(".graphiql-tab", { hasText: "HomeUpdates" }).click();
    await showing(page, /subscription HomeUpdates\(/);
    await pasteHeaders(page, { Authorization: `Bearer ${await gateway.app.token("bob")}` });
    await page.getByRole("button", { name: /execute query/i }).click();

    // Bob's screen changes until the running subscription shows it (it is live once it answers).
    const screen = await gateway.app.recommendations.forViewer({ kind: "user", id: "bob" });
    const ref = screen.sections.flatMap((section) => section.products).find((p) => p.service === "shop");
    if (!ref) throw new Error("bob has no shop product on screen");
    const shop = gateway.app.service("shop");
    try {
      await waitFor(
        async () => {
          const current = shop.peekPersonal("bob", ref.id) as ProductInfo;
          const info = shop.setPersonal("bob", { ...current, title: "Pushed to Bob" });
          await gateway.app.changes.publish({ kind: "personal", user: "bob", info });
          return /"__typename": "TileUpdate"/.test(await response(page));
        },
        { timeoutMs: 15_000, intervalMs: 250, what: "a TileUpdate in the response pane" },
      );
    } finally {
      await page.screenshot({ path: `${ARTIFACTS}playground-subscription.png` });
    }
    expect(await response(page)).toMatch(/Pushed to Bob/);
    expect(log.requests.some((url) => /^ws:\/\/127\.0\.0\.1:\d+\/graphql$/.test(url))).toBe(true);
    expect(log.offMachine()).toEqual([]);
    expect(log.errors).toEqual([]);
    await context.close();
  });
});
