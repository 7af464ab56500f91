import { WebSocket } from "ws";
import type { Logger, Viewer } from "../domain/index.js";
import { AuthenticationError, AuthenticationUnavailableError, type Identity } from "./auth.js";
import type { RequestGate } from "./request-gate.js";

/** What the gateway keeps per accepted socket. */
export interface ConnectionState {
  viewer?: Viewer;
  subscriptions?: Set<string>;
  expiryTimer?: NodeJS.Timeout;
}

/** Close codes a client can act on (graphql-ws uses 4400-4499 for its own). */
export const CLOSE = {
  unauthorized: 4401,
  forbidden: 4403,
  tooManyConnections: 4429,
  /** RFC 6455 "Try Again Later": the token could not be checked (JWKS unreachable). */
  tryAgainLater: 1013,
} as const;

// setTimeout cannot wait longer than this; longer-lived tokens are rechecked when it fires.
const MAX_TIMER_MS = 2_147_483_647;

/** What graphql-ws hands `onConnect`: the parameters of connection_init and the raw socket. */
export interface ConnectingSocket {
  readonly connectionParams?: Readonly<Record<string, unknown>> | undefined;
  readonly extra: { readonly socket: WebSocket; state?: ConnectionState };
}

/**
 * The sockets accepted right now: who holds them (bounded per viewer) and their subscriptions.
 * `connect` is graphql-ws's `onConnect`: the gate names the viewer from the token in
 * `connection_init`, and the socket closes when the token expires.
 */
export class SocketConnections {
  private readonly perViewer = new Map<string, number>();
  private readonly accepted = new Set<ConnectionState>();

  constructor(
    private readonly options: {
      readonly gate: RequestGate;
      readonly logger: Logger;
      readonly maxConnectionsPerViewer: number;
    },
  ) {}

  counts(): { connections: number; subscriptions: number } {
    let subscriptions = 0;
    for (const state of this.accepted) subscriptions += state.subscriptions?.size ?? 0;
    return { connections: this.accepted.size, subscriptions };
  }

  async connect(ctx: ConnectingSocket): Promise<boolean> {
    const { logger } = this.options;
    const state: ConnectionState = {};
    ctx.extra.state = state;
    const authorization = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
    if (authorization !== undefined && typeof authorization !== "string") {
      // An array or an object is not a token: taking it as anonymous would hide a client bug.
      logger.info({ reason: "authorization is not a string" }, "socket refused: bad token");
      return false;
    }
    const identity = await this.identify(authorization, ctx.extra.socket);
    // The socket may have closed while the token was checked (a JWKS fetch): counting it now
    // would hold a slot that nothing releases.
    if (!identity || ctx.extra.socket.readyState !== WebSocket.OPEN) return false;
    if (!this.take(identity.viewer, ctx.extra.socket)) return false;
    state.viewer = identity.viewer;
    state.subscriptions = new Set();
    this.accepted.add(state);
    // On the socket's own close, not graphql-ws's onClose: that one waits for every live
    // subscription's return(), which an async generator parked on its next change defers.
    ctx.extra.socket.once("close", () => this.release(state));
    if (identity.expiresAtMs !== undefined) this.closeOnExpiry(state, identity.expiresAtMs, ctx.extra.socket);
    return true;
  }

  /** The identity, or undefined once the refusal is logged (and the socket closed where it says why). */
  private async identify(
    authorization: string | undefined,
    socket: WebSocket,
  ): Promise<Identity | undefined> {
    try {
      return await this.options.gate.identify(authorization);
    } catch (error) {
      if (error instanceof AuthenticationUnavailableError) {
        this.options.logger.error({ err: error }, "socket refused: the JWKS cannot be fetched");
        socket.close(CLOSE.tryAgainLater, "Sign-in cannot be checked right now; retry later");
        return undefined;
      }
      if (!(error instanceof AuthenticationError)) throw error;
      this.options.logger.info({ reason: error.message }, "socket refused: bad token");
      return undefined; // graphql-ws closes with 4403 Forbidden
    }
  }

  /** Counts the connection against the viewer's bound; closes it (4429) when the bound is reached. */
  private take(viewer: Viewer, socket: WebSocket): boolean {
    if (viewer.kind !== "user") return true;
    const open = this.perViewer.get(viewer.id) ?? 0;
    if (open >= this.options.maxConnectionsPerViewer) {
      socket.close(CLOSE.tooManyConnections, "Too many connections for this viewer");
      return false;
    }
    this.perViewer.set(viewer.id, open + 1);
    return true;
  }

  private release(state: ConnectionState): void {
    clearTimeout(state.expiryTimer);
    this.accepted.delete(state);
    const viewer = state.viewer;
    if (viewer?.kind !== "user") return;
    const left = (this.perViewer.get(viewer.id) ?? 1) - 1;
    if (left <= 0) this.perViewer.delete(viewer.id);
    else this.perViewer.set(viewer.id, left);
  }

  private closeOnExpiry(state: ConnectionState, expiresAtMs: number, socket: WebSocket): void {
    const closeWhenExpired = (): void => {
      const leftMs = expiresAtMs - Date.now();
      if (leftMs > 0) {
        state.expiryTimer = setTimeout(closeWhenExpired, Math.min(leftMs, MAX_TIMER_MS));
        return;
      }
      socket.close(CLOSE.unauthorized, "Token expired");
    };
    closeWhenExpired();
  }
}
