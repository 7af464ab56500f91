import { isIP } from "node:net";
import { z } from "zod";
import { CodedError } from "./domain/errors.js";
import { L1_DEFAULTS } from "./adapters/lru-l1-cache.js";
import { type ComponentVersionRules, parseComponentVersionRules } from "./ui-components/index.js";

/**
 * Signs page cursors when CURSOR_SECRET is unset. Public, but a cursor carries no authority: a viewer
 * reads only its own sections whatever a cursor says; the signature makes a bad cursor's error precise.
 */
export const DEV_CURSOR_SECRET = "home-gateway-DEVELOPMENT-cursor-secret-set-CURSOR_SECRET";

/** The development secret of the embedded default: public, so any token it signs is worthless. */
export const DEV_JWT_SECRET = "home-gateway-DEVELOPMENT-ONLY-secret-do-not-use-in-production";

const port = z.coerce.number().int().min(0).max(65_535);
const positiveMs = z.coerce.number().int().positive();
const ratio = z.coerce.number().min(0).max(1);
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });
const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((value) => value === "true" || value === "1" || value === "yes");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: port.default(4000),
    HOST: z.string().min(1).default("0.0.0.0"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    JWT_ISSUER: z.string().min(1).optional(),
    CURSOR_SECRET: z.string().min(32, "must be at least 32 characters").default(DEV_CURSOR_SECRET),
    JWT_AUDIENCE: z.string().min(1).optional(),
    JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    JWT_JWKS_URL: httpUrl.optional(),
    JWT_VERIFIED_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
    INTROSPECTION: flag.optional(),
    TRUSTED_DOCUMENTS_ONLY: flag.optional(),
    TRUSTED_DOCUMENTS: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? "")
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean),
      ),
    PLAYGROUND: flag.optional(),
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, context) => parseTrustProxy(value, context)),
    ALLOWED_ORIGINS: z
      .string()
      .optional()
      .transform((value, context) => parseOrigins(value, context)),
    MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
    MAX_ALIASES: z.coerce.number().int().min(0).max(1_000).default(15),
    MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(2_000),
    MAX_COST: z.coerce.number().int().min(100).max(1_000_000).default(20_000),
    MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1_000).default(20),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1_024)
      .max(10 * 1024 * 1024)
      .default(64 * 1024),
    WS_MAX_PAYLOAD_BYTES: z.coerce
      .number()
      .int()
      .min(1_024)
      .max(10 * 1024 * 1024)
      .default(64 * 1024),
    MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).max(1_000).default(10),
    MAX_CONNECTIONS_PER_VIEWER: z.coerce.number().int().min(1).max(10_000).default(20),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
    SOFT_TIMEOUT_MS: positiveMs.max(10_000).default(150),
    L1_TTL_MS: positiveMs.default(10_000),
    L1_MAX_ENTRIES: positiveMs.default(L1_DEFAULTS.maxEntries),
    L1_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024 * 1024, "at least 1 MiB (1048576)")
      .default(L1_DEFAULTS.maxBytes),
    /** How long a whole `home`/`section` answer may be reused for the same viewer and request; 0: off. */
    RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).optional(),
    RESPONSE_CACHE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024 * 1024, "at least 1 MiB (1048576)")
      .default(64 * 1024 * 1024),
    L2_TTL_MS: positiveMs.default(24 * 60 * 60_000),
    GENERIC_REFRESH_MS: positiveMs.default(180_000),
    WEB_BASE_URL: httpUrl.default("https://www.example.com"),
    COMPONENT_VERSION_RULES: z
      .string()
      .optional()
      .transform((value, context) => parseVersionRules(value, context)),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional(),
    REDIS_CLUSTER_NODES: z
      .string()
      .optional()
      .transform((value, context) => parseClusterNodes(value, context)),
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_-]*$/, "letters, digits, ':', '_' or '-'")
      .default("hg:"),
    REDIS_COMMAND_TIMEOUT_MS: positiveMs.max(10_000).default(100),
    PRODUCT_SERVICES: z
      .string()
      .optional()
      .transform((value, context) => parseServices(value, context)),
    RECOMMENDATIONS_URL: httpUrl.optional(),
    UPSTREAM_TIMEOUT_MS: positiveMs.max(60_000).default(2_000),
    DEMO_LATENCY_MS: z.coerce.number().int().min(0).max(10_000).default(60),
    DEMO_FAILURE_RATE: ratio.default(0.02),
    DEMO_UPDATE_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
    UPDATE_STREAM: z.string().min(1).max(200).default("hg:updates"),
    SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
    SHUTDOWN_TIMEOUT_MS: positiveMs.max(300_000).default(15_000),
    UPDATE_STREAM_PARTITIONS: z.coerce.number().int().min(1).max(1_024).default(1),
    UPDATE_GROUP: z.string().min(1).max(200).default("home-gateway"),
    UPDATE_BLOCK_MS: positiveMs.min(100).max(60_000).default(2_000),
    UPDATE_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(100),
    UPDATE_CLAIM_IDLE_MS: positiveMs.min(1_000).default(30_000),
    UPDATE_MAX_EVENT_BYTES: z.coerce
      .number()
      .int()
      .min(1_024)
      .max(10 * 1024 * 1024)
      .default(64 * 1024),
    ACTIVE_VIEWER_WINDOW_MS: z.coerce
      .number()
      .int()
      .refine((value) => value === 0 || value > 60_000, "must be 0 (off) or more than 60000")
      .default(0),
    ACTIVE_VIEWER_MODE: z.enum(["drop", "measure"]).default("drop"),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === "production" && !env.JWT_SECRET && !env.JWT_JWKS_URL) {
      context.addIssue({
        code: "custom",
        path: ["JWT_SECRET"],
        message: "JWT_SECRET (HS256) or JWT_JWKS_URL (RS256/ES256) is required when NODE_ENV=production",
      });
    }
    if (env.NODE_ENV === "production" && env.JWT_SECRET === DEV_JWT_SECRET) {
      context.addIssue({
        code: "custom",
        path: ["JWT_SECRET"],
        message: "is the public development secret: anyone can sign tokens with it; set your own",
      });
    }
    if (env.RESPONSE_CACHE_TTL_MS !== undefined && env.RESPONSE_CACHE_TTL_MS > env.L1_TTL_MS) {
      context.addIssue({
        code: "custom",
        path: ["RESPONSE_CACHE_TTL_MS"],
        message: `must be at most L1_TTL_MS (${env.L1_TTL_MS}): a reused answer must not outlive the L1 entries it was built from`,
      });
    }
    if (env.REDIS_URL !== undefined && env.REDIS_CLUSTER_NODES !== undefined) {
      context.addIssue({
        code: "custom",
        path: ["REDIS_CLUSTER_NODES"],
        message:
          "REDIS_URL (one Redis) and REDIS_CLUSTER_NODES (a Redis Cluster) exclude each other: set one of them",
      });
    }
    if ((env.PRODUCT_SERVICES === undefined) !== (env.RECOMMENDATIONS_URL === undefined)) {
      context.addIssue({
        code: "custom",
        path: ["PRODUCT_SERVICES"],
        message:
          "PRODUCT_SERVICES and RECOMMENDATIONS_URL go together: set both for real upstreams, or neither for the demo",
      });
    }
  });

