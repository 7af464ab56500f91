import { PubSub } from "graphql-subscriptions";
import { describe, expect, it } from "vitest";
import { PubSubChangeFeed, SlicedFanOut } from "../../src/adapters/pubsub-change-feed.js";
import type { ProductChange } from "../../src/domain/index.js";
import { silentLogger } from "../support/silent-logger.js";
import { waitFor } from "../support/wait-for.js";

const WAIT = { timeoutMs: 10_000 };

/** A fan-out over a hand-driven source: `send` is a message arriving from the pub/sub engine. */
function fanOut(): { fan: SlicedFanOut; send: (payload: unknown) => void; errors: unknown[] } {
  let send: (payload: unknown) => void = () => undefined;
  const errors: unknown[] = [];
  const fan = new SlicedFanOut(
    async (onMessage) => {
      send = onMessage;
    },
    (error) => errors.push(error),
  );
  return { fan, send: (payload) => send(payload), errors };
}

describe("SlicedFanOut", () => {
  it("gives every message to every listener, in the order the messages came", async () => {
    const { fan, send } = fanOut();
    await fan.ready();
    const heard = Array.from({ length: 2_000 }, () => [] as unknown[]);
    heard.forEach((messages) => fan.add((payload) => messages.push(payload)));
    send("a");
    send("b");
    send("c");
    await waitFor(() => heard.every((messages) => messages.length === 3), WAIT);
    expect(new Set(heard.map((messages) => messages.join("")))).toEqual(new Set(["abc"]));
  });

  it("yields to the event loop between slices: a task queued by the first listener runs before the last listener hears", async () => {
    const { fan, send } = fanOut();
    await fan.ready();
    const order: string[] = [];
    fan.add(() => setImmediate(() => order.push("task queued by the first listener")));
    for (let index = 0; index < 5_000; index++) fan.add(() => undefined);
    fan.add(() => order.push("last listener"));
    send("x");
    await waitFor(() => order.length === 2, WAIT);
    expect(order).toEqual(["task queued by the first listener", "last listener"]);
  });

  it("a listener removed during a fan-out hears nothing more; one added after a message does not hear it", async () => {
    const { fan, send } = fanOut();
    await fan.ready();
    const removedHeard: unknown[] = [];
    const lateHeard: unknown[] = [];
    let lastHeard = 0;
    let removeIt: () => void = () => undefined;
    fan.add(() => {
      removeIt();
      fan.add((payload) => lateHeard.push(payload));
    });
    for (let index = 0; index < 5_000; index++) fan.add(() => undefined);
    removeIt = fan.add((payload) => removedHeard.push(payload));
    fan.add(() => lastHeard++);
    send("first");
    await waitFor(() => lastHeard === 1, WAIT);
    expect(removedHeard).toEqual([]);
    expect(lateHeard).toEqual([]);
    send("second");
    await waitFor(() => lastHeard === 2, WAIT);
    expect(removedHeard).toEqual([]);
    // Added twice by the first listener (once per message): each `add` is a listener of its own.
    expect(lateHeard).toEqual(["second"]);
  });

  it("a listener that throws does not keep the message from the others", async () => {
    const { fan, send, errors } = fanOut();
    await fan.ready();
    let heard = 0;
    fan.add(() => {
      throw new Error("listener failed");
    });
    fan.add(() => heard++);
    send("x");
    await waitFor(() => heard === 1, WAIT);
    expect(errors).toHaveLength(1);
  });

  it("subscribes to the source once, and again after a failed attempt", async () => {
    let attempts = 0;
    const fan = new SlicedFanOut(
      async () => {
        attempts++;
        if (attempts === 1) throw new Error("subscribe failed");
      },
      () => undefined,
    );
    await expect(fan.ready()).rejects.toThrow("subscribe failed");
    await fan.ready();
    await fan.ready();
    expect(attempts).toBe(2);
  });
});

describe("PubSubChangeFeed over a sliced generic fan-out", () => {
  it("every listener hears generic changes; personal ones only reach their viewer; a stopped listener hears nothing", async () => {
    const feed = new PubSubChangeFeed({ pubsub: new PubSub(), prefix: "t:", logger: silentLogger });
    const heard = new Map<string, ProductChange[]>();
    const stops = new Map<string, () => Promise<void>>();
    for (const id of ["alice", "bob", "carol"]) {
      const changes: ProductChange[] = [];
      heard.set(id, changes);
      stops.set(id, await feed.listen({ kind: "user", id }, { onChange: (change) => changes.push(change) }));
    }
    const anonymous: ProductChange[] = [];
    await feed.listen({ kind: "anonymous" }, { onChange: (change) => anonymous.push(change) });
    await stops.get("carol")?.();
    const info = { id: "p1", version: 2 } as never;
    await feed.publish({ kind: "personal", user: "alice", info });
    await feed.publish({ kind: "generic", info });
    await waitFor(() => anonymous.length === 1 && heard.get("bob")?.length === 1, WAIT);
    expect(heard.get("alice")?.map((change) => change.kind)).toEqual(["personal", "generic"]);
    expect(heard.get("bob")?.map((change) => change.kind)).toEqual(["generic"]);
    expect(heard.get("carol")).toEqual([]);
    expect(anonymous.map((change) => change.kind)).toEqual(["generic"]);
  });
});
