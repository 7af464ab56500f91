import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  IsolatedCircuitError,
  circuitBreaker,
  handleAll,
} from "cockatiel";
import { CodedError } from "../domain/errors.js";
import type { ProductInfo } from "../domain/model.js";
import type { BreakerState } from "../domain/metrics.js";
import type {
  CacheKey,
  CacheWrite,
  L2Cache,
  Logger,
  VersionedWrite,
  VersionedWriteResult,
} from "../domain/ports.js";
import { settleWithin } from "./loop-aware-timeout.js";

export interface FailOpenL2CacheOptions {
  readonly inner: L2Cache;
  readonly logger: Logger;
  /** Consecutive failures (errors or timeouts) that open the breaker. */
  readonly failureThreshold?: number;
  /** How long the breaker stays open before one probe call may try the store again. */
  readonly openForMs?: number;
  /**
   * A call that has not settled by then is abandoned and counts as a failure. The Redis client's
   * own command timeout normally fires first; this bounds every call whatever the inner cache does.
   */
  readonly timeoutMs?: number;
  /** Told of every transition, e.g. to set a metric. */
  readonly onStateChange?: (state: BreakerState) => void;
}

export const FAIL_OPEN_DEFAULTS = { failureThreshold: 5, openForMs: 5_000, timeoutMs: 250 } as const;

/** The breaker is open (or a probe is already under way): the store was not asked. */
export class L2CircuitOpenError extends CodedError<"L2_CIRCUIT_OPEN"> {
  constructor(operation: string, options?: { cause?: unknown }) {
    super("L2_CIRCUIT_OPEN", `L2 ${operation} skipped: the circuit breaker is open`, options);
  }
}

export class L2TimeoutError extends CodedError<"L2_TIMEOUT"> {
  constructor(operation: string, timeoutMs: number, options?: { cause?: unknown }) {
    super("L2_TIMEOUT", `L2 ${operation} did not settle within ${timeoutMs} ms`, options);
  }
}

const STATE_NAMES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: "closed",
  [CircuitState.Open]: "open",
  [CircuitState.HalfOpen]: "half-open",
  [CircuitState.Isolated]: "open",
};

/**
 * Keeps a sick L2 from slowing requests: every call is bounded by `timeoutMs`, and after
 * `failureThreshold` consecutive failures the breaker opens and calls reject at once with
 * {@link L2CircuitOpenError} for `openForMs`. Then ONE call probes the store (others keep failing
 * fast meanwhile); its success closes the breaker, its failure opens it again.
 *
 * Failing means throwing: the read path treats a thrown L2 error as a miss and asks the product
 * services, so the request is served either way.
 */
export class FailOpenL2Cache implements L2Cache {
  private readonly inner: L2Cache;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly timeoutMs: number;

  constructor(options: FailOpenL2CacheOptions) {
    this.inner = options.inner;
    this.timeoutMs = options.timeoutMs ?? FAIL_OPEN_DEFAULTS.timeoutMs;
    this.breaker = circuitBreaker(handleAll, {
      halfOpenAfter: options.openForMs ?? FAIL_OPEN_DEFAULTS.openForMs,
      breaker: new ConsecutiveBreaker(options.failureThreshold ?? FAIL_OPEN_DEFAULTS.failureThreshold),
    });
    const { logger, onStateChange } = options;
    this.breaker.onStateChange((circuitState) => {
      const state = STATE_NAMES[circuitState];
      if (state === "open") {
        logger.warn(
          { err: this.breaker.lastFailure, breaker: "l2" },
          "L2 circuit breaker opened; L2 is skipped",
        );
      } else {
        logger.info({ breaker: "l2", state }, "L2 circuit breaker changed state");
      }
      onStateChange?.(state);
    });
  }

  /** For readiness and metrics. */
  get state(): BreakerState {
    return STATE_NAMES[this.breaker.state];
  }

  getMany(keys: readonly CacheKey[]): Promise<Map<string, ProductInfo>> {
    return this.run("getMany", () => this.inner.getMany(keys));
  }

  setMany(entries: readonly CacheWrite[], options: { readonly ttlMs: number }): Promise<boolean[]> {
    return this.run("setMany", () => this.inner.setMany(entries, options));
  }

  /** One call, one timeout and one breaker outcome, however many entries: a batch fails or not as one. */
  writeVersions(writes: readonly VersionedWrite[]): Promise<VersionedWriteResult[]> {
    return this.run("writeVersions", () => this.inner.writeVersions(writes));
  }

  delete(keys: readonly CacheKey[]): Promise<void> {
    return this.run("delete", () => this.inner.delete(keys));
  }

  private async run<T>(operation: string, call: () => Promise<T>): Promise<T> {
    // cockatiel queues callers behind a half-open probe; waiting on a probe of a frozen store is
    // exactly the wait this class exists to prevent, so they fail at once instead.
    if (this.breaker.state === CircuitState.HalfOpen) throw new L2CircuitOpenError(operation);
    try {
      // The timeout sits inside the breaker so that a timed-out call counts as a failure. Not
      // cockatiel's timeout policy: its plain timer counts the gateway's own busy spells against the
      // store (see settleWithin).
      return await this.breaker.execute(() =>
        settleWithin(call(), this.timeoutMs, () => new L2TimeoutError(operation, this.timeoutMs)),
      );
    } catch (error) {
      if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
        throw new L2CircuitOpenError(operation, { cause: error });
      }
      throw error;
    }
  }
}
