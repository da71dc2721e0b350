import { coreNodeDefinitions } from '../definitions.js';
import type { NodeDefinition } from '../sdk/defineNode.js';
import { NodeRegistry } from '../sdk/nodeRegistry.js';
import { FLOW_FORMAT, type FlowDocumentInput } from './flowDocument.js';

type NodeInput = FlowDocumentInput['nodes'][number];
type EdgeInput = NonNullable<FlowDocumentInput['edges']>[number];

export function coreRegistry(...extra: NodeDefinition[]): NodeRegistry {
  const registry = new NodeRegistry(coreNodeDefinitions);
  for (const definition of extra) registry.register(definition, 'test');
  return registry;
}

export function node(id: string, type: string, config: Record<string, unknown> = {}, extra: Partial<NodeInput> = {}): NodeInput {
  return { id, type, version: 1, config, position: { x: 0, y: 0 }, ...extra };
}

export function edge(from: string, port: string, to: string, id = `${from}.${port}`): EdgeInput {
  return { id, from: { node: from, port }, to };
}

/** A document around the given parts; `start` defaults to the first node. */
export function flow(parts: Partial<FlowDocumentInput> & { nodes: NodeInput[] }): FlowDocumentInput {
  return {
    format: FLOW_FORMAT,
    id: 'test-flow',
    name: 'Test',
    locales: ['de', 'en'],
    start: parts.nodes[0]?.id ?? '',
    edges: [],
    variables: {},
    ...parts,
  };
}

/** The smallest flow without any problem: a greeting, then the end. */
export function minimalFlow(): FlowDocumentInput {
  return flow({
    nodes: [node('greet', 'message', { text: 'Hallo!' }), node('bye', 'end', {})],
    edges: [edge('greet', 'next', 'bye')],
  });
}

/** Every core node type, templates, branches and a loop that waits: valid, without warnings. */
export function validFlow(): FlowDocumentInput {
  return flow({
    variables: { name: { type: 'string', pii: true }, greeting: { type: 'string' }, wantsHelp: { type: 'boolean' } },
    nodes: [
      node('greet', 'message', { text: { de: 'Willkommen!', en: 'Welcome!' } }, { label: 'Begrüssung' }),
      node('ask_name', 'ask', { text: 'Wie heissen Sie?', variable: 'name' }),
      node('check', 'condition', { rules: [{ port: 'vip', var: 'name', op: 'eq', value: 'Anna' }] }),
      node('set_greeting', 'set', { values: { greeting: 'Hallo {{name}}' } }),
      node('ask_help', 'ask', { text: '{{greeting}}, brauchen Sie Hilfe?', variable: 'wantsHelp', input: 'yesno' }),
      node('end_help', 'end', { text: 'Wir melden uns.', csat: true }),
      node('end_bye', 'end', { text: 'Tschüss {{name}}' }),
    ],
    edges: [
      edge('greet', 'next', 'ask_name'),
      edge('ask_name', 'next', 'check'),
      edge('ask_name', 'invalid', 'end_bye'),
      edge('check', 'vip', 'set_greeting'),
      edge('check', 'else', 'ask_help'),
      edge('set_greeting', 'next', 'ask_help'),
      edge('ask_help', 'yes', 'end_help'),
      edge('ask_help', 'no', 'greet'),
      edge('ask_help', 'invalid', 'end_bye'),
    ],
  });
}
