import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Cluster, Redis } from "ioredis";
import { createRedisClient, whenReady } from "../../src/adapters/redis-client.js";
import {
  type RedisClusterClientOptions,
  createRedisClusterClient,
} from "../../src/adapters/redis-cluster-client.js";
import { freePort } from "./free-port.js";
import { silentLogger } from "./silent-logger.js";

const run = promisify(execFile);

/** One redis-server of a test cluster. */
export interface ClusterNode {
  readonly port: number;
  /** `host:port`, as REDIS_CLUSTER_NODES takes it. */
  readonly address: string;
  /** SIGKILL, then waits for the process to exit. */
  kill(): Promise<void>;
  /** SIGTERM, then waits for the process to exit. */
  stop(): Promise<void>;
  /** Starts the node again on its port with its nodes.conf: it rejoins the cluster (as a replica if it was replaced). */
  start(): Promise<void>;
  /** True while its process runs. */
  readonly running: boolean;
}

/**
 * A Redis Cluster of the test's own on loopback: 3 masters with a replica each, nothing persisted
 * but each node's nodes.conf (in a private directory). Failover is fast (`cluster-node-timeout`
 * 1 s): a killed master's replica takes over within a few seconds.
 */
export interface RedisCluster {
  readonly nodes: readonly ClusterNode[];
  /** Every node as `host:port,host:port,...`: the value of REDIS_CLUSTER_NODES. */
  readonly seeds: string;
  /** The ports of the nodes that are masters now, as the cluster itself says. */
  masterPorts(): Promise<number[]>;
  /** The node that serves `slot` as master now. */
  masterOf(slot: number): Promise<ClusterNode>;
  /** Resolves when every slot is served by a running master and every node says cluster_state:ok. */
  untilHealthy(options?: { readonly timeoutMs?: number }): Promise<void>;
  /** Runs `redis-cli --cluster <args>` against a running node, e.g. ["reshard", ...]. */
  cli(args: readonly string[]): Promise<string>;
  /** Stops every node and removes its directory. */
  stop(): Promise<void>;
}

