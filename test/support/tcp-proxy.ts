import net from "node:net";

/**
 * A TCP proxy on a free loopback port in front of a server (a test's redis-server), which can cut
 * the connections whose client named itself a certain way (ioredis sends `CLIENT SETNAME` first), at
 * once or at the moment such a connection sends a given command, before the server sees it.
 */
export interface TcpProxy {
  readonly port: number;
  /** Connections opened through it so far whose client bytes contain `name`. */
  opened(name: string): number;
  /** Cuts every open connection whose client bytes contain `name`; answers how many. */
  cut(name: string): number;
  /**
   * Cuts the next connection whose client bytes contain `name` when it sends a chunk matching
   * `command` (that chunk is not forwarded). Resolves once it did.
   */
  cutAtNext(name: string, command: RegExp): Promise<void>;
  /**
   * Drops the next chunk matching `command` from a connection whose client bytes contain `name`,
   * keeping the connection: the server never sees that command, the client never gets an answer.
   */
  swallowNext(name: string, command: RegExp): Promise<void>;
  close(): Promise<void>;
}

interface Pipe {
  readonly client: net.Socket;
  readonly server: net.Socket;
  /** What the client sent so far, kept up to a few KB: enough for its name. */
  sent: string;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const pipes = new Set<Pipe>();
  const everOpened: string[] = [];
  let trap: { name: string; command: RegExp; cut: boolean; fired: () => void } | undefined;

  const cutPipe = (pipe: Pipe): void => {
    pipe.client.destroy();
    pipe.server.destroy();
    pipes.delete(pipe);
  };

  const proxy = net.createServer((client) => {
    const server = net.connect(targetPort, "127.0.0.1");
    const pipe: Pipe = { client, server, sent: "" };
    const index = everOpened.push("") - 1;
    pipes.add(pipe);
    client.on("data", (chunk: Buffer) => {
      const text = chunk.toString("latin1");
      if (pipe.sent.length < 4_096) {
        pipe.sent += text.slice(0, 4_096);
        everOpened[index] = pipe.sent;
      }
      if (trap && pipe.sent.includes(trap.name) && trap.command.test(text)) {
        const { fired, cut } = trap;
        trap = undefined;
        if (cut) cutPipe(pipe);
        fired();
        return;
      }
      server.write(chunk);
    });
    server.on("data", (chunk: Buffer) => client.write(chunk));
    const end = (): void => cutPipe(pipe);
    client.on("close", end);
    server.on("close", end);
    client.on("error", end);
    server.on("error", end);
  });
  await new Promise<void>((resolve, reject) => {
    proxy.once("error", reject);
    proxy.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (proxy.address() as net.AddressInfo).port;

  return {
    port,
    opened: (name) => everOpened.filter((sent) => sent.includes(name)).length,
    cut: (name) => {
      const matching = [...pipes].filter((pipe) => pipe.sent.includes(name));
      for (const pipe of matching) cutPipe(pipe);
      return matching.length;
    },
    cutAtNext: (name, command) =>
      new Promise<void>((resolve) => {
        trap = { name, command, cut: true, fired: resolve };
      }),
    swallowNext: (name, command) =>
      new Promise<void>((resolve) => {
        trap = { name, command, cut: false, fired: resolve };
      }),
    close: async () => {
      for (const pipe of [...pipes]) cutPipe(pipe);
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
