import { type Child, h } from "./dom.js";
import type { RendererActionFragment, RendererImageFragment } from "./gql/graphql.js";
import { type Screen, type Section, type Tile, tilesOf } from "./screen.js";

/**
 * Draws any screen the schema can express, from the node kinds alone: no product, section id or
 * service is known here. Every node carries its id and revision as data attributes, so a pushed
 * tile replaces exactly its element.
 */

export interface RenderContext {
  readonly locale: string;
  /** Whether a section holds only its first pages (a "Show more" button goes after its tiles). */
  readonly hasMore?: (sectionId: string) => boolean;
  /** Why a stub's last load failed, if it did (it shows a retry instead of a skeleton). */
  readonly loadFailure?: (sectionId: string) => string | undefined;
}

export function renderScreen(screen: Screen, context: RenderContext): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const section of screen.sections) fragment.appendChild(renderSection(section, context));
  if (screen.sections.length === 0) {
    fragment.appendChild(h("p", { class: "empty" }, "Nothing to show on this screen."));
  }
  return fragment;
}

export function renderSection(section: Section, context: RenderContext): HTMLElement {
  const typename = section.__typename;
  const root = h("section", {
    class: `section section--${kebab(typename)} section--${section.variant.toLowerCase()}`,
    "data-section-id": section.id,
    "data-kind": typename,
    "data-revision": section.revision,
    "aria-label": section.accessibilityLabel,
  });
  if (section.title) root.appendChild(h("h2", { class: "section__title" }, section.title));
  if (section.__typename === "LazySection") {
    root.dataset.loading = context.loadFailure?.(section.id) === undefined ? "pending" : "failed";
  }
  switch (section.__typename) {
    case "HeroSection":
      root.appendChild(tileContainer("hero", section.id, [section.tile], context));
      break;
    case "CarouselSection":
      root.appendChild(tileContainer("rail", section.id, section.tiles, context));
      break;
    case "GridSection": {
      const grid = tileContainer("grid", section.id, section.tiles, context);
      grid.style.setProperty("--columns", String(Math.max(1, section.columns)));
      root.appendChild(grid);
      break;
    }
    case "ListSection":
      root.appendChild(tileContainer("list", section.id, section.tiles, context));
      break;
    case "ErrorSection":
      root.appendChild(errorCard(section));
      break;
    case "LazySection":
      root.appendChild(lazyBody(section, context));
      break;
    default:
      // A section kind newer than this renderer: show its tiles as a list if it has any.
      root.appendChild(tileContainer("list", (section as Section).id, tilesOf(section), context));
  }
  if (context.hasMore?.(section.id)) {
    root.appendChild(
      h("button", { type: "button", class: "button section__more", "data-more": section.id }, "Show more"),
    );
  }
  return root;
}

function tileContainer(
  layout: "hero" | "rail" | "grid" | "list",
  sectionId: string,
  tiles: readonly Tile[],
  context: RenderContext,
): HTMLElement {
  const container = h("div", { class: `tiles tiles--${layout}`, "data-tiles-of": sectionId, role: "list" });
  for (const tile of tiles) container.appendChild(renderTile(tile, context));
  return container;
}

/** A section still to load: a skeleton of the component it is planned as, or why it failed to load. */
function lazyBody(
  section: Extract<Section, { __typename: "LazySection" }>,
  context: RenderContext,
): HTMLElement {
  const failure = context.loadFailure?.(section.id);
  if (failure !== undefined) {
    return alertCard(
      "This section did not load.",
      [failure, " · retried automatically"],
      [h("button", { type: "button", class: "button", "data-load-section": section.id }, "Retry")],
    );
  }
  const layout =
    section.kind === "CAROUSEL_SECTION" ? "rail" : section.kind === "GRID_SECTION" ? "grid" : "list";
  const container = h("div", {
    class: `tiles tiles--${layout}`,
    "aria-busy": "true",
    "aria-label": `Loading ${section.title ?? "a section"}`,
  });
  for (let index = 0; index < 3; index++) {
    container.appendChild(
      h(
        "div",
        { class: "tile tile--skeleton", "aria-hidden": "true" },
        h("div", { class: "image skeleton" }),
        h("div", { class: "skeleton skeleton--line" }),
        h("div", { class: "skeleton skeleton--line skeleton--short" }),
      ),
    );
  }
  return container;
}

function errorCard(section: Extract<Section, { __typename: "ErrorSection" }>): HTMLElement {
  const retry = section.retry;
  const seconds = retry.__typename === "RetryAction" ? retry.retryAfterSeconds : undefined;
  return alertCard(
    section.message,
    [
      h("code", {}, section.code),
      seconds === undefined ? null : ` · retried automatically after ${seconds} s`,
    ],
    [
      h(
        "button",
        {
          type: "button",
          class: "button",
          "data-retry": section.id,
          "data-retry-after": seconds,
          "aria-label": retry.accessibilityLabel,
        },
        "Retry",
      ),
      actionLink(retry, "Open on the web"),
    ],
  );
}

