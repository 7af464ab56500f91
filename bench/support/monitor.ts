import { type Socket, connect } from "node:net";

/** One command as MONITOR reports it. */
export interface MonitoredCommand {
  /** "ip:port" of the connection that sent it, or "lua" for a command a script ran. */
  readonly source: string;
  readonly args: readonly string[];
}

/**
 * MONITOR over a plain socket. ioredis's own `monitor()` switches the connection into monitor mode
 * only once the OK has been handled, so a command seen in the same packet as the OK is taken for a
 * reply nobody asked for ("Command queue state error", ioredis#1981) and takes the process down.
 * Here every line after the OK is a command, whatever packet it came in.
 */
export class RedisMonitor {
  readonly commands: MonitoredCommand[] = [];
  private buffer = "";

  private constructor(private readonly socket: Socket) {}

  /** Connected and monitoring: every command Redis runs from now on is recorded. */
  static async start(url: string): Promise<RedisMonitor> {
    const { hostname, port } = new URL(url);
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    socket.setEncoding("utf8");
    const monitor = new RedisMonitor(socket);
    await new Promise<void>((resolve, reject) => {
      const failed = (error: Error): void => reject(error);
      socket.once("error", failed);
      socket.once("connect", () => socket.write("MONITOR\r\n"));
      socket.on("data", (chunk: string) => {
        let started: boolean;
        try {
          started = monitor.take(chunk);
        } catch (error) {
          socket.destroy();
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (started) {
          socket.off("error", failed);
          socket.on("error", () => undefined); // closing under load may reset; nothing to lose then
          resolve();
        }
      });
    });
    return monitor;
  }

  stop(): void {
    this.socket.destroy();
  }

  private started = false;

  /** Takes a chunk of the stream; true once MONITOR has answered OK. */
  private take(chunk: string): boolean {
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.indexOf("\r\n")) >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 2);
      if (!this.started) {
        if (line !== "+OK") throw new Error(`MONITOR answered ${line}`);
        this.started = true;
        continue;
      }
      const parsed = parseMonitorLine(line);
      if (parsed) this.commands.push(parsed);
    }
    return this.started;
  }
}

/** `+1795556953.417213 [0 127.0.0.1:59838] "get" "key"` (or `[0 lua]`) as source and arguments. */
export function parseMonitorLine(line: string): MonitoredCommand | undefined {
  const match = /^\+\d+\.\d+ \[\d+ ([^\]]+)\] (.*)$/.exec(line);
  if (!match) return undefined;
  const [, source = "", rest = ""] = match;
  const args: string[] = [];
  // Each argument is double-quoted, with \" \\ \n \r \t and \xNN escapes (sdscatrepr).
  const quoted = /"((?:[^"\\]|\\.)*)"/g;
  for (const [, body = ""] of rest.matchAll(quoted)) {
    args.push(
      body.replace(/\\(x[0-9a-f]{2}|.)/g, (_all, escape: string) => {
        if (escape.startsWith("x") && escape.length === 3)
          return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
        return { n: "\n", r: "\r", t: "\t", a: "\u0007", b: "\b" }[escape] ?? escape;
      }),
    );
  }
  return { source, args };
}
