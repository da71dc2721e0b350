import type { Json } from '../sdk/defineNode.js';

/**
 * Returns a description of the first value inside `value` that does not survive the engine's JSON persistence
 * unchanged (Dates, Maps, class instances, functions, undefined in arrays, NaN, ...), or undefined when it is JSON.
 * Conversation variables and a waiting node's state are stored as JSON between turns.
 */
export function findNonJson(value: unknown, path = ''): string | undefined {
  const at = path || 'the value';
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${at} is ${value} (JSON has no such number)`;
  if (value === undefined) return `${at} is undefined`;
  if (typeof value !== 'object') return `${at} is a ${typeof value}`;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const problem = findNonJson(value[index], `${path}[${index}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    const name = (value as object).constructor?.name ?? 'object';
    return `${at} is a ${name} (store plain JSON, e.g. an ISO string instead of a Date)`;
  }
  for (const [key, item] of Object.entries(value)) {
    // Object properties set to undefined simply disappear in JSON, which is harmless.
    if (item === undefined) continue;
    const problem = findNonJson(item, path ? `${path}.${key}` : key);
    if (problem) return problem;
  }
  return undefined;
}

/** A deep copy through JSON, as the engine's persistence does it. */
export function cloneJson<T extends Json | undefined>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Freezes plain objects and arrays recursively (other objects are left alone). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    const prototype = Object.getPrototypeOf(value);
    if (Array.isArray(value) || prototype === Object.prototype || prototype === null) {
      Object.freeze(value);
      for (const item of Object.values(value)) deepFreeze(item);
    }
  }
  return value;
}
