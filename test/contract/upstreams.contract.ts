import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FakeProductService } from "../../src/adapters/fakes/fake-product-service.js";
import type { FakeRecommendations } from "../../src/adapters/fakes/fake-recommendations.js";
import {
  ANONYMOUS,
  type HomePlan,
  type ProductService,
  type Recommendations,
  UpstreamError,
} from "../../src/domain/index.js";
import { productInfo } from "./product-info.js";

/** A product service under test, and the data it answers from. */
export interface ProductServiceHarness {
  /** Its id is `upstream.id`. */
  readonly service: ProductService;
  /** What the service holds: the fake itself, or the fake behind an HTTP server. */
  readonly upstream: FakeProductService;
  close(): Promise<void>;
}

/** What every ProductService must do, run on the fake and on the HTTP adapter. */
export function describeProductServiceContract(
  name: string,
  makeHarness: () => Promise<ProductServiceHarness>,
): void {
  describe(`ProductService contract: ${name}`, () => {
    let harness: ProductServiceHarness;
    let service: ProductService;
    let upstream: FakeProductService;

    beforeEach(async () => {
      harness = await makeHarness();
      ({ service, upstream } = harness);
      upstream.setGeneric(productInfo("p1", 3));
      upstream.setGeneric(productInfo("p2", 7, { presentation: "media", price: undefined }));
    });
    afterEach(async () => {
      await harness.close();
    });

    it("answers every generic product by id, every field intact, filed under its own service", async () => {
      const found = await service.generic();
      expect([...found.keys()].sort()).toEqual(["p1", "p2"]);
      expect(found.get("p1")).toEqual(upstream.peekGeneric("p1"));
      expect(found.get("p2")).toEqual(upstream.peekGeneric("p2"));
      for (const info of found.values()) expect(info.service).toBe(service.id);
    });

    it("answers a user's personalised products in one call: those asked for that exist, nothing else", async () => {
      const found = await service.personalised("ana", ["p2", "absent", "p1"]);
      expect([...found.keys()].sort()).toEqual(["p1", "p2"]);
      expect(found.get("p1")).toEqual(upstream.peekPersonal("ana", "p1"));
      expect(found.get("p2")).toEqual(upstream.peekPersonal("ana", "p2"));
      expect((await service.personalised("ana", ["p2"])).size).toBe(1);
    });

    it("answers nothing for no products", async () => {
      expect((await service.personalised("ana", [])).size).toBe(0);
    });

    it("keeps users apart, whatever their ids and the products' ids contain", async () => {
      upstream.setGeneric(productInfo("p/1?x=y&z", 1));
      const users = ["ana", "bob", "ünï cödé&user=ana", "{ana}"];
      users.forEach((user, index) =>
        upstream.setPersonal(user, productInfo("p/1?x=y&z", 2, { title: `for ${index}` })),
      );
      for (const [index, user] of users.entries()) {
        const found = await service.personalised(user, ["p/1?x=y&z", "p1"]);
        expect(found.get("p/1?x=y&z")?.title, user).toBe(`for ${index}`);
        expect(found.get("p1"), user).toEqual(upstream.peekPersonal(user, "p1"));
      }
    });

    it("rejects with an UpstreamError while the service fails, and answers again once it recovers", async () => {
      upstream.failWith(new UpstreamError(upstream.id, "maintenance"));
      await expect(service.generic()).rejects.toBeInstanceOf(UpstreamError);
      await expect(service.personalised("ana", ["p1"])).rejects.toBeInstanceOf(UpstreamError);
      upstream.failWith(null);
      expect((await service.generic()).size).toBe(2);
    });
  });
}

/** A recommendations service under test, and the plans it answers from. */
export interface RecommendationsHarness {
  readonly recommendations: Recommendations;
  /** What the service holds: the fake itself, or the fake behind an HTTP server. */
  readonly upstream: FakeRecommendations;
  close(): Promise<void>;
}

const plan = (title: string): HomePlan => ({
  sections: [
    { id: "hero", kind: "hero", title, products: [{ id: "TR-1", service: "travel" }] },
    {
      id: "deals",
      kind: "carousel",
      title: "Deals",
      products: [
        { id: "SH-2", service: "shop" },
        { id: "SH-1", service: "shop" },
      ],
    },
    { id: "accounts", kind: "grid", title: "Accounts", products: [{ id: "BK-1", service: "banking" }] },
    { id: "cover", kind: "list", title: "Cover", products: [] },
  ],
});

/** What every Recommendations must do, run on the fake and on the HTTP adapter. */
export function describeRecommendationsContract(
  name: string,
  makeHarness: () => Promise<RecommendationsHarness>,
): void {
  describe(`Recommendations contract: ${name}`, () => {
    let harness: RecommendationsHarness;
    let recommendations: Recommendations;

    beforeEach(async () => {
      harness = await makeHarness();
      ({ recommendations } = harness);
    });
    afterEach(async () => {
      await harness.close();
    });

    it("answers a user's own plan: sections, kinds, titles and products in order", async () => {
      harness.upstream.setPlan({ kind: "user", id: "ana" }, plan("For Ana"));
      expect(await recommendations.forViewer({ kind: "user", id: "ana" })).toEqual(plan("For Ana"));
    });

    it("answers the generic plan to an anonymous viewer and each user's own to each user", async () => {
      const viewers = ["ana", "bob", "alice smith&co", "ünï 🙂", "{ana}"];
      harness.upstream.setPlan(ANONYMOUS, plan("Featured"));
      viewers.forEach((id) => harness.upstream.setPlan({ kind: "user", id }, plan(`For ${id}`)));

      expect(await recommendations.forViewer(ANONYMOUS)).toEqual(plan("Featured"));
      for (const id of viewers)
        expect(await recommendations.forViewer({ kind: "user", id }), id).toEqual(plan(`For ${id}`));
    });

    it("rejects while the service fails, and answers again once it recovers", async () => {
      harness.upstream.failWith(new UpstreamError("recommendations", "maintenance"));
      await expect(recommendations.forViewer(ANONYMOUS)).rejects.toBeInstanceOf(UpstreamError);
      harness.upstream.failWith(null);
      expect((await recommendations.forViewer(ANONYMOUS)).sections.length).toBeGreaterThan(0);
    });
  });
}
