/**
 * An error with a stable `code` for logs, metrics and protocols, and the `cause` it wraps. Every
 * error class of the gateway extends it; its `name` is the class's name.
 */
export class CodedError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Errors the domain raises; inbound adapters map `code` to their protocol. */
export class DomainError extends CodedError {}

export class RecommendationsUnavailableError extends DomainError {
  constructor(cause: unknown) {
    super("RECOMMENDATIONS_UNAVAILABLE", "The home screen plan could not be fetched", { cause });
  }
}

export class UpstreamError extends DomainError {
  constructor(service: string, message: string, cause?: unknown) {
    super("UPSTREAM_FAILED", `Product service ${service}: ${message}`, { cause });
  }
}

export class InvalidArgumentError extends DomainError {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super("BAD_USER_INPUT", message);
  }
}