/** Where and how to reach a Redis Cluster (REDIS_CLUSTER_NODES). */
export interface RedisClusterConfig {
  readonly nodes: readonly { readonly host: string; readonly port: number }[];
  readonly username: string | undefined;
  readonly password: string | undefined;
  readonly tls: boolean;
}

/**
 * `host:port,host:port,...`; an entry may also be a `redis://` or `rediss://` URL, which brings
 * credentials and TLS as in REDIS_URL (they then apply to every node, so URL entries must agree).
 */
function parseClusterNodes(
  value: string | undefined,
  context: z.RefinementCtx,
): RedisClusterConfig | undefined {
  if (value === undefined) return undefined;
  const nodes: { host: string; port: number }[] = [];
  const schemes = new Set<string>();
  const credentials = new Set<string>();
  let username: string | undefined;
  let password: string | undefined;
  for (const entry of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const url = /^rediss?:\/\//.test(entry) ? URL.parse(entry) : URL.parse(`redis://${entry}`);
    const port = Number(url?.port);
    if (
      !url ||
      !url.hostname ||
      !Number.isInteger(port) ||
      port < 1 ||
      port > 65_535 ||
      url.pathname.length > 1
    ) {
      context.addIssue({
        code: "custom",
        message: `"${redactCredentials(entry)}" is not host:port or a redis:// URL with a port`,
      });
      return z.NEVER;
    }
    nodes.push({ host: url.hostname.replace(/^\[|\]$/g, ""), port });
    if (/^rediss?:\/\//.test(entry)) {
      schemes.add(url.protocol);
      username = url.username ? decodeURIComponent(url.username) : undefined;
      password = url.password ? decodeURIComponent(url.password) : undefined;
      credentials.add(`${url.username}:${url.password}`);
    }
  }
  if (nodes.length === 0) {
    context.addIssue({ code: "custom", message: "names no node; give host:port,host:port,..." });
    return z.NEVER;
  }
  if (schemes.size > 1 || credentials.size > 1) {
    context.addIssue({
      code: "custom",
      message:
        "the URL entries disagree on redis:// or rediss://, or on credentials; one cluster has one of each",
    });
    return z.NEVER;
  }
  return { nodes, username, password, tls: schemes.has("rediss:") };
}

