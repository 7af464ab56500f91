import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("the configuration was accepted");
}

describe("REDIS_CLUSTER_NODES", () => {
  it("takes seed nodes as host:port,host:port", () => {
    const config = loadConfig({ REDIS_CLUSTER_NODES: "10.0.0.1:7000, redis-2.internal:7001,[::1]:7002" });
    expect(config.REDIS_CLUSTER_NODES).toEqual({
      nodes: [
        { host: "10.0.0.1", port: 7000 },
        { host: "redis-2.internal", port: 7001 },
        { host: "::1", port: 7002 },
      ],
      username: undefined,
      password: undefined,
      tls: false,
    });
  });

  it("takes credentials and TLS from URL entries, as REDIS_URL does", () => {
    const config = loadConfig({ REDIS_CLUSTER_NODES: "rediss://gw:s%40cret@a:7000,b:7001" });
    expect(config.REDIS_CLUSTER_NODES).toMatchObject({ username: "gw", password: "s@cret", tls: true });
    expect(config.REDIS_CLUSTER_NODES?.nodes).toHaveLength(2);
  });

  it("refuses REDIS_URL and REDIS_CLUSTER_NODES together", () => {
    expect(problemsOf({ REDIS_URL: "redis://a:6379", REDIS_CLUSTER_NODES: "a:7000" })).toEqual([
      "REDIS_CLUSTER_NODES: REDIS_URL (one Redis) and REDIS_CLUSTER_NODES (a Redis Cluster) exclude each other: set one of them",
    ]);
  });

  it("names a bad entry without the password in it", () => {
    const [problem] = problemsOf({ REDIS_CLUSTER_NODES: "a:7000,redis://u:hunter2@b" });
    expect(problem).toContain('"redis://***@b" is not host:port');
    expect(problem).not.toContain("hunter2");
    expect(problemsOf({ REDIS_CLUSTER_NODES: "a" })[0]).toContain('"a" is not host:port');
    expect(problemsOf({ REDIS_CLUSTER_NODES: "redis://a:1,rediss://b:2" })[0]).toContain("disagree");
  });
});

describe("UPDATE_STREAM_PARTITIONS", () => {
  it("is 1 by default (the one stream of a single Redis) and refuses 0", () => {
    expect(loadConfig({}).UPDATE_STREAM_PARTITIONS).toBe(1);
    expect(loadConfig({ UPDATE_STREAM_PARTITIONS: "3" }).UPDATE_STREAM_PARTITIONS).toBe(3);
    expect(problemsOf({ UPDATE_STREAM_PARTITIONS: "0" })[0]).toMatch(/^UPDATE_STREAM_PARTITIONS:/);
  });
});
