/**
 * Appends `entry` to a fake's record of calls, keeping the latest `limit`: tests read the record,
 * and the embedded demo, which runs the same fakes for as long as it is up, must not grow without
 * end. Trims in steps, so an append costs O(1) on average.
 */
export function appendBounded<T>(log: T[], entry: T, limit = 10_000): void {
  log.push(entry);
  if (log.length > 2 * limit) log.splice(0, log.length - limit);
}
