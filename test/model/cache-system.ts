import { FakeClock, flushMicrotasks } from "../../src/adapters/fakes/fake-clock.js";
import { FakeInvalidationBus } from "../../src/adapters/fakes/fake-invalidation-bus.js";
import { FakeL2Cache } from "../../src/adapters/fakes/fake-l2-cache.js";
import { LruL1Cache } from "../../src/adapters/lru-l1-cache.js";
import { encodeUpdateEvent, parseUpdateEvent } from "../../src/adapters/update-event-json.js";
import {
  type CacheKey,
  type InvalidationBus,
  type L2Cache,
  NO_TELEMETRY,
  type ProductChange,
  type ProductId,
  type ProductInfo,
  type ProductService,
  ProductData,
  type ResolvedProduct,
  UpdateApplier,
  type UserId,
  type Viewer,
  cacheKeyId,
  genericKey,
  personalKey,
} from "../../src/domain/index.js";
import { productInfo } from "../contract/product-info.js";
import { silentLogger } from "../support/silent-logger.js";

/**
 * The cache domain of several gateway instances (each its own L1, ProductData and UpdateApplier)
 * over one L2, one invalidation bus, one product service and one update stream, with every call to
 * a shared component held until the model says which one finishes next. The test drives it with
 * random operations and checks each answer against a reference model of what the product service
 * knows, what L2 durably holds, and what each instance has been told.
 */

export const SERVICE = "shop";
export const L1_TTL_MS = 10_000;
export const SOFT_TIMEOUT_MS = 150;
/** Far above the keys a model holds (users x products + products), so nothing is evicted for room. */
export const L1_MAX_ENTRIES = 1_000;
/** The stream's size limit, as the consumer applies it. */
export const MAX_EVENT_BYTES = 64 * 1024;

/** A call to a shared component, held until the model runs it. */
interface Task {
  readonly owner: number;
  readonly label: string;
  readonly run: () => void;
}

/** A deliberately broken entry a producer could append; each must be refused without effect. */
export const GARBAGE: readonly string[] = [
  "x".repeat(MAX_EVENT_BYTES + 1),
  "{not json",
  JSON.stringify({ schema: "home-gateway.update/v0", kind: "personal" }),
  JSON.stringify({ schema: "home-gateway.update/v1", kind: "teleport" }),
  JSON.stringify({ schema: "home-gateway.update/v1", kind: "personal", user: "u0", product: { id: "p0" } }),
  JSON.stringify({
    schema: "home-gateway.update/v1",
    kind: "generic",
    product: { ...productInfo("p0", -1) },
  }),
  "[]",
];

export type Operation =
  /** The product service changes an entry (a viewer's, or the generic one when `user` is null) and appends its event. */
  | { readonly type: "produce"; readonly user: number | null; readonly product: number }
  /** The product service appends an invalidate event for an entry. */
  | { readonly type: "invalidate"; readonly user: number | null; readonly product: number }
  /** A broken entry is appended. */
  | { readonly type: "garbage"; readonly which: number }
  /** An instance takes one waiting entry (any of them: the stream's order is not promised across keys, and redelivery reorders); `duplicate` leaves a copy behind, as a redelivery would. */
  | {
      readonly type: "deliver";
      readonly pick: number;
      readonly instance: number;
      readonly duplicate: boolean;
    }
  /** A viewer (or an anonymous one when `user` is null) reads some products on an instance. */
  | {
      readonly type: "read";
      readonly instance: number;
      readonly user: number | null;
      readonly products: readonly number[];
    }
  /** One held call to L2, the bus, the feed or the product service completes. */
  | { readonly type: "step"; readonly pick: number }
  | { readonly type: "advance"; readonly ms: number }
  /** The next invalidation message reaches nobody. */
  | { readonly type: "dropBus" }
  /** Every instance's bus connection drops and comes back. */
  | { readonly type: "reconnect" }
  /** An instance dies (its calls in flight never complete, its entries go back to the stream) and a new one starts. */
  | { readonly type: "crash"; readonly instance: number };

export interface Violation {
  readonly rule: string;
  readonly detail: string;
}

interface StreamEntry {
  readonly id: number;
  readonly raw: string;
}

interface Instance {
  readonly owner: number;
  readonly l1: LruL1Cache;
  readonly data: ProductData;
  readonly applier: UpdateApplier;
  /**
   * The lowest version each key may show on this instance from now on: versions L2 durably held
   * when the instance was told to drop the key (or everything). Keyed by cache key id.
   */
  readonly floors: Map<string, number>;
  /** Stream entries this instance is applying. */
  readonly applying: Set<StreamEntry>;
  unsubscribe: () => Promise<void>;
  dead: boolean;
}