/** What failed, a detail line, and what the viewer can do about it. */
function alertCard(message: string, detail: readonly Child[], actions: readonly Child[]): HTMLElement {
  return h(
    "div",
    { class: "error-card", role: "alert" },
    h("span", { class: "error-card__icon", "aria-hidden": "true" }, "!"),
    h(
      "div",
      { class: "error-card__body" },
      h("p", { class: "error-card__message" }, message),
      h("p", { class: "error-card__detail" }, ...detail),
    ),
    h("div", { class: "error-card__actions" }, ...actions),
  );
}

export function renderTile(tile: Tile, context: RenderContext): HTMLElement {
  const state = tile.personalization.state;
  const attributes = {
    class: [
      "tile",
      `tile--${kebab(tile.__typename)}`,
      `tile--${tile.variant.toLowerCase()}`,
      `tile--${state.toLowerCase()}`,
    ].join(" "),
    role: "listitem",
    "data-tile-id": tile.id,
    "data-kind": tile.__typename,
    "data-revision": tile.revision,
    "data-personalization": state,
    "data-product": tile.product ? `${tile.product.service}/${tile.product.id}` : undefined,
    "aria-label": tile.accessibilityLabel,
    title: `${tile.id} · revision ${tile.revision}`,
  };
  const content = tileContent(tile, context);
  const action = tile.action;
  if (!action) return h("article", attributes, ...content);
  // Every action has a web fallback; a browser performs that one.
  return h(
    "a",
    {
      ...attributes,
      href: action.fallbackUrl,
      target: "_blank",
      rel: "noopener noreferrer",
      "data-action": action.__typename,
      "data-action-label": action.accessibilityLabel,
    },
    ...content,
  );
}

function tileContent(tile: Tile, context: RenderContext): Child[] {
  switch (tile.__typename) {
    case "BasicTile":
      return [tile.image ? imageBox(tile.image) : null, body(tile, tile.title, tile.subtitle, [])];
    case "ProductTile":
      return [
        imageBox(tile.image),
        body(
          tile,
          tile.title,
          tile.subtitle,
          [tile.badge ? badge(tile.badge.label, tile.badge.tone) : null],
          tile.price ? h("p", { class: "price" }, h("strong", {}, tile.price.formatted)) : null,
        ),
      ];
    case "DealTile":
      return [
        imageBox(tile.image),
        body(
          tile,
          tile.title,
          null,
          [tile.discount ? badge(tile.discount.label, tile.discount.tone) : null],
          h(
            "p",
            { class: "price" },
            tile.price ? h("strong", {}, tile.price.formatted) : null,
            tile.originalPrice ? h("s", { class: "price__was" }, tile.originalPrice.formatted) : null,
          ),
          tile.endsAt ? h("p", { class: "deal__ends" }, endsIn(tile.endsAt, tile.generatedAt)) : null,
        ),
      ];
    case "MetricTile":
      return [body(tile, tile.title, null, [], metric(tile, context))];
    case "MediaTile":
      return [
        imageBox(tile.image, [
          h("span", { class: "play", "aria-hidden": "true" }, "▶"),
          typeof tile.progress === "number" ? progressBar(tile.progress) : null,
        ]),
        body(tile, tile.title, tile.subtitle, []),
      ];
    case "PlaceholderTile":
      return [
        h("div", { class: "image skeleton", "aria-hidden": "true" }),
        h(
          "div",
          { class: "tile__body" },
          meta(tile, []),
          h("div", { class: "skeleton skeleton--line", "aria-hidden": "true" }),
          h("div", { class: "skeleton skeleton--line skeleton--short", "aria-hidden": "true" }),
          tile.message ? h("p", { class: "tile__subtitle" }, tile.message) : null,
        ),
      ];
    default: {
      // A tile kind newer than this renderer: its common fields still say what it is.
      const unknown = tile as Tile & { title?: string };
      return [body(unknown, unknown.title ?? unknown.accessibilityLabel, null, [])];
    }
  }
}

function body(
  tile: Tile,
  title: string,
  subtitle: string | null | undefined,
  badges: Child[],
  ...rest: Child[]
): HTMLElement {
  return h(
    "div",
    { class: "tile__body" },
    meta(tile, badges),
    h("h3", { class: "tile__title" }, title),
    subtitle ? h("p", { class: "tile__subtitle" }, subtitle) : null,
    ...rest,
  );
}

/** The tile's badges and, always, whether it shows this viewer's data. */
function meta(tile: Tile, badges: Child[]): HTMLElement {
  return h("div", { class: "tile__meta" }, ...badges, personalization(tile.personalization));
}

const REASONS: Record<string, string> = {
  ANONYMOUS_VIEWER: "signed out",
  NOT_PERSONALISED: "same for everyone",
  NO_DATA: "nothing for you yet",
  SERVICE_FAILED: "service failed",
  SERVICE_SLOW: "service slow",
};

