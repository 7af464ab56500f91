import { afterEach, beforeEach, describe, expect, it as vitestIt } from "vitest";
import {
  type CacheKey,
  type InvalidationBus,
  type InvalidationHandlers,
  genericKey,
  personalKey,
} from "../../src/domain/index.js";
import { waitFor } from "../support/wait-for.js";

/** Buses of several gateway instances sharing one medium. */
export interface InvalidationBusHarness {
  /** The bus of one more instance. */
  createBus(): Promise<InvalidationBus>;
  /** Every current subscriber misses what is sent for a while, as when its connection drops. */
  interrupt(): Promise<void>;
  /** `publisher` sends `keys` and nobody receives them, as a message lost on the way. */
  loseMessage(publisher: InvalidationBus, keys: readonly CacheKey[]): Promise<void>;
  close(): Promise<void>;
}

/** What one subscription saw. */
class Recorder implements InvalidationHandlers {
  readonly messages: CacheKey[][] = [];
  readonly losses: string[] = [];
  onInvalidate(keys: readonly CacheKey[]): void {
    this.messages.push([...keys]);
  }
  onPossibleLoss(reason: string): void {
    this.losses.push(reason);
  }
}

const DELIVERY_MS = 5_000;

/**
 * What every InvalidationBus must do. Delivery may be asynchronous, so assertions poll. Documented
 * behaviour: every subscriber receives every message, including subscribers in the publishing
 * instance (an instance evicts its own L1 through the same path as the others).
 */
export function describeInvalidationBusContract(
  name: string,
  makeHarness: () => Promise<InvalidationBusHarness>,
  options: {
    /**
     * Cases this implementation is known to fail, by title. They run as `it.fails`: the suite stays
     * green, and turns red the day the implementation is fixed, so the entry gets removed.
     */
    readonly knownDeviations?: readonly string[];
  } = {},
): void {
  const it = (title: string, body: () => Promise<void>): void => {
    (options.knownDeviations?.includes(title) ? vitestIt.fails : vitestIt)(title, body);
  };
  describe(`InvalidationBus contract: ${name}`, () => {
    let harness: InvalidationBusHarness;

    beforeEach(async () => {
      harness = await makeHarness();
    });
    afterEach(async () => {
      await harness.close();
    });

    async function subscribed(bus: InvalidationBus): Promise<Recorder> {
      const recorder = new Recorder();
      await bus.subscribe(recorder);
      return recorder;
    }

    it("delivers a message to every subscriber of every instance, the publisher's own included", async () => {
      const [a, b, c] = await Promise.all([harness.createBus(), harness.createBus(), harness.createBus()]);
      const recorders = await Promise.all([a, b, c].map((bus) => subscribed(bus!)));
      const keys = [personalKey("ana", "p1"), genericKey("p2"), personalKey("a}:p:b", "ünï 🙂")];

      await a!.publish(keys);

      await waitFor(() => recorders.every((recorder) => recorder.messages.length === 1), {
        timeoutMs: DELIVERY_MS,
        what: "delivery to all",
      });
      for (const recorder of recorders) expect(recorder.messages).toEqual([keys]);
    });

    it("delivers one publisher's messages in the order it sent them", async () => {
      const [a, b] = await Promise.all([harness.createBus(), harness.createBus()]);
      const recorder = await subscribed(b!);
      const sent = Array.from({ length: 25 }, (_, index) => [genericKey(`p${index}`)]);
      for (const keys of sent) await a!.publish(keys);

      await waitFor(() => recorder.messages.length === sent.length, { timeoutMs: DELIVERY_MS });
      expect(recorder.messages).toEqual(sent);
      expect(recorder.losses).toEqual([]);
    });

    it("delivers to each subscription of one instance", async () => {
      const [a, b] = await Promise.all([harness.createBus(), harness.createBus()]);
      const first = await subscribed(b!);
      const second = await subscribed(b!);
      await a!.publish([genericKey("p1")]);
      await waitFor(() => first.messages.length === 1 && second.messages.length === 1, {
        timeoutMs: DELIVERY_MS,
      });
    });

    it("stops delivering to a subscription once it unsubscribes", async () => {
      const [a, b, c] = await Promise.all([harness.createBus(), harness.createBus(), harness.createBus()]);
      const leaving = new Recorder();
      const subscription = await b!.subscribe(leaving);
      const staying = await subscribed(c!);
      await subscription.unsubscribe();

      await a!.publish([genericKey("p1")]);
      await a!.publish([genericKey("p2")]);
      await waitFor(() => staying.messages.length === 2, { timeoutMs: DELIVERY_MS });
      expect(leaving.messages).toEqual([]);
    });

    it("tells subscribers they may have missed messages when they were cut off, then delivers again", async () => {
      const [a, b] = await Promise.all([harness.createBus(), harness.createBus()]);
      const own = await subscribed(a!);
      const other = await subscribed(b!);

      await harness.interrupt();

      await waitFor(() => own.losses.length > 0 && other.losses.length > 0, {
        timeoutMs: DELIVERY_MS,
        what: "onPossibleLoss after an interruption",
      });
      // Published after the loss was reported: must arrive, or the subscriber is deaf for good.
      await a!.publish([genericKey("after")]);
      await waitFor(
        () =>
          [own, other].every((recorder) => recorder.messages.some((keys) => keys[0]?.product === "after")),
        { timeoutMs: DELIVERY_MS, what: "delivery after the interruption" },
      );
    });

    it("reports a lost message at the publisher's next message", async () => {
      const [a, b] = await Promise.all([harness.createBus(), harness.createBus()]);
      const recorder = await subscribed(b!);
      await a!.publish([genericKey("first")]);
      await waitFor(() => recorder.messages.length === 1, { timeoutMs: DELIVERY_MS });

      await harness.loseMessage(a!, [genericKey("lost")]);
      await a!.publish([genericKey("next")]);

      await waitFor(() => recorder.messages.length === 2, { timeoutMs: DELIVERY_MS });
      expect(recorder.messages).toEqual([[genericKey("first")], [genericKey("next")]]);
      expect(recorder.losses.length).toBeGreaterThan(0);
    });

    it("raises no false alarm while nothing is lost", async () => {
      const buses = await Promise.all([harness.createBus(), harness.createBus(), harness.createBus()]);
      const recorders = await Promise.all(buses.map((bus) => subscribed(bus)));
      await Promise.all(
        buses.map(async (bus, index) => {
          for (let message = 0; message < 10; message++)
            await bus.publish([personalKey(`u${index}`, `p${message}`)]);
        }),
      );
      await waitFor(() => recorders.every((recorder) => recorder.messages.length === 30), {
        timeoutMs: DELIVERY_MS,
      });
      for (const recorder of recorders) expect(recorder.losses).toEqual([]);
    });
  });
}