export interface SystemShape {
  readonly users: number;
  readonly products: number;
  readonly instances: number;
}

export class CacheSystem {
  readonly clock = new FakeClock();
  readonly l2 = new FakeL2Cache({ clock: this.clock });
  readonly bus = new FakeInvalidationBus();
  readonly violations: Violation[] = [];
  /** Every change the instances published for live tiles, in order. */
  readonly published: ProductChange[] = [];
  readonly counts = { reads: 0, applied: 0, refused: 0, crashes: 0, checkedAnswers: 0 };
  private readonly tasks: Task[] = [];
  /** What the product service knows now: the newest version per cache key id. */
  private readonly truth = new Map<string, number>();
  /** Entries appended and not yet acknowledged (waiting, or being applied by a live instance). */
  private waiting: StreamEntry[] = [];
  private nextEntry = 0;
  private nextOwner = 0;
  private readonly instances: Instance[] = [];
  private readonly users: string[];
  private readonly products: string[];
  /** L2's version of each key a message on the bus names, taken when it is sent. */
  private sending: ReadonlyMap<string, number> = new Map();
  private readonly service: ProductService;
  /**
   * Keys an `invalidate` event deleted from L2 and that L2 has not held at the newest version since.
   * docs/update-events.md promises no order there: a deleted entry forgets its version, so an older
   * event applied after the invalidation (a retried or claimed entry) may fill it again until the
   * next newer event or its TTL. The freshness rules skip these keys; isolation still holds for them.
   */
  private readonly unversioned = new Set<string>();
  /**
   * How many times an `invalidate` event deleted each key from L2. A read that overlapped such a
   * delete may bring back what an older event refilled the entry with, even if L2 holds the newest
   * version again by the time the answer arrives: the freshness rules skip it too.
   */
  private readonly deletions = new Map<string, number>();

  constructor(private readonly shape: SystemShape) {
    this.users = Array.from({ length: shape.users }, (_, index) => `u${index}`);
    this.products = Array.from({ length: shape.products }, (_, index) => `p${index}`);
    for (const product of this.products) {
      this.truth.set(cacheKeyId(genericKey(product)), 1);
      for (const user of this.users) this.truth.set(cacheKeyId(personalKey(user, product)), 1);
    }
    this.service = {
      id: SERVICE,
      personalised: (user, ids) =>
        this.hold(-1, `upstream personalised ${user}`, async () => {
          const found = new Map<ProductId, ProductInfo>();
          for (const id of ids) found.set(id, this.infoOf(personalKey(user, id)));
          return found;
        }),
      generic: () =>
        this.hold(-1, "upstream generic", async () => {
          const found = new Map<ProductId, ProductInfo>();
          for (const id of this.products) found.set(id, this.infoOf(genericKey(id)));
          return found;
        }),
    };
  }

  async start(): Promise<void> {
    for (let index = 0; index < this.shape.instances; index++) this.instances.push(await this.boot());
  }

  async run(operation: Operation): Promise<void> {
    switch (operation.type) {
      case "produce": {
        const key = this.keyOf(operation.user, operation.product);
        const id = cacheKeyId(key);
        this.truth.set(id, (this.truth.get(id) ?? 0) + 1);
        const info = this.infoOf(key);
        this.append(
          encodeUpdateEvent(
            key.scope === "user" ? { kind: "personal", user: key.user, info } : { kind: "generic", info },
          ),
        );
        return;
      }
      case "invalidate": {
        const key = this.keyOf(operation.user, operation.product);
        this.append(
          encodeUpdateEvent({
            kind: "invalidate",
            user: key.scope === "user" ? key.user : undefined,
            products: [key.product],
          }),
        );
        return;
      }
      case "garbage":
        this.append(GARBAGE[operation.which % GARBAGE.length] as string);
        return;
      case "deliver":
        return this.deliver(operation);
      case "read":
        return this.read(operation);
      case "step":
        return this.step(operation.pick);
      case "advance":
        await this.clock.advance(operation.ms);
        return;
      case "dropBus":
        this.bus.dropNext(1);
        return;
      case "reconnect":
        this.bus.simulateReconnect();
        await flushMicrotasks(1);
        return;
      case "crash":
        return this.crash(operation.instance);
    }
  }

