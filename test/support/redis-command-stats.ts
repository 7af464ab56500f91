import type { Redis } from "ioredis";

/** Calls per command since the server started, from `INFO commandstats` (e.g. "mget", "client|kill"). */
export async function commandCalls(admin: Redis): Promise<Map<string, number>> {
  const info = await admin.info("commandstats");
  const calls = new Map<string, number>();
  for (const line of info.split(/\r?\n/)) {
    const match = /^cmdstat_([^:]+):calls=(\d+)/.exec(line);
    if (match?.[1] && match[2]) calls.set(match[1], Number(match[2]));
  }
  return calls;
}

/**
 * Runs `action` and answers which commands the server executed meanwhile, by name, leaving out the
 * INFO calls that measure it. Nothing else may use the server during `action`.
 */
export async function commandsDuring(
  admin: Redis,
  action: () => Promise<unknown>,
): Promise<Record<string, number>> {
  const before = await commandCalls(admin);
  await action();
  const after = await commandCalls(admin);
  const delta: Record<string, number> = {};
  for (const [name, count] of after) {
    const difference = count - (before.get(name) ?? 0);
    if (name !== "info" && difference > 0) delta[name] = difference;
  }
  return delta;
}
