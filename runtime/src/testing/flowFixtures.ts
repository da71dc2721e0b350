import type { FlowDocumentInput } from '@dialogwerk/nodes';

/** A three-question dialog (name, email, yes/no) used by engine, API and benchmark tests. */
export function threeQuestionFlow(id = 'three-questions'): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1',
    id,
    name: 'Three questions',
    locales: ['de', 'en'],
    start: 'name',
    variables: { name: { type: 'string', pii: true }, email: { type: 'string', pii: true }, news: { type: 'boolean' } },
    nodes: [
      { id: 'name', type: 'ask', version: 1, position: { x: 0, y: 0 }, config: { text: { de: 'Wie heissen Sie?', en: 'What is your name?' }, variable: 'name', input: 'text' } },
      { id: 'email', type: 'ask', version: 1, position: { x: 0, y: 100 }, config: { text: { de: 'Ihre E-Mail, {{name}}?', en: 'Your email, {{name}}?' }, variable: 'email', input: 'email' } },
      { id: 'news', type: 'ask', version: 1, position: { x: 0, y: 200 }, config: { text: { de: 'Newsletter?', en: 'Newsletter?' }, variable: 'news', input: 'yesno' } },
      { id: 'bye', type: 'end', version: 1, position: { x: 0, y: 300 }, config: { text: { de: 'Danke!', en: 'Thanks!' } } },
    ],
    edges: [
      { id: 'e1', from: { node: 'name', port: 'next' }, to: 'email' },
      { id: 'e2', from: { node: 'name', port: 'invalid' }, to: 'bye' },
      { id: 'e3', from: { node: 'email', port: 'next' }, to: 'news' },
      { id: 'e4', from: { node: 'email', port: 'invalid' }, to: 'bye' },
      { id: 'e5', from: { node: 'news', port: 'yes' }, to: 'bye' },
      { id: 'e6', from: { node: 'news', port: 'no' }, to: 'bye' },
      { id: 'e7', from: { node: 'news', port: 'invalid' }, to: 'bye' },
    ],
  };
}

/** Same three questions, but the last one loops back to the first: a conversation that never ends (for load tests). */
export function loopingThreeQuestionFlow(id = 'three-questions-loop'): FlowDocumentInput {
  const flow = threeQuestionFlow(id);
  flow.edges = flow.edges!.map((edge) => (edge.to === 'bye' ? { ...edge, to: 'name' } : edge));
  flow.nodes = flow.nodes.filter((node) => node.id !== 'bye');
  return flow;
}
