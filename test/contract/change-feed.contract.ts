import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ANONYMOUS,
  type ChangeFeed,
  type ChangeHandlers,
  type ProductChange,
  type Viewer,
} from "../../src/domain/index.js";
import { waitFor } from "../support/wait-for.js";
import { productInfo } from "./product-info.js";

/** The change feeds of several gateway instances sharing one medium. */
export interface ChangeFeedHarness {
  /** The feed of one more instance. */
  createFeed(): Promise<ChangeFeed>;
  /**
   * Capability: the medium can be cut off, and every listener of every instance may miss what is
   * sent meanwhile (Redis pub/sub). A feed within one process has nothing to cut off.
   */
  interrupt?(): Promise<void>;
  close(): Promise<void>;
}

/** What one `listen` heard. */
class Listener implements ChangeHandlers {
  readonly changes: ProductChange[] = [];
  readonly losses: string[] = [];
  onChange(change: ProductChange): void {
    this.changes.push(change);
  }
  onPossibleLoss(reason: string): void {
    this.losses.push(reason);
  }
  /** What it heard, as `kind/user/product@version` strings, for readable assertions. */
  heard(): string[] {
    return this.changes.map(describeChange);
  }
}

function describeChange(change: ProductChange): string {
  switch (change.kind) {
    case "personal":
      return `personal/${change.user}/${change.info.id}@${change.info.version}`;
    case "generic":
      return `generic/${change.info.id}@${change.info.version}`;
    case "plan":
      return `plan/${change.user}`;
  }
}

const personal = (user: string, product: string, version = 1): ProductChange => ({
  kind: "personal",
  user,
  info: productInfo(product, version),
});
const generic = (product: string, version = 1): ProductChange => ({
  kind: "generic",
  info: productInfo(product, version),
});
const user = (id: string): Viewer => ({ kind: "user", id });

const DELIVERY_MS = 5_000;

/**
 * What every ChangeFeed must do: a viewer's subscription hears its own personal and plan changes
 * and every generic one, from whichever instance they are published, and never another viewer's.
 * Delivery may be asynchronous, so assertions wait to a deadline for a change that must arrive.
 */
