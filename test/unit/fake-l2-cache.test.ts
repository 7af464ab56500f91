import { describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/fakes/fake-clock.js";
import { FakeL2Cache } from "../../src/adapters/fakes/fake-l2-cache.js";
import { type ProductInfo, cacheKeyId, genericKey, personalKey } from "../../src/domain/index.js";

function info(id: string, version: number, title = `Product ${id}`): ProductInfo {
  return {
    id,
    service: "travel",
    version,
    presentation: "offer",
    title,
    route: `product/travel/${id}`,
    webUrl: `https://www.example.com/travel/${id}`,
  };
}

const KEY = personalKey("alice", "TR-1");

describe("FakeL2Cache", () => {
  it("writes only versions newer than the stored one", async () => {
    const l2 = new FakeL2Cache({ clock: new FakeClock() });
    expect(await l2.setMany([{ key: KEY, value: info("TR-1", 5, "v5") }], { ttlMs: 60_000 })).toEqual([true]);
    const written = await l2.setMany(
      [
        { key: KEY, value: info("TR-1", 4, "v4") },
        { key: KEY, value: info("TR-1", 5, "v5 again") },
        { key: KEY, value: info("TR-1", 6, "v6") },
      ],
      { ttlMs: 60_000 },
    );
    expect(written).toEqual([false, false, true]);
    expect(l2.peek(KEY)?.title).toBe("v6");
  });

  it("forgets entries after their TTL, on the clock", async () => {
    const clock = new FakeClock();
    const l2 = new FakeL2Cache({ clock });
    await l2.setMany([{ key: KEY, value: info("TR-1", 1) }], { ttlMs: 1_000 });
    await clock.advance(999);
    expect((await l2.getMany([KEY])).size).toBe(1);
    await clock.advance(1);
    expect((await l2.getMany([KEY])).size).toBe(0);
    // Once expired, an older version may land again, as in Redis.
    expect(await l2.setMany([{ key: KEY, value: info("TR-1", 0) }], { ttlMs: 1_000 })).toEqual([true]);
  });

  it("records calls, answers by cache key id, and keeps users apart", async () => {
    const l2 = new FakeL2Cache({ clock: new FakeClock() });
    l2.seed([{ key: genericKey("TR-1"), value: info("TR-1", 1) }]);
    const found = await l2.getMany([KEY, genericKey("TR-1")]);
    expect([...found.keys()]).toEqual([cacheKeyId(genericKey("TR-1"))]);
    expect(l2.calls.getMany).toEqual([[KEY, genericKey("TR-1")]]);
    expect(l2.calls.setMany).toEqual([]);
  });

  it("fails and stalls on demand", async () => {
    const clock = new FakeClock();
    const l2 = new FakeL2Cache({ clock });
    const outage = new Error("connection lost");
    l2.failWith(outage);
    await expect(l2.getMany([KEY])).rejects.toBe(outage);
    await expect(l2.setMany([{ key: KEY, value: info("TR-1", 1) }], { ttlMs: 1_000 })).rejects.toBe(outage);
    expect(l2.peek(KEY)).toBeUndefined();
    l2.failWith(null);

    l2.delayBy(300);
    let settled = false;
    void l2.getMany([KEY]).then(() => (settled = true));
    await clock.advance(299);
    expect(settled).toBe(false);
    await clock.advance(1);
    expect(settled).toBe(true);
  });

  it("clear empties it", async () => {
    const l2 = new FakeL2Cache({ clock: new FakeClock() });
    l2.seed([{ key: KEY, value: info("TR-1", 1) }]);
    l2.clear();
    expect(l2.peek(KEY)).toBeUndefined();
  });
});
