import type { Clock, Logger } from "../domain/index.js";
import type { TileFault } from "../ui-components/index.js";

/** A fault of the same tile is logged again at most this often. */
const QUIET_MS = 10 * 60_000;
/** Tiles remembered; past this the memory starts over (a few repeated lines, never unbounded). */
const MAX_REMEMBERED = 10_000;

/**
 * Logs each tile replaced by a placeholder once, not once per screen that shows it: one bad event
 * for a generic product would otherwise log a line per anonymous request.
 */
export class TileFaultLog {
  private readonly loggedAtMs = new Map<string, number>();

  constructor(private readonly context: { readonly logger: Logger; readonly clock: Clock }) {}

  readonly report = (fault: TileFault): void => {
    const key = `${fault.tileId}\u0000${fault.reason}`;
    const nowMs = this.context.clock.nowMs();
    const last = this.loggedAtMs.get(key);
    if (last !== undefined && nowMs - last < QUIET_MS) return;
    if (this.loggedAtMs.size >= MAX_REMEMBERED) this.loggedAtMs.clear();
    this.loggedAtMs.set(key, nowMs);
    this.context.logger.error(
      { tile: fault.tileId, product: fault.product, reason: fault.reason, err: fault.cause },
      "tile shown as a placeholder: it could not be completed",
    );
  };
}
