import { describe, expect, it } from "vitest";
import { FakeClock, flushMicrotasks } from "../../src/adapters/fakes/fake-clock.js";
import { FakeL2Cache } from "../../src/adapters/fakes/fake-l2-cache.js";
import { FakeProductService } from "../../src/adapters/fakes/fake-product-service.js";
import { LruL1Cache } from "../../src/adapters/lru-l1-cache.js";
import {
  type ProductInfo,
  type ProductRef,
  ProductData,
  type ResolvedProduct,
  NO_TELEMETRY,
  genericKey,
  personalKey,
} from "../../src/domain/index.js";
import { silentLogger } from "../support/silent-logger.js";

const SERVICES = ["shop", "travel", "banking", "mobile", "media", "insurance"] as const;
const SOFT_TIMEOUT_MS = 150;

function product(service: string, index: number, version = 1): ProductInfo {
  return {
    id: `${service}-${index}`,
    service,
    version,
    presentation: "offer",
    title: `${service} product ${index}`,
    price: { amountMinor: 1000 + index, currency: "EUR" },
    route: `product/${service}/${index}`,
    webUrl: `https://www.example.com/${service}/${index}`,
  };
}

function setup(options: { productsPerService?: number } = {}) {
  const clock = new FakeClock();
  const perService = options.productsPerService ?? 4;
  const services = SERVICES.map(
    (id) =>
      new FakeProductService({
        id,
        clock,
        products: Array.from({ length: perService }, (_, index) => product(id, index)),
      }),
  );
  const l1 = new LruL1Cache({ ttlMs: 10_000, clock });
  const l2 = new FakeL2Cache({ clock });
  const arrivals: { user: string; products: ProductInfo[] }[] = [];
  const data = new ProductData({
    l1,
    l2,
    services: new Map(services.map((service) => [service.id, service])),
    clock,
    logger: silentLogger,
    telemetry: NO_TELEMETRY,
    lateArrivals: { arrived: (user, products) => arrivals.push({ user, products: [...products] }) },
    softTimeoutMs: SOFT_TIMEOUT_MS,
    l2TtlMs: 60_000,
  });
  const refs: ProductRef[] = services.flatMap((service) =>
    service.productIds().map((id) => ({ id, service: service.id })),
  );
  const service = (id: string): FakeProductService => services.find((s) => s.id === id) as FakeProductService;
  const personalCalls = (): number => services.reduce((sum, s) => sum + s.calls.personalised.length, 0);
  return { clock, services, service, l1, l2, data, refs, arrivals, personalCalls };
}

/** Runs the loads, moving fake time until they settle. */
async function settle<T>(clock: FakeClock, promise: Promise<T>, stepMs = 10, limitMs = 5_000): Promise<T> {
  let done = false;
  const result = promise.finally(() => {
    done = true;
  });
  for (let elapsed = 0; !done && elapsed <= limitMs; elapsed += stepMs) {
    await flushMicrotasks();
    if (!done) await clock.advance(stepMs);
  }
  return result;
}

const byState = (results: readonly ResolvedProduct[]) =>
  results.reduce<Record<string, number>>(
    (count, r) => ({ ...count, [r.state]: (count[r.state] ?? 0) + 1 }),
    {},
  );

