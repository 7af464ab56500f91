import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseUrl } from "node:url";
import { type ApolloServer, HeaderMap } from "@apollo/server";
import { LRUCache } from "lru-cache";
import type express from "express";
import type { Logger, ResponseReuse, ReusableResponse, Viewer } from "../domain/index.js";
import type { GatewayContext } from "../resolvers/context.js";
import type { TrustedDocuments } from "./trusted-documents.js";

/**
 * The HTTP side of response reuse (docs/decisions/response-reuse.md). For a POST of JSON whose
 * document is sent as text or as a manifest hash, the request's context is made first, exactly as
 * Apollo would make it (the token checked, the rate limit spent), then:
 * - an answer stored for this viewer and this exact request, unchanged since, is written as it went
 *   out the first time (status, headers, bytes) without running GraphQL;
 * - otherwise Apollo runs the request with that context, and the answer is stored when every
 *   resolver vouched for it and nothing changed meanwhile.
 * A refused context (401, 429, 503) and every other request go on to Apollo's own middleware as
 * before, with the context already made, so the rate limit is never spent twice.
 *
 * A stored answer was accepted by the whole pipeline (parse, validation, limits, the trusted
 * documents check) for the same document text, operation and variables; those checks depend on
 * nothing else, so they hold for the same request again.
 */
export interface ResponseReuseEdgeOptions {
  readonly reuse: ResponseReuse;
  readonly apollo: ApolloServer<GatewayContext>;
  readonly contextFor: (
    authorization: string | undefined,
    address: string | undefined,
  ) => Promise<GatewayContext>;
  readonly trusted: TrustedDocuments;
  /** Called for every reused answer, as `home` and `section` call it for the viewer. */
  readonly touch?: (viewer: Viewer) => void;
  readonly logger: Logger;
  /** Shared with the early path, so both store and look up answers under the same keys. */
  readonly requestKeys: RequestKeys;
}

const prepared = new WeakMap<IncomingMessage, Promise<GatewayContext>>();

/** The context this edge already made for the request (refused or not), for Apollo's middleware. */
export function preparedContext(request: IncomingMessage): Promise<GatewayContext> | undefined {
  const context = prepared.get(request);
  prepared.delete(request);
  return context;
}

/** What the early path (src/inbound/early-reuse.ts) found out before it passed a request on to express. */
export interface EarlyOutcome {
  readonly requestKey: string;
  readonly context: Promise<GatewayContext>;
  /** The stored answers were looked up (and missed): the edge goes straight to Apollo. */
  readonly lookedUp: boolean;
}

const early = new WeakMap<IncomingMessage, EarlyOutcome>();

/** Hands the request's key and context to the edge, so the token, the rate limit and the lookup happen once. */
export function passEarlyOutcome(request: IncomingMessage, outcome: EarlyOutcome): void {
  early.set(request, outcome);
}

/**
 * Short stand-ins for request keys, which hold the whole document text (kilobytes): the stored
 * answers are keyed by the viewer and the stand-in, so a lookup hashes a few bytes, not the
 * document. A stand-in is never given to two request keys (a counter); a request key forgotten
 * for room gets a new one, and answers stored under the old one are no longer found (they end
 * with their TTL or for room, as any other).
 */
export class RequestKeys {
  private readonly ids: LRUCache<string, string>;
  private next = 0;

  constructor(options: { readonly max?: number } = {}) {
    this.ids = new LRUCache({ max: options.max ?? 10_000 });
  }

  /** The key of the stored answer to a request: the viewer's, then the request's own stand-in. */
  reuseKeyOf(viewer: Viewer, requestKey: string): string {
    let id = this.ids.get(requestKey);
    if (id === undefined) {
      id = (++this.next).toString(36);
      this.ids.set(requestKey, id);
    }
    return `${viewerKey(viewer)}\u0000${id}`;
  }
}

