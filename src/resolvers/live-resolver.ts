import { Arg, Root, Subscription, Resolver } from "type-graphql";
import { type ProductChange, resolveHome, resolvePlannedSection } from "../domain/index.js";
import { type HomeUpdate as HomeUpdateModel, LiveScreen, isSharedUpdate } from "../ui-components/index.js";
import { BoundedQueue, OVERFLOWED } from "./bounded-queue.js";
import { capabilitiesOf } from "./capabilities.js";
import { stampedShared } from "./shared-execution.js";
import type { GatewayContext } from "./context.js";
import { ClientCapabilitiesInput, HomeUpdate } from "./types.js";

export type SequencedUpdate = HomeUpdateModel & { readonly sequence: number; readonly sentAt: Date };

/** Changes a subscription may fall behind by before it is told to resync instead. */
const MAX_QUEUED_CHANGES = 256;

type Lost = { readonly kind: "lost"; readonly reason: string };

@Resolver()
export class LiveTilesResolver {
  @Subscription(() => HomeUpdate, {
    description:
      "Live changes to the viewer's home screen: tiles replaced (same id, higher revision), inserted or removed, whole sections replaced (SectionUpdate, when declared in `capabilities.updates`), or a request to refetch `home`. Declare the same capabilities as for `home`.",
    subscribe: ({ args, context }) =>
      liveUpdates(
        context as GatewayContext,
        (args as { capabilities?: ClientCapabilitiesInput | null }).capabilities,
      ),
  })
  homeUpdates(
    @Root() update: SequencedUpdate,
    @Arg("capabilities", () => ClientCapabilitiesInput, { nullable: true })
    _capabilities: ClientCapabilitiesInput | null | undefined,
  ): SequencedUpdate {
    return update;
  }
}

/**
 * The subscription's stream. An async generator waiting for its next change cannot be stopped
 * from outside until that change comes, so `return()` (the client completed, the socket closed)
 * first closes the queue it waits on: the listener is released at once, not at the next change.
 */
function liveUpdates(
  context: GatewayContext,
  input: ClientCapabilitiesInput | null | undefined,
): AsyncIterableIterator<SequencedUpdate> {
  const queue = new BoundedQueue<ProductChange | Lost>(MAX_QUEUED_CHANGES);
  const updates = screenUpdates(context, input, queue);
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => updates.next(),
    return: async () => {
      queue.close();
      return updates.return(undefined);
    },
  };
}

/**
 * One subscription: listen first (so nothing falls between the snapshot and the feed), take a
 * snapshot of the viewer's screen, then turn each change into numbered deltas on that snapshot.
 */
async function* screenUpdates(
  context: GatewayContext,
  input: ClientCapabilitiesInput | null | undefined,
  queue: BoundedQueue<ProductChange | Lost>,
): AsyncGenerator<SequencedUpdate> {
  const { viewer, services } = context;
  if (viewer.kind === "user") void services.activeViewers?.touch(viewer.id);
  const capabilities = capabilitiesOf(input, services.componentRules);
  const stopListening = await services.changes.listen(viewer, {
    onChange: (change) => queue.push(change),
    onPossibleLoss: (reason) => queue.push({ kind: "lost", reason }),
  });
  let sequence = 0;
  const stamp = (update: HomeUpdateModel): SequencedUpdate => {
    const stamped = { ...update, sequence: ++sequence, sentAt: new Date(services.clock.nowMs()) };
    // A delta other subscriptions got too: its GraphQL execution can be shared (shared-execution.ts).
    return isSharedUpdate(update) ? stampedShared(stamped, update) : stamped;
  };
  // A fresh loader per snapshot: a subscription outlives any one batch, and caching across changes would serve stale data.
  const snapshot = () =>
    resolveHome(viewer, {
      recommendations: services.recommendations,
      loader: services.productData.loaderFor(viewer),
      logger: services.logger,
    });
  const buildOptions = () => ({
    nowMs: services.clock.nowMs(),
    webBaseUrl: services.webBaseUrl,
    onTileFault: services.tileFaults.report,
    locale: input?.locale ?? "en-US",
  });
  try {
    // Clients that declared the same capabilities (and locale) build tiles alike: a cohort.
    const cohort = JSON.stringify(input ?? null);
    const screen = new LiveScreen(await snapshot(), capabilities, buildOptions, cohort);
    for await (const change of queue) {
      let updates: HomeUpdateModel[];
      if (change === OVERFLOWED || change.kind === "lost") {
        const reason = change === OVERFLOWED ? "TOO_MANY_CHANGES" : "UPDATES_LOST";
        screen.reset(await snapshot());
        updates = [{ __typename: "ResyncRequired", reason }];
      } else if (change.kind === "plan") {
        updates = screen.replan(await snapshot());
      } else {
        // A change to a product of a section the client holds as failed: its source may be back.
        updates = [];
        for (const plan of screen.recovering(change.info.id)) {
          const loader = services.productData.loaderFor(viewer);
          updates.push(
            ...screen.recovered(await resolvePlannedSection(plan, { loader, logger: services.logger })),
          );
        }
        updates.push(
          ...(change.kind === "personal" ? screen.personal(change.info) : screen.generic(change.info)),
        );
      }
      // After a resync the client refetches: from then on it holds what a fresh snapshot says.
      if (change !== OVERFLOWED && change.kind !== "lost" && change.kind !== "plan") {
        if (updates.some((update) => update.__typename === "ResyncRequired")) screen.reset(await snapshot());
      }
      for (const update of updates) yield stamp(update);
    }
  } finally {
    queue.close();
    await stopListening();
  }
}
