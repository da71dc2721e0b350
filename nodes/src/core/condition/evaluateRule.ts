import type { ConditionOperator } from './condition.node.js';

/** Plain decimal notation only: `Number()` would also read "0x1A", "0b11" and "0o7", which no customer means as numbers. */
const decimal = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  // Arrays and objects are not numbers even when String([5]) happens to read as one.
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!decimal.test(text)) return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value).toLowerCase();
  return String(value).toLowerCase();
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Orders two values: as numbers when both parse as numbers, else as case-insensitive strings (the contract's rule). */
function compare(left: unknown, right: unknown): number {
  const a = asNumber(left);
  const b = asNumber(right);
  if (a !== undefined && b !== undefined) return a === b ? 0 : a < b ? -1 : 1;
  const x = asText(left);
  const y = asText(right);
  return x === y ? 0 : x < y ? -1 : 1;
}

export function evaluateRule(op: ConditionOperator, actual: unknown, expected: unknown): boolean {
  switch (op) {
    case 'empty':
      return isEmpty(actual);
    case 'not_empty':
      return !isEmpty(actual);
    case 'contains':
      return Array.isArray(actual)
        ? actual.some((item) => compare(item, expected) === 0)
        : asText(actual).includes(asText(expected));
    default:
      // A missing variable reads as empty: it equals only an empty value, so `eq` and `neq` stay each other's opposite.
      if (actual === undefined || actual === null) {
        if (op === 'eq') return isEmpty(expected);
        if (op === 'neq') return !isEmpty(expected);
        return false;
      }
      return comparisons[op](compare(actual, expected));
  }
}

const comparisons: Record<'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte', (order: number) => boolean> = {
  eq: (order) => order === 0,
  neq: (order) => order !== 0,
  gt: (order) => order > 0,
  gte: (order) => order >= 0,
  lt: (order) => order < 0,
  lte: (order) => order <= 0,
};
