import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";
import { describe } from "vitest";

/** Debian's chromium; CI installs it (.ci/run). */
export const CHROMIUM = "/usr/bin/chromium";

/**
 * Browser tests run wherever chromium is installed. Without it they are skipped locally, but CI
 * must never pass by skipping them: there they run, and fail on the missing browser.
 */
export const describeInBrowser =
  existsSync(CHROMIUM) || process.env.CI ? describe : (describe.skip as typeof describe);

export const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));

export async function launchChromium(): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // A hard stop under the recording below: no host name but localhost resolves at all.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    ],
  });
}

export interface PageLog {
  /** Every URL the pages asked for (HTTP, WebSocket, workers), local or not, in order. */
  readonly requests: string[];
  /** Those not on this machine; they were aborted, never sent. */
  offMachine(): string[];
  /** Uncaught exceptions, console errors and refused Content-Security-Policy loads. */
  readonly errors: string[];
}

/** A fresh context whose every request is recorded, and refused unless it stays on this machine. */
export async function recordedContext(
  browser: Browser,
  options: { readonly viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page; log: PageLog }> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  await context.route(/.*/, async (route) => {
    if (isLocal(route.request().url())) await route.continue();
    else await route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("websocket", (socket) => requests.push(socket.url()));
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return {
    context,
    page,
    log: { requests, errors, offMachine: () => requests.filter((url) => !isLocal(url)) },
  };
}

/** On this machine: loopback hosts, or no network at all (data:, blob:, about:). */
export function isLocal(url: string): boolean {
  const parsed = URL.parse(url);
  if (!parsed) return false;
  if (["data:", "blob:", "about:"].includes(parsed.protocol)) return true;
  return ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname);
}
