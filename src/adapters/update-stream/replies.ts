/** Parsing what Redis answers the update stream's commands: stream entries, XINFO lists, errors. */

export interface StreamEntry {
  readonly id: string;
  /** Null when the entry was deleted from the stream while pending, or left in Redis as oversize. */
  readonly fields: readonly string[] | null;
  /** Set instead of `fields` for an entry too large to read. */
  readonly oversize?: { readonly eventBytes: number; readonly entryBytes: number; readonly excerpt: string };
}

/** The entries of an XREADGROUP reply for one stream; a timed-out block answers null. */
export function readReplyEntries(reply: unknown): StreamEntry[] {
  if (!Array.isArray(reply)) return [];
  const [first] = reply as unknown[];
  return Array.isArray(first) ? entriesOf(first[1]) : [];
}

export function entriesOf(list: unknown): StreamEntry[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown): StreamEntry[] => {
    if (!Array.isArray(item) || typeof item[0] !== "string") return [];
    const fields: unknown = item[1];
    const oversize: unknown = item[2];
    if (Array.isArray(oversize)) {
      const [eventBytes, entryBytes, excerpt] = oversize as unknown[];
      return [
        {
          id: item[0],
          fields: null,
          oversize: {
            eventBytes: Number(eventBytes),
            entryBytes: Number(entryBytes),
            excerpt: String(excerpt),
          },
        },
      ];
    }
    return [{ id: item[0], fields: Array.isArray(fields) ? fields.map(String) : null }];
  });
}

/** The value of the first field called `name` in a flat [field, value, ...] list. */
export function fieldOf(fields: readonly string[], name: string): string | undefined {
  for (let index = 0; index + 1 < fields.length; index += 2) {
    if (fields[index] === name) return fields[index + 1];
  }
  return undefined;
}

/** XINFO answers flat [key, value, ...] lists. */
export function pairsOf(flat: unknown): Map<string, unknown> {
  const pairs = new Map<string, unknown>();
  if (!Array.isArray(flat)) return pairs;
  for (let index = 0; index + 1 < flat.length; index += 2) pairs.set(String(flat[index]), flat[index + 1]);
  return pairs;
}

export function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
