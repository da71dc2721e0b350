import type { Localized } from '../i18n/localized.js';
import type { PortSpec } from '../sdk/defineNode.js';
import type { FlowModel } from './flowModel.js';
import type { FlowProblem } from './flowProblem.js';
import { makeProblem, nodeParams } from './makeProblem.js';
import { indexById, type ResolvedNode } from './resolveNodes.js';

/** Staff know ports by the label on the canvas; the id is what the edge stores. */
function portList(ports: PortSpec[]): Localized {
  const name = (port: PortSpec, label: string, open: string, close: string) =>
    label && label !== port.id ? `${open}${label}${close} (${port.id})` : `${open}${port.id}${close}`;
  return {
    de: ports.map((port) => name(port, port.label.de, '„', '“')).join(', '),
    en: ports.map((port) => name(port, port.label.en, '"', '"')).join(', '),
  };
}

/** Whether each edge connects nodes that exist, from a port its source declares. */
export function checkEdges(model: FlowModel, nodes: ResolvedNode[]): FlowProblem[] {
  const byId = indexById(nodes);
  const problems: FlowProblem[] = [];
  for (const { index, edge } of model.edges) {
    const { node: sourceId, port } = edge.from;
    const source = byId.get(sourceId);
    if (!model.nodeIdsPresent.has(sourceId)) {
      problems.push(
        makeProblem('FLOW_EDGE_SOURCE_MISSING', { path: ['edges', index, 'from', 'node'], edgeId: edge.id }, { edge: edge.id, source: sourceId }),
      );
    }
    if (!model.nodeIdsPresent.has(edge.to)) {
      problems.push(
        makeProblem(
          'FLOW_EDGE_TARGET_MISSING',
          { path: ['edges', index, 'to'], edgeId: edge.id, ...(source && { nodeId: sourceId }) },
          { edge: edge.id, source: sourceId, target: edge.to },
        ),
      );
    }
    if (source?.ports && !source.ports.some((declared) => declared.id === port)) {
      problems.push(
        makeProblem(
          'FLOW_EDGE_PORT_UNKNOWN',
          { path: ['edges', index, 'from', 'port'], nodeId: sourceId, edgeId: edge.id },
          { ...nodeParams(source.node), port, edge: edge.id, ports: source.ports.length ? portList(source.ports) : undefined },
        ),
      );
    }
  }
  return problems;
}
