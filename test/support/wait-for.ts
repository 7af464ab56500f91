/**
 * Polls `check` until it returns something truthy (or resolves to it) and returns that; a throw or a
 * falsy answer means "not yet". Past `timeoutMs` it rejects with the last error seen (so a failing
 * assertion inside `check` is what the test reports), or with a timeout error.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  options: { readonly timeoutMs: number; readonly intervalMs?: number; readonly what?: string },
): Promise<NonNullable<T>> {
  const deadlineMs = Date.now() + options.timeoutMs;
  const intervalMs = options.intervalMs ?? 20;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadlineMs) {
      if (lastError !== undefined) throw lastError;
      throw new Error(`waitFor: ${options.what ?? "condition"} not met within ${options.timeoutMs} ms`);
    }
    await new Promise<void>((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A promise's outcome, so a test can assert that it settled without caring how. */
export async function settled<T>(
  promise: Promise<T>,
): Promise<{ readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}
