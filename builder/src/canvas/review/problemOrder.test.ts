import { describe, expect, it } from 'vitest';
import type { FlowProblem } from '../../api/types.js';
import { countErrors, problemMessage, problemNodeId, problemsInOrder } from './problemOrder.js';

const problem = (code: string, severity: FlowProblem['severity'], extra: Partial<FlowProblem> = {}): FlowProblem => ({ code, severity, message: code, path: [], ...extra });

describe('problem order and wording', () => {
  it('puts errors first and keeps the reported order within each severity', () => {
    const ordered = problemsInOrder([problem('w1', 'warning'), problem('e1', 'error'), problem('w2', 'warning'), problem('e2', 'error')]);
    expect(ordered.map((item) => item.code)).toEqual(['e1', 'e2', 'w1', 'w2']);
    expect(countErrors(ordered)).toBe(2);
  });

  it('finds the node of a problem, also of a loop, and none for flow-wide problems', () => {
    expect(problemNodeId(problem('a', 'error', { nodeId: 'ask' }))).toBe('ask');
    expect(problemNodeId(problem('loop', 'warning', { nodeIds: ['x', 'y'] }))).toBe('x');
    expect(problemNodeId(problem('flow', 'error'))).toBeUndefined();
  });

  it('uses the message in the UI language when both were sent', () => {
    const both = problem('a', 'error', { message: 'Fehlt', messages: { de: 'Fehlt', en: 'Missing' } });
    expect(problemMessage(both, 'en')).toBe('Missing');
    expect(problemMessage(problem('a', 'error', { message: 'Fehlt' }), 'en')).toBe('Fehlt');
  });
});
