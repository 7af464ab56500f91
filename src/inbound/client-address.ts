import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/**
 * Which proxies in front of the gateway may name the client in `X-Forwarded-For`: none (the
 * socket's peer is the client), the nearest `n` hops, or proxies by address, CIDR or the names
 * `loopback`, `linklocal` and `uniquelocal`. Anonymous viewers are rate-limited per address, so
 * behind a load balancer with no trust they would all share the balancer's budget.
 */
export type TrustProxy = number | readonly string[] | undefined;

/** The `trust` function of proxy-addr (which Express uses for `req.ip`) for a setting. */
export function trustFunction(setting: TrustProxy): (address: string, hop: number) => boolean {
  if (setting === undefined) return () => false;
  if (typeof setting === "number") return (_address, hop) => hop < setting;
  return proxyaddr.compile([...setting]);
}

/** The client's address for a request, by the trust given; the peer's address when unknown. */
export function clientAddress(
  request: IncomingMessage,
  trust: (address: string, hop: number) => boolean,
): string {
  if (!request.socket.remoteAddress) return "?";
  return proxyaddr(request, trust);
}
