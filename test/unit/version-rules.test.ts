import { afterEach, describe, expect, it } from "vitest";
import type { ProductInfo } from "../../src/domain/index.js";
import { loadConfig } from "../../src/config.js";
import {
  ACTION_KINDS,
  COMPONENT_KINDS,
  applyVersionRules,
  parseComponentVersionRules,
} from "../../src/ui-components/index.js";
import {
  HomeDocument,
  HomeUpdatesDocument,
  type HomeUpdatesSubscription,
  SectionPageDocument,
} from "../gql/graphql.js";
import { subscribeInProcess } from "../support/in-process-subscription.js";
import { capabilities } from "../support/resolved.js";
import { type TestApp, createTestApp } from "../support/test-app.js";
import { typenamesIn } from "../support/typenames.js";

const RULES = parseComponentVersionRules({ MEDIA_TILE: { IOS: "5.14.0", ANDROID: "5.12.0" } });

describe("component version rules", () => {
  it("take away a declared component below the platform's minimum, and nothing else", () => {
    const declared = (platform: "IOS" | "ANDROID" | "WEB", appVersion: string) =>
      applyVersionRules({ ...capabilities(["MEDIA_TILE", "DEAL_TILE"]), platform, appVersion }, RULES)
        .components;
    expect(declared("IOS", "5.13.9").has("MEDIA_TILE")).toBe(false);
    expect(declared("IOS", "5.14.0-beta.1").has("MEDIA_TILE")).toBe(false);
    expect(declared("IOS", "5.13.9").has("DEAL_TILE")).toBe(true);
    expect(declared("IOS", "5.14.0").has("MEDIA_TILE")).toBe(true);
    expect(declared("ANDROID", "5.12.0").has("MEDIA_TILE")).toBe(true);
    expect(declared("ANDROID", "5.11.3").has("MEDIA_TILE")).toBe(false);
    // A platform the rule does not name has no minimum.
    expect(declared("WEB", "0.1.0").has("MEDIA_TILE")).toBe(true);
  });

  it.each([
    [[], "must be a JSON object"],
    [{ FANCY_TILE: { IOS: "1.0.0" } }, '"FANCY_TILE" is not a component'],
    [{ BASIC_TILE: { IOS: "1.0.0" } }, "BASIC_TILE is the baseline"],
    [{ MEDIA_TILE: { TV: "1.0.0" } }, '"TV" is not a platform'],
    [{ MEDIA_TILE: { IOS: "5.14" } }, 'MEDIA_TILE.IOS: "5.14" is not a version'],
    [{ MEDIA_TILE: "5.14.0" }, "MEDIA_TILE: must map platforms to versions"],
  ])("refuse %j", (json, message) => {
    expect(() => parseComponentVersionRules(json)).toThrow(message);
  });

  it("come from COMPONENT_VERSION_RULES, and a bad value names the variable", () => {
    const config = loadConfig({ COMPONENT_VERSION_RULES: '{"MEDIA_TILE":{"IOS":"5.14.0"}}' });
    expect(config.COMPONENT_VERSION_RULES).toEqual(new Map([["MEDIA_TILE", { IOS: "5.14.0" }]]));
    expect(loadConfig({}).COMPONENT_VERSION_RULES.size).toBe(0);
    expect(() => loadConfig({ COMPONENT_VERSION_RULES: "{not json" })).toThrow(
      /COMPONENT_VERSION_RULES: .*JSON/,
    );
    expect(() => loadConfig({ COMPONENT_VERSION_RULES: '{"MEDIA_TILE":{"IOS":"x"}}' })).toThrow(
      'COMPONENT_VERSION_RULES: MEDIA_TILE.IOS: "x" is not a version like 5.14.0',
    );
  });
});

describe("an old app version never receives a gated component", () => {
  let app: TestApp;
  afterEach(async () => {
    await app.stop();
  });
  const client = (appVersion: string) => ({
    platform: "IOS" as const,
    appVersion,
    components: [...COMPONENT_KINDS],
    actions: [...ACTION_KINDS],
  });

  it("at the home query: its media come as BasicTiles, while a new enough app gets MediaTiles", async () => {
    app = await createTestApp({ gateway: { componentVersionRules: RULES } });
    const token = await app.token("alice");
    const old = await app.execute(HomeDocument, { capabilities: client("5.13.0") }, { token });
    const current = await app.execute(HomeDocument, { capabilities: client("5.14.0") }, { token });

    expect(old.errors).toBeUndefined();
    expect(typenamesIn(old.data)).not.toContain("MediaTile");
    const watching = old.data?.home.sections.find((section) => section.id === "watching");
    expect(watching && "tiles" in watching && watching.tiles.map((tile) => tile.__typename)).toEqual(
      expect.arrayContaining(["BasicTile"]),
    );
    expect(typenamesIn(current.data)).toContain("MediaTile");
  });

  it("at the section query, whole or paged", async () => {
    app = await createTestApp({ gateway: { componentVersionRules: RULES } });
    const token = await app.token("alice");
    const load = (appVersion: string, first?: number) =>
      app.execute(
        SectionPageDocument,
        { id: "watching", capabilities: client(appVersion), first },
        { token },
      );

    for (const result of [await load("5.13.0"), await load("5.13.0", 2)]) {
      expect(result.errors).toBeUndefined();
      expect(typenamesIn(result.data)).toContain("BasicTile");
      expect(typenamesIn(result.data)).not.toContain("MediaTile");
    }
    expect(typenamesIn((await load("5.14.0")).data)).toContain("MediaTile");
  });

  it("over the subscription: a pushed media tile comes as a BasicTile", async () => {
    app = await createTestApp({ gateway: { componentVersionRules: RULES } });
    const token = await app.token("alice");
    const media = app.service("media");
    const plan = await app.recommendations.forViewer({ kind: "user", id: "alice" });
    const watching = plan.sections.find((section) => section.id === "watching");
    const productId = watching?.products[0]?.id as string;
    const live = await subscribeInProcess(
      app,
      HomeUpdatesDocument,
      { capabilities: client("5.13.0") },
      token,
    );
    let round = 0;
    const push = async (): Promise<void> => {
      const current = media.peekPersonal("alice", productId) as ProductInfo;
      const info = media.setPersonal("alice", { ...current, title: `Round ${++round}` });
      await app.changes.publish({ kind: "personal", user: "alice", info });
    };

    const update: HomeUpdatesSubscription["homeUpdates"] = (await live.next(push)).homeUpdates;
    await live.close();

    expect(update.__typename).toBe("TileUpdate");
    expect(update).toMatchObject({ tile: { __typename: "BasicTile", product: { id: productId } } });
    expect(typenamesIn(update)).not.toContain("MediaTile");
  });
});