  /**
   * Lets everything settle: every held call completes, every waiting entry is applied (each once,
   * in stream order), messages flow again, and L1 entries outlive their TTL. Then nothing may be
   * missing: L2 holds the product service's version or nothing, the live feed carried every key's
   * newest version, and every instance answers every viewer with the newest version.
   */
  async settle(): Promise<void> {
    for (let round = 0; round < 1_000 && (this.tasks.length > 0 || this.waiting.length > 0); round++) {
      while (this.tasks.length > 0) await this.step(0);
      const entry = this.waiting.find((candidate) => !this.beingApplied(candidate));
      if (entry)
        await this.deliver({
          type: "deliver",
          pick: this.waiting.indexOf(entry),
          instance: 0,
          duplicate: false,
        });
    }
    await this.clock.advance(L1_TTL_MS + 1);
    for (const [id, version] of this.truth) {
      if (!this.versioned(id)) continue;
      const key = this.keyById(id);
      const inL2 = this.l2.peek(key)?.version;
      if (inL2 !== undefined && inL2 !== version) {
        this.fail("L2 settles on the newest version", `${id}: L2 holds v${inL2}, the service v${version}`);
      }
      const changed = version > 1;
      const live = this.newestPublished(key);
      if (changed && live !== version) {
        this.fail(
          "no live update lost",
          `${id}: the service is at v${version}, the live feed's newest is ${live === undefined ? "nothing" : `v${live}`}`,
        );
      }
    }
    for (let instance = 0; instance < this.instances.length; instance++) {
      for (const user of [null, ...this.users.keys()]) {
        await this.read(
          { type: "read", instance, user, products: [...this.products.keys()] },
          { exact: true },
        );
        while (this.tasks.length > 0) await this.step(0);
      }
    }
  }

  pendingTasks(): number {
    return this.tasks.length;
  }

  private async boot(): Promise<Instance> {
    const owner = this.nextOwner++;
    // A few dozen keys: the default bound (200,000) would preallocate megabytes per instance, and
    // instances are many (two per script, one more per crash).
    const l1 = new LruL1Cache({ ttlMs: L1_TTL_MS, clock: this.clock, max: L1_MAX_ENTRIES });
    const l2: L2Cache = {
      getMany: (keys) => this.hold(owner, "l2 getMany", () => this.l2.getMany(keys)),
      setMany: (entries, options) => this.hold(owner, "l2 setMany", () => this.l2.setMany(entries, options)),
      writeVersions: (writes) => this.hold(owner, "l2 writeVersions", () => this.l2.writeVersions(writes)),
      delete: (keys) =>
        this.hold(owner, "l2 delete", async () => {
          await this.l2.delete(keys);
          for (const key of keys) {
            const id = cacheKeyId(key);
            this.unversioned.add(id);
            this.deletions.set(id, (this.deletions.get(id) ?? 0) + 1);
          }
        }),
    };
    const bus: InvalidationBus = {
      publish: (keys) =>
        this.hold(owner, "bus publish", async () => {
          // What L2 holds as the message leaves is what every instance that hears it must show at least.
          this.sending = new Map(keys.map((key) => [cacheKeyId(key), this.l2.peek(key)?.version ?? 0]));
          try {
            await this.bus.publish(keys);
          } finally {
            this.sending = new Map();
          }
        }),
      subscribe: (handlers) => this.bus.subscribe(handlers),
    };
    const data = new ProductData({
      l1,
      l2,
      services: new Map([[SERVICE, this.service]]),
      clock: this.clock,
      logger: silentLogger,
      telemetry: NO_TELEMETRY,
      lateArrivals: { arrived: () => undefined },
      softTimeoutMs: SOFT_TIMEOUT_MS,
      l2TtlMs: 60 * 60_000,
    });
    const applier = new UpdateApplier({
      l2,
      bus,
      changes: {
        publish: (change) =>
          this.hold(owner, "feed publish", async () => {
            this.published.push(change);
          }),
      },
      logger: silentLogger,
    });
    const floors = new Map<string, number>();
    const instance: Instance = {
      owner,
      l1,
      data,
      applier,
      floors,
      applying: new Set(),
      unsubscribe: async () => undefined,
      dead: false,
    };
    const raise = (id: string, version: number): void => {
      floors.set(id, Math.max(floors.get(id) ?? 0, version));
    };
    const everythingInL2 = (): void => {
      for (const id of this.truth.keys()) raise(id, this.l2.peek(this.keyById(id))?.version ?? 0);
    };
    // The same wiring as createGateway's: evict on a message, drop everything on a possible loss.
    const subscription = await bus.subscribe({
      onInvalidate: (keys) => {
        l1.evict(keys);
        for (const key of keys) raise(cacheKeyId(key), this.sending.get(cacheKeyId(key)) ?? 0);
      },
      onPossibleLoss: () => {
        l1.evictAll();
        everythingInL2();
      },
    });
    instance.unsubscribe = () => subscription.unsubscribe();
    // A new instance starts with an empty L1: it owes every reader what L2 holds.
    everythingInL2();
    return instance;
  }

