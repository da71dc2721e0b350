import { severityOf, type FlowProblem, type FlowProblemCode, type FlowProblemPath } from './flowProblem.js';
import { problemMessage, type ProblemParams } from './problemMessages.js';

export interface ProblemLocation {
  path: FlowProblemPath;
  nodeId?: string;
  edgeId?: string;
  nodeIds?: string[];
}

/** Builds a problem with its fixed severity and both messages, so checks only state what they found and where. */
export function makeProblem(code: FlowProblemCode, at: ProblemLocation, params: ProblemParams = {}): FlowProblem {
  const plain: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    plain[key] = typeof value === 'object' ? value.en : value;
  }
  return {
    code,
    severity: severityOf(code),
    path: at.path,
    ...(at.nodeId !== undefined && { nodeId: at.nodeId }),
    ...(at.edgeId !== undefined && { edgeId: at.edgeId }),
    ...(at.nodeIds !== undefined && { nodeIds: at.nodeIds }),
    message: problemMessage(code, params),
    ...(Object.keys(plain).length > 0 && { params: plain }),
  };
}

/** The facts every node-related message starts from. */
export function nodeParams(node: { id: string; type: string; label?: string | undefined }) {
  return { node: node.id, nodeLabel: node.label, type: node.type };
}

export function joinPath(path: (string | number)[]): string {
  return path.join('.');
}