function personalization(value: Tile["personalization"]): HTMLElement {
  const reason = value.reason ? (REASONS[value.reason] ?? value.reason.toLowerCase()) : undefined;
  const label =
    value.state === "PERSONALIZED"
      ? "Personalised"
      : value.state === "GENERIC"
        ? "Generic"
        : value.state === "PENDING"
          ? "Personalising…"
          : "Unavailable";
  return h(
    "span",
    {
      class: `state state--${value.state.toLowerCase()}`,
      "data-state": value.state,
      "data-reason": value.reason ?? undefined,
      title: reason ? `${label}: ${reason}` : label,
    },
    value.state === "PERSONALIZED" ? h("span", { "aria-hidden": "true" }, "★") : null,
    label,
    reason && value.state !== "PERSONALIZED" ? h("span", { class: "state__reason" }, ` · ${reason}`) : null,
  );
}

function badge(label: string, tone: string): HTMLElement {
  return h("span", { class: `badge tone--${tone.toLowerCase()}` }, label);
}

function metric(tile: Extract<Tile, { __typename: "MetricTile" }>, context: RenderContext): HTMLElement {
  const format = new Intl.NumberFormat(context.locale, { maximumFractionDigits: 1 });
  const ratio = tile.max > 0 ? Math.min(1, Math.max(0, tile.value / tile.max)) : 0;
  const meter = h("div", {
    class: `meter tone--${tile.tone.toLowerCase()}`,
    role: "meter",
    "aria-valuemin": 0,
    "aria-valuemax": tile.max,
    "aria-valuenow": tile.value,
    "aria-label": tile.title,
  });
  const fill = h("div", { class: "meter__fill" });
  fill.style.setProperty("--fill", `${(ratio * 100).toFixed(1)}%`);
  meter.appendChild(fill);
  return h(
    "div",
    { class: "metric" },
    h(
      "p",
      { class: "metric__value" },
      h("strong", {}, format.format(tile.value)),
      ` / ${format.format(tile.max)} ${tile.unit}`,
    ),
    meter,
    tile.caption ? h("p", { class: "tile__subtitle" }, tile.caption) : null,
  );
}

function progressBar(progress: number): HTMLElement {
  const bar = h("div", {
    class: "progress",
    role: "progressbar",
    "aria-valuemin": 0,
    "aria-valuemax": 100,
    "aria-valuenow": Math.round(progress * 100),
  });
  const fill = h("div", { class: "progress__fill" });
  fill.style.setProperty("--fill", `${(Math.min(1, Math.max(0, progress)) * 100).toFixed(1)}%`);
  bar.appendChild(fill);
  return bar;
}

/**
 * An image as a box of the right shape. Images on other hosts are not loaded: the page must work
 * with no internet (and make no request off the machine), so the box shows the alt text on a
 * colour derived from the URL, which stays in `data-src` for a client that may fetch it.
 */
export function imageBox(
  image: RendererImageFragment | null | undefined,
  overlay: Child[] = [],
): HTMLElement {
  if (!image) {
    return h("div", { class: "image image--landscape image--none", "aria-hidden": "true" }, ...overlay);
  }
  const box = h(
    "div",
    {
      class: `image image--${image.aspectRatio.toLowerCase()}`,
      "data-src": image.url,
      role: image.alt ? "img" : undefined,
      "aria-label": image.alt || undefined,
      "aria-hidden": image.alt ? undefined : "true",
    },
    sameOrigin(image.url)
      ? h("img", { src: image.url, alt: "", loading: "lazy" })
      : h("span", { class: "image__alt" }, image.alt),
    ...overlay,
  );
  box.style.setProperty("--hue", String(hue(image.url)));
  return box;
}

function actionLink(action: RendererActionFragment, label: string): HTMLElement {
  return h(
    "a",
    {
      class: "link",
      href: action.fallbackUrl,
      target: "_blank",
      rel: "noopener noreferrer",
      "data-action": action.__typename,
    },
    label,
  );
}

function sameOrigin(url: string): boolean {
  try {
    return new URL(url, window.location.href).origin === window.location.origin;
  } catch {
    return false; // not a URL: nothing to load
  }
}

/** A stable hue per URL, so each product keeps its colour across renders. */
function hue(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) % 360;
}

/** Time left, measured on the server's clock (endsAt against the tile's generatedAt). */
function endsIn(endsAt: string, generatedAt: string): string {
  const leftMs = Date.parse(endsAt) - Date.parse(generatedAt);
  if (!Number.isFinite(leftMs)) return "";
  if (leftMs <= 0) return "Ended";
  const hours = leftMs / 3_600_000;
  if (hours < 1) return `Ends in ${Math.max(1, Math.round(leftMs / 60_000))} min`;
  if (hours < 48) return `Ends in ${Math.round(hours)} h`;
  return `Ends in ${Math.round(hours / 24)} days`;
}

function kebab(typename: string): string {
  return typename.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
}
