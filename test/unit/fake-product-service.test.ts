import { describe, expect, it } from "vitest";
import { createDemoServices, DEMO_SERVICE_IDS, DEMO_USERS } from "../../src/adapters/fakes/demo-catalog.js";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { FakeProductService } from "../../src/adapters/fakes/fake-product-service.js";
import { type ProductInfo, UpstreamError } from "../../src/domain/index.js";

function product(id: string, overrides: Partial<ProductInfo> = {}): ProductInfo {
  return {
    id,
    service: "shop",
    version: 1,
    presentation: "deal",
    title: `Product ${id}`,
    price: { amountMinor: 49_900, currency: "EUR" },
    route: `product/shop/${id}`,
    webUrl: `https://www.example.com/shop/${id}`,
    ...overrides,
  };
}

function shop(options: Partial<ConstructorParameters<typeof FakeProductService>[0]> = {}) {
  const clock = new FakeClock();
  const products = Array.from({ length: 12 }, (_, index) => product(`SH-${index}`));
  const service = new FakeProductService({ id: "shop", clock, products, ...options });
  return { clock, service };
}

/** Whether `promise` has settled yet; read it after the clock has flushed pending work. */
function track(promise: Promise<unknown>): { readonly settled: boolean } {
  const state = { settled: false };
  const settle = (): void => {
    state.settled = true;
  };
  void promise.then(settle, settle);
  return state;
}

describe("FakeProductService", () => {
  it("answers only the products it knows, and records the call", async () => {
    const { service } = shop();
    const answer = await service.personalised("alice", ["SH-1", "SH-2", "NOPE"]);
    expect([...answer.keys()]).toEqual(["SH-1", "SH-2"]);
    expect(service.calls.personalised).toEqual([{ user: "alice", products: ["SH-1", "SH-2", "NOPE"] }]);
    expect(service.calls.generic).toBe(0);
  });

  it("personalises per user, deterministically", async () => {
    const { service } = shop();
    const ids = service.productIds();
    const alice = await service.personalised("alice", ids);
    const bob = await service.personalised("bob", ids);
    const aliceAgain = await service.personalised("alice", ids);
    expect([...aliceAgain.values()]).toEqual([...alice.values()]);
    const differing = ids.filter((id) => JSON.stringify(alice.get(id)) !== JSON.stringify(bob.get(id)));
    expect(differing.length).toBeGreaterThan(ids.length / 2);
    // A personal price is never above the list price.
    for (const info of alice.values()) expect(info.price?.amountMinor).toBeLessThanOrEqual(49_900);
  });

  it("generic answers every product with its generic info", async () => {
    const { service } = shop();
    const generic = await service.generic();
    expect(generic.size).toBe(12);
    expect(generic.get("SH-0")?.price?.amountMinor).toBe(49_900);
    expect(generic.get("SH-0")?.badge).toBeUndefined();
    expect(service.calls.generic).toBe(1);
  });

  it("waits its fixed latency on the clock", async () => {
    const { clock, service } = shop({ latencyMs: 200 });
    const answer = service.personalised("alice", ["SH-1"]);
    const state = track(answer);
    await clock.advance(199);
    expect(state.settled).toBe(false);
    await clock.advance(1);
    expect(state.settled).toBe(true);
    expect((await answer).size).toBe(1);
  });

  it("draws latency within its range, the same for the same seed", async () => {
    const draw = async (seed: number): Promise<number[]> => {
      const { clock, service } = shop({ latencyMs: { min: 50, max: 150 }, seed });
      const waits: number[] = [];
      for (let call = 0; call < 8; call++) {
        const startMs = clock.nowMs();
        const state = track(service.generic());
        while (!state.settled) await clock.advance(1);
        waits.push(clock.nowMs() - startMs);
      }
      return waits;
    };
    const first = await draw(7);
    for (const waitMs of first) {
      expect(waitMs).toBeGreaterThanOrEqual(50);
      expect(waitMs).toBeLessThanOrEqual(150);
    }
    expect(new Set(first).size).toBeGreaterThan(1);
    expect(await draw(7)).toEqual(first);
  });

  it("delayBy adds to the latency", async () => {
    const { clock, service } = shop({ latencyMs: 100 });
    service.delayBy(400);
    const state = track(service.generic());
    await clock.advance(499);
    expect(state.settled).toBe(false);
    await clock.advance(1);
    expect(state.settled).toBe(true);
  });

  it("fails with the given error until told to stop, still recording the calls", async () => {
    const { service } = shop();
    const outage = new Error("connection refused");
    service.failWith(outage);
    await expect(service.personalised("alice", ["SH-1"])).rejects.toBe(outage);
    await expect(service.generic()).rejects.toBe(outage);
    service.failWith(null);
    await expect(service.generic()).resolves.toBeInstanceOf(Map);
    expect(service.calls.personalised).toHaveLength(1);
    expect(service.calls.generic).toBe(2);
  });

  it("fails about failureRate of its calls with an UpstreamError", async () => {
    const { service } = shop({ failureRate: 0.3, seed: 42 });
    let failures = 0;
    for (let call = 0; call < 400; call++) {
      try {
        await service.generic();
      } catch (error) {
        expect(error).toBeInstanceOf(UpstreamError);
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(80);
    expect(failures).toBeLessThan(160);
  });

  it("serves exact personal values, with a version above what the user saw before", async () => {
    const { service } = shop();
    const before = service.peekPersonal("alice", "SH-1");
    const stored = service.setPersonal("alice", product("SH-1", { title: "Just for Alice", version: 1 }));
    expect(stored.version).toBeGreaterThan(before?.version ?? 0);
    const alice = await service.personalised("alice", ["SH-1"]);
    expect(alice.get("SH-1")?.title).toBe("Just for Alice");
    const bob = await service.personalised("bob", ["SH-1"]);
    expect(bob.get("SH-1")?.title).toBe("Product SH-1");
  });

  it("raises versions when generic info changes, and derived personal info follows it", async () => {
    const { service } = shop();
    const before = service.peekPersonal("bob", "SH-3");
    const stored = service.setGeneric(product("SH-3", { title: "Renamed", version: 1 }));
    expect(stored.version).toBeGreaterThan(1);
    const after = service.peekPersonal("bob", "SH-3");
    expect(after?.title).toBe("Renamed");
    expect(after?.version).toBeGreaterThan(before?.version ?? 0);
  });
});

describe("createDemoServices", () => {
  it("builds the six demo product lines, each with 6 to 12 products that personalise for demo users", async () => {
    const clock = new FakeClock();
    const services = createDemoServices({ clock });
    expect(services.map((service) => service.id)).toEqual([...DEMO_SERVICE_IDS]);
    for (const service of services) {
      const ids = service.productIds();
      expect(ids.length).toBeGreaterThanOrEqual(6);
      expect(ids.length).toBeLessThanOrEqual(12);
      const generic = await service.generic();
      for (const info of generic.values()) {
        expect(info.service).toBe(service.id);
        expect(info.route).toBe(`product/${service.id}/${info.id}`);
        expect(info.webUrl).toMatch(/^https:\/\/www\.example\.com\//);
        expect(info.imageUrl).toMatch(/^https:\/\/images\.example\.com\//);
      }
      const personal = await service.personalised(DEMO_USERS[0]?.id ?? "alice", ids);
      expect(personal.size).toBe(ids.length);
    }
    const media = services.find((service) => service.id === "media");
    const progress = [...(await media!.personalised("alice", media!.productIds())).values()].map(
      (info) => info.progress,
    );
    expect(progress.some((value) => value !== undefined && value > 0 && value < 1)).toBe(true);
  });
});
