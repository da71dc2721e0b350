import type { FlowDocument } from '../api/types.js';
import { FLOW_ID_MAX_LENGTH } from '../flows/flowId.js';

/** The runtime's limit for a flow's name (nodes/src/flow/flowDocument.ts). */
export const FLOW_NAME_MAX_LENGTH = 200;

/** The suffix a duplicate's id gets; ids are technical and stay the same whatever the UI language is. */
export const COPY_ID_SUFFIX = '-kopie';

/**
 * The id for a copy of `id`: `<id>-kopie`, else `<id>-kopie-2`, `-3`, … (whichever is free), shortened so it stays
 * a valid flow id of at most 64 characters.
 */
export function copyFlowId(id: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? COPY_ID_SUFFIX : `${COPY_ID_SUFFIX}-${n}`;
    const candidate = `${id.slice(0, FLOW_ID_MAX_LENGTH - suffix.length).replace(/[-_]+$/, '')}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** A name trimmed and cut to the runtime's limit. */
export function flowName(name: string): string {
  return name.trim().slice(0, FLOW_NAME_MAX_LENGTH).trim();
}

/** `document` as a new flow: same nodes, edges, variables and settings, under a new id and name. */
export function copyFlowDocument(document: FlowDocument, id: string, name: string): FlowDocument {
  return { ...structuredClone(document), id, name: flowName(name) };
}

/** `document` with only its name changed. */
export function renamedFlowDocument(document: FlowDocument, name: string): FlowDocument {
  return { ...document, name: flowName(name) };
}
