import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { InvalidArgumentError, resolveHome, unsettled } from "../domain/index.js";
import { type HomeScreen as HomeScreenModel, buildHomeScreen } from "../ui-components/index.js";
import { capabilitiesOf, refusingOnFault } from "./capabilities.js";
import type { GatewayContext } from "./context.js";
import { ClientCapabilitiesInput, HomeScreen } from "./types.js";

@Resolver()
export class HomeResolver {
  @Query(() => HomeScreen, {
    description:
      "The viewer's home screen. Anonymous viewers (no token) get the generic screen. Declare what the client renders in `capabilities`: anything else is downgraded to the baseline (ListSection, BasicTile, OpenUrlAction) or left out.",
  })
  async home(
    @Arg("capabilities", () => ClientCapabilitiesInput, {
      nullable: true,
      description: "Omitted: the client renders the baseline only.",
    })
    capabilities: ClientCapabilitiesInput | null | undefined,
    @Arg("firstSections", () => Int, {
      nullable: true,
      description:
        "Load only the first N sections; the rest come as LazySection stubs to load with `section`. Omitted: every section.",
    })
    firstSections: number | null | undefined,
    @Ctx() context: GatewayContext,
  ): Promise<HomeScreenModel> {
    const { services, viewer } = context;
    if (firstSections != null && firstSections < 0) {
      throw new InvalidArgumentError("firstSections", "firstSections must be 0 or more");
    }
    // Marks the viewer active for the push-cache policy; throttled and never failing.
    if (viewer.kind === "user") void services.activeViewers?.touch(viewer.id);
    const home = await resolveHome(
      context.viewer,
      {
        recommendations: services.recommendations,
        loader: context.products,
        logger: services.logger,
      },
      { fullSections: firstSections ?? undefined },
    );
    const reuse = context.reuse;
    if (reuse) {
      const reason = unsettled(home);
      if (reason === undefined) reuse.vouch();
      else reuse.refuse(reason);
    }
    return buildHomeScreen(home, capabilitiesOf(capabilities, services.componentRules), {
      nowMs: services.clock.nowMs(),
      webBaseUrl: services.webBaseUrl,
      onTileFault: reuse ? refusingOnFault(reuse, services.tileFaults.report) : services.tileFaults.report,
      locale: capabilities?.locale ?? "en-US",
    });
  }
}
