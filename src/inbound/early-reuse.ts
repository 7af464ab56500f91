import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type express from "express";
import type { Logger as PinoLogger } from "pino";
import type { EdgeMetrics, ResponseReuse, Viewer } from "../domain/index.js";
import type { GatewayContext } from "../resolvers/context.js";
import { clientAddress } from "./client-address.js";
import { type RequestKeys, passEarlyOutcome, requestKeyOf, writeReused } from "./response-reuse-http.js";
import type { TrustedDocuments } from "./trusted-documents.js";

/**
 * Reused answers served from node's `request` event, before express (docs/decisions/response-reuse.md).
 * A warm `home` answered from the response cache spent most of its CPU in express's router, the
 * body parser and pino-http's per-request child loggers, none of which has anything to do for it.
 *
 * This path takes only a `POST /graphql` whose headers say plain JSON (no content encoding, a
 * length within the body limit); it reads the body, makes the context exactly as the express path
 * does (the token checked, the rate limit spent, by the client address express would see), looks
 * the answer up and, on a hit, writes it with the headers the express path writes (CORS by the same
 * middleware, then the stored status, headers and bytes), counts it in the request metrics and logs
 * it at the level pino-http would. Everything else goes on to express, unchanged: the body is
 * handed to the body parser as it arrived, and a refused context or a missed lookup goes with the
 * request, so the token, the rate limit and the lookup are never done twice.
 */
export interface EarlyReuseOptions {
  readonly reuse: ResponseReuse;
  readonly contextFor: (
    authorization: string | undefined,
    address: string | undefined,
  ) => Promise<GatewayContext>;
  readonly trusted: TrustedDocuments;
  readonly touch: (viewer: Viewer) => void;
  /** Which proxies may name the client (express's `trust proxy`). */
  readonly trust: (address: string, hop: number) => boolean;
  /** The CORS middleware of /graphql: it sets the same headers here. */
  readonly cors: express.RequestHandler;
  readonly bodyLimitBytes: number;
  readonly edgeMetrics?: EdgeMetrics | undefined;
  readonly logger: PinoLogger;
  /** The request ids pino-http gives (shared, so that both paths number requests alike). */
  readonly requestId: (req: IncomingMessage) => number | string;
  /** The stand-ins of request keys, shared with the express path's edge. */
  readonly requestKeys: RequestKeys;
  /** Everything this path does not answer: the express app. */
  readonly fallback: (req: IncomingMessage, res: ServerResponse) => void;
}

/** When a request arrived, for the express path's request metrics of a request this path passed on. */
const arrivals = new WeakMap<IncomingMessage, number>();
/** The body this path read off a request it then passed on, for the body parser. */
const bodies = new WeakMap<IncomingMessage, Buffer>();

/** performance.now() when the request arrived, if this path saw it first. */
export function arrivedAt(req: IncomingMessage): number | undefined {
  return arrivals.get(req);
}

/**
 * The JSON body parser of /graphql, for requests whose body this path already read: the parser
 * reads the same bytes from a stream of them, so its answer (the body, or its 400/413/415) is the
 * one it gives a request straight from the socket.
 */
export function bodyParserAfterEarlyReuse(parser: express.RequestHandler): express.RequestHandler {
  return (req, res, next) => {
    const body = bodies.get(req);
    if (body === undefined) {
      parser(req, res, next);
      return;
    }
    bodies.delete(req);
    const replay = Object.assign(Readable.from([body], { objectMode: false }), { headers: req.headers });
    parser(replay as unknown as express.Request, res, (error?: unknown) => {
      req.body = (replay as unknown as { body?: unknown }).body;
      next(error);
    });
  };
}

/** The `request` listener of the HTTP server: reused answers here, everything else to express. */
export function earlyReuse(options: EarlyReuseOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const early = new EarlyReuse(options);
  return (req, res) => early.listen(req, res);
}

class EarlyReuse {
  private readonly known = new KnownBodies();

  constructor(private readonly options: EarlyReuseOptions) {}

  listen(req: IncomingMessage, res: ServerResponse): void {
    const { options } = this;
    if (!this.takes(req)) {
      options.fallback(req, res);
      return;
    }
    const startedMs = performance.now();
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("error", () => {
      // The client went away mid-body: express and the body parser answer it as they would have.
      req.removeAllListeners("data");
      arrivals.set(req, startedMs);
      options.fallback(req, res);
    });
    req.once("end", () => {
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      this.answer(req, res, body, startedMs).catch((error: unknown) => {
        if (res.headersSent) {
          options.logger.error({ err: error }, "early response reuse failed while writing");
          res.destroy();
          return;
        }
        options.logger.error({ err: error }, "early response reuse failed; passing the request on");
        this.passOn(req, res, body, startedMs);
      });
    });
  }

