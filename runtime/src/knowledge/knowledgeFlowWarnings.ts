import { problemMessage, severityOf, type FlowProblem } from '@dialogwerk/nodes';

/** Where each node type names a knowledge base in its config. */
const knowledgeBaseField: Record<string, string> = { faq: 'knowledgeBase', llm_answer: 'faqKnowledgeBase' };

interface NodeLike {
  id?: unknown;
  type?: unknown;
  label?: unknown;
  config?: unknown;
}

/**
 * The environment-dependent part of flow validation for knowledge bases: a warning per faq or llm_answer node whose
 * knowledge base does not exist (yet). Only a warning: staff may publish the flow first and import the base after.
 */
export async function knowledgeFlowWarnings(document: unknown, exists: (knowledgeBaseId: string) => Promise<boolean>): Promise<FlowProblem[]> {
  const nodes = (document as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return [];
  const known = new Map<string, Promise<boolean>>();
  const check = (id: string) => {
    if (!known.has(id)) known.set(id, exists(id));
    return known.get(id)!;
  };
  const found = await Promise.all(nodes.map(async (node: NodeLike, index): Promise<FlowProblem[]> => {
    if (!node || typeof node.type !== 'string' || typeof node.id !== 'string') return [];
    const field = knowledgeBaseField[node.type];
    if (!field) return [];
    const id = node.config && typeof node.config === 'object' ? (node.config as Record<string, unknown>)[field] : undefined;
    if (typeof id !== 'string' || id === '' || (await check(id))) return [];
    const params = { node: node.id, ...(typeof node.label === 'string' && node.label ? { nodeLabel: node.label } : {}), type: node.type, knowledgeBase: id, field };
    return [{
      code: 'FLOW_KNOWLEDGE_BASE_MISSING',
      severity: severityOf('FLOW_KNOWLEDGE_BASE_MISSING'),
      path: ['nodes', index, 'config', field],
      nodeId: node.id,
      message: problemMessage('FLOW_KNOWLEDGE_BASE_MISSING', params),
      params,
    }];
  }));
  return found.flat();
}
