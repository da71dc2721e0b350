import { problemMessage, severityOf, type FlowProblem } from '@dialogwerk/nodes';
import type { LlmStatus } from '@dialogwerk/nodes';

/** Node types that cannot work without a configured language model. */
const needsModel = new Set(['llm_answer']);

interface NodeLike {
  id?: unknown;
  type?: unknown;
}

/**
 * The environment-dependent part of flow validation: a warning per node that needs a model while the server has
 * none. The pure validator in nodes/src/flow cannot know the server's settings, so the runtime adds this.
 */
export function llmFlowWarnings(document: unknown, status: LlmStatus): FlowProblem[] {
  if (status.configured) return [];
  const nodes = (document as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return [];
  return nodes.flatMap((node: NodeLike, index) => {
    if (!node || typeof node.type !== 'string' || !needsModel.has(node.type) || typeof node.id !== 'string') return [];
    const params = { node: node.id, type: node.type, reason: status.reason ?? 'not configured' };
    return [{
      code: 'FLOW_LLM_NOT_CONFIGURED' as const,
      severity: severityOf('FLOW_LLM_NOT_CONFIGURED'),
      path: ['nodes', index],
      nodeId: node.id,
      message: problemMessage('FLOW_LLM_NOT_CONFIGURED', params),
      params,
    }];
  });
}
