import { flowDocument, type FlowDocument } from './flowDocument.js';
import type { FlowProblem } from './flowProblem.js';
import { localizedParse } from './localizedParse.js';
import { joinPath, makeProblem, type ProblemLocation } from './makeProblem.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names the node or edge an issue sits in, so the builder can point at it and the message can name it. */
function locate(input: unknown, path: (string | number)[]) {
  const [list, index, ...rest] = path;
  const at: ProblemLocation = { path };
  const params: { node?: string; nodeLabel?: string; edge?: string; field: string } = { field: joinPath(path) };
  if (!isRecord(input) || typeof index !== 'number' || (list !== 'nodes' && list !== 'edges')) return { at, params };
  const items = input[list];
  const item = Array.isArray(items) ? items[index] : undefined;
  const id = isRecord(item) && typeof item.id === 'string' && item.id !== '' ? item.id : undefined;
  if (id === undefined) return { at, params };
  params.field = joinPath(rest);
  if (list === 'nodes') {
    at.nodeId = params.node = id;
    if (isRecord(item) && typeof item.label === 'string') params.nodeLabel = item.label;
  } else {
    at.edgeId = params.edge = id;
  }
  return { at, params };
}

/** The flow-level shape: one problem per schema issue. Node configs are only checked as records here. */
export function checkSchema(input: unknown): { problems: FlowProblem[]; flow?: FlowDocument } {
  const parsed = localizedParse(flowDocument, input);
  if (parsed.success) return { problems: [], flow: parsed.data };
  const problems = parsed.issues.map((issue) => {
    const { at, params } = locate(input, issue.path);
    return makeProblem('FLOW_SCHEMA_INVALID', at, { ...params, issue: issue.message, issueCode: issue.code });
  });
  return { problems };
}
