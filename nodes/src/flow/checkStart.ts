import type { FlowModel } from './flowModel.js';
import type { FlowProblem } from './flowProblem.js';
import { makeProblem } from './makeProblem.js';

export function checkStart(model: FlowModel): FlowProblem[] {
  // A start that is not a string is already a schema problem.
  if (model.start === undefined || model.nodeIdsPresent.has(model.start)) return [];
  return [makeProblem('FLOW_START_MISSING', { path: ['start'] }, { start: model.start })];
}
