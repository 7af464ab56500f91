import {
  DEAD_LETTER_EXCERPT_BYTES,
  ENTRY_OVERHEAD_BYTES,
  type StreamContext,
  UPDATE_EVENT_FIELD,
} from "./settings.js";
import { type StreamEntry, entriesOf } from "./replies.js";

/** One non-blocking read returns entries up to about this many bytes (plus one entry). */
const READ_BUDGET_BYTES = 1024 * 1024;

/**
 * Reads up to COUNT entries one at a time inside Redis, for a new read (`>`), this consumer's
 * pending entries after a cursor, or an idle claim (XAUTOCLAIM), and returns each entry with its
 * fields, except an oversize one, which comes back as its sizes and an excerpt of its event: its
 * body never leaves Redis. Stops once the bytes looked at reach the budget, so a reply stays small
 * whatever the backlog (a 10 MB entry costs one call, not a 10 MB reply per batch of 100).
 * Replies { cursor, entries: [id, fields|false, [eventBytes, entryBytes, excerpt]?][], finished }.
 */
const BOUNDED_READ_SCRIPT = `
local stream = KEYS[1]
local group, consumer, mode, cursor = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local count, maxEventBytes, maxEntryBytes = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local budget, minIdle, field, excerptBytes = tonumber(ARGV[8]), ARGV[9], ARGV[10], tonumber(ARGV[11])
local entries, looked, finished = {}, 0, 0
for _ = 1, count do
  local entry
  if mode == 'new' then
    local reply = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', 1, 'STREAMS', stream, '>')
    if not reply then finished = 1 break end
    entry = reply[1][2][1]
  elseif mode == 'pending' then
    local reply = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', 1, 'STREAMS', stream, cursor)
    entry = reply and reply[1][2][1]
    if not entry then finished = 1 break end
    cursor = entry[1]
  else
    local reply = redis.call('XAUTOCLAIM', stream, group, consumer, minIdle, cursor, 'COUNT', 1)
    cursor = reply[1]
    entry = reply[2][1]
  end
  if entry then
    local fields = entry[2]
    if not fields then
      entries[#entries + 1] = { entry[1], false }
    else
      local entryBytes, eventBytes, event = 0, 0, nil
      for index = 1, #fields do entryBytes = entryBytes + #fields[index] end
      for index = 1, #fields - 1, 2 do
        if fields[index] == field then event = fields[index + 1] eventBytes = #event break end
      end
      looked = looked + entryBytes
      if eventBytes > maxEventBytes or entryBytes > maxEntryBytes then
        local excerpt = event and string.sub(event, 1, excerptBytes) or ''
        entries[#entries + 1] = { entry[1], false, { eventBytes, entryBytes, excerpt } }
      else
        entries[#entries + 1] = entry
      end
    end
  end
  if mode == 'claim' and cursor == '0-0' then finished = 1 break end
  if looked >= budget then break end
end
return { cursor, entries, finished }
`;

export type BoundedReadMode = "new" | "pending" | "claim";

/** One call of {@link BOUNDED_READ_SCRIPT}. */
export async function boundedRead(
  { redis, settings }: Pick<StreamContext, "redis" | "settings">,
  mode: BoundedReadMode,
  cursor: string,
  count: number,
): Promise<{ cursor: string; entries: StreamEntry[]; finished: boolean }> {
  const reply = (await redis.eval(
    BOUNDED_READ_SCRIPT,
    1,
    settings.stream,
    settings.group,
    settings.consumer,
    mode,
    cursor,
    count,
    settings.maxEventBytes,
    settings.maxEventBytes + ENTRY_OVERHEAD_BYTES,
    READ_BUDGET_BYTES,
    settings.claimIdleMs,
    UPDATE_EVENT_FIELD,
    DEAD_LETTER_EXCERPT_BYTES,
  )) as [unknown, unknown, unknown];
  return { cursor: String(reply[0]), entries: entriesOf(reply[1]), finished: reply[2] === 1 };
}
