import { describe, expect, it } from 'vitest';
import type { FlowProblem } from '../api/types.js';
import { inspectorProblems } from './inspectorProblems.js';

const problems: FlowProblem[] = [
  { code: 'X', severity: 'error', message: 'Text fehlt', messages: { de: 'Text fehlt', en: 'Text missing' }, path: ['nodes', 1, 'config', 'text'], nodeId: 'ask' },
  { code: 'Y', severity: 'warning', message: 'Schleife', path: ['edges'], nodeIds: ['a', 'ask'] },
  { code: 'Z', severity: 'error', message: 'Anderer', path: ['nodes', 0, 'config', 'text'], nodeId: 'other' },
];

describe('inspectorProblems', () => {
  it('picks the node’s problems from a save answer, in the UI language, with config-relative paths', () => {
    expect(inspectorProblems(problems, 'ask', 'en')).toEqual([
      { path: ['text'], message: 'Text missing' },
      { path: [], message: 'Schleife' },
    ]);
    expect(inspectorProblems(problems, 'ask', 'de')[0]).toEqual({ path: ['text'], message: 'Text fehlt' });
    expect(inspectorProblems(problems, 'none', 'de')).toEqual([]);
  });
});