describe("ProductData", () => {
  it("resolves 24 products with one L2 batch and one call per product service", async () => {
    const { data, refs, l2, services, clock } = setup();
    expect(refs).toHaveLength(24);

    const results = await settle(clock, data.loaderFor({ kind: "user", id: "alice" }).loadMany(refs));

    expect(byState(results as ResolvedProduct[])).toEqual({ PERSONALIZED: 24 });
    expect(l2.calls.getMany).toHaveLength(1);
    expect(l2.calls.getMany[0]).toHaveLength(24);
    for (const service of services) {
      expect(service.calls.personalised).toEqual([{ user: "alice", products: service.productIds() }]);
    }
  });

  it("serves a second request within the L1 TTL without L2 or product services", async () => {
    const { data, refs, l2, clock, personalCalls } = setup();
    await settle(clock, data.loaderFor({ kind: "user", id: "alice" }).loadMany(refs));
    const l2Reads = l2.calls.getMany.length;
    const upstream = personalCalls();

    await clock.advance(5_000);
    const again = await data.loaderFor({ kind: "user", id: "alice" }).loadMany(refs);

    expect(byState(again as ResolvedProduct[])).toEqual({ PERSONALIZED: 24 });
    expect(l2.calls.getMany.length).toBe(l2Reads);
    expect(personalCalls()).toBe(upstream);
  });

  it("reads L2 after the L1 TTL and asks no product service when L2 has everything", async () => {
    const { data, refs, l2, clock, personalCalls } = setup();
    await settle(clock, data.loaderFor({ kind: "user", id: "alice" }).loadMany(refs));
    const upstream = personalCalls();

    await clock.advance(10_001);
    const again = await settle(clock, data.loaderFor({ kind: "user", id: "alice" }).loadMany(refs));

    expect(byState(again as ResolvedProduct[])).toEqual({ PERSONALIZED: 24 });
    expect(l2.calls.getMany).toHaveLength(2);
    expect(personalCalls()).toBe(upstream);
  });

  it("shows generic info for a slow service at the soft timeout and reports the late data", async () => {
    const { data, refs, l2, clock, service, arrivals } = setup();
    for (const ref of refs)
      l2.seed([{ key: genericKey(ref.id), value: product(ref.service, Number(ref.id.split("-")[1])) }]);
    service("travel").latencyMs = 1_000;

    const pending = data.loaderFor({ kind: "user", id: "alice" }).loadMany(refs);
    await flushMicrotasks();
    await clock.advance(SOFT_TIMEOUT_MS);
    const results = (await pending) as ResolvedProduct[];

    const travel = results.filter((r) => r.ref.service === "travel");
    expect(travel.map((r) => [r.state, r.reason])).toEqual(Array(4).fill(["GENERIC", "SERVICE_SLOW"]));
    expect(results.filter((r) => r.ref.service !== "travel").every((r) => r.state === "PERSONALIZED")).toBe(
      true,
    );
    expect(arrivals).toEqual([]);

    await clock.advance(1_000);
    await flushMicrotasks();
    expect(arrivals.flatMap((a) => a.products.map((p) => p.id)).sort()).toEqual(
      travel.map((r) => r.ref.id).sort(),
    );
    expect(arrivals.every((a) => a.user === "alice")).toBe(true);
    // The late answer filled the cache: the next request is personalised without asking again.
    expect(l2.peek(personalKey("alice", "travel-0"))).toBeDefined();
  });

  it("marks a slow service's tiles PENDING when it has no generic info either", async () => {
    const { data, refs, clock, service } = setup();
    service("media").latencyMs = 1_000;
    const startedMs = clock.nowMs();
    const pending = data
      .loaderFor({ kind: "user", id: "bob" })
      .loadMany(refs.filter((r) => r.service === "media"));
    const results = (await settle(clock, pending, 5)) as ResolvedProduct[];
    expect(results.map((r) => r.state)).toEqual(["PENDING", "PENDING", "PENDING", "PENDING"]);
    // The generic lookup gets a short grace after the soft timeout, not a second full wait.
    expect(clock.nowMs() - startedMs).toBeLessThanOrEqual(SOFT_TIMEOUT_MS + SOFT_TIMEOUT_MS / 5 + 5);
  });

  it("falls back to generic info with SERVICE_FAILED when a service fails, others unaffected", async () => {
    const { data, refs, clock, service } = setup();
    service("banking").failWith(new Error("boom"));
    const results = (await settle(
      clock,
      data.loaderFor({ kind: "user", id: "alice" }).loadMany(refs),
    )) as ResolvedProduct[];

    const banking = results.filter((r) => r.ref.service === "banking");
    // Its generic() fails too (same fake), so nothing can be shown for those products.
    expect(banking.map((r) => [r.state, r.reason])).toEqual(Array(4).fill(["UNAVAILABLE", "SERVICE_FAILED"]));
    expect(results.filter((r) => r.ref.service !== "banking").every((r) => r.state === "PERSONALIZED")).toBe(
      true,
    );
  });

  it("uses cached generic info when a failing service has it in L2", async () => {
    const { data, refs, clock, service, l2 } = setup();
    l2.seed([{ key: genericKey("banking-1"), value: product("banking", 1) }]);
    service("banking").failWith(new Error("boom"));
    const [result] = (await settle(
      clock,
      data.loaderFor({ kind: "user", id: "alice" }).loadMany(refs.filter((r) => r.id === "banking-1")),
    )) as ResolvedProduct[];
    expect(result).toMatchObject({ state: "GENERIC", reason: "SERVICE_FAILED", info: { id: "banking-1" } });
  });

  it("shares one load between concurrent requests missing the same keys", async () => {
    const { data, refs, clock, service, l2 } = setup();
    for (const s of SERVICES) service(s).latencyMs = 50;
    const first = data.loaderFor({ kind: "user", id: "alice" }).loadMany(refs);
    const second = data.loaderFor({ kind: "user", id: "alice" }).loadMany(refs);
    const [a, b] = await settle(clock, Promise.all([first, second]));

    expect(byState(a as ResolvedProduct[])).toEqual({ PERSONALIZED: 24 });
    expect(byState(b as ResolvedProduct[])).toEqual({ PERSONALIZED: 24 });
    for (const s of SERVICES) expect(service(s).calls.personalised).toHaveLength(1);
    expect(l2.calls.getMany).toHaveLength(1);
  });

  it("gives anonymous viewers generic info only", async () => {
    const { data, refs, clock, personalCalls } = setup();
    const results = (await settle(
      clock,
      data.loaderFor({ kind: "anonymous" }).loadMany(refs),
    )) as ResolvedProduct[];
    expect(results.every((r) => r.state === "GENERIC" && r.reason === "ANONYMOUS_VIEWER")).toBe(true);
    expect(personalCalls()).toBe(0);
  });

  it("treats a failing L2 as misses and still answers from the product services", async () => {
    const { data, refs, clock, l2 } = setup();
    l2.failWith(new Error("redis down"));
    const results = (await settle(
      clock,
      data.loaderFor({ kind: "user", id: "carol" }).loadMany(refs),
    )) as ResolvedProduct[];
    expect(byState(results)).toEqual({ PERSONALIZED: 24 });
  });

  it("keeps each viewer's data to that viewer", async () => {
    const { data, refs, clock, service } = setup();
    service("shop").setPersonal("alice", { ...product("shop", 0, 5), title: "alice's own offer" });
    const [alice, bob] = await settle(
      clock,
      Promise.all([
        data.loaderFor({ kind: "user", id: "alice" }).load(refs[0] as ProductRef),
        data.loaderFor({ kind: "user", id: "bob" }).load(refs[0] as ProductRef),
      ]),
    );
    expect(alice.info?.title).toBe("alice's own offer");
    expect(bob.info?.title).not.toBe("alice's own offer");
  });

  it("does not put a value into L1 when its key was invalidated while it loaded", async () => {
    const { data, refs, clock, service, l1 } = setup();
    service("shop").latencyMs = 100;
    const ref = refs[0] as ProductRef;
    const pending = data.loaderFor({ kind: "user", id: "alice" }).load(ref);
    await flushMicrotasks();
    await clock.advance(50);
    l1.evict([personalKey("alice", ref.id)]);
    await clock.advance(60);
    await pending;
    expect(l1.getMany([personalKey("alice", ref.id)]).size).toBe(0);
  });
});
