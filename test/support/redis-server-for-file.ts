import { afterAll, beforeAll } from "vitest";
import { type RedisServer, startRedisServer } from "./redis-server.js";

/**
 * One private redis-server for the tests of a file: started before them all, stopped after them.
 * Read `url` inside tests and harness factories (before the start it is not known yet).
 */
export function redisServerForFile(): { readonly url: string } {
  let server: RedisServer | undefined;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get url(): string {
      if (!server) throw new Error("the file's redis-server is not running (read url inside a test)");
      return server.url;
    },
  };
}
