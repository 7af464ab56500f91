import {
  BASELINE_ACTIONS,
  BASELINE_CAPABILITIES,
  BASELINE_COMPONENTS,
  type Capabilities,
} from "../ui-components/index.js";
import type { ClientCapabilitiesInput } from "./types.js";

/** What the client declared, plus the baseline every client renders. */
export function capabilitiesOf(input: ClientCapabilitiesInput | null | undefined): Capabilities {
  if (!input) return BASELINE_CAPABILITIES;
  return {
    platform: input.platform,
    appVersion: input.appVersion,
    components: new Set([...BASELINE_COMPONENTS, ...input.components]),
    actions: new Set([...BASELINE_ACTIONS, ...input.actions]),
  };
}