  /** Headers only: a POST of plain JSON to /graphql, of a known length within the limit. */
  private takes(req: IncomingMessage): boolean {
    if (req.method !== "POST" || req.url !== "/graphql") return false;
    const headers = req.headers;
    if (headers["content-encoding"] !== undefined || headers["transfer-encoding"] !== undefined) return false;
    const type = headers["content-type"]?.toLowerCase();
    if (type !== "application/json" && type !== "application/json; charset=utf-8") return false;
    const length = Number(headers["content-length"]);
    if (!(length > 0 && length <= this.options.bodyLimitBytes)) return false;
    return req.socket.remoteAddress !== undefined;
  }

  private async answer(
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    startedMs: number,
  ): Promise<void> {
    const { options, known } = this;
    const accept = req.headers.accept;
    let requestKey = known.requestKeyOf(body, accept);
    if (requestKey === undefined) {
      requestKey = requestKeyOf(parsed(body), accept, options.trusted);
      if (requestKey !== undefined) known.add(body, accept, requestKey);
    }
    if (requestKey === undefined) {
      this.passOn(req, res, body, startedMs);
      return;
    }
    const context = options.contextFor(req.headers.authorization, clientAddress(req, options.trust));
    let viewer: Viewer;
    try {
      viewer = (await context).viewer;
    } catch {
      // Refused (token, rate limit): Apollo answers it as it always has, from this same outcome.
      passEarlyOutcome(req, { requestKey, context, lookedUp: false });
      this.passOn(req, res, body, startedMs);
      return;
    }
    const stored = options.reuse.lookup(viewer, options.requestKeys.reuseKeyOf(viewer, requestKey));
    if (!stored) {
      passEarlyOutcome(req, { requestKey, context, lookedUp: true });
      this.passOn(req, res, body, startedMs);
      return;
    }
    options.touch(viewer);
    this.measure(req, res, startedMs);
    let corsPassed = false;
    options.cors(req as express.Request, res as express.Response, (error?: unknown) => {
      corsPassed = error === undefined;
    });
    if (!corsPassed) throw new Error("the CORS middleware did not pass a reusable request");
    writeReused(res, stored);
  }

  private passOn(req: IncomingMessage, res: ServerResponse, body: Buffer, startedMs: number): void {
    arrivals.set(req, startedMs);
    bodies.set(req, body);
    this.options.fallback(req, res);
  }

  /** As the express path counts and logs every request: metrics on close, a line at info. */
  private measure(req: IncomingMessage, res: ServerResponse, startedMs: number): void {
    const { edgeMetrics: metrics, logger } = this.options;
    const logged = logger.isLevelEnabled("info");
    if (!metrics && !logged) return;
    const id = logged ? this.options.requestId(req) : 0;
    res.once("close", () => {
      const durationMs = performance.now() - startedMs;
      metrics?.httpRequest({ route: "graphql", method: "POST", status: res.statusCode, durationMs });
      if (logged) {
        // pino-http's line, without the request headers (they hold the token).
        logger.info(
          {
            req: {
              id,
              method: "POST",
              url: "/graphql",
              remoteAddress: req.socket.remoteAddress,
              remotePort: req.socket.remotePort,
            },
            res: { statusCode: res.statusCode },
            responseTime: Math.round(durationMs),
          },
          res.writableFinished ? "request completed" : "request aborted",
        );
      }
    });
  }
}

/** The body as the JSON parser would have it, or undefined (that parser then answers the request). */
function parsed(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

/** Bodies (up to this size) of reusable requests seen lately, at most this many. */
const KNOWN_BODY_MAX_BYTES = 16 * 1024;
const KNOWN_BODIES = 64;

/**
 * The request keys of bodies seen lately: an app sends the same few bodies over and over, and
 * comparing bytes costs less than decoding, parsing and keying them again. The key of a body and
 * an Accept header is always the same (the manifest does not change while the process runs).
 */
class KnownBodies {
  private readonly entries: { body: Buffer; accept: string | undefined; requestKey: string }[] = [];
  private next = 0;

  requestKeyOf(body: Buffer, accept: string | undefined): string | undefined {
    for (const entry of this.entries) {
      if (entry.body.byteLength === body.byteLength && entry.accept === accept && entry.body.equals(body)) {
        return entry.requestKey;
      }
    }
    return undefined;
  }

  add(body: Buffer, accept: string | undefined, requestKey: string): void {
    if (body.byteLength > KNOWN_BODY_MAX_BYTES) return;
    // A copy: the request's chunk may be a slice of a larger pooled buffer.
    const entry = { body: Buffer.from(body), accept, requestKey };
    if (this.entries.length < KNOWN_BODIES) this.entries.push(entry);
    else this.entries[this.next++ % KNOWN_BODIES] = entry;
  }
}
