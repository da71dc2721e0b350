import type { FlowModel } from './flowModel.js';
import type { FlowProblem } from './flowProblem.js';
import { makeProblem, nodeParams } from './makeProblem.js';
import type { ResolvedNode } from './resolveNodes.js';

/**
 * An ask stores what the customer answered; uploads are file references, every other input is a plain value. A
 * `file` ask into a non-file variable would lose the files for nodes that take them (capture_lead's `files`), so it
 * is an error; a plain answer in a `file` variable is probably a mix-up, so a warning. Undeclared variables and
 * unreadable configs are left to the other checks.
 */
export function checkAskFileVariables(model: FlowModel, nodes: ResolvedNode[]): FlowProblem[] {
  const types = model.variableTypes;
  if (!types) return [];
  const problems: FlowProblem[] = [];
  for (const resolved of nodes) {
    if (resolved.node.type !== 'ask') continue;
    const config = resolved.config as { variable?: unknown; input?: unknown } | undefined;
    if (!config || typeof config.variable !== 'string' || typeof config.input !== 'string') continue;
    const variableType = types.get(config.variable);
    if (variableType === undefined) continue;
    const at = { path: ['nodes', resolved.index, 'config', 'variable'], nodeId: resolved.node.id };
    const params = { ...nodeParams(resolved.node), variable: config.variable, input: config.input, variableType };
    if (config.input === 'file' && variableType !== 'file') problems.push(makeProblem('FLOW_ASK_FILE_VARIABLE_TYPE', at, params));
    else if (config.input !== 'file' && variableType === 'file') problems.push(makeProblem('FLOW_FILE_VARIABLE_NOT_FILE_INPUT', at, params));
  }
  return problems;
}
