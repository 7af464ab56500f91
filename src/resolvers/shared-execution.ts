import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLScalarType,
  createSourceEventStream,
  execute,
  getNamedType,
  isObjectType,
} from "graphql";
import type { HomeUpdate } from "../ui-components/index.js";

/** What one subscription's event carries besides its delta: its own number and time. */
interface Stamped {
  readonly sequence: number;
  readonly sentAt: Date;
}

/** Stamped events whose delta other subscriptions got too (the same object), by event. */
const BASES = new WeakMap<object, HomeUpdate>();

/** Says that `stamped` is `base` with this subscription's sequence and time: its execution may be shared. */
export function stampedShared<T extends object>(stamped: T, base: HomeUpdate): T {
  BASES.set(stamped, base);
  return stamped;
}

/**
 * One execution of a shared delta for a document and variables, and the response keys (at the
 * root field's level) that hold the event's `sequence` and `sentAt`: the only values that differ
 * between the subscriptions sharing it.
 */
interface SharedResult {
  readonly result: ExecutionResult;
  /** The root field's response key, e.g. "homeUpdates". */
  readonly root: string;
  readonly sequenceKeys: readonly string[];
  readonly sentAtKeys: readonly string[];
  /** How the schema sends a `sentAt`. */
  readonly serializeSentAt: (date: Date) => unknown;
}

/** Executions by delta, document, operation name and variables; gone with the delta. */
const RESULTS = new WeakMap<HomeUpdate, WeakMap<DocumentNode, Map<string, Promise<SharedResult | null>>>>();

/**
 * graphql-js `subscribe`, except that an event whose delta other subscriptions got too is executed
 * once per document and variables and the result reused, with the event's own `sequence` and
 * `sentAt` put in. The execution of a delta depends on nothing else (no resolver under a live
 * update reads the context), and a delta is only shared between clients that would have built it
 * alike (see `LiveScreen`). Anything else (errors, a result the keys cannot be told apart in)
 * is executed per event as before.
 */
export async function subscribeSharingExecutions(
  args: ExecutionArgs,
): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return source;
  const iterator = source[Symbol.asyncIterator]();
  const variablesKey = `${args.operationName ?? ""}\u0000${JSON.stringify(args.variableValues ?? null)}`;
  const run = async (event: unknown): Promise<ExecutionResult> => {
    const base = typeof event === "object" && event !== null ? BASES.get(event) : undefined;
    if (!base) return execute({ ...args, rootValue: event });
    const shared = await sharedResult(args, base, variablesKey, event as Stamped);
    return shared ? withStamp(shared, event as Stamped) : execute({ ...args, rootValue: event });
  };
  const mapped = async (step: IteratorResult<unknown>): Promise<IteratorResult<ExecutionResult>> =>
    step.done ? { done: true, value: undefined } : { done: false, value: await run(step.value) };
  const generator: AsyncGenerator<ExecutionResult> = {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: async () => mapped(await iterator.next()),
    return: async () =>
      typeof iterator.return === "function"
        ? mapped(await iterator.return())
        : { done: true, value: undefined },
    throw: async (error: unknown) => {
      if (typeof iterator.throw === "function") return mapped(await iterator.throw(error));
      throw error;
    },
  };
  return generator;
}

function sharedResult(
  args: ExecutionArgs,
  base: HomeUpdate,
  variablesKey: string,
  first: Stamped,
): Promise<SharedResult | null> {
  let byDocument = RESULTS.get(base);
  if (!byDocument) {
    byDocument = new WeakMap();
    RESULTS.set(base, byDocument);
  }
  let byVariables = byDocument.get(args.document);
  if (!byVariables) {
    byVariables = new Map();
    byDocument.set(args.document, byVariables);
  }
  const known = byVariables.get(variablesKey);
  if (known !== undefined) return known;
  const made = makeShared(args, base, first);
  byVariables.set(variablesKey, made);
  return made;
}

/**
 * Executes the delta three times (as stamped, with another sequence, with another time) and keeps
 * the first result if only the keys holding `sequence` and `sentAt` tell them apart, and those keys
 * hold exactly the stamp's values. Otherwise (errors, anything unexpected) null: each
 * subscription then executes its own.
 */
async function makeShared(
  args: ExecutionArgs,
  base: HomeUpdate,
  first: Stamped,
): Promise<SharedResult | null> {
  const other: Stamped = {
    sequence: first.sequence + 1_000_003,
    sentAt: new Date(first.sentAt.getTime() + 7),
  };
  const results = await Promise.all([
    execute({ ...args, rootValue: { ...base, sequence: first.sequence, sentAt: first.sentAt } }),
    execute({ ...args, rootValue: { ...base, sequence: other.sequence, sentAt: first.sentAt } }),
    execute({ ...args, rootValue: { ...base, sequence: first.sequence, sentAt: other.sentAt } }),
  ]);
  if (results.some((result) => result.errors || !result.data)) return null;
  const [asStamped] = results;
  const roots = Object.keys(asStamped?.data ?? {});
  if (roots.length !== 1) return null;
  const root = roots[0] as string;
  const values = results.map((result) => result.data?.[root]);
  if (!values.every((value) => typeof value === "object" && value !== null && !Array.isArray(value))) {
    return null;
  }
  const [a, b, c] = values as Record<string, unknown>[];
  const dateType = sentAtType(args);
  if (!dateType) return null;
  const sequenceKeys: string[] = [];
  const sentAtKeys: string[] = [];
  for (const key of Object.keys(a as object)) {
    const value = (a as Record<string, unknown>)[key];
    const bySequence = !sameJson(value, (b as Record<string, unknown>)[key]);
    const byTime = !sameJson(value, (c as Record<string, unknown>)[key]);
    if (bySequence && byTime) return null;
    if (bySequence) {
      if (value !== first.sequence || (b as Record<string, unknown>)[key] !== other.sequence) return null;
      sequenceKeys.push(key);
    } else if (byTime) {
      if (value !== dateType.serialize(first.sentAt)) return null;
      sentAtKeys.push(key);
    }
  }
  if (Object.keys(b as object).length !== Object.keys(a as object).length) return null;
  return {
    result: asStamped as ExecutionResult,
    root,
    sequenceKeys,
    sentAtKeys,
    serializeSentAt: (date) => dateType.serialize(date),
  };
}

/** The scalar `sentAt` is sent as, from the schema's HomeUpdate interface. */
function sentAtType(args: ExecutionArgs): GraphQLScalarType | undefined {
  const type = args.schema.getType("TileUpdate");
  if (!isObjectType(type)) return undefined;
  const field = type.getFields().sentAt;
  return field ? (getNamedType(field.type) as GraphQLScalarType) : undefined;
}

function withStamp(shared: SharedResult, stamp: Stamped): ExecutionResult {
  const value = { ...(shared.result.data?.[shared.root] as Record<string, unknown>) };
  for (const key of shared.sequenceKeys) value[key] = stamp.sequence;
  if (shared.sentAtKeys.length > 0) {
    const sentAt = shared.serializeSentAt(stamp.sentAt);
    for (const key of shared.sentAtKeys) value[key] = sentAt;
  }
  return { ...shared.result, data: { [shared.root]: value } };
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}
