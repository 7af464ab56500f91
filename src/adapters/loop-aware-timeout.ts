/**
 * Timeouts that the gateway's own busy spells do not turn into failures of the store.
 *
 * A timer that expires while the event loop is held (a burst of GraphQL executions, a GC pause)
 * runs in the next timers phase, before the poll phase that would read an answer the store sent in
 * time: a plain timer reports a timeout for an answer already waiting in the socket. So an expired
 * timer gives its verdict from a `setImmediate`, whose check phase comes after that poll phase: an
 * answer that arrived meanwhile has been read and its continuations have run by then. A store that
 * has not answered still times out, one turn of the loop later.
 */
export function afterWaitingIo(callback: () => void): void {
  setImmediate(callback);
}

/**
 * `promise`, or the error from `timedOut()` if it has not settled `timeoutMs` after the call (an
 * answer waiting to be read when the timer fires still counts, see above).
 */
export function settleWithin<T>(promise: Promise<T>, timeoutMs: number, timedOut: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const timer = setTimeout(
      () =>
        afterWaitingIo(() => {
          if (done) return;
          done = true;
          reject(timedOut());
        }),
      timeoutMs,
    );
    promise.then(
      (value) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
