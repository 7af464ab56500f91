import semver from "semver";
import {
  BASELINE_COMPONENTS,
  COMPONENT_KINDS,
  type Capabilities,
  type ComponentKind,
  PLATFORMS,
  type Platform,
} from "./components.js";

/**
 * The lowest app version, per platform, that renders a component: `MEDIA_TILE` from iOS 5.14.0 and
 * Android 5.12.0, say. A platform a rule does not name has no minimum. Configuration, not code
 * (COMPONENT_VERSION_RULES; docs/decisions/component-version-rules.md).
 */
export type ComponentVersionRules = ReadonlyMap<ComponentKind, Readonly<Partial<Record<Platform, string>>>>;

export const NO_VERSION_RULES: ComponentVersionRules = new Map();

/**
 * Rules from their JSON form, `{ "MEDIA_TILE": { "IOS": "5.14.0", "ANDROID": "5.12.0" } }`; throws a
 * RangeError naming the first bad entry. The baseline cannot be gated: downgrades land on it.
 */
export function parseComponentVersionRules(json: unknown): ComponentVersionRules {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new RangeError('must be a JSON object like {"MEDIA_TILE":{"IOS":"5.14.0"}}');
  }
  const rules = new Map<ComponentKind, Partial<Record<Platform, string>>>();
  for (const [component, minimums] of Object.entries(json)) {
    if (!(COMPONENT_KINDS as readonly string[]).includes(component)) {
      throw new RangeError(`"${component}" is not a component (one of ${COMPONENT_KINDS.join(", ")})`);
    }
    const kind = component as ComponentKind;
    if (BASELINE_COMPONENTS.has(kind)) {
      throw new RangeError(`${kind} is the baseline every client renders: it cannot need an app version`);
    }
    if (minimums === null || typeof minimums !== "object" || Array.isArray(minimums)) {
      throw new RangeError(`${kind}: must map platforms to versions, like {"IOS":"5.14.0"}`);
    }
    const rule: Partial<Record<Platform, string>> = {};
    for (const [platform, version] of Object.entries(minimums as Record<string, unknown>)) {
      if (!(PLATFORMS as readonly string[]).includes(platform)) {
        throw new RangeError(`${kind}: "${platform}" is not a platform (one of ${PLATFORMS.join(", ")})`);
      }
      if (typeof version !== "string" || semver.valid(version) === null) {
        throw new RangeError(`${kind}.${platform}: "${String(version)}" is not a version like 5.14.0`);
      }
      rule[platform as Platform] = version;
    }
    rules.set(kind, rule);
  }
  return rules;
}

/**
 * What the client can render at its app version: what it declared, less every component a rule
 * says its version is too old for. The builders then downgrade those like undeclared ones.
 * Versions compare as semver: 5.14.0-beta.1 is older than 5.14.0.
 */
export function applyVersionRules(capabilities: Capabilities, rules: ComponentVersionRules): Capabilities {
  if (rules.size === 0) return capabilities;
  let components: Set<ComponentKind> | undefined;
  for (const [component, minimums] of rules) {
    const minimum = minimums[capabilities.platform];
    if (minimum === undefined || !capabilities.components.has(component)) continue;
    if (semver.lt(capabilities.appVersion, minimum)) {
      components ??= new Set(capabilities.components);
      components.delete(component);
    }
  }
  return components ? { ...capabilities, components } : capabilities;
}