  /**
   * The call takes effect at one step and its answer arrives at a later one, as over a network: in
   * between, anything else may happen (a newer version lands, an invalidation passes).
   */
  private hold<T>(owner: number, label: string, call: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const answer = (settle: () => void): void => {
        this.tasks.push({ owner, label: `${label} (answer)`, run: settle });
      };
      this.tasks.push({
        owner,
        label,
        run: () =>
          void call().then(
            (value) => answer(() => resolve(value)),
            (error: unknown) => answer(() => reject(error)),
          ),
      });
    });
  }

  private async step(pick: number): Promise<void> {
    if (this.tasks.length === 0) return;
    const [task] = this.tasks.splice(pick % this.tasks.length, 1);
    task?.run();
    await flushMicrotasks(2);
  }

  private append(raw: string): void {
    this.waiting.push({ id: this.nextEntry++, raw });
  }

  private beingApplied(entry: StreamEntry): boolean {
    return this.instances.some((instance) => instance.applying.has(entry));
  }

  private async deliver(operation: Extract<Operation, { type: "deliver" }>): Promise<void> {
    const free = this.waiting.filter((entry) => !this.beingApplied(entry));
    if (free.length === 0) return;
    const entry = free[operation.pick % free.length] as StreamEntry;
    const instance = this.instances[operation.instance % this.instances.length] as Instance;
    const parsed = parseUpdateEvent(entry.raw, { maxBytes: MAX_EVENT_BYTES });
    if (!parsed.ok) {
      // Dead-lettered and acknowledged; a producer's broken entry changes nothing else.
      this.counts.refused++;
      this.acknowledge(entry);
      return;
    }
    if (operation.duplicate) {
      // A redelivery: the copy stays waiting and this one is applied alongside it.
      void instance.applier.apply(parsed.event).then(() => this.counts.applied++);
      await flushMicrotasks(1);
      return;
    }
    instance.applying.add(entry);
    void instance.applier.apply(parsed.event).then(
      () => {
        this.counts.applied++;
        instance.applying.delete(entry);
        if (!instance.dead) this.acknowledge(entry);
      },
      () => instance.applying.delete(entry),
    );
    await flushMicrotasks(1);
  }

  private acknowledge(entry: StreamEntry): void {
    this.waiting = this.waiting.filter((candidate) => candidate !== entry);
  }

  private async crash(index: number): Promise<void> {
    const slot = index % this.instances.length;
    const dead = this.instances[slot] as Instance;
    dead.dead = true;
    this.counts.crashes++;
    await dead.unsubscribe();
    // Its calls in flight never complete; its unacknowledged entries wait for another consumer.
    for (let at = this.tasks.length - 1; at >= 0; at--) {
      if (this.tasks[at]?.owner === dead.owner) this.tasks.splice(at, 1);
    }
    dead.applying.clear();
    this.instances[slot] = await this.boot();
  }

  private async read(
    operation: Extract<Operation, { type: "read" }>,
    options: { readonly exact?: boolean } = {},
  ): Promise<void> {
    const instance = this.instances[operation.instance % this.instances.length] as Instance;
    const user = operation.user === null ? undefined : this.users[operation.user % this.users.length];
    const viewer: Viewer = user === undefined ? { kind: "anonymous" } : { kind: "user", id: user };
    const ids = [
      ...new Set(
        operation.products.map((product) => this.products[product % this.products.length] as string),
      ),
    ];
    // What this read owes: everything the instance has been told before it starts.
    const owed = new Map(instance.floors);
    // Keys without a version now, and the deletes so far: a key that lost its version at any point
    // of the read is exempt from the freshness rules.
    const unversionedAtStart = new Set([...this.truth.keys()].filter((id) => !this.versioned(id)));
    const deletionsAtStart = new Map(this.deletions);
    const exempt = (id: string): boolean =>
      unversionedAtStart.has(id) ||
      (this.deletions.get(id) ?? 0) !== (deletionsAtStart.get(id) ?? 0) ||
      !this.versioned(id);
    this.counts.reads++;
    const pending = instance.data.loaderFor(viewer).loadMany(ids.map((id) => ({ id, service: SERVICE })));
    void pending.then((answers) => {
      if (instance.dead) return;
      answers.forEach((answer, index) =>
        this.check(viewer, ids[index] as string, answer, { owed, exempt, exact: options.exact === true }),
      );
    });
    await flushMicrotasks(1);
  }

  private check(
    viewer: Viewer,
    product: string,
    answer: ResolvedProduct | Error,
    rules: {
      /** The floors the instance had when the read began. */
      readonly owed: ReadonlyMap<string, number>;
      /** Whether the freshness rules skip a key (it lost its version during the read). */
      readonly exempt: (id: string) => boolean;
      /** After settling: the answer must be the newest version. */
      readonly exact: boolean;
    },
  ): void {
    const { owed, exempt, exact } = rules;
    this.counts.checkedAnswers++;
    const who = viewer.kind === "user" ? viewer.id : "anonymous";
    if (answer instanceof Error) {
      this.fail("every tile resolves", `${who} ${product}: ${answer.message}`);
      return;
    }
    if (answer.state !== "PERSONALIZED" && answer.state !== "GENERIC") return;
    const info = answer.info as ProductInfo;
    const key: CacheKey =
      answer.state === "PERSONALIZED" && viewer.kind === "user"
        ? personalKey(viewer.id, product)
        : genericKey(product);
    if (answer.state === "PERSONALIZED" && viewer.kind !== "user") {
      this.fail("no viewer sees another's data", `anonymous got personal ${info.title}`);
    }
    const owner = ownerOf(info.title);
    const expectedOwner = key.scope === "user" ? key.user : "*";
    if (owner !== expectedOwner || info.id !== product) {
      this.fail("no viewer sees another's data", `${who} asked for ${product}, got "${info.title}"`);
      return;
    }
    const id = cacheKeyId(key);
    const newest = this.truth.get(id) ?? 0;
    if (info.version > newest)
      this.fail("no invented version", `${who} ${id}: v${info.version} > v${newest}`);
    if (exempt(id)) return;
    const floor = owed.get(id) ?? 0;
    if (info.version < floor) {
      this.fail(
        "no stale value resurrected",
        `${who} ${id}: served v${info.version} after the instance was told of v${floor}`,
      );
    }
    if (exact && info.version !== newest) {
      this.fail("no update lost", `${who} ${id}: settled on v${info.version}, the service is at v${newest}`);
    }
  }

  /** Whether the freshness rules hold for a key: not deleted by an invalidation since L2 last held its newest version. */
  private versioned(id: string): boolean {
    if (this.unversioned.has(id) && this.l2.peek(this.keyById(id))?.version === this.truth.get(id)) {
      this.unversioned.delete(id);
    }
    return !this.unversioned.has(id);
  }

  private newestPublished(key: CacheKey): number | undefined {
    let newest: number | undefined;
    for (const change of this.published) {
      if (change.kind === "plan" || change.info.id !== key.product) continue;
      const matches =
        key.scope === "user"
          ? change.kind === "personal" && change.user === key.user
          : change.kind === "generic";
      if (matches) newest = Math.max(newest ?? 0, change.info.version);
    }
    return newest;
  }

  private keyOf(user: number | null, product: number): CacheKey {
    const productId = this.products[product % this.products.length] as string;
    return user === null
      ? genericKey(productId)
      : personalKey(this.users[user % this.users.length] as UserId, productId);
  }

  private keyById(id: string): CacheKey {
    if (id.startsWith("g:")) return genericKey(id.slice(2));
    const [user, product] = id.slice(2).split("\u0000") as [string, string];
    return personalKey(user, product);
  }

  /** The product service's current answer for a key; its title names whose it is. */
  private infoOf(key: CacheKey): ProductInfo {
    const version = this.truth.get(cacheKeyId(key)) ?? 1;
    const owner = key.scope === "user" ? key.user : "*";
    return productInfo(key.product, version, { title: `[[${owner}]] ${key.product} v${version}` });
  }

  private fail(rule: string, detail: string): void {
    this.violations.push({ rule, detail });
  }
}

function ownerOf(title: string): string | undefined {
  return /^\[\[([^\]]+)\]\]/.exec(title)?.[1];
}
