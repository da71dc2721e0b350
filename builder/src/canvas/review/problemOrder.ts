import type { FlowProblem } from '../../api/types.js';

/** Errors before warnings, otherwise in the order the validator reported them. */
export function problemsInOrder(problems: readonly FlowProblem[]): FlowProblem[] {
  return [...problems].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'));
}

/** The node a problem is about: its own, or the first of several (the nodes of a loop); none for flow-wide problems. */
export function problemNodeId(problem: FlowProblem): string | undefined {
  return problem.nodeId ?? problem.nodeIds?.[0];
}

/** The problem's message in the UI language when the server sent both, else as sent. */
export function problemMessage(problem: FlowProblem, language: string): string {
  return problem.messages?.[language] ?? problem.message;
}

export function countErrors(problems: readonly FlowProblem[]): number {
  return problems.filter((problem) => problem.severity === 'error').length;
}
