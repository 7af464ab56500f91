import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { MAX_SECTION_PAGE, resolveSection, unsettledSection } from "../domain/index.js";
import { type Section as SectionModel, WHOLE_SECTION, buildSection } from "../ui-components/index.js";
import { capabilitiesOf, refusingOnFault } from "./capabilities.js";
import type { GatewayContext } from "./context.js";
import { ClientCapabilitiesInput, Section } from "./types.js";

@Resolver()
export class SectionResolver {
  @Query(() => Section, {
    nullable: true,
    description: `One section of the viewer's home screen, exactly as \`home\` would show it: a LazySection stub loaded, or a page of a long section's tiles (\`first\` up to ${MAX_SECTION_PAGE}, \`after\` a PageInfo cursor). Null when this client can be shown nothing of it. Errors: SECTION_NOT_FOUND (not on this viewer's screen), INVALID_CURSOR (not issued to this viewer for this section), STALE_CURSOR (the section changed since: load it again without \`after\`).`,
  })
  async section(
    @Arg("id", () => ID) id: string,
    @Arg("capabilities", () => ClientCapabilitiesInput, {
      nullable: true,
      description: "The same as for `home`.",
    })
    capabilities: ClientCapabilitiesInput | null | undefined,
    @Arg("first", () => Int, { nullable: true, description: "Tiles in the page; omitted: to the end." })
    first: number | null | undefined,
    @Arg("after", () => String, { nullable: true, description: "A cursor from this section's PageInfo." })
    after: string | null | undefined,
    @Ctx() context: GatewayContext,
  ): Promise<SectionModel | null> {
    const { services, viewer } = context;
    if (viewer.kind === "user") void services.activeViewers?.touch(viewer.id);
    const page = await resolveSection(
      viewer,
      id,
      { first, after },
      {
        recommendations: services.recommendations,
        loader: context.products,
        logger: services.logger,
        cursors: services.cursors,
      },
    );
    const reuse = context.reuse;
    if (reuse) {
      const reason = page.planIsFallback ? "plan fallback" : unsettledSection(page.section);
      if (reason === undefined) reuse.vouch();
      else reuse.refuse(reason);
    }
    return buildSection(
      page.section,
      page.position,
      capabilitiesOf(capabilities, services.componentRules),
      {
        nowMs: services.clock.nowMs(),
        webBaseUrl: services.webBaseUrl,
        onTileFault: reuse ? refusingOnFault(reuse, services.tileFaults.report) : services.tileFaults.report,
        locale: capabilities?.locale ?? "en-US",
      },
      {
        firstTile: page.offset,
        // Asked for whole, it is sent exactly as `home` sends it.
        pageInfo:
          first == null && after == null
            ? WHOLE_SECTION
            : {
                hasNextPage: page.offset + page.section.plan.products.length < page.total,
                hasPreviousPage: page.offset > 0,
                startCursor: page.startCursor,
                endCursor: page.endCursor,
              },
      },
    );
  }
}