export function describeChangeFeedContract(
  name: string,
  makeHarness: () => Promise<ChangeFeedHarness>,
): void {
  describe(`ChangeFeed contract: ${name}`, () => {
    let harness: ChangeFeedHarness;
    const stops: (() => Promise<void>)[] = [];

    beforeEach(async () => {
      harness = await makeHarness();
    });
    afterEach(async () => {
      await Promise.all(stops.splice(0).map((stop) => stop()));
      await harness.close();
    });

    async function listening(feed: ChangeFeed, viewer: Viewer): Promise<Listener> {
      const listener = new Listener();
      stops.push(await feed.listen(viewer, listener));
      return listener;
    }

    it("delivers a viewer's own personal and plan changes and generic ones, published by any instance", async () => {
      const [a, b] = await Promise.all([harness.createFeed(), harness.createFeed()]);
      const onA = await listening(a, user("ana"));
      const onB = await listening(b, user("ana"));

      await a.publish(personal("ana", "p1", 3));
      await b.publish({ kind: "plan", user: "ana" });
      await a.publish(generic("p2", 5));

      const expected = ["personal/ana/p1@3", "plan/ana", "generic/p2@5"];
      await waitFor(() => [onA, onB].every((listener) => listener.changes.length === 3), {
        timeoutMs: DELIVERY_MS,
        what: "three changes on both instances",
      });
      for (const listener of [onA, onB]) expect(listener.heard().sort()).toEqual([...expected].sort());
      // Every field intact, not only the ones named above.
      expect(onB.changes.find((change) => change.kind === "personal")).toEqual(personal("ana", "p1", 3));
    });

    it("never delivers another viewer's changes; an anonymous viewer hears generic ones only", async () => {
      const [a, b] = await Promise.all([harness.createFeed(), harness.createFeed()]);
      const ana = await listening(b, user("ana"));
      const bob = await listening(b, user("bob"));
      // Ids that contain what channel names are built from.
      const tricky = await listening(b, user("ana:x"));
      const anonymous = await listening(b, ANONYMOUS);

      await a.publish(personal("bob", "p1"));
      await a.publish({ kind: "plan", user: "bob" });
      await a.publish(personal("ana:x", "p3"));
      await a.publish(personal("ana", "p2"));
      // Arrives after the others on every listener's channels that carry it.
      await waitFor(
        () => bob.changes.length === 2 && tricky.changes.length === 1 && ana.changes.length === 1,
        {
          timeoutMs: DELIVERY_MS,
          what: "each viewer's own changes",
        },
      );
      await a.publish(generic("marker"));
      await waitFor(
        () =>
          [ana, bob, tricky, anonymous].every((listener) => listener.heard().includes("generic/marker@1")),
        {
          timeoutMs: DELIVERY_MS,
          what: "the generic marker everywhere",
        },
      );

      expect(ana.heard()).toEqual(["personal/ana/p2@1", "generic/marker@1"]);
      expect(bob.heard()).toEqual(["personal/bob/p1@1", "plan/bob", "generic/marker@1"]);
      expect(tricky.heard()).toEqual(["personal/ana:x/p3@1", "generic/marker@1"]);
      expect(anonymous.heard()).toEqual(["generic/marker@1"]);
    });

    it("delivers one publisher's changes for a viewer in the order they were sent", async () => {
      const [a, b] = await Promise.all([harness.createFeed(), harness.createFeed()]);
      const listener = await listening(b, user("ana"));
      const sent = Array.from({ length: 25 }, (_, index) => personal("ana", "p1", index + 1));
      for (const change of sent) await a.publish(change);

      await waitFor(() => listener.changes.length === sent.length, { timeoutMs: DELIVERY_MS });
      expect(listener.heard()).toEqual(sent.map(describeChange));
    });

    it("delivers to every listener of a viewer, on one instance and on several", async () => {
      const [a, b, c] = await Promise.all([harness.createFeed(), harness.createFeed(), harness.createFeed()]);
      const listeners = [
        await listening(b, user("ana")),
        await listening(b, user("ana")),
        await listening(c, user("ana")),
      ];
      await a.publish(personal("ana", "p1"));
      await a.publish(generic("p2"));
      await waitFor(() => listeners.every((listener) => listener.changes.length === 2), {
        timeoutMs: DELIVERY_MS,
        what: "delivery to every listener",
      });
    });

    it("stops delivering to a listener once its stop function was called, and only to it", async () => {
      const [a, b] = await Promise.all([harness.createFeed(), harness.createFeed()]);
      const leaving = new Listener();
      const stop = await b.listen(user("ana"), leaving);
      const staying = await listening(b, user("ana"));
      await stop();

      await a.publish(personal("ana", "p1"));
      await a.publish(generic("p2"));
      await waitFor(() => staying.changes.length === 2, { timeoutMs: DELIVERY_MS });
      expect(leaving.changes).toEqual([]);
    });

    it("raises no false alarm of lost changes while nothing is lost", async () => {
      const feeds = await Promise.all([harness.createFeed(), harness.createFeed(), harness.createFeed()]);
      const listeners = await Promise.all(feeds.map((feed) => listening(feed, user("ana"))));
      await Promise.all(
        feeds.map(async (feed, index) => {
          for (let change = 0; change < 10; change++)
            await feed.publish(personal("ana", `p${index}-${change}`));
        }),
      );
      await waitFor(() => listeners.every((listener) => listener.changes.length === 30), {
        timeoutMs: DELIVERY_MS,
      });
      for (const listener of listeners) expect(listener.losses).toEqual([]);
    });

    it("tells listeners changes may be lost when the medium was cut off, then delivers again", async () => {
      const [a, b] = await Promise.all([harness.createFeed(), harness.createFeed()]);
      const own = await listening(a, user("ana"));
      const other = await listening(b, user("ana"));
      if (!harness.interrupt) {
        // Within one process nothing is ever cut off: whatever is published arrives, no loss told.
        await a.publish(personal("ana", "after"));
        await waitFor(() => own.changes.length === 1 && other.changes.length === 1, {
          timeoutMs: DELIVERY_MS,
        });
        expect([...own.losses, ...other.losses]).toEqual([]);
        return;
      }

      await harness.interrupt();

      await waitFor(() => own.losses.length > 0 && other.losses.length > 0, {
        timeoutMs: DELIVERY_MS,
        what: "onPossibleLoss after an interruption",
      });
      // Published after the loss was told: must arrive, or the listener is deaf for good.
      await waitFor(
        async () => {
          await a.publish(personal("ana", "after"));
          return [own, other].every((listener) => listener.heard().includes("personal/ana/after@1"));
        },
        { timeoutMs: DELIVERY_MS, intervalMs: 200, what: "delivery after the interruption" },
      );
    });
  });
}
