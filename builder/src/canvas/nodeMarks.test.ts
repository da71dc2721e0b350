import { describe, expect, it } from 'vitest';
import type { FlowProblem } from '../api/types.js';
import { nodeMarks } from './nodeMarks.js';

const problem = (over: Partial<FlowProblem>): FlowProblem => ({ code: 'X', severity: 'error', message: 'm', path: [], ...over });

describe('nodeMarks', () => {
  it('counts errors and warnings per node and keeps their messages', () => {
    const marks = nodeMarks([
      problem({ nodeId: 'a', message: 'no question' }),
      problem({ nodeId: 'a', severity: 'warning', message: 'unreachable' }),
      problem({ nodeId: 'b', severity: 'warning' }),
    ]);
    expect(marks.get('a')).toEqual({ errors: 1, warnings: 1, messages: ['no question', 'unreachable'] });
    expect(marks.get('b')).toMatchObject({ errors: 0, warnings: 1 });
  });

  it('marks every node of a loop once, and ignores flow-wide problems', () => {
    const marks = nodeMarks([problem({ nodeId: 'a', nodeIds: ['a', 'b'] }), problem({ path: ['locales'] })]);
    expect([...marks.keys()].sort()).toEqual(['a', 'b']);
    expect(marks.get('a')!.errors).toBe(1);
  });
});
