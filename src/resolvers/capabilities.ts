import {
  BASELINE_ACTIONS,
  BASELINE_CAPABILITIES,
  BASELINE_COMPONENTS,
  type Capabilities,
  type ComponentVersionRules,
  applyVersionRules,
} from "../ui-components/index.js";
import type { ReuseTicket } from "../domain/index.js";
import type { TileFault } from "../ui-components/index.js";
import type { ClientCapabilitiesInput } from "./types.js";

/**
 * What the client declared, plus the baseline every client renders, less what its app version is
 * too old for under the configured rules.
 */
export function capabilitiesOf(
  input: ClientCapabilitiesInput | null | undefined,
  rules: ComponentVersionRules,
): Capabilities {
  if (!input) return BASELINE_CAPABILITIES;
  return applyVersionRules(
    {
      platform: input.platform,
      appVersion: input.appVersion,
      components: new Set([...BASELINE_COMPONENTS, ...input.components]),
      actions: new Set([...BASELINE_ACTIONS, ...input.actions]),
      ...(input.updates && { updates: new Set(input.updates) }),
    },
    rules,
  );
}

/** A tile that became a placeholder is reported as always, and its answer is not kept for reuse. */
export function refusingOnFault(
  reuse: ReuseTicket,
  report: (fault: TileFault) => void,
): (fault: TileFault) => void {
  return (fault) => {
    reuse.refuse("tile fault");
    report(fault);
  };
}
