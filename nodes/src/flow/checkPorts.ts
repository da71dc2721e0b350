import type { FlowModel, IndexedEdge } from './flowModel.js';
import type { FlowProblem } from './flowProblem.js';
import { makeProblem, nodeParams } from './makeProblem.js';
import { quotedList } from './problemMessages.js';
import { indexById, type ResolvedNode } from './resolveNodes.js';

/** How each declared output port is connected: exactly one edge is what the runtime can follow. */
export function checkPorts(model: FlowModel, nodes: ResolvedNode[]): FlowProblem[] {
  const byId = indexById(nodes);
  const edgesByPort = new Map<string, IndexedEdge[]>();
  for (const indexed of model.edges) {
    const { node, port } = indexed.edge.from;
    const source = byId.get(node);
    // Edges from missing nodes or undeclared ports are reported by the edge check already.
    if (!source || (source.ports && !source.ports.some((declared) => declared.id === port))) continue;
    const key = JSON.stringify([node, port]);
    edgesByPort.set(key, [...(edgesByPort.get(key) ?? []), indexed]);
  }

  const problems: FlowProblem[] = [];
  for (const connected of edgesByPort.values()) {
    if (connected.length < 2) continue;
    const second = connected[1]!;
    const { node: sourceId, port } = second.edge.from;
    const source = byId.get(sourceId)!;
    const label = source.ports?.find((declared) => declared.id === port)?.label;
    problems.push(
      makeProblem(
        'FLOW_PORT_MULTIPLE_EDGES',
        { path: ['edges', second.index, 'from', 'port'], nodeId: sourceId, edgeId: second.edge.id },
        {
          ...nodeParams(source.node),
          port,
          portLabel: label,
          count: connected.length,
          targets: quotedList(connected.map(({ edge }) => edge.to)),
          edges: connected.map(({ edge }) => edge.id).join(', '),
        },
      ),
    );
  }

  // With an edge that could not be read, any port might be the one it connects.
  if (!model.complete) return problems;
  for (const resolved of byId.values()) {
    for (const port of resolved.ports ?? []) {
      if (edgesByPort.has(JSON.stringify([resolved.node.id, port.id]))) continue;
      problems.push(
        makeProblem(
          'FLOW_PORT_UNCONNECTED',
          { path: ['nodes', resolved.index], nodeId: resolved.node.id },
          { ...nodeParams(resolved.node), port: port.id, portLabel: port.label },
        ),
      );
    }
  }
  return problems;
}