function redactCredentials(entry: string): string {
  return entry.replace(/\/\/[^@/]*@/, "//***@");
}

function parseOrigins(value: string | undefined, context: z.RefinementCtx): string[] | undefined {
  if (value === undefined) return undefined;
  const origins = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (URL.parse(origin)?.origin !== origin) {
      context.addIssue({
        code: "custom",
        message: `"${origin}" is not an origin like https://app.example.com`,
      });
      return z.NEVER;
    }
  }
  return origins;
}

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** "false" or unset: none; a number: that many hops; else proxies by address, CIDR or name. */
function parseTrustProxy(value: string | undefined, context: z.RefinementCtx): number | string[] | undefined {
  const text = value?.trim() ?? "";
  if (text === "" || text === "false" || text === "0") return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  if (text === "true") {
    context.addIssue({
      code: "custom",
      message:
        "trusting every proxy lets any client choose its address: give the number of proxies in front of the gateway, or their addresses",
    });
    return z.NEVER;
  }
  const entries = text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = "", prefix, extra] = entry.split("/");
    const version = isIP(address);
    const maxPrefix = version === 4 ? 32 : 128;
    const prefixOk =
      prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= maxPrefix) || isIP(prefix) === 4;
    if (!PROXY_NAMES.has(entry) && (version === 0 || !prefixOk || extra !== undefined)) {
      context.addIssue({
        code: "custom",
        message: `"${entry}" is not an address, a CIDR range, loopback, linklocal or uniquelocal`,
      });
      return z.NEVER;
    }
  }
  return entries;
}

function parseVersionRules(value: string | undefined, context: z.RefinementCtx): ComponentVersionRules {
  if (value === undefined) return new Map();
  try {
    return parseComponentVersionRules(JSON.parse(value));
  } catch (error) {
    context.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
    return z.NEVER;
  }
}

function parseServices(value: string | undefined, context: z.RefinementCtx): Map<string, string> | undefined {
  if (value === undefined) return undefined;
  const services = new Map<string, string>();
  for (const pair of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([a-z][a-z0-9-]*)=(https?:\/\/\S+)$/.exec(pair);
    if (!match) {
      context.addIssue({ code: "custom", message: `"${pair}" is not name=http(s)://url` });
      return z.NEVER;
    }
    services.set(match[1] as string, match[2] as string);
  }
  return services;
}

export type Config = Omit<z.infer<typeof schema>, "RESPONSE_CACHE_TTL_MS"> & {
  /** True when the JWT secret is the public development one. */
  readonly usingDevSecret: boolean;
  /** How long an answer may be reused: as set, else 5 s or the L1 TTL if that is shorter. */
  readonly RESPONSE_CACHE_TTL_MS: number;
  /** The HS256 secret; absent when only JWKS (RS256/ES256) tokens are accepted. */
  readonly jwtSecret: string | undefined;
  readonly introspection: boolean;
  readonly playground: boolean;
  /** Only manifest operations are accepted (TRUSTED_DOCUMENTS_ONLY, on by default in production). */
  readonly trustedDocumentsOnly: boolean;
};

export class ConfigError extends CodedError<"INVALID_CONFIGURATION"> {
  constructor(readonly problems: readonly string[]) {
    super(
      "INVALID_CONFIGURATION",
      `Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`,
    );
  }
}

const DEFAULT_RESPONSE_CACHE_TTL_MS = 5_000;

/** Reads and validates the environment; a bad value names its variable and what it expects. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
    );
  }
  const value = parsed.data;
  return {
    ...value,
    RESPONSE_CACHE_TTL_MS:
      value.RESPONSE_CACHE_TTL_MS ?? Math.min(DEFAULT_RESPONSE_CACHE_TTL_MS, value.L1_TTL_MS),
    usingDevSecret: value.JWT_SECRET === undefined && value.JWT_JWKS_URL === undefined,
    jwtSecret: value.JWT_SECRET ?? (value.JWT_JWKS_URL ? undefined : DEV_JWT_SECRET),
    introspection: value.INTROSPECTION ?? value.NODE_ENV !== "production",
    playground: value.PLAYGROUND ?? value.NODE_ENV !== "production",
    trustedDocumentsOnly: value.TRUSTED_DOCUMENTS_ONLY ?? value.NODE_ENV === "production",
  };
}
