import { isValidFlowId } from './flowId.js';

export type FlowFileProblem = 'invalidJson' | 'notAnObject' | 'missingId' | 'invalidId';

export type ParsedFlowFile =
  | { ok: true; id: string; name: string | undefined; document: Record<string, unknown> }
  | { ok: false; problem: FlowFileProblem };

/**
 * Reads an exported flow before upload. Only what the URL needs is checked here (an object with a valid `id`);
 * the runtime validates everything else and answers 422 with the problems.
 */
export function parseFlowFile(text: string): ParsedFlowFile {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: 'invalidJson' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'notAnObject' };
  const document = value as Record<string, unknown>;
  if (typeof document.id !== 'string' || !document.id) return { ok: false, problem: 'missingId' };
  if (!isValidFlowId(document.id)) return { ok: false, problem: 'invalidId' };
  return { ok: true, id: document.id, name: typeof document.name === 'string' ? document.name : undefined, document };
}
