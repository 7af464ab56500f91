import WebSocket from "ws";
import { waitFor } from "./wait-for.js";

/** A graphql-transport-ws message as it travels, unchecked. */
export interface Frame {
  readonly type: string;
  readonly id?: string;
  readonly payload?: unknown;
}

/** A GraphQL error as a graphql-ws `error` message carries it. */
export interface FrameError {
  readonly message: string;
  readonly extensions?: { readonly code?: string } & Record<string, unknown>;
}

/**
 * A WebSocket speaking graphql-transport-ws by hand: sends any frame, valid or not, and records
 * every frame, the close code and reason, or the HTTP status of a refused upgrade.
 */
export class RawSocket {
  readonly frames: Frame[] = [];
  closed: { readonly code: number; readonly reason: string } | undefined;
  upgradeStatus: number | undefined;
  opened = false;
  private readonly ws: WebSocket;

  constructor(url: string, options: { readonly origin?: string } = {}) {
    this.ws = new WebSocket(url.replace(/^http/, "ws"), "graphql-transport-ws", {
      ...(options.origin !== undefined && { origin: options.origin }),
    });
    this.ws.on("open", () => {
      this.opened = true;
    });
    this.ws.on("message", (data: Buffer) => {
      this.frames.push(JSON.parse(data.toString()) as Frame);
    });
    this.ws.on("close", (code: number, reason: Buffer) => {
      this.closed = { code, reason: reason.toString() };
    });
    this.ws.on("unexpected-response", (request, response) => {
      this.upgradeStatus = response.statusCode;
      response.resume();
      request.destroy();
    });
    // Refused upgrades and resets show up as `closed` or `upgradeStatus`; nothing to throw here.
    this.ws.on("error", () => undefined);
  }

  send(frame: Frame): void {
    this.sendRaw(JSON.stringify(frame));
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  async waitOpen(): Promise<this> {
    await waitFor(() => this.opened || this.closed || this.upgradeStatus, { timeoutMs: 5_000, what: "open" });
    if (!this.opened) throw new Error(`socket did not open: ${JSON.stringify(this)}`);
    return this;
  }

  /** Sends connection_init and waits for the ack, or for the server to close instead. */
  async init(payload: Record<string, unknown> = {}): Promise<"acked" | "closed"> {
    await this.waitOpen();
    this.send({ type: "connection_init", payload });
    return waitFor(
      () =>
        this.frames.some((frame) => frame.type === "connection_ack")
          ? "acked"
          : this.closed
            ? "closed"
            : undefined,
      { timeoutMs: 5_000, what: "connection_ack or close" },
    );
  }

  async waitClosed(timeoutMs = 5_000): Promise<{ readonly code: number; readonly reason: string }> {
    return waitFor(() => this.closed, { timeoutMs, what: "the server to close the socket" });
  }

  framesFor(id: string): Frame[] {
    return this.frames.filter((frame) => frame.id === id);
  }

  /** The errors of the subscription `id`'s `error` message, once it came. */
  async errorsOf(id: string, timeoutMs = 5_000): Promise<FrameError[]> {
    const frame = await waitFor(
      () => this.frames.find((candidate) => candidate.id === id && candidate.type === "error"),
      {
        timeoutMs,
        what: `an error for ${id}`,
      },
    );
    return frame.payload as FrameError[];
  }

  close(): void {
    if (!this.closed) this.ws.close(1000);
  }

  terminate(): void {
    this.ws.terminate();
  }
}
