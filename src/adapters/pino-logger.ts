import { pino, type DestinationStream, type Logger as PinoLogger } from "pino";
import type { Logger } from "../domain/index.js";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  readonly level: LogLevel;
  /** One readable line per entry instead of JSON, for a terminal. */
  readonly pretty?: boolean;
  /** Where lines go; stdout by default. Tests pass their own to read what was logged. */
  readonly destination?: DestinationStream;
}

/** Where credentials sit in what the gateway logs: request headers, socket parameters, tokens. */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["proxy-authorization"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  "headers.authorization",
  "headers.cookie",
  "connectionParams",
  "*.connectionParams",
  "authorization",
  "*.authorization",
  "password",
  "*.password",
] as const;
export const REDACTED = "[Redacted]";

/** Redis commands whose arguments are credentials (AUTH password, HELLO ... AUTH user password). */
const SECRET_COMMANDS = new Set(["auth", "hello", "migrate", "acl"]);

/**
 * A pino logger: JSON lines to stdout, errors under `err` with their stack and cause. Credentials
 * are redacted on every path, whoever logs: request headers (pino-http's request serializer logs
 * them all), socket connection parameters, and the arguments of a failed Redis AUTH or HELLO,
 * which ioredis attaches to the error.
 */
export function createLogger(options: LoggerOptions): PinoLogger & Logger {
  const destination = options.destination ?? (options.pretty ? prettyStdout() : pino.destination(1));
  return pino(
    {
      level: options.level,
      serializers: { err: serializeError },
      redact: { paths: [...REDACTED_PATHS], censor: REDACTED },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown;
  return isRecord(serialized) ? withoutSecretArguments(serialized) : serialized;
}

/** The serialized error, with the arguments of credential-carrying commands replaced, causes too. */
function withoutSecretArguments(serialized: Record<string, unknown>): Record<string, unknown> {
  const command = serialized["command"];
  const cause = serialized["cause"];
  let result = serialized;
  if (isRecord(command) && "args" in command) {
    const name = typeof command["name"] === "string" ? command["name"].toLowerCase() : "";
    if (SECRET_COMMANDS.has(name)) result = { ...result, command: { ...command, args: REDACTED } };
  }
  if (isRecord(cause)) result = { ...result, cause: withoutSecretArguments(cause) };
  return result;
}

const LEVEL_NAMES: Readonly<Record<number, string>> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO ",
  40: "WARN ",
  50: "ERROR",
  60: "FATAL",
};

/**
 * A small line formatter in place of pino-pretty, which is not a dependency: time, level, message,
 * then the remaining fields as JSON, and an error's stack on its own lines.
 */
function prettyStdout(): DestinationStream {
  return {
    write(line: string): void {
      process.stdout.write(formatLine(line));
    },
  };
}

function formatLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    // Not pino's JSON: print it untouched rather than lose it.
    return line.endsWith("\n") ? line : `${line}\n`;
  }
  const { time, level, msg, err, pid: _pid, hostname: _hostname, ...fields } = entry;
  const clock = typeof time === "string" ? time.slice(11, 23) : "";
  const levelName = (typeof level === "number" && LEVEL_NAMES[level]) || String(level);
  const rest = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : "";
  const stack =
    isRecord(err) && typeof err.stack === "string" ? `\n    ${err.stack.replaceAll("\n", "\n    ")}` : "";
  return `${clock} ${levelName} ${String(msg ?? "")}${rest}${stack}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
