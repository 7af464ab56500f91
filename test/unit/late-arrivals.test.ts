import { describe, expect, it } from "vitest";
import { FakeResponseCache } from "../../src/adapters/fakes/fake-response-cache.js";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { inMemoryChangeFeed } from "../../src/composition/change-feeds.js";
import {
  type ChangeFeed,
  type ProductChange,
  type ProductInfo,
  ResponseReuse,
  type Viewer,
  lateArrivalsOf,
} from "../../src/domain/index.js";
import { silentLogger } from "../support/silent-logger.js";

const ALICE: Viewer = { kind: "user", id: "alice" };
const late = (id: string): ProductInfo => ({
  id,
  service: "shop",
  version: 2,
  presentation: "offer",
  title: `late ${id}`,
  route: `/products/${id}`,
  webUrl: `https://example.test/${id}`,
});

/** A reuse with one stored answer for Alice, so that ending it is visible. */
function reuseHoldingAnAnswer(): ResponseReuse {
  const reuse = new ResponseReuse({ cache: new FakeResponseCache({ clock: new FakeClock() }), ttlMs: 5_000 });
  const ticket = reuse.ticket(ALICE);
  ticket.vouch();
  reuse.keep("alice:home", ticket, { status: 200, headers: {}, body: Buffer.from("{}") });
  return reuse;
}

async function heardBy(feed: ChangeFeed, viewer: Viewer): Promise<ProductChange[]> {
  const heard: ProductChange[] = [];
  await feed.listen(viewer, { onChange: (change) => heard.push(change) });
  return heard;
}

describe("late personalised data", () => {
  it("is pushed to the viewer's live tiles, one personal change per product", async () => {
    const changes = inMemoryChangeFeed({ prefix: "t:", logger: silentLogger });
    const alice = await heardBy(changes, ALICE);
    const bob = await heardBy(changes, { kind: "user", id: "bob" });
    lateArrivalsOf({ changes, logger: silentLogger }).arrived("alice", [late("p1"), late("p2")]);
    await expect.poll(() => alice.length).toBe(2);
    expect(alice.map((change) => (change.kind === "personal" ? change.info.id : change.kind))).toEqual([
      "p1",
      "p2",
    ]);
    expect(bob).toEqual([]);
  });

  it("ends the reuse of the viewer's earlier answers before the data is handed on", () => {
    const reuse = reuseHoldingAnAnswer();
    const handed: string[] = [];
    const arrivals = lateArrivalsOf({
      changes: inMemoryChangeFeed({ prefix: "t:", logger: silentLogger }),
      logger: silentLogger,
      responseReuse: reuse,
      handler: {
        arrived: (user) => handed.push(`${user}: reused ${reuse.lookup(ALICE, "alice:home") ? "yes" : "no"}`),
      },
    });
    expect(reuse.lookup(ALICE, "alice:home")).toBeDefined();
    arrivals.arrived("alice", [late("p1")]);
    expect(handed).toEqual(["alice: reused no"]);
  });

  it("a push that fails is logged, not thrown, and the next product still goes out", async () => {
    const warnings: unknown[] = [];
    const logger = { ...silentLogger, warn: (...args: unknown[]) => void warnings.push(args) };
    const sent: string[] = [];
    const changes = {
      publish: (change: ProductChange) => {
        if (change.kind === "personal" && change.info.id === "p1") return Promise.reject(new Error("down"));
        sent.push(change.kind === "personal" ? change.info.id : change.kind);
        return Promise.resolve();
      },
    } as unknown as ChangeFeed;
    expect(() =>
      lateArrivalsOf({ changes, logger }).arrived("alice", [late("p1"), late("p2")]),
    ).not.toThrow();
    expect(sent).toEqual(["p2"]);
    await expect.poll(() => warnings.length).toBe(1);
  });
});
