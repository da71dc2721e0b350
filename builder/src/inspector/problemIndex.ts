import type { SchemaCheck } from './checkValue.js';
import { pathKey, type FieldPath } from './jsonSchema.js';

/** A validation message from the caller (the runtime's /validate), addressed by the config path it is about. */
export interface FieldProblem {
  path: FieldPath;
  message: string;
}

/** Messages per field, keyed by `pathKey`: the caller's problems first, then the browser's own checks rendered by `describe`. */
export function indexProblems(problems: readonly FieldProblem[], checks: readonly SchemaCheck[], describe: (check: SchemaCheck) => string): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const add = (path: FieldPath, message: string) => {
    const key = pathKey(path);
    const messages = index.get(key) ?? [];
    if (!messages.includes(message)) messages.push(message);
    index.set(key, messages);
  };
  for (const problem of problems) add(problem.path, problem.message);
  for (const check of checks) add(check.path, describe(check));
  return index;
}

/** Problems whose path is not shown by any field (e.g. a key of the whole config): listed at the top of the form. */
export function unplacedProblems(index: Map<string, string[]>, shownKeys: ReadonlySet<string>): string[] {
  return [...index].filter(([key]) => !shownKeys.has(key)).flatMap(([, messages]) => messages);
}

/** A DOM id for a path, unique within one form (`idPrefix` separates several forms on a page). */
export function fieldId(idPrefix: string, path: FieldPath): string {
  const steps = path.map((step) => String(step).replace(/[^A-Za-z0-9]/g, (char) => `_${char.codePointAt(0)!.toString(16)}_`));
  return `${idPrefix}--${steps.join('--') || 'root'}`;
}
