import type { PortSpec } from '../sdk/defineNode.js';
import type { NodeRegistry } from '../sdk/nodeRegistry.js';
import { checkAskFileVariables } from './checkAskFileVariables.js';
import { checkEdges } from './checkEdges.js';
import { checkGraph } from './checkGraph.js';
import { checkIds } from './checkIds.js';
import { checkLocales } from './checkLocales.js';
import { checkNodes } from './checkNodes.js';
import { checkPorts } from './checkPorts.js';
import { checkSchema } from './checkSchema.js';
import { checkStart } from './checkStart.js';
import { checkTexts } from './checkTexts.js';
import { checkVariables } from './checkVariables.js';
import { FLOW_FORMAT, type FlowDocument } from './flowDocument.js';
import { migrateFlowFormat } from './flowFormatMigrations.js';
import { buildFlowModel } from './flowModel.js';
import type { FlowProblem } from './flowProblem.js';
import { makeProblem } from './makeProblem.js';
import { resolveNodes, type ResolvedNode } from './resolveNodes.js';

export interface FlowValidation {
  /** True when there is no error; warnings do not block saving or publishing. */
  ok: boolean;
  /** The document as the runtime should use it (node configs migrated and parsed, defaults applied); only when ok. */
  flow?: FlowDocument;
  /** Every problem found, errors before warnings, each group in check and document order. */
  problems: FlowProblem[];
  /**
   * The output ports of every node whose ports depend on its config (choices, intents, rules), by node id, for nodes
   * whose config could be read: editors draw these instead of guessing from the config's shape.
   */
  ports?: Record<string, PortSpec[]>;
}

function configDependentPorts(nodes: ResolvedNode[]): Record<string, PortSpec[]> {
  const ports: Record<string, PortSpec[]> = {};
  for (const resolved of nodes) {
    if (typeof resolved.definition?.ports !== 'function' || !resolved.ports || resolved.node.id in ports) continue;
    ports[resolved.node.id] = resolved.ports;
  }
  return ports;
}

function errorsFirst(problems: FlowProblem[]): FlowProblem[] {
  const rank = (problem: FlowProblem) => (problem.severity === 'error' ? 0 : 1);
  return [...problems].sort((a, b) => rank(a) - rank(b));
}

function withResolvedNodes(flow: FlowDocument, nodes: ResolvedNode[]): FlowDocument {
  const byIndex = new Map(nodes.map((resolved) => [resolved.index, resolved]));
  return {
    ...flow,
    nodes: flow.nodes.map((node, index) => {
      const resolved = byIndex.get(index);
      if (!resolved?.definition) return node;
      return { ...node, version: resolved.definition.version, config: resolved.config as Record<string, unknown> };
    }),
  };
}

/** Checks a flow document against the schema and the node types the registry knows, reporting every problem at once. */
export function validateFlow(input: unknown, registry: NodeRegistry): FlowValidation {
  const format = migrateFlowFormat(input);
  if (!format.ok) {
    // A format this version does not know says nothing about its shape; checking it further would only add noise.
    const params = { format: format.format, expected: FLOW_FORMAT, detail: format.detail };
    return { ok: false, problems: [makeProblem('FLOW_FORMAT_UNSUPPORTED', { path: ['format'] }, params)] };
  }

  const schema = checkSchema(format.doc);
  const model = buildFlowModel(format.doc);
  const nodes = resolveNodes(model, registry);
  const problems = errorsFirst([
    ...schema.problems,
    ...checkLocales(model),
    ...checkIds(model),
    ...checkStart(model),
    ...checkNodes(nodes),
    ...checkTexts(model, nodes),
    ...checkEdges(model, nodes),
    ...checkPorts(model, nodes),
    ...checkVariables(model, nodes),
    ...checkAskFileVariables(model, nodes),
    ...checkGraph(model, nodes),
  ]);
  const ok = problems.every((problem) => problem.severity !== 'error');
  const ports = configDependentPorts(nodes);
  if (!ok || !schema.flow) return { ok, problems, ports };
  return { ok, flow: withResolvedNodes(schema.flow, nodes), problems, ports };
}
