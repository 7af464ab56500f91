import {
  type Attributes,
  DiagLogLevel,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  context,
  diag,
  propagation,
  trace,
} from "@opentelemetry/api";
import { NodeSDK } from "@opentelemetry/sdk-node";
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";
import {
  type CacheKey,
  type CacheWrite,
  type ChangeFeed,
  type L1Cache,
  type L2Cache,
  type Logger,
  type ProductChange,
  type ProductId,
  type ProductInfo,
  type ProductService,
  type Recommendations,
  type SpanAttributes,
  type Spans,
  type UpdateApplier,
  type UpdateEvent,
  type UserId,
  type VersionedWrite,
  type VersionedWriteResult,
  type Viewer,
} from "../domain/index.js";

/**
 * Tracing with OpenTelemetry, configured only by the standard `OTEL_*` variables. Nothing here runs
 * unless {@link startTracing} found tracing asked for: without it the gateway installs none of these
 * decorators, and the request path pays nothing.
 *
 * Attributes carry counts, service ids and event kinds, never a cache key, a viewer id, a token or a
 * URL with a query (the recommendations call names its viewer in one).
 */

const TRACER_NAME = "home-gateway";
const DEFAULT_SERVICE_NAME = "home-gateway";

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Whether the environment asks for traces: an OTLP endpoint or a traces exporter is set, and
 * neither `OTEL_SDK_DISABLED=true` nor `OTEL_TRACES_EXPORTER=none` turns them off.
 */
export function tracingRequested(env: Environment): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (exporters.includes("none")) return false;
  return (
    exporters.length > 0 ||
    Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim()) ||
    Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim())
  );
}

/** The running SDK and what the gateway needs of it. */
export interface Tracing {
  readonly spans: Spans;
  /** Decorates the traced ports; see {@link tracePorts}. */
  readonly tracer: Tracer;
  /** Flushes the spans still buffered and stops exporting. */
  shutdown(): Promise<void>;
}

/**
 * Starts the OpenTelemetry SDK when the environment asks for traces (see {@link tracingRequested}),
 * else answers undefined. The SDK reads the rest itself: exporter and protocol (`http/protobuf`,
 * `http/json`, `grpc`), sampler, resource attributes, batch delays, propagators (W3C trace context
 * by default). Metrics and logs stay with /metrics and the JSON log: only traces are exported.
 */