export interface StartRedisClusterOptions {
  readonly masters?: number;
  readonly replicasPerMaster?: number;
  readonly nodeTimeoutMs?: number;
  readonly startTimeoutMs?: number;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

export async function startRedisCluster(options: StartRedisClusterOptions = {}): Promise<RedisCluster> {
  const masters = options.masters ?? 3;
  const replicas = options.replicasPerMaster ?? 1;
  const nodeTimeoutMs = options.nodeTimeoutMs ?? 1_000;
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const dir = mkdtempSync(path.join(os.tmpdir(), "hg-redis-cluster-"));
  const nodes: ManagedNode[] = [];
  try {
    for (let index = 0; index < masters * (1 + replicas); index++) {
      nodes.push(await ManagedNode.launch(dir, nodeTimeoutMs));
    }
    await run(
      "redis-cli",
      [
        "--cluster",
        "create",
        ...nodes.map((node) => node.address),
        "--cluster-replicas",
        String(replicas),
        "--cluster-yes",
      ],
      { timeout: startTimeoutMs },
    );
  } catch (error) {
    await Promise.all(nodes.map((node) => node.kill()));
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const anyRunning = (): ManagedNode => {
    const node = nodes.find((candidate) => candidate.running);
    if (!node) throw new Error("no node of the cluster runs");
    return node;
  };
  const slotsOwners = async (): Promise<{ port: number; from: number; to: number }[]> => {
    // CLUSTER NODES lines: id, address, flags, master, ping, pong, epoch, link, slot ranges...
    const owners: { port: number; from: number; to: number }[] = [];
    const { stdout: nodesOut } = await run("redis-cli", [
      "-p",
      String(anyRunning().port),
      "cluster",
      "nodes",
    ]);
    for (const line of nodesOut.split("\n")) {
      const parts = line.trim().split(" ");
      if (parts.length < 9 || !parts[2]?.includes("master") || parts[2].includes("fail")) continue;
      const port = Number(/:(\d+)@/.exec(parts[1] ?? "")?.[1]);
      for (const range of parts.slice(8)) {
        if (range.startsWith("[")) continue; // a slot being migrated
        const [from, to = from] = range.split("-").map(Number);
        owners.push({ port, from: from as number, to: to as number });
      }
    }
    return owners;
  };

  const cluster: RedisCluster = {
    nodes,
    seeds: nodes.map((node) => node.address).join(","),
    masterPorts: async () => [...new Set((await slotsOwners()).map((owner) => owner.port))],
    masterOf: async (slot) => {
      const owner = (await slotsOwners()).find((candidate) => slot >= candidate.from && slot <= candidate.to);
      const node = nodes.find((candidate) => candidate.port === owner?.port);
      if (!node) throw new Error(`no master serves slot ${slot}`);
      return node;
    },
    untilHealthy: async (wait = {}) => {
      const deadlineMs = Date.now() + (wait.timeoutMs ?? startTimeoutMs);
      let last = "";
      for (;;) {
        try {
          const owners = await slotsOwners();
          const covered = owners.reduce((sum, owner) => sum + owner.to - owner.from + 1, 0);
          const ownersRun = owners.every(
            (owner) => nodes.find((node) => node.port === owner.port)?.running === true,
          );
          const states = await Promise.all(
            nodes
              .filter((node) => node.running)
              .map(async (node) => {
                const { stdout } = await run("redis-cli", ["-p", String(node.port), "cluster", "info"]);
                return /cluster_state:ok/.test(stdout);
              }),
          );
          last = `covered ${covered}, owners running ${ownersRun}, states ${states.join(",")}`;
          if (covered === 16_384 && ownersRun && states.every(Boolean)) return;
        } catch (error) {
          last = String(error);
        }
        if (Date.now() > deadlineMs) throw new Error(`the cluster did not become healthy: ${last}`);
        await new Promise<void>((resolve) => setTimeout(resolve, 100));
      }
    },
    cli: async (args) => {
      const { stdout } = await run(
        "redis-cli",
        ["--cluster", args[0] as string, anyRunning().address, ...args.slice(1)],
        { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      );
      return stdout;
    },
    stop: async () => {
      await Promise.all(nodes.map((node) => node.kill()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.untilHealthy();
  return cluster;
}

class ManagedNode implements ClusterNode {
  private child: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly busPort: number,
    private readonly dir: string,
    private readonly nodeTimeoutMs: number,
  ) {}

  static async launch(dir: string, nodeTimeoutMs: number): Promise<ManagedNode> {
    for (let attempt = 1; ; attempt++) {
      // The bus port is chosen too: the default (port + 10000) may be past 65535 or taken.
      const [port, busPort] = [await freePort(), await freePort()];
      if (port === 6379 || busPort === 6379 || port === busPort) continue;
      const node = new ManagedNode(port, busPort, dir, nodeTimeoutMs);
      try {
        await node.start();
        return node;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const child = spawn(
      "redis-server",
      [
        "--port",
        String(this.port),
        "--bind",
        "127.0.0.1",
        "--cluster-enabled",
        "yes",
        "--cluster-port",
        String(this.busPort),
        "--cluster-config-file",
        path.join(this.dir, `nodes-${this.port}.conf`),
        "--cluster-node-timeout",
        String(this.nodeTimeoutMs),
        "--save",
        "",
        "--appendonly",
        "no",
        "--repl-diskless-sync",
        "yes",
        "--repl-diskless-sync-delay",
        "0",
        "--dir",
        this.dir,
        "--daemonize",
        "no",
        "--loglevel",
        "warning",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    track(child);
    this.child = child;
    const deadlineMs = Date.now() + 10_000;
    for (;;) {
      try {
        const { stdout } = await run("redis-cli", ["-p", String(this.port), "ping"], { timeout: 1_000 });
        if (stdout.trim() === "PONG") return;
      } catch {
        // Not listening yet.
      }
      if (!this.running) throw new Error(`redis-server on port ${this.port} exited at start:\n${output}`);
      if (Date.now() > deadlineMs) {
        child.kill("SIGKILL");
        throw new Error(`redis-server on port ${this.port} did not answer PING:\n${output}`);
      }
      await new Promise<void>((resolve) => setTimeout(resolve, 25));
    }
  }

  kill(): Promise<void> {
    return this.signal("SIGKILL");
  }

  stop(): Promise<void> {
    return this.signal("SIGTERM");
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(signal);
    await exited;
  }
}

function track(child: ChildProcess): void {
  running.add(child);
  child.once("exit", () => running.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A test that dies before its afterAll must not leave servers behind.
  process.once("exit", () => {
    for (const server of running) server.kill("SIGKILL");
  });
}

/** Opens production-configured cluster clients against a test cluster and closes them all at the end. */
export class RedisClusterClients {
  private readonly opened: Cluster[] = [];
  private readonly nodeClients: Redis[] = [];

  constructor(private readonly cluster: RedisCluster) {}

  async open(
    options: Partial<Omit<RedisClusterClientOptions, "nodes">> & { readonly ready?: boolean } = {},
  ): Promise<Cluster> {
    const { ready = true, ...clientOptions } = options;
    const client = createRedisClusterClient({
      connectionName: `test-${this.opened.length}`,
      logger: silentLogger,
      ...clientOptions,
      nodes: this.cluster.nodes.map((node) => ({ host: "127.0.0.1", port: node.port })),
    });
    this.opened.push(client);
    if (ready) await whenReady(client, { timeoutMs: 10_000 });
    return client;
  }

  /** A plain client on one node, for admin commands (CLIENT KILL, INFO). */
  async openNode(port: number): Promise<Redis> {
    const client = createRedisClient({
      url: `redis://127.0.0.1:${port}`,
      connectionName: "test-admin",
      logger: silentLogger,
      commandTimeoutMs: 2_000,
    });
    this.nodeClients.push(client);
    await whenReady(client, { timeoutMs: 5_000 });
    return client;
  }

  async closeAll(): Promise<void> {
    for (const client of this.opened.splice(0)) client.disconnect();
    for (const client of this.nodeClients.splice(0)) client.disconnect();
  }
}
