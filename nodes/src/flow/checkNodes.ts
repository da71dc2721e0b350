import type { FlowProblem } from './flowProblem.js';
import { joinPath, makeProblem, nodeParams } from './makeProblem.js';
import type { ResolvedNode } from './resolveNodes.js';

/** Whether each node's type is known, its version reachable and its config valid for the definition. */
export function checkNodes(nodes: ResolvedNode[]): FlowProblem[] {
  const problems: FlowProblem[] = [];
  for (const resolved of nodes) {
    const { index, node, definition, migration } = resolved;
    const params = nodeParams(node);
    if (!definition) {
      problems.push(makeProblem('FLOW_NODE_TYPE_UNKNOWN', { path: ['nodes', index, 'type'], nodeId: node.id }, params));
      continue;
    }
    if (migration && !migration.ok) {
      problems.push(
        makeProblem(
          'FLOW_NODE_VERSION_UNSUPPORTED',
          { path: ['nodes', index, 'version'], nodeId: node.id },
          {
            ...params,
            version: node.version,
            supported: definition.version,
            reason: migration.reason,
            from: migration.version,
            detail: migration.detail,
          },
        ),
      );
      continue;
    }
    for (const issue of resolved.configIssues ?? []) {
      problems.push(
        makeProblem(
          'FLOW_NODE_CONFIG_INVALID',
          { path: ['nodes', index, 'config', ...issue.path], nodeId: node.id },
          { ...params, field: joinPath(issue.path), issue: issue.message, issueCode: issue.code },
        ),
      );
    }
  }
  return problems;
}
