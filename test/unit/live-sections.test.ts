import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ProductInfo } from "../../src/domain/index.js";
import { ACTION_KINDS, COMPONENT_KINDS } from "../../src/ui-components/index.js";
import {
  HomeDocument,
  HomeSectionUpdatesDocument,
  type HomeSectionUpdatesSubscription,
} from "../gql/graphql.js";
import { type InProcessSubscription, subscribeInProcess } from "../support/in-process-subscription.js";
import { type TestApp, createTestApp } from "../support/test-app.js";

type Update = HomeSectionUpdatesSubscription["homeUpdates"];

const CAPABILITIES = {
  platform: "WEB" as const,
  appVersion: "1.0.0",
  components: [...COMPONENT_KINDS],
  actions: [...ACTION_KINDS],
  updates: ["SECTION_UPDATE" as const],
};
const ALICE = { kind: "user", id: "alice" } as const;

let app: TestApp;
let token: string;
let live: InProcessSubscription<HomeSectionUpdatesSubscription> | undefined;
beforeEach(async () => {
  app = await createTestApp({ tilesPerUser: 24 });
  token = await app.token("alice");
});
afterEach(async () => {
  await live?.close();
  live = undefined;
  await app.stop();
});

/** Pushes a new personal title for one of alice's products, as a product service would. */
function pusher(service: string, productId: string) {
  let round = 0;
  return async (): Promise<void> => {
    const upstream = app.service(service);
    const current = upstream.peekPersonal("alice", productId) as ProductInfo;
    const info = upstream.setPersonal("alice", { ...current, title: `Pushed ${++round}` });
    await app.changes.publish({ kind: "personal", user: "alice", info });
  };
}

/**
 * The subscription's snapshot of the screen is taken once it starts: a first pushed tile arriving
 * proves it is there, with the screen as it was before what the test changes next.
 */
async function started(subscription: InProcessSubscription<HomeSectionUpdatesSubscription>): Promise<void> {
  const plan = await app.recommendations.forViewer(ALICE);
  const hero = plan.sections[0]?.products[0];
  const update = (await subscription.next(pusher(hero?.service as string, hero?.id as string))).homeUpdates;
  expect(update).toMatchObject({ __typename: "TileUpdate", sequence: 1 });
}

describe("sections over the subscription", () => {
  it("replaces a failed product line's ErrorSection in place when it recovers, in sequence with tile deltas", async () => {
    // Travel is down from the start, with nothing cached: its section is an ErrorSection.
    app.service("travel").failWith(new Error("travel is down"));
    const screen = (await app.executeOverTime(HomeDocument, { capabilities: CAPABILITIES }, { token })).data
      ?.home;
    const failed = screen?.sections.find((section) => section.id === "trips");
    expect(failed).toMatchObject({ __typename: "ErrorSection", revision: 0 });
    live = await subscribeInProcess(app, HomeSectionUpdatesDocument, { capabilities: CAPABILITIES }, token);
    await started(live);

    // It recovers, and pushes a change for one of its products.
    app.service("travel").failWith(null);
    const plan = await app.recommendations.forViewer(ALICE);
    const trips = plan.sections.find((section) => section.id === "trips");
    const [first, second] = trips?.products ?? [];
    const recovered: Update = (await live.next(pusher("travel", first?.id as string))).homeUpdates;

    expect(recovered).toMatchObject({ __typename: "SectionUpdate", sequence: 2 });
    if (recovered.__typename !== "SectionUpdate") throw new Error("not a section");
    const section = recovered.section;
    expect(section.id).toBe("trips");
    expect(section.__typename).toBe("CarouselSection");
    expect(section.revision).toBeGreaterThan(failed?.revision ?? 0);
    // Every product of the line is back, not only the pushed one.
    expect("tiles" in section && section.tiles.map((tile) => tile.product?.id)).toEqual(
      trips?.products.map((ref) => ref.id),
    );
    expect("tiles" in section && section.tiles.every((t) => t.personalization.state === "PERSONALIZED")).toBe(
      true,
    );

    // Held whole now, the section takes tile deltas, numbered after it.
    const next: Update = (await live.next(pusher("travel", second?.id as string))).homeUpdates;
    expect(next).toMatchObject({
      __typename: "TileUpdate",
      sequence: 3,
      sectionId: "trips",
      tile: { product: { id: second?.id } },
    });
  });

  it("sends a section whose tiles changed order whole to a client that declared SECTION_UPDATE, and a resync to one that did not", async () => {
    const plan = await app.recommendations.forViewer(ALICE);
    const v1 = await subscribeInProcess(
      app,
      HomeSectionUpdatesDocument,
      { capabilities: { ...CAPABILITIES, updates: [] } },
      token,
    );
    live = await subscribeInProcess(app, HomeSectionUpdatesDocument, { capabilities: CAPABILITIES }, token);
    await started(v1);
    await started(live);
    const deals = plan.sections.find((section) => section.id === "deals");
    const reversed = {
      sections: plan.sections.map((section) =>
        section.id === "deals" ? { ...section, products: [...section.products].reverse() } : section,
      ),
    };
    let planned = false;
    const replan = async (): Promise<void> => {
      if (!planned) app.recommendations.setPlan(ALICE, reversed);
      planned = true;
      await app.changes.publish({ kind: "plan", user: "alice" });
    };

    // Past the tiles each one's start pushed to the other.
    const afterTiles = async (subscription: InProcessSubscription<HomeSectionUpdatesSubscription>) => {
      for (;;) {
        const update: Update = (await subscription.next(replan)).homeUpdates;
        if (update.__typename !== "TileUpdate") return update;
      }
    };
    const whole = await afterTiles(live);
    const resync = await afterTiles(v1);
    await v1.close();

    expect(whole).toMatchObject({ __typename: "SectionUpdate", section: { id: "deals" } });
    if (whole.__typename !== "SectionUpdate") throw new Error("not a section");
    expect("tiles" in whole.section && whole.section.tiles.map((tile) => tile.product?.id)).toEqual(
      [...(deals?.products ?? [])].reverse().map((ref) => ref.id),
    );
    expect(resync).toMatchObject({ __typename: "ResyncRequired", reason: "TILES_REORDERED" });
  });
});
