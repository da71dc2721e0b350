import { expect } from 'vitest';
import { severityOf, type FlowProblem, type FlowProblemCode } from './flowProblem.js';

interface Expected {
  path?: (string | number)[];
  nodeId?: string;
  edgeId?: string;
  /** Texts both messages must contain (besides the node id). */
  mentions?: string[];
}

/** Finds the one problem with this code (and path, when given) and checks what every problem must carry. */
export function expectProblem(problems: FlowProblem[], code: FlowProblemCode, expected: Expected = {}): FlowProblem {
  const candidates = problems.filter(
    (problem) => problem.code === code && (!expected.path || JSON.stringify(problem.path) === JSON.stringify(expected.path)),
  );
  expect(candidates, `one ${code} at ${JSON.stringify(expected.path)} among ${JSON.stringify(problems.map((p) => [p.code, p.path]))}`).toHaveLength(1);
  const problem = candidates[0]!;
  expect(problem.severity).toBe(severityOf(code));
  if (expected.nodeId !== undefined) expect(problem.nodeId).toBe(expected.nodeId);
  if (expected.edgeId !== undefined) expect(problem.edgeId).toBe(expected.edgeId);
  for (const text of [problem.message.de, problem.message.en]) {
    expect(text.trim()).not.toBe('');
    expect(text).not.toMatch(/undefined|\[object Object\]/);
    for (const mention of [...(expected.nodeId ? [expected.nodeId] : []), ...(expected.mentions ?? [])]) {
      expect(text).toContain(mention);
    }
  }
  return problem;
}

export function codesOf(problems: FlowProblem[]): FlowProblemCode[] {
  return problems.map((problem) => problem.code);
}
