import "./styles.css";
import {
  type DemoUser,
  RequestError,
  fetchDemoUsers,
  fetchHome,
  fetchSection,
  subscribeToUpdates,
} from "./api.js";
import { byId, h, replaceChildren } from "./dom.js";
import { type RenderContext, renderScreen, renderSection, renderTile } from "./render.js";
import {
  type Change,
  FIRST_SECTIONS,
  LiveScreen,
  PAGE_SIZE,
  type Screen,
  type Update,
  capabilities,
} from "./screen.js";

/**
 * The reference renderer: one viewer's home screen, kept live. It subscribes first and queries
 * second (updates that arrive meanwhile wait for the screen), applies pushed tiles and sections in
 * place, and refetches on ResyncRequired, a sequence gap, a reconnect, a retry, or when tiles go
 * stale. `home` loads the first sections; the others arrive as stubs, each loaded on its own (and
 * retried until it loads), long ones a page at a time ("Show more").
 */

const locale = navigator.language || "en-US";
const RETRY_SECTION_MS = { first: 1_000, max: 30_000 };
const CAPABILITIES = capabilities(locale);
const RETRY_FAILED_LOAD_MS = 5_000;

const screenElement = byId<HTMLElement>("screen");
const statusElement = byId<HTMLElement>("status");
const noticeElement = byId<HTMLElement>("notice");
const footerElement = byId<HTMLElement>("footer");
const picker = byId<HTMLSelectElement>("viewer");
const tokenForm = byId<HTMLFormElement>("token-form");
const tokenInput = byId<HTMLInputElement>("token");

type Status = "connecting" | "live" | "reconnecting";
const STATUS_TEXT: Record<Status, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
};

function setStatus(status: Status): void {
  statusElement.dataset.status = status;
  statusElement.textContent = STATUS_TEXT[status];
}

function showNotice(message: string | null): void {
  noticeElement.hidden = message === null;
  noticeElement.textContent = message ?? "";
}

class Session {
  private live: LiveScreen | undefined;
  private readonly waiting: Update[] = [];
  private closeUpdates: (() => void) | undefined;
  private loading: Promise<void> | undefined;
  private loadAgain: string | undefined;
  private readonly timers = new Set<number>();
  private refreshTimer: number | undefined;
  private closed = false;
  private loads = 0;
  private applied = 0;
  private lastUpdate = "";
  /** Section loads under way, by section id, and why each stub's last load failed. */
  private readonly sectionLoads = new Map<string, Promise<void>>();
  private readonly failures = new Map<string, { readonly reason: string; readonly attempts: number }>();
  private readonly context: RenderContext;

  constructor(private readonly authorization: string | undefined) {
    this.context = {
      locale,
      hasMore: (id) => this.live?.nextPageOf(id) !== undefined,
      loadFailure: (id) => this.failures.get(id)?.reason,
    };
  }

  start(): void {
    setStatus("connecting");
    this.closeUpdates = subscribeToUpdates(this.authorization, CAPABILITIES, {
      onUpdate: (update) => this.receive(update),
      onConnected: (reconnected) => {
        setStatus("live");
        if (reconnected) {
          // A new subscription counts from 1, and whatever was pushed while away is lost.
          this.live?.restartSequence();
          this.refetch("reconnected");
        }
      },
      onDisconnected: () => {
        if (!this.closed) setStatus("reconnecting");
      },
      onError: (message) => showNotice(message),
    });
    this.refetch("first load");
  }

  close(): void {
    this.closed = true;
    this.closeUpdates?.();
    for (const timer of this.timers) window.clearTimeout(timer);
  }

  /** One query at a time; asks made meanwhile collapse into one more after it. */
  refetch(reason: string): void {
    if (this.closed) return;
    if (this.loading) {
      this.loadAgain = reason;
      return;
    }
    this.loading = this.load(reason).finally(() => {
      this.loading = undefined;
      const again = this.loadAgain;
      this.loadAgain = undefined;
      if (again !== undefined) this.refetch(again);
    });
  }

