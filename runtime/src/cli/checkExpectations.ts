import { isDeepStrictEqual } from 'node:util';
import type { Json } from '@dialogwerk/nodes';
import type { TurnResponse } from '../conversations/chatResponse.js';
import type { ConversationState } from '../engine/conversationState.js';
import type { SpecTest } from './specSchema.js';
import { compileMatcher } from './textMatcher.js';

export interface ExpectationMismatch {
  /** Key below `expect`, e.g. `['vars', 'rooms']`. */
  at: (string | number)[];
  message: string;
  expected: string;
  actual: string;
}

const show = (value: Json | undefined) => (value === undefined ? '(not set)' : JSON.stringify(value));

/** Strings compare like bot texts (so a date can be checked with a /regex/), everything else by deep equality. */
function valueMatches(expected: Json, actual: Json | undefined): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (typeof expected === 'string' && typeof actual === 'string') return compileMatcher(expected).test(actual);
  return isDeepStrictEqual(expected, actual);
}

/** The end-of-test checks: status, the open input's type and a subset of the variables (answers to sensitive nodes included). */
export function checkExpectations(expect: SpecTest['expect'], state: ConversationState, last: TurnResponse): ExpectationMismatch[] {
  if (!expect) return [];
  const mismatches: ExpectationMismatch[] = [];
  if (expect.status !== undefined && expect.status !== state.status) {
    mismatches.push({ at: ['status'], message: 'status differs', expected: expect.status, actual: state.status });
  }
  if (expect.input !== undefined && expect.input !== last.input?.type) {
    mismatches.push({ at: ['input'], message: 'the open question expects another input', expected: expect.input, actual: last.input?.type ?? '(no open question)' });
  }
  for (const [name, expected] of Object.entries(expect.vars ?? {})) {
    const actual = name in state.vars ? state.vars[name] : state.secrets[name];
    if (!valueMatches(expected, actual)) {
      mismatches.push({ at: ['vars', name], message: `variable "${name}" differs`, expected: show(expected), actual: show(actual) });
    }
  }
  return mismatches;
}
