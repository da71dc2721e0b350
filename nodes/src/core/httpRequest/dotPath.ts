import type { Json } from '../../sdk/defineNode.js';

/** Reads `data.items.0.name` from parsed JSON; undefined when any step is missing. */
export function getDotPath(value: Json, path: string): Json | undefined {
  let current: Json | undefined = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(key)) return undefined;
      current = current[Number(key)];
    } else {
      // Own properties only: "__proto__" or "constructor" must not reach Object.prototype.
      current = Object.hasOwn(current, key) ? current[key] : undefined;
    }
  }
  return current;
}