  private async load(reason: string): Promise<void> {
    screenElement.setAttribute("aria-busy", "true");
    try {
      const screen = await fetchHome(this.authorization, CAPABILITIES, FIRST_SECTIONS);
      if (this.closed) return;
      if (this.live) this.live.replace(screen, Date.now());
      else this.live = new LiveScreen(screen, Date.now());
      this.loads += 1;
      this.draw(this.live.screen);
      showNotice(null);
      for (const update of this.waiting.splice(0)) this.receive(update);
      this.schedule();
      document.body.dataset.lastLoad = reason;
      for (const id of this.live.lazySectionIds) this.loadSection(id);
    } catch (error) {
      if (this.closed) return;
      showNotice(`Could not load the home screen: ${error instanceof Error ? error.message : String(error)}`);
      this.later(RETRY_FAILED_LOAD_MS, () => this.refetch("retry after a failed load"));
    } finally {
      screenElement.setAttribute("aria-busy", "false");
    }
  }

  /** Loads a stub (or a section again from its start), or the next page of one loaded in part. */
  loadSection(id: string, options: { more?: boolean } = {}): void {
    if (this.closed || this.sectionLoads.has(id)) return;
    const after = options.more ? this.live?.nextPageOf(id) : undefined;
    const load = fetchSection(this.authorization, CAPABILITIES, { id, first: PAGE_SIZE, after })
      .then((loaded) => {
        if (this.closed || !this.live) return;
        this.failures.delete(id);
        for (const change of this.live.loaded(id, loaded, { append: after !== undefined }, Date.now())) {
          this.mirror(change);
        }
      })
      .catch((error: unknown) => {
        if (this.closed) return;
        // The section changed since its first page: load it again from the start.
        if (error instanceof RequestError && error.code === "STALE_CURSOR") {
          queueMicrotask(() => this.loadSection(id));
          return;
        }
        const attempts = (this.failures.get(id)?.attempts ?? 0) + 1;
        const reason = error instanceof RequestError && error.code ? error.code : "the request failed";
        this.failures.set(id, { reason, attempts });
        this.redrawSection(id);
        const delayMs = Math.min(RETRY_SECTION_MS.first * 2 ** (attempts - 1), RETRY_SECTION_MS.max);
        this.later(delayMs, () => this.loadSection(id, options));
      })
      .finally(() => {
        this.sectionLoads.delete(id);
        this.describe();
      });
    this.sectionLoads.set(id, load);
    this.describe();
  }

  private redrawSection(id: string): void {
    const section = this.live?.screen.sections.find((candidate) => candidate.id === id);
    const element = sectionElement(id);
    if (section && element) element.replaceWith(renderSection(section, this.context));
  }

  private receive(update: Update): void {
    if (this.closed) return;
    if (!this.live) {
      this.waiting.push(update);
      return;
    }
    const changes = this.live.apply(update, Date.now());
    this.lastUpdate = `#${update.sequence} ${update.__typename}`;
    for (const change of changes) this.mirror(change);
    this.schedule();
    this.describe();
  }

  /** Mirrors one change on the page, touching only the element it concerns. */
  private mirror(change: Change): void {
    switch (change.kind) {
      case "replaced": {
        const element = tileElement(change.tile.id);
        if (!element) return this.refetch("replaced tile not on the page");
        element.replaceWith(fresh(renderTile(change.tile, this.context)));
        this.applied += 1;
        return;
      }
      case "inserted": {
        const container = screenElement.querySelector(`[data-tiles-of="${CSS.escape(change.sectionId)}"]`);
        if (!container) return this.refetch("inserted into a section not on the page");
        container.insertBefore(
          fresh(renderTile(change.tile, this.context)),
          container.children[change.index] ?? null,
        );
        this.applied += 1;
        return;
      }
      case "removed":
        tileElement(change.tileId)?.remove();
        this.applied += 1;
        return;
      case "section": {
        const element = sectionElement(change.section.id);
        if (!element) return this.refetch("section not on the page");
        element.replaceWith(fresh(renderSection(change.section, this.context)));
        this.applied += 1;
        return;
      }
      case "section-removed":
        sectionElement(change.sectionId)?.remove();
        return;
      case "refetch":
        return this.refetch(change.reason);
    }
  }

  private draw(screen: Screen): void {
    // A refetch redraws everything; keep where each carousel was scrolled to.
    const scrolled = new Map(
      [...screenElement.querySelectorAll<HTMLElement>("[data-tiles-of]")].map((el) => [
        el.dataset.tilesOf,
        el.scrollLeft,
      ]),
    );
    screenElement.replaceChildren(renderScreen(screen, this.context));
    for (const el of screenElement.querySelectorAll<HTMLElement>("[data-tiles-of]")) {
      el.scrollLeft = scrolled.get(el.dataset.tilesOf) ?? 0;
    }
    document.body.dataset.viewer = screen.viewer.id ?? "anonymous";
    this.describe();
  }

