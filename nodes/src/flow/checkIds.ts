import type { FlowModel } from './flowModel.js';
import type { FlowProblem } from './flowProblem.js';
import { makeProblem } from './makeProblem.js';

/** Edges and the runtime address nodes by id; the first occurrence keeps it, every later one is the problem. */
export function checkIds(model: FlowModel): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const nodeIds = new Set<string>();
  for (const { index, node } of model.nodes) {
    if (nodeIds.has(node.id)) {
      problems.push(makeProblem('FLOW_NODE_ID_DUPLICATE', { path: ['nodes', index, 'id'], nodeId: node.id }, { node: node.id }));
    }
    nodeIds.add(node.id);
  }
  const edgeIds = new Set<string>();
  for (const { index, edge } of model.edges) {
    if (edgeIds.has(edge.id)) {
      problems.push(makeProblem('FLOW_EDGE_ID_DUPLICATE', { path: ['edges', index, 'id'], edgeId: edge.id }, { edge: edge.id }));
    }
    edgeIds.add(edge.id);
  }
  return problems;
}
