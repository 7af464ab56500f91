import { describe, expect, it } from "vitest";
import { FakeInvalidationBus } from "../../src/adapters/fakes/fake-invalidation-bus.js";
import { type CacheKey, type InvalidationHandlers, genericKey, personalKey } from "../../src/domain/index.js";

function recorder(): InvalidationHandlers & { invalidated: CacheKey[][]; losses: string[] } {
  const invalidated: CacheKey[][] = [];
  const losses: string[] = [];
  return {
    invalidated,
    losses,
    onInvalidate: (keys) => invalidated.push([...keys]),
    onPossibleLoss: (reason) => losses.push(reason),
  };
}

describe("FakeInvalidationBus", () => {
  it("fans every message out to every subscriber before publish resolves", async () => {
    const bus = new FakeInvalidationBus();
    const first = recorder();
    const second = recorder();
    await bus.subscribe(first);
    await bus.subscribe(second);
    await bus.publish([personalKey("alice", "A")]);
    expect(first.invalidated).toEqual([[personalKey("alice", "A")]]);
    expect(second.invalidated).toEqual([[personalKey("alice", "A")]]);
    expect(bus.published).toEqual([[personalKey("alice", "A")]]);
  });

  it("stops delivering after unsubscribe", async () => {
    const bus = new FakeInvalidationBus();
    const handlers = recorder();
    const subscription = await bus.subscribe(handlers);
    await subscription.unsubscribe();
    await bus.publish([genericKey("A")]);
    expect(handlers.invalidated).toEqual([]);
    expect(bus.subscriberCount()).toBe(0);
  });

  it("loses the next n messages, and reports the loss just before the next message it delivers", async () => {
    const bus = new FakeInvalidationBus();
    const events: string[] = [];
    await bus.subscribe({
      onInvalidate: (keys) => events.push(`invalidate ${keys.map((key) => key.product).join()}`),
      onPossibleLoss: () => events.push("possible loss"),
    });
    bus.dropNext(2);
    await bus.publish([genericKey("A")]);
    await bus.publish([genericKey("B")]);
    expect(events).toEqual([]);
    await bus.publish([genericKey("C")]);
    await bus.publish([genericKey("D")]);
    expect(events).toEqual(["possible loss", "invalidate C", "invalidate D"]);
    expect(bus.published).toHaveLength(4);
  });

  it("reports a loss only to the subscribers that were there to miss it", async () => {
    const bus = new FakeInvalidationBus();
    const early = recorder();
    const late = recorder();
    await bus.subscribe(early);
    bus.dropNext(1);
    await bus.publish([genericKey("lost")]);
    await bus.subscribe(late);
    await bus.publish([genericKey("next")]);
    expect(early.losses).toHaveLength(1);
    expect(late.losses).toEqual([]);
    expect(late.invalidated).toEqual([[genericKey("next")]]);
  });

  it("does not report a loss twice when a reconnect already covered it", async () => {
    const bus = new FakeInvalidationBus();
    const handlers = recorder();
    await bus.subscribe(handlers);
    bus.dropNext(1);
    await bus.publish([genericKey("lost")]);
    bus.simulateReconnect("network blip");
    await bus.publish([genericKey("next")]);
    expect(handlers.losses).toEqual(["network blip"]);
    expect(handlers.invalidated).toEqual([[genericKey("next")]]);
  });

  it("tells every subscriber about a reconnect", async () => {
    const bus = new FakeInvalidationBus();
    const first = recorder();
    const second = recorder();
    await bus.subscribe(first);
    await bus.subscribe(second);
    bus.simulateReconnect("network blip");
    expect(first.losses).toEqual(["network blip"]);
    expect(second.losses).toEqual(["network blip"]);
  });

  it("delivers to the others when one subscriber throws, then reports it", async () => {
    const bus = new FakeInvalidationBus();
    const healthy = recorder();
    await bus.subscribe({
      onInvalidate: () => {
        throw new Error("buggy subscriber");
      },
      onPossibleLoss: () => undefined,
    });
    await bus.subscribe(healthy);
    await expect(bus.publish([genericKey("A")])).rejects.toThrow(AggregateError);
    expect(healthy.invalidated).toEqual([[genericKey("A")]]);
  });
});
