import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type ExecutionResult, subscribe } from "graphql";
import type { TestApp } from "./test-app.js";

export interface InProcessSubscription<T> {
  /** The next result; pushes with `push` every 20 ms (real time) until it comes, for up to 5 s. */
  next(push?: () => Promise<void>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Runs a subscription against the gateway's schema in-process, with the context an HTTP request
 * with this token would get: the resolvers and the change feed are real, the socket is left out.
 */
export async function subscribeInProcess<T, V extends Record<string, unknown>>(
  app: TestApp,
  document: TypedDocumentNode<T, V>,
  variables: V,
  token: string,
): Promise<InProcessSubscription<T>> {
  const contextValue = await app.gateway.contextFor(`Bearer ${token}`);
  const result = await subscribe({
    schema: app.gateway.schema,
    document,
    contextValue,
    variableValues: variables,
  });
  if (!(Symbol.asyncIterator in result)) throw new Error(`not subscribed: ${JSON.stringify(result.errors)}`);
  const iterator = result as AsyncGenerator<ExecutionResult<T>>;
  return {
    async next(push) {
      const pending = iterator.next();
      let settled = false;
      void pending.finally(() => {
        settled = true;
      });
      for (const deadlineMs = Date.now() + 5_000; !settled && push;) {
        if (Date.now() > deadlineMs) throw new Error("no update within 5 s");
        await push();
        await Promise.race([pending, new Promise((resolve) => setTimeout(resolve, 20))]);
      }
      const { value, done } = await pending;
      if (done) throw new Error("the subscription ended");
      if (value.errors?.length) throw new Error(JSON.stringify(value.errors));
      return value.data as T;
    },
    async close() {
      await iterator.return(undefined);
    },
  };
}
