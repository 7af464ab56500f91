/**
 * The limit of the machine: a bare node:http server answering every request with one recorded
 * gateway response (same bytes, same content headers). Nothing a gateway could do is cheaper.
 * Usage: PORT=<port> node --import tsx bench/limit-server.ts <recorded-response.json>
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

interface RecordedResponse {
  readonly headers: Record<string, string>;
  readonly body: string;
}

const file = process.argv[2];
if (!file) {
  console.error("usage: limit-server.ts <recorded-response.json>");
  process.exit(2);
}
const recorded = JSON.parse(readFileSync(file, "utf8")) as RecordedResponse;
const body = Buffer.from(recorded.body, "utf8");
const headers = { ...recorded.headers, "content-length": String(body.length) };

const server = createServer((request, response) => {
  // Read the request body to its end, as the gateway must, before answering.
  request.resume();
  request.once("end", () => {
    response.writeHead(200, headers);
    response.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1");
process.once("SIGTERM", () => server.close(() => process.exit(0)));
