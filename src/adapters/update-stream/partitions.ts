import { crc32 } from "node:zlib";
import type { UpdateEvent } from "../../domain/updates.js";

/**
 * The streams of a partitioned update stream: with one partition, `base` itself (`hg:updates`, as
 * always); with N, `{<base>:<i>}` for i in 0..N-1. The braces make the whole name a Redis Cluster
 * hash tag, so each partition, its dead letters (`{<base>:<i>}:dead`) and its consumers' heartbeat
 * keys share one slot, and the partitions spread over the cluster's slots.
 */
export function partitionStreams(base: string, partitions: number): string[] {
  if (!Number.isInteger(partitions) || partitions < 1) {
    throw new RangeError(`partitions must be a positive integer, not ${partitions}`);
  }
  if (partitions === 1) return [base];
  return Array.from({ length: partitions }, (_, index) => `{${base}:${index}}`);
}

/**
 * What an event is ordered by: `u:<user>` for what concerns one viewer (personal, plan, and
 * invalidate with a user), `p:<product>` for what concerns everyone (generic, and invalidate
 * without a user: its first product). Events with the same key go to the same partition, so they
 * are applied in the order they were appended.
 */
export function partitionKeyOf(event: UpdateEvent): string {
  switch (event.kind) {
    case "personal":
    case "plan":
      return `u:${event.user}`;
    case "generic":
      return `p:${event.info.id}`;
    case "invalidate":
      return event.user !== undefined ? `u:${event.user}` : `p:${event.products[0] ?? ""}`;
  }
}

/** The partition of a key: CRC-32 (IEEE, as zlib's) of its UTF-8 bytes, modulo the partition count. */
export function partitionOf(key: string, partitions: number): number {
  return crc32(Buffer.from(key, "utf8")) % partitions;
}

/** The stream a producer appends `event` to. */
export function streamForEvent(event: UpdateEvent, base: string, partitions: number): string {
  const streams = partitionStreams(base, partitions);
  return streams[partitionOf(partitionKeyOf(event), partitions)] as string;
}
