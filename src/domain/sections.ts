import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { DomainError, InvalidArgumentError } from "./errors.js";
import { type ResolvedSection, planFor, resolvePlannedSection } from "./home.js";
import type { PlannedSection, Viewer } from "./model.js";
import type { Logger, ProductLoader, Recommendations } from "./ports.js";

export class SectionNotFoundError extends DomainError {
  constructor(id: string) {
    super("SECTION_NOT_FOUND", `Your home screen has no section "${id}"`);
  }
}

/** Not a cursor this gateway issued to this viewer for this section: forged, damaged or someone else's. */
export class InvalidCursorError extends DomainError {
  constructor(reason: string) {
    super("INVALID_CURSOR", `The cursor is not valid here: ${reason}`);
  }
}

/** A cursor of a section whose tiles changed since it was issued: load the section from the start. */
export class StaleCursorError extends DomainError {
  constructor() {
    super("STALE_CURSOR", "The section changed since this cursor was issued; load it again without `after`");
  }
}

/** The most tiles one `section` request may ask for. */
export const MAX_SECTION_PAGE = 100;

/** Where a page starts and how long it is; `first` absent means to the end. */
export interface SectionPageRequest {
  readonly first?: number | null | undefined;
  readonly after?: string | null | undefined;
}

/** One section of the viewer's screen, or a page of its tiles, as `home` would have resolved it. */
export interface ResolvedSectionPage {
  readonly viewer: Viewer;
  /** Where the section is on the viewer's screen (0-based), as `home` places it. */
  readonly position: number;
  /** The products of the page only: `plan.products` is the whole section. */
  readonly section: ResolvedSection;
  /** True when the viewer's own plan was unavailable and the generic plan stands in. */
  readonly planIsFallback: boolean;
  /** Index in the whole section of the page's first product. */
  readonly offset: number;
  /** Products in the whole section. */
  readonly total: number;
  /** Cursors of the page's first and last products; null for an empty page. */
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

/**
 * One section of the viewer's own plan, or one page of its products: one recommendations call, then
 * the page's products through the request's loader in one batch (so one L2 round trip and at most
 * one call per product service). A viewer only ever reaches sections of its own plan.
 */
export async function resolveSection(
  viewer: Viewer,
  id: string,
  page: SectionPageRequest,
  deps: {
    readonly recommendations: Recommendations;
    readonly loader: ProductLoader;
    readonly logger: Logger;
    readonly cursors: SectionCursors;
  },
): Promise<ResolvedSectionPage> {
  const first = page.first ?? undefined;
  if (first !== undefined && (!Number.isInteger(first) || first < 1 || first > MAX_SECTION_PAGE)) {
    throw new InvalidArgumentError("first", `first must be between 1 and ${MAX_SECTION_PAGE}`);
  }
  const { plan, planIsFallback } = await planFor(viewer, deps.recommendations, deps.logger);
  const position = plan.sections.findIndex((candidate) => candidate.id === id);
  const planned = plan.sections[position];
  if (!planned) throw new SectionNotFoundError(id);
  const offset = page.after ? deps.cursors.read(page.after, viewer, planned) + 1 : 0;
  const products = planned.products.slice(offset, first === undefined ? undefined : offset + first);
  const cursorAt = (index: number): string | null =>
    products.length === 0 ? null : deps.cursors.issue(viewer, planned, index);
  const base = {
    viewer,
    planIsFallback,
    position,
    offset,
    total: planned.products.length,
    startCursor: cursorAt(offset),
    endCursor: cursorAt(offset + products.length - 1),
  };
  const section = await resolvePlannedSection({ ...planned, products }, deps);
  return { ...base, section };
}

/**
 * Opaque, signed page cursors. A cursor names a section, a product's index in it and a fingerprint
 * of the section's products; its MAC also covers the viewer, so a cursor works only for the viewer
 * it was issued to, and a changed section is told apart from a forged cursor. Cursors carry no
 * authority (a viewer reads only its own sections whatever the cursor says): the MAC is what makes
 * the answer to a bad one precise. Stateless, so any instance sharing the secret reads them.
 */
export class SectionCursors {
  constructor(private readonly secret: string) {}

  issue(viewer: Viewer, section: PlannedSection, index: number): string {
    const payload = Buffer.from(JSON.stringify([1, section.id, index, fingerprint(section)])).toString(
      "base64url",
    );
    return `${payload}.${this.mac(viewer, payload).toString("base64url")}`;
  }

  /** The product index the cursor points at; throws InvalidCursorError or StaleCursorError. */
  read(cursor: string, viewer: Viewer, section: PlannedSection): number {
    const [payload, mac, extra] = cursor.split(".");
    if (!payload || !mac || extra !== undefined) throw new InvalidCursorError("malformed");
    const expected = this.mac(viewer, payload);
    const given = Buffer.from(mac, "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new InvalidCursorError("not issued to you by this gateway");
    }
    const [version, sectionId, index, print] = JSON.parse(
      Buffer.from(payload, "base64url").toString("utf8"),
    ) as unknown[];
    if (version !== 1 || typeof index !== "number" || !Number.isInteger(index) || index < 0) {
      throw new InvalidCursorError("malformed");
    }
    if (sectionId !== section.id) throw new InvalidCursorError(`issued for section "${String(sectionId)}"`);
    if (print !== fingerprint(section) || index >= section.products.length) throw new StaleCursorError();
    return index;
  }

  private mac(viewer: Viewer, payload: string): Buffer {
    const who = viewer.kind === "user" ? `user:${viewer.id}` : "anonymous";
    return createHmac("sha256", this.secret).update(`${who}\u0000${payload}`).digest().subarray(0, 16);
  }
}

/** Changes whenever the section's products or their order do. */
function fingerprint(section: PlannedSection): string {
  const hash = createHash("sha256");
  for (const product of section.products) hash.update(`${product.service}\u0000${product.id}\u0001`);
  return hash.digest("base64url").slice(0, 12);
}
