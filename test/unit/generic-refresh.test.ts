import { describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { FakeInvalidationBus } from "../../src/adapters/fakes/fake-invalidation-bus.js";
import { FakeL2Cache } from "../../src/adapters/fakes/fake-l2-cache.js";
import { FakeLocks } from "../../src/adapters/fakes/fake-locks.js";
import { FakeProductService } from "../../src/adapters/fakes/fake-product-service.js";
import { GenericRefresher, type ProductInfo, genericKey } from "../../src/domain/index.js";
import { productInfo } from "../contract/product-info.js";
import { RecordingLogger } from "../support/recording-logger.js";

const PERIOD_MS = 180_000;

function setup() {
  const clock = new FakeClock();
  const shop = new FakeProductService({
    id: "shop",
    clock,
    products: [productInfo("shop-1", 1, { service: "shop" }), productInfo("shop-2", 1, { service: "shop" })],
  });
  const travel = new FakeProductService({
    id: "travel",
    clock,
    products: [productInfo("travel-1", 1, { service: "travel" })],
  });
  const l2 = new FakeL2Cache({ clock });
  const bus = new FakeInvalidationBus();
  const locks = new FakeLocks({ clock });
  const logger = new RecordingLogger();
  const refresher = new GenericRefresher({
    services: new Map([
      ["shop", shop],
      ["travel", travel],
    ]),
    l2,
    bus,
    locks,
    clock,
    logger,
    periodMs: PERIOD_MS,
  });
  return { clock, shop, travel, l2, bus, locks, logger, refresher };
}

const versionIn = (l2: FakeL2Cache, product: string): number | undefined =>
  l2.peek(genericKey(product))?.version;

describe("GenericRefresher", () => {
  it("writes every service's generic info to L2 and invalidates the keys it wrote", async () => {
    const { l2, bus, locks, refresher } = setup();

    const report = await refresher.refreshOnce();

    expect(report).toEqual({ ran: true, failedServices: [], entries: 3, written: 3 });
    expect(["shop-1", "shop-2", "travel-1"].map((id) => versionIn(l2, id))).toEqual([1, 1, 1]);
    expect(bus.published.flat()).toEqual(
      expect.arrayContaining([genericKey("shop-1"), genericKey("shop-2"), genericKey("travel-1")]),
    );
    expect(bus.published.flat()).toHaveLength(3);
    expect(locks.held("generic-refresh")).toBe(false);
  });

  it("invalidates only what changed since the last refresh", async () => {
    const { shop, bus, l2, refresher } = setup();
    await refresher.refreshOnce();
    bus.published.length = 0;

    const changed: ProductInfo = shop.setGeneric(productInfo("shop-2", 2, { service: "shop" }));
    const report = await refresher.refreshOnce();

    expect(report.written).toBe(1);
    expect(bus.published).toEqual([[genericKey("shop-2")]]);
    expect(versionIn(l2, "shop-2")).toBe(changed.version);
  });

  it("keeps entries in L2 for longer than a period, so one failed refresh does not empty it", async () => {
    const { clock, shop, travel, l2, refresher } = setup();
    await refresher.refreshOnce();
    shop.failWith(new Error("shop is down"));
    travel.failWith(new Error("travel is down"));

    await clock.advance(PERIOD_MS);
    await refresher.refreshOnce();
    await clock.advance(PERIOD_MS);

    expect(versionIn(l2, "shop-1")).toBe(1);
  });

  it("skips a failing service, logs it, and still refreshes the others", async () => {
    const { shop, l2, bus, logger, refresher } = setup();
    shop.failWith(new Error("shop is down"));

    const report = await refresher.refreshOnce();

    expect(report).toMatchObject({ ran: true, failedServices: ["shop"], written: 1 });
    expect(versionIn(l2, "travel-1")).toBe(1);
    expect(versionIn(l2, "shop-1")).toBeUndefined();
    expect(bus.published).toEqual([[genericKey("travel-1")]]);
    expect(logger.at("warn").map((entry) => entry.fields["service"])).toContain("shop");
  });

  it("does nothing while another instance holds the lock", async () => {
    const { shop, travel, l2, locks, refresher } = setup();
    const elsewhere = await locks.tryAcquire("generic-refresh", { ttlMs: 60_000 });

    const report = await refresher.refreshOnce();

    expect(report.ran).toBe(false);
    expect(shop.calls.generic + travel.calls.generic).toBe(0);
    expect(l2.calls.setMany).toHaveLength(0);
    await elsewhere!.release();
    expect((await refresher.refreshOnce()).ran).toBe(true);
  });

  it("publishes nothing and releases the lock when L2 refuses the write", async () => {
    const { l2, bus, locks, refresher } = setup();
    l2.failWith(new Error("L2 down"));

    const report = await refresher.refreshOnce();

    expect(report).toMatchObject({ ran: true, entries: 3, written: 0 });
    expect(bus.published).toEqual([]);
    expect(locks.held("generic-refresh")).toBe(false);
  });

  it("refreshes at start and then once per period until stopped", async () => {
    const { clock, shop, refresher } = setup();

    refresher.start();
    await clock.advance(0);
    expect(shop.calls.generic).toBe(1);

    await clock.advance(PERIOD_MS - 1);
    expect(shop.calls.generic).toBe(1);
    await clock.advance(1);
    expect(shop.calls.generic).toBe(2);
    await clock.advance(PERIOD_MS * 2);
    expect(shop.calls.generic).toBe(4);

    await refresher.stop();
    await clock.advance(PERIOD_MS * 3);
    expect(shop.calls.generic).toBe(4);
    expect(clock.pendingTimers()).toBe(0);
  });

  it("lets stop() wait for a refresh under way, which still releases the lock", async () => {
    const { clock, shop, locks, refresher } = setup();
    shop.delayBy(5_000);
    refresher.start();
    await clock.advance(0);
    expect(locks.held("generic-refresh")).toBe(true);

    const stopped = refresher.stop();
    await clock.advance(5_000);
    await stopped;

    expect(locks.held("generic-refresh")).toBe(false);
    expect(clock.pendingTimers()).toBe(0);
  });
});