export function startTracing(env: Environment, logger: Logger): Tracing | undefined {
  if (!tracingRequested(env)) return undefined;
  // The SDK's own complaints (an exporter that cannot reach its collector, say) go to the log.
  const toLog = (message: string) => logger.warn({ component: "opentelemetry" }, message);
  diag.setLogger(
    { error: toLog, warn: toLog, info: () => undefined, debug: () => undefined, verbose: () => undefined },
    DiagLogLevel.WARN,
  );
  const sdk = new NodeSDK({
    ...(!env.OTEL_SERVICE_NAME && { serviceName: DEFAULT_SERVICE_NAME }),
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  const tracer = trace.getTracer(TRACER_NAME);
  return { tracer, spans: new OtelSpans(tracer), shutdown: () => sdk.shutdown() };
}

/** Runs `work` in a new active span that ends when it settles; a failure marks the span, by class only. */
async function inSpan<T>(
  tracer: Tracer,
  name: string,
  options: { readonly kind?: SpanKind; readonly attributes?: Attributes },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(name, options, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      // The class, not the message: upstream messages can name a path with a viewer in it.
      span.setStatus({ code: SpanStatusCode.ERROR, message: errorName(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

class OtelSpans implements Spans {
  constructor(private readonly tracer: Tracer) {}

  run<T>(name: string, attributes: SpanAttributes, work: () => Promise<T>): Promise<T> {
    return inSpan(this.tracer, name, { attributes }, work);
  }
}

function hitCount(keys: readonly CacheKey[], found: ReadonlyMap<string, ProductInfo>): Attributes {
  return { "hg.keys": keys.length, "hg.hits": found.size };
}

/** L1 lookups as spans: how many keys were asked and found. */
export class TracedL1Cache implements L1Cache {
  constructor(
    private readonly inner: L1Cache,
    private readonly tracer: Tracer,
  ) {}

  getMany(keys: readonly CacheKey[]): Map<string, ProductInfo> {
    const span = this.tracer.startSpan("l1.get");
    const found = this.inner.getMany(keys);
    span.setAttributes(hitCount(keys, found));
    span.end();
    return found;
  }

  mark(): number {
    return this.inner.mark();
  }

  setMany(entries: readonly CacheWrite[], options?: { readonly unlessEvictedSince?: number }): void {
    this.inner.setMany(entries, options);
  }

  evictedSince(key: CacheKey, mark: number): boolean {
    return this.inner.evictedSince(key, mark);
  }

  evict(keys: readonly CacheKey[]): void {
    this.inner.evict(keys);
  }

  evictAll(): void {
    this.inner.evictAll();
  }
}

/** L2 reads, writes and deletes as spans, with counts. */
export class TracedL2Cache implements L2Cache {
  constructor(
    private readonly inner: L2Cache,
    private readonly tracer: Tracer,
  ) {}

  getMany(keys: readonly CacheKey[]): Promise<Map<string, ProductInfo>> {
    return inSpan(this.tracer, "l2.get", { kind: SpanKind.CLIENT }, async (span) => {
      const found = await this.inner.getMany(keys);
      span.setAttributes(hitCount(keys, found));
      return found;
    });
  }

  setMany(entries: readonly CacheWrite[], options: { readonly ttlMs: number }): Promise<boolean[]> {
    const attributes = { "hg.keys": entries.length };
    return inSpan(this.tracer, "l2.set", { kind: SpanKind.CLIENT, attributes }, async (span) => {
      const written = await this.inner.setMany(entries, options);
      span.setAttribute("hg.written", written.filter(Boolean).length);
      return written;
    });
  }

  writeVersions(writes: readonly VersionedWrite[]): Promise<VersionedWriteResult[]> {
    const attributes = { "hg.keys": writes.length };
    return inSpan(this.tracer, "l2.set", { kind: SpanKind.CLIENT, attributes }, async (span) => {
      const results = await this.inner.writeVersions(writes);
      span.setAttribute("hg.written", results.filter((answer) => answer.result === "written").length);
      return results;
    });
  }

  delete(keys: readonly CacheKey[]): Promise<void> {
    const attributes = { "hg.keys": keys.length };
    return inSpan(this.tracer, "l2.delete", { kind: SpanKind.CLIENT, attributes }, () =>
      this.inner.delete(keys),
    );
  }
}

/** Each call to a product service as a client span; the HTTP adapter carries the trace on. */
export class TracedProductService implements ProductService {
  readonly id: string;

  constructor(
    private readonly inner: ProductService,
    private readonly tracer: Tracer,
  ) {
    this.id = inner.id;
  }

  personalised(user: UserId, products: readonly ProductId[]): Promise<Map<ProductId, ProductInfo>> {
    const attributes = { "peer.service": this.id, "hg.products": products.length };
    return inSpan(
      this.tracer,
      "product_service.personalised",
      { kind: SpanKind.CLIENT, attributes },
      async (span) => {
        const found = await this.inner.personalised(user, products);
        span.setAttribute("hg.found", found.size);
        return found;
      },
    );
  }

  generic(): Promise<Map<ProductId, ProductInfo>> {
    const attributes = { "peer.service": this.id };
    return inSpan(
      this.tracer,
      "product_service.generic",
      { kind: SpanKind.CLIENT, attributes },
      async (span) => {
        const found = await this.inner.generic();
        span.setAttribute("hg.found", found.size);
        return found;
      },
    );
  }
}

export class TracedRecommendations implements Recommendations {
  constructor(
    private readonly inner: Recommendations,
    private readonly tracer: Tracer,
  ) {}

  forViewer(viewer: Viewer): ReturnType<Recommendations["forViewer"]> {
    const attributes = { "peer.service": "recommendations", "hg.anonymous": viewer.kind === "anonymous" };
    return inSpan(this.tracer, "recommendations", { kind: SpanKind.CLIENT, attributes }, async (span) => {
      const plan = await this.inner.forViewer(viewer);
      span.setAttribute("hg.sections", plan.sections.length);
      return plan;
    });
  }
}

/** The push side's fan-out: a change published to the viewers' subscriptions, on every instance. */
export class TracedChangeFeed implements ChangeFeed {
  constructor(
    private readonly inner: ChangeFeed,
    private readonly tracer: Tracer,
  ) {}

  publish(change: ProductChange): Promise<void> {
    const attributes = { "hg.change.kind": change.kind };
    return inSpan(this.tracer, "changes.fan_out", { kind: SpanKind.PRODUCER, attributes }, () =>
      this.inner.publish(change),
    );
  }

  listen(...args: Parameters<ChangeFeed["listen"]>): ReturnType<ChangeFeed["listen"]> {
    return this.inner.listen(...args);
  }
}

/**
 * Applying pushed events, a child of the consumer's `updates.read` span (the producer's trace does
 * not travel in the stream entry): the L2 write, the L1 invalidation and the fan-out are its
 * children. A batch (`applyMany`) is one span, with its event's kind and result when it held one.
 */
export function tracedApplier(
  inner: Pick<UpdateApplier, "apply" | "applyMany">,
  tracer: Tracer,
): Pick<UpdateApplier, "apply" | "applyMany"> {
  return {
    apply: (event: UpdateEvent) =>
      inSpan(tracer, "updates.apply", { attributes: { "hg.event.kind": event.kind } }, async (span) => {
        const outcome = await inner.apply(event);
        span.setAttribute("hg.result", outcome.result);
        return outcome;
      }),
    applyMany: (events: readonly UpdateEvent[]) => {
      const [only] = events;
      const attributes =
        events.length === 1 && only ? { "hg.event.kind": only.kind } : { "hg.events": events.length };
      return inSpan(tracer, "updates.apply", { attributes }, async (span) => {
        const attempts = await inner.applyMany(events);
        const [first] = attempts;
        if (attempts.length === 1 && first)
          span.setAttribute("hg.result", first.applied ? first.outcome.result : "failed");
        else span.setAttribute("hg.failed", attempts.filter((attempt) => !attempt.applied).length);
        return attempts;
      });
    },
  };
}

/**
 * The server span of one HTTP GraphQL request, continuing an incoming W3C `traceparent`. Mount it
 * after the body parser: body parsing finishes in the socket's context, so a span made active before
 * it would be lost by the time the operation runs.
 */
export function tracingMiddleware(tracer: Tracer): RequestHandler {
  return (req, res, next) => {
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      "graphql",
      { kind: SpanKind.SERVER, attributes: { "http.request.method": req.method, "url.path": req.path } },
      parent,
    );
    res.once("close", () => {
      span.setAttribute("http.response.status_code", res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

/** Names the server span after the operation (`query home`) once Apollo has resolved it. */
export function tracingPlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, operationName }) {
          const span = trace.getActiveSpan();
          if (!span || !operation) return;
          span.updateName(operationName ? `${operation.operation} ${operationName}` : operation.operation);
          span.setAttribute("graphql.operation.type", operation.operation);
          if (operationName) span.setAttribute("graphql.operation.name", operationName);
        },
        async didEncounterErrors({ errors }) {
          const codes = new Set(errors.map((error) => String(error.extensions?.code ?? "UNKNOWN")));
          trace.getActiveSpan()?.setAttribute("graphql.error.codes", [...codes]);
        },
      };
    },
  };
}
