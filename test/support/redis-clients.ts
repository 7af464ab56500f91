import type { Redis } from "ioredis";
import { type RedisClientOptions, createRedisClient, whenReady } from "../../src/adapters/redis-client.js";
import { silentLogger } from "./silent-logger.js";

/**
 * Opens production-configured clients against a test server and closes them all at the end, so a
 * test cannot leak a connection that keeps the worker alive.
 */
export class RedisClients {
  private readonly opened: Redis[] = [];

  constructor(private readonly url: string) {}

  /** A ready client; pass `ready: false` for one that may still be connecting. */
  async open(
    options: Partial<Omit<RedisClientOptions, "url">> & { readonly ready?: boolean } = {},
  ): Promise<Redis> {
    const { ready = true, ...clientOptions } = options;
    const client = createRedisClient({
      connectionName: `test-${this.opened.length}`,
      logger: silentLogger,
      ...clientOptions,
      url: this.url,
    });
    this.opened.push(client);
    if (ready) await whenReady(client, { timeoutMs: 5_000 });
    return client;
  }

  async closeAll(): Promise<void> {
    // disconnect(), not quit(): quit needs an answer, and the server may be frozen or gone.
    for (const client of this.opened.splice(0)) client.disconnect();
  }
}
