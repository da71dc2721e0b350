import { isPlainObject, type FieldPath } from './jsonSchema.js';

/** The value at a path, or undefined when any step is missing. */
export function valueAt(root: unknown, path: FieldPath): unknown {
  let current = root;
  for (const step of path) {
    if (Array.isArray(current) && typeof step === 'number') current = current[step];
    else if (isPlainObject(current) && typeof step === 'string') current = current[step];
    else return undefined;
  }
  return current;
}

/**
 * A copy of `root` with `value` at `path`; nothing is mutated. Missing containers are created (an array for a numeric step,
 * an object otherwise). Setting `undefined` on an object property removes the key, so optional fields left empty are omitted.
 */
export function withValueAt(root: unknown, path: FieldPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [step, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof step === 'number') {
    const list = Array.isArray(root) ? [...root] : [];
    list[step] = withValueAt(list[step], rest, value);
    return list;
  }
  const object: Record<string, unknown> = isPlainObject(root) ? { ...root } : {};
  const inner = withValueAt(object[step], rest, value);
  if (inner === undefined) delete object[step];
  else object[step] = inner;
  return object;
}

/** A copy of the list with the item at `from` moved to `to` (both clamped to the list). */
export function movedItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  if (from < 0 || from >= copy.length) return copy;
  const target = Math.max(0, Math.min(copy.length - 1, to));
  const [item] = copy.splice(from, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

export function withoutItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, position) => position !== index);
}

/** A copy of the record with `from` renamed to `to`, keeping the key order; unchanged when `to` is already taken. */
export function withRenamedKey(record: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  if (from === to || (to in record && to !== from)) return record;
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key === from ? to : key, value]));
}

/** A key not yet used in the record: "key", "key2", "key3", … */
export function unusedKey(record: Record<string, unknown>, base: string): string {
  if (!(base in record)) return base;
  let counter = 2;
  while (`${base}${counter}` in record) counter += 1;
  return `${base}${counter}`;
}
