import type { UserId, Viewer } from "./model.js";
import type { CacheKey } from "./ports.js";

/**
 * How a viewer's id (and a product's) becomes part of a key or channel name, in one place.
 *
 * Ids are URI-encoded so that no id can forge another key or move a hash tag. A viewer's keys carry
 * the tag `{u:<user>}` and generic keys `{g}`: to Redis Cluster the part in braces is the hash tag,
 * so all of one viewer's keys live in one slot and are read in one command. Prefixes (per
 * deployment, per test) are the adapters' to add.
 */
export function keyPart(id: string): string {
  return encodeURIComponent(id);
}

/** The hash tag of every key of one viewer. */
export function viewerTag(user: UserId): string {
  return `{u:${keyPart(user)}}`;
}

/** The hash tag of the generic (non-personal) keys. */
export const GENERIC_TAG = "{g}";

export function tagOf(key: CacheKey): string {
  return key.scope === "user" ? viewerTag(key.user) : GENERIC_TAG;
}

/** A product cache entry: `{u:<user>}:p:<product>` or `{g}:p:<product>`. */
export function cacheEntryName(key: CacheKey): string {
  return `${tagOf(key)}:p:${keyPart(key.product)}`;
}

/** When the viewer was last around: `{u:<user>}:active`. */
export function activityName(user: UserId): string {
  return `${viewerTag(user)}:active`;
}

/** The live-tile channel of one viewer, and the one every viewer hears. */
export function viewerChannelName(user: UserId): string {
  return `changes:user:${keyPart(user)}`;
}
export const GENERIC_CHANNEL_NAME = "changes:generic";

/** A rate-limit budget in one window: every key of the window shares its tag, so one sync is one slot. */
export function rateLimitWindowName(window: number, key: string): string {
  return `{rl:${window}}:${key}`;
}

/** Whose request budget a request spends: the viewer's, or its address's when anonymous. */
export function rateLimitKey(viewer: Viewer, address: string | undefined): string {
  return viewer.kind === "user" ? `u:${viewer.id}` : `ip:${address ?? "?"}`;
}