/** Middleware to mount right before Apollo's on /graphql, after the body parser. */
export function responseReuseEdge(options: ResponseReuseEdgeOptions): express.RequestHandler {
  const { reuse, apollo, trusted } = options;
  return (req, res, next) => {
    const outcome = early.get(req);
    if (outcome) {
      early.delete(req);
      serve(req, res, next, outcome.requestKey, outcome.context, outcome.lookedUp).catch(next);
      return;
    }
    const requestKey =
      req.method === "POST" ? requestKeyOf(req.body, req.headers.accept, trusted) : undefined;
    if (requestKey === undefined) {
      next();
      return;
    }
    const context = options.contextFor(req.headers.authorization, req.ip);
    serve(req, res, next, requestKey, context, false).catch(next);
  };

  async function serve(
    req: express.Request,
    res: express.Response,
    next: express.NextFunction,
    requestKey: string,
    contextPromise: Promise<GatewayContext>,
    lookedUp: boolean,
  ): Promise<void> {
    let context: GatewayContext;
    try {
      context = await contextPromise;
    } catch {
      // Refused (token, rate limit): Apollo answers it as it always has, from this same outcome.
      prepared.set(req, contextPromise);
      next();
      return;
    }
    const viewer = context.viewer;
    const key = options.requestKeys.reuseKeyOf(viewer, requestKey);
    const stored = lookedUp ? undefined : reuse.lookup(viewer, key);
    if (stored) {
      options.touch?.(viewer);
      writeReused(res, stored);
      return;
    }
    const ticket = reuse.ticket(viewer);
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: httpRequestOf(req),
      context: async () => ({ ...context, reuse: ticket }),
    });
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind !== "complete") {
      for await (const chunk of answer.body.asyncIterator) res.write(chunk);
      res.end();
      return;
    }
    const body = answer.body.string;
    res.send(body);
    // Only whole successful answers: errors, even partial ones, are never replayed.
    if (res.statusCode !== 200 || !body.startsWith('{"data":')) return;
    // As express sent it: Apollo's headers, then its length and ETag (set by res.send).
    const headers: Record<string, string> = Object.fromEntries(answer.headers);
    const bytes = Buffer.from(body, "utf8");
    headers["content-length"] = String(bytes.byteLength);
    const etag = res.getHeader("etag");
    if (typeof etag === "string") headers.etag = etag;
    reuse.keep(key, ticket, { status: 200, headers, body: bytes });
  }
}

/** Straight to node:http: the bytes are final, so express's send (encoding, length, ETag) has nothing to do. */
export function writeReused(res: ServerResponse, response: ReusableResponse): void {
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}

function viewerKey(viewer: Viewer): string {
  return viewer.kind === "user" ? `u:${viewer.id}` : "anonymous";
}

/**
 * What identifies the request beyond its viewer, when it may be reused: the document (its text, or
 * a manifest hash), the operation name, the variables and the Accept header (Apollo's content
 * negotiation answers by it), for a POST whose parsed body is `body`. Undefined for anything else: GET (Apollo's CSRF rules look at it),
 * batches, other extensions, hashes registered at run time (a registration may lapse).
 */
export function requestKeyOf(
  body: unknown,
  accept: string | undefined,
  trusted: TrustedDocuments,
): string | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const { query, operationName, variables, extensions } = body as Record<string, unknown>;
  let document: string;
  if (extensions === undefined || extensions === null) {
    if (typeof query !== "string") return undefined;
    document = `q:${query}`;
  } else {
    const persisted = (extensions as { persistedQuery?: unknown }).persistedQuery as
      { version?: unknown; sha256Hash?: unknown } | undefined;
    if (
      query !== undefined ||
      typeof extensions !== "object" ||
      Object.keys(extensions).length !== 1 ||
      persisted?.version !== 1 ||
      typeof persisted.sha256Hash !== "string" ||
      trusted.document(persisted.sha256Hash) === undefined
    ) {
      return undefined;
    }
    document = `h:${persisted.sha256Hash}`;
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string") {
    return undefined;
  }
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== "object" || Array.isArray(variables))
  ) {
    return undefined;
  }
  return `${accept ?? ""}\u0000${operationName ?? ""}\u0000${JSON.stringify(variables ?? null)}\u0000${document}`;
}

/** As @as-integrations/express5 builds it. */
function httpRequestOf(req: express.Request) {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return {
    method: req.method.toUpperCase(),
    headers,
    search: parseUrl(req.url).search ?? "",
    body: req.body as unknown,
  };
}
