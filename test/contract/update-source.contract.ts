import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  ApplyOutcome,
  UpdateApplier,
  UpdateEvent,
  UpdateRejectionReason,
  UpdateSource,
} from "../../src/domain/index.js";
import { PartitionedUpdateStream, appendUpdateEvent } from "../../src/adapters/update-stream/partitioned.js";
import type { RedisCommands } from "../../src/adapters/redis-cluster-client.js";
import { UPDATE_EVENT_FIELD, updateStreamClientTimeouts } from "../../src/adapters/redis-update-stream.js";
import { SystemClock } from "../../src/adapters/system-clock.js";
import { partitionStreams } from "../../src/adapters/update-stream/partitions.js";
import { silentLogger } from "../support/silent-logger.js";
import { waitFor } from "../support/wait-for.js";
import { productInfo } from "./product-info.js";

/** A queue or stream of update events under test, fed as product services feed it. */
export interface UpdateSourceHarness {
  /** The source under test, not started; it applies with the applier given to `makeHarness`. */
  readonly source: UpdateSource;
  /** Appends an event as a product service would: typed, or raw JSON (which may be invalid). */
  append(event: UpdateEvent | string): Promise<void>;
  /** The reasons of the events refused so far (dead letters), in any order. */
  deadLetters(): Promise<UpdateRejectionReason[]>;
  /**
   * What consumes the same events after `source` stopped: `source` itself started again where it
   * can be, else a new consumer on the same stream (a restarted instance). Not started.
   */
  successor(): Promise<UpdateSource>;
  /**
   * Capability: an event whose apply rejected is retried before anything behind it is applied (an
   * in-memory queue). Without it the source applies the events behind it and retries the failed
   * one after (the Redis stream: versioned writes make the order harmless, one bad event holds
   * nothing up).
   */
  readonly failedEventBlocks: boolean;
  close(): Promise<void>;
}

/** The applier the suite hands to the source: records what it applies and can be made to fail. */
class RecordingApplier implements Pick<UpdateApplier, "apply"> {
  /** Every successful apply, as `kind/key@version`. */
  readonly applied: string[] = [];
  attempts = 0;
  inFlight = 0;
  /** Applies of these products reject while their count is above 0. */
  readonly failures = new Map<string, number>();
  /** When set, every apply waits for it before it does anything. */
  gate: Promise<void> | undefined;
  /** Resolves when the next apply begins. */
  private began: (() => void) | undefined;

  async apply(event: UpdateEvent): Promise<ApplyOutcome> {
    this.attempts++;
    this.inFlight++;
    this.began?.();
    try {
      if (this.gate) await this.gate;
      const product = event.kind === "personal" || event.kind === "generic" ? event.info.id : "";
      const failuresLeft = this.failures.get(product) ?? 0;
      if (failuresLeft > 0) {
        this.failures.set(product, failuresLeft - 1);
        throw new Error(`applying ${product} failed`);
      }
      this.applied.push(describeEvent(event));
      return { kind: event.kind, result: "written", keys: [] };
    } finally {
      this.inFlight--;
    }
  }

  nextApplyBegins(): Promise<void> {
    return new Promise((resolve) => (this.began = resolve));
  }
}

function describeEvent(event: UpdateEvent): string {
  switch (event.kind) {
    case "personal":
      return `personal/${event.user}/${event.info.id}@${event.info.version}`;
    case "generic":
      return `generic/${event.info.id}@${event.info.version}`;
    case "plan":
      return `plan/${event.user}@${event.version}`;
    case "invalidate":
      return `invalidate/${event.user ?? ""}/${event.products.join(",")}`;
  }
}

const personal = (user: string, product: string, version: number): UpdateEvent => ({
  kind: "personal",
  user,
  info: productInfo(product, version),
});

const DELIVERY_MS = 10_000;

/**
 * What every UpdateSource must do, run on the in-memory queue and on the Redis stream: apply what
 * product services append, each key's events in the order appended, refuse invalid events into
 * dead letters without holding anything up, retry an event whose apply failed until it applies, and
 * lose nothing across a stop (delivery is at least once).
 */
