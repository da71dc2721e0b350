import type { FlowModel } from './flowModel.js';
import type { FlowProblem } from './flowProblem.js';
import { makeProblem, nodeParams } from './makeProblem.js';
import { quotedList } from './problemMessages.js';
import { indexById, type ResolvedNode } from './resolveNodes.js';
import { stronglyConnectedComponents } from './stronglyConnectedComponents.js';

/** Successor ids per node, over edges whose both ends exist; with duplicate ids, edges reach the first node. */
function successorsOf(model: FlowModel, byId: Map<string, ResolvedNode>): Map<string, string[]> {
  const successors = new Map<string, string[]>();
  for (const id of byId.keys()) successors.set(id, []);
  for (const { edge } of model.edges) {
    if (byId.has(edge.to)) successors.get(edge.from.node)?.push(edge.to);
  }
  return successors;
}

export function checkReachability(model: FlowModel, nodes: ResolvedNode[]): FlowProblem[] {
  const byId = indexById(nodes);
  // A missing start or a node or edge that could not be read would make reachability a guess.
  if (!model.complete || model.start === undefined || !byId.has(model.start)) return [];
  const successors = successorsOf(model, byId);
  const reached = new Set([model.start]);
  const queue = [model.start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const next of successors.get(id) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return [...byId.values()]
    .filter((resolved) => !reached.has(resolved.node.id))
    .map((resolved) =>
      makeProblem('FLOW_NODE_UNREACHABLE', { path: ['nodes', resolved.index], nodeId: resolved.node.id }, nodeParams(resolved.node)),
    );
}

/**
 * A turn runs nodes until one waits for the customer, so a cycle made only of nodes that never wait would spin
 * forever. Looking at the graph of non-waiting nodes alone finds exactly those cycles, also when a waiting node elsewhere
 * in a bigger loop would hide them. Nodes whose waiting is unknown (unknown type, unreadable config) count as waiting,
 * so their own problems are not joined by guessed ones.
 */
export function checkLoops(model: FlowModel, nodes: ResolvedNode[]): FlowProblem[] {
  const byId = indexById(nodes);
  const neverWaits = (id: string) => byId.get(id)?.waits === false;
  const successors = successorsOf(model, byId);
  const vertices = [...byId.keys()].filter(neverWaits);
  const components = stronglyConnectedComponents(vertices, (id) => (successors.get(id) ?? []).filter(neverWaits));

  const loops = components
    .filter((component) => component.length > 1 || successors.get(component[0]!)!.includes(component[0]!))
    .map((component) => component.map((id) => byId.get(id)!).sort((a, b) => a.index - b.index))
    .sort((a, b) => a[0]!.index - b[0]!.index);

  return loops.map((loop) => {
    const first = loop[0]!;
    const ids = loop.map((resolved) => resolved.node.id);
    return makeProblem(
      'FLOW_LOOP_WITHOUT_INPUT',
      { path: ['nodes', first.index], nodeId: first.node.id, nodeIds: ids },
      { ...nodeParams(first.node), count: ids.length, nodes: ids.join(', '), nodeList: quotedList(ids) },
    );
  });
}

export function checkGraph(model: FlowModel, nodes: ResolvedNode[]): FlowProblem[] {
  return [...checkLoops(model, nodes), ...checkReachability(model, nodes)];
}
