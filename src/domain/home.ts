import { RecommendationsUnavailableError } from "./errors.js";
import { ANONYMOUS, type HomePlan, type PlannedSection, type ResolvedProduct, type Viewer } from "./model.js";
import type { Logger, ProductLoader, Recommendations } from "./ports.js";

export type ResolvedSection =
  | { readonly plan: PlannedSection; readonly products: readonly ResolvedProduct[] }
  | { readonly plan: PlannedSection; readonly error: Error };

export interface ResolvedHome {
  readonly viewer: Viewer;
  /** True when the viewer's own plan was unavailable and the generic plan stands in. */
  readonly planIsFallback: boolean;
  readonly sections: readonly ResolvedSection[];
  /** Planned sections after `sections`, not loaded: the client loads each with `section`. */
  readonly deferred?: readonly PlannedSection[];
}

/**
 * The home screen's data for one viewer: one recommendations call, then every product of every
 * section through the request's loader, which batches them into one lookup. A section whose
 * products fail stands alone as an error; the rest of the screen still renders. With
 * `fullSections`, only that many sections are loaded; the rest are planned, not loaded (`deferred`).
 */
export async function resolveHome(
  viewer: Viewer,
  deps: {
    readonly recommendations: Recommendations;
    readonly loader: ProductLoader;
    readonly logger: Logger;
  },
  options: { readonly fullSections?: number | undefined } = {},
): Promise<ResolvedHome> {
  const { plan, planIsFallback } = await planFor(viewer, deps.recommendations, deps.logger);
  const loaded =
    options.fullSections === undefined ? plan.sections : plan.sections.slice(0, options.fullSections);
  // One loadMany per section in the same tick: DataLoader folds them into a single batch.
  const loads = loaded.map((section) => deps.loader.loadMany(section.products));
  const sections = await Promise.all(
    loaded.map(async (section, index) =>
      settleSection(section, await (loads[index] as Promise<(ResolvedProduct | Error)[]>), deps.logger),
    ),
  );
  if (loaded.length === plan.sections.length) return { viewer, planIsFallback, sections };
  return { viewer, planIsFallback, sections, deferred: plan.sections.slice(loaded.length) };
}

/** One planned section's products, loaded in one batch of the loader (a subscription reloads one). */
export async function resolvePlannedSection(
  plan: PlannedSection,
  deps: {
    readonly loader: ProductLoader;
    readonly logger: Logger;
  },
): Promise<ResolvedSection> {
  return settleSection(plan, await deps.loader.loadMany(plan.products), deps.logger);
}

/** A section whose products failed to resolve stands alone as an error. */
function settleSection(
  plan: PlannedSection,
  results: readonly (ResolvedProduct | Error)[],
  logger: Logger,
): ResolvedSection {
  const error = results.find((result): result is Error => result instanceof Error);
  if (error) {
    logger.error({ err: error, section: plan.id }, "section failed to resolve");
    return { plan, error };
  }
  return { plan, products: results as ResolvedProduct[] };
}

/** The viewer's plan, or the generic one standing in when the viewer's cannot be had. */
export async function planFor(
  viewer: Viewer,
  recommendations: Recommendations,
  logger: Logger,
): Promise<{ plan: HomePlan; planIsFallback: boolean }> {
  try {
    return { plan: await recommendations.forViewer(viewer), planIsFallback: false };
  } catch (error) {
    if (viewer.kind === "anonymous") throw new RecommendationsUnavailableError(error);
    logger.warn({ err: error, user: viewer.id }, "recommendations failed; serving the generic plan");
  }
  try {
    return { plan: await recommendations.forViewer(ANONYMOUS), planIsFallback: true };
  } catch (error) {
    throw new RecommendationsUnavailableError(error);
  }
}
