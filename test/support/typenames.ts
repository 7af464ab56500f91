/** Every `__typename` in a response tree: sections, tiles, actions and updates alike. */
export function typenamesIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) typenamesIn(item, found);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "__typename" && typeof inner === "string") found.add(inner);
      else typenamesIn(inner, found);
    }
  }
  return found;
}