export function describeUpdateSourceContract(
  name: string,
  makeHarness: (applier: Pick<UpdateApplier, "apply">) => Promise<UpdateSourceHarness>,
): void {
  describe(`UpdateSource contract: ${name}`, () => {
    let applier: RecordingApplier;
    let harness: UpdateSourceHarness;
    const started: UpdateSource[] = [];

    beforeEach(async () => {
      applier = new RecordingApplier();
      harness = await makeHarness(applier);
    });
    afterEach(async () => {
      applier.gate = undefined;
      await Promise.all(started.splice(0).map((source) => source.stop()));
      await harness.close();
    });

    const start = (source: UpdateSource): void => {
      started.push(source);
      source.start();
    };
    const appliedAll = (expected: readonly string[], what: string): Promise<unknown> =>
      waitFor(() => expected.every((event) => applier.applied.includes(event)), {
        timeoutMs: DELIVERY_MS,
        what,
      });

    it("applies what was appended before start and while running, each key's events in the order appended", async () => {
      const users = ["ana", "bob", "carl"];
      const early = Array.from({ length: 15 }, (_, index) => personal(users[index % 3]!, "p1", index + 1));
      for (const event of early) await harness.append(event);
      expect(applier.attempts).toBe(0);

      start(harness.source);
      await appliedAll(early.map(describeEvent), "the events appended before start");
      const late = [
        personal("ana", "p2", 1),
        { kind: "plan", user: "bob", version: 4 } as const,
        personal("ana", "p2", 2),
      ];
      for (const event of late) await harness.append(event);
      await appliedAll(late.map(describeEvent), "the events appended while running");

      for (const user of users) {
        const ofUser = applier.applied.filter((event) => event.startsWith(`personal/${user}/p1@`));
        expect(ofUser, user).toEqual(
          early.filter((event) => event.kind === "personal" && event.user === user).map(describeEvent),
        );
      }
      expect(applier.applied.filter((event) => event.startsWith("personal/ana/p2@"))).toEqual([
        "personal/ana/p2@1",
        "personal/ana/p2@2",
      ]);
    });

    it("dead-letters each invalid event with its reason and still applies the events behind it", async () => {
      start(harness.source);
      await harness.append("{not json");
      await harness.append(JSON.stringify({ schema: "home-gateway.update/v1", kind: "upsert", user: "ana" }));
      await harness.append(personal("ana", "p1", 2));

      await appliedAll(["personal/ana/p1@2"], "the valid event behind the invalid ones");
      await waitFor(async () => (await harness.deadLetters()).length === 2, {
        timeoutMs: DELIVERY_MS,
        what: "two dead letters",
      });
      expect((await harness.deadLetters()).sort()).toEqual(["not_json", "unknown_kind"]);
      expect(applier.applied).toEqual(["personal/ana/p1@2"]);
    });

    it("retries an event whose apply failed until it applies, losing nothing", async () => {
      applier.failures.set("p2", 2);
      const events = [personal("ana", "p1", 1), personal("ana", "p2", 1), personal("ana", "p3", 1)];
      for (const event of events) await harness.append(event);
      start(harness.source);

      await appliedAll(events.map(describeEvent), "every event, the failed one retried");
      expect(applier.failures.get("p2")).toBe(0);
      const [p1, p2, p3] = events.map(describeEvent) as [string, string, string];
      if (harness.failedEventBlocks) {
        // Nothing behind the failed event was applied before it.
        expect(applier.applied).toEqual([p1, p2, p3]);
      } else {
        // The event behind it was not held up by it.
        expect(applier.applied.indexOf(p3)).toBeLessThan(applier.applied.indexOf(p2));
        expect(applier.applied.indexOf(p1)).toBe(0);
      }
    });

    it("lets the event being applied finish before stop resolves, and loses nothing across a stop", async () => {
      let release: () => void = () => undefined;
      applier.gate = new Promise<void>((resolve) => (release = resolve));
      const first = applier.nextApplyBegins();
      const before = Array.from({ length: 5 }, (_, index) => personal("ana", `p${index}`, 1));
      for (const event of before) await harness.append(event);
      start(harness.source);
      await first;

      const stopped = harness.source.stop();
      release();
      await stopped;
      expect(applier.inFlight).toBe(0);
      expect(applier.applied).toEqual([describeEvent(before[0]!)]);

      // Appended while nothing consumes; then whatever consumes next applies it, and the rest.
      const during = [personal("bob", "p1", 1), personal("bob", "p1", 2)];
      for (const event of during) await harness.append(event);
      start(await harness.successor());
      await appliedAll([...before, ...during].map(describeEvent), "everything, after the stop");
      expect(applier.applied.filter((event) => event.startsWith("personal/bob/"))).toEqual(
        during.map(describeEvent),
      );
    });
  });
}

/**
 * The Redis update stream as the Redis modes build it (`PartitionedUpdateStream`, one consumer per
 * partition), with short block, claim and back-off times so that tests take seconds.
 */
export async function redisUpdateStreamHarness(options: {
  readonly applier: Pick<UpdateApplier, "apply">;
  readonly partitions: number;
  readonly stream: string;
  /** A ready client (single Redis or cluster) with these options. */
  open(clientOptions: {
    readonly commandTimeoutMs: number;
    readonly socketTimeoutMs?: number;
  }): Promise<RedisCommands>;
  close(): Promise<void>;
}): Promise<UpdateSourceHarness> {
  const { applier, partitions, stream } = options;
  const blockMs = 300;
  const producer = await options.open({ commandTimeoutMs: 2_000 });
  const streams = partitionStreams(stream, partitions);
  let consumers = 0;
  const consumer = async (): Promise<PartitionedUpdateStream> => {
    // The consumers' clients are opened first: `clientFor` is synchronous.
    const clients = await Promise.all(streams.map(() => options.open(updateStreamClientTimeouts(blockMs))));
    return new PartitionedUpdateStream({
      clientFor: () => clients.shift() as RedisCommands,
      partitions,
      stream,
      applier,
      consumer: `gw-${++consumers}`,
      clock: new SystemClock(),
      logger: silentLogger,
      blockMs,
      claimIdleMs: 400,
      sweepIntervalMs: 100,
      maxBackoffMs: 200,
    });
  };
  return {
    source: await consumer(),
    append: async (event) => {
      if (typeof event !== "string") return appendUpdateEvent(producer, event, { base: stream, partitions });
      // Raw text has no partition key: the first partition takes it.
      await producer.xadd(streams[0] as string, "*", UPDATE_EVENT_FIELD, event);
    },
    deadLetters: async () => {
      const letters = await Promise.all(
        streams.map((partition) => producer.xrange(`${partition}:dead`, "-", "+")),
      );
      return letters
        .flat()
        .map(([, fields]) => fields[fields.indexOf("dl:reason") + 1] as UpdateRejectionReason);
    },
    // A stopped consumer does not start again: a restarted instance joins the group as a new one.
    successor: consumer,
    failedEventBlocks: false,
    close: options.close,
  };
}