  /** The next refetch: when the first tile goes stale, or when a failed section may be retried. */
  private schedule(): void {
    if (!this.live) return;
    if (this.refreshTimer !== undefined) {
      window.clearTimeout(this.refreshTimer);
      this.timers.delete(this.refreshTimer);
    }
    const nowMs = Date.now();
    const retries = [...screenElement.querySelectorAll<HTMLElement>("[data-retry-after]")].map(
      (button) => nowMs + Number(button.dataset.retryAfter) * 1_000,
    );
    const atMs = Math.min(this.live.refetchAtMs(nowMs), ...retries);
    this.refreshTimer = this.later(atMs - nowMs, () => this.refetch("stale"));
  }

  private later(delayMs: number, run: () => void): number {
    const timer = window.setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, delayMs);
    this.timers.add(timer);
    return timer;
  }

  private describe(): void {
    const screen = this.live?.screen;
    if (!screen) return;
    document.body.dataset.loads = String(this.loads);
    document.body.dataset.updates = String(this.applied);
    document.body.dataset.lazyPending = String(this.live?.lazySectionIds.length ?? 0);
    replaceChildren(footerElement, [
      h("span", {}, `${screen.id} · revision ${screen.revision} · schema v${screen.schemaVersion}`),
      h("span", {}, `generated ${new Date(screen.generatedAt).toLocaleTimeString(locale)}`),
      h("span", {}, `${this.applied} pushed change${this.applied === 1 ? "" : "s"} applied`),
      this.lastUpdate ? h("span", {}, `last update ${this.lastUpdate}`) : null,
    ]);
  }
}

function sectionElement(id: string): HTMLElement | null {
  return screenElement.querySelector<HTMLElement>(`[data-section-id="${CSS.escape(id)}"]`);
}

function tileElement(id: string): HTMLElement | null {
  return screenElement.querySelector<HTMLElement>(`[data-tile-id="${CSS.escape(id)}"]`);
}

/** Marks a pushed tile for a moment, so a change is visible where it happened. */
function fresh(element: HTMLElement): HTMLElement {
  element.classList.add("tile--fresh");
  element.addEventListener("animationend", () => element.classList.remove("tile--fresh"), { once: true });
  return element;
}

// The viewer picker: anonymous, the demo users (development only), or a pasted token.
const ANONYMOUS = "";
const PASTE = "token";
let session: Session | undefined;
let demoUsers: readonly DemoUser[] = [];

function view(authorization: string | undefined): void {
  session?.close();
  session = new Session(authorization);
  session.start();
}

function choose(value: string): void {
  tokenForm.hidden = value !== PASTE;
  const url = new URL(window.location.href);
  if (value === ANONYMOUS || value === PASTE) url.searchParams.delete("user");
  else url.searchParams.set("user", value);
  window.history.replaceState(null, "", url);
  if (value === PASTE) return tokenInput.focus();
  view(demoUsers.find((user) => user.id === value)?.authorization);
}

async function boot(): Promise<void> {
  const users = await fetchDemoUsers();
  demoUsers = users ?? [];
  replaceChildren(picker, [
    h("option", { value: ANONYMOUS }, "Anonymous"),
    ...demoUsers.map((user) => h("option", { value: user.id }, `${user.displayName} (${user.id})`)),
    users === null ? h("option", { disabled: true }, "Demo users: development only") : null,
    h("option", { value: PASTE }, "Paste a token…"),
  ]);
  const wanted = new URL(window.location.href).searchParams.get("user") ?? ANONYMOUS;
  picker.value = demoUsers.some((user) => user.id === wanted) ? wanted : ANONYMOUS;
  choose(picker.value);
}

picker.addEventListener("change", () => choose(picker.value));
tokenForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const token = tokenInput.value.trim();
  view(token === "" ? undefined : /^bearer\s/i.test(token) ? token : `Bearer ${token}`);
});
byId("refresh").addEventListener("click", () => session?.refetch("refresh"));
screenElement.addEventListener("click", (event) => {
  const target = event.target as Element | null;
  const retry = target?.closest<HTMLElement>("[data-retry]");
  if (retry) session?.refetch(`retry ${retry.dataset.retry ?? ""}`);
  const load = target?.closest<HTMLElement>("[data-load-section]")?.dataset.loadSection;
  if (load) session?.loadSection(load);
  const more = target?.closest<HTMLElement>("[data-more]")?.dataset.more;
  if (more) session?.loadSection(more, { more: true });
});

void boot();
