import type { FlowProblem } from '../api/types.js';

/** How many errors and warnings concern a node, with their messages for the marker's tooltip. */
export interface NodeMarks {
  errors: number;
  warnings: number;
  messages: string[];
}

/** Groups problems by the nodes they concern (`nodeId`, or every node of `nodeIds`, e.g. the nodes of a loop). */
export function nodeMarks(problems: readonly FlowProblem[]): Map<string, NodeMarks> {
  const marks = new Map<string, NodeMarks>();
  for (const problem of problems) {
    const ids = new Set([...(problem.nodeId ? [problem.nodeId] : []), ...(problem.nodeIds ?? [])]);
    for (const id of ids) {
      const mark = marks.get(id) ?? { errors: 0, warnings: 0, messages: [] };
      if (problem.severity === 'error') mark.errors += 1;
      else mark.warnings += 1;
      mark.messages.push(problem.message);
      marks.set(id, mark);
    }
  }
  return marks;
}
