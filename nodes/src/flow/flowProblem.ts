import type { Localized } from '../i18n/localized.js';

export type FlowProblemSeverity = 'error' | 'warning';

/**
 * Every problem the validator can report, with its fixed severity. Errors block saving a valid draft and publishing;
 * warnings point at things that work but are probably unintended. Codes are part of the API (the builder and the 422
 * `details` of the admin API carry them), so add new ones rather than changing the meaning of existing ones.
 */
export const flowProblemCodes = {
  /** The document does not match the flow schema; one problem per schema issue, at its path. */
  FLOW_SCHEMA_INVALID: 'error',
  /** `format` names a format this version neither reads nor can migrate; nothing else is checked then. */
  FLOW_FORMAT_UNSUPPORTED: 'error',
  /** `locales` lists a language twice. */
  FLOW_LOCALE_DUPLICATE: 'error',
  /** `start` is empty or names no node. */
  FLOW_START_MISSING: 'error',
  /** Two nodes share an id; reported on every occurrence after the first. */
  FLOW_NODE_ID_DUPLICATE: 'error',
  /** Two edges share an id; reported on every occurrence after the first. */
  FLOW_EDGE_ID_DUPLICATE: 'error',
  /** No registered node definition has the node's type (often a missing plugin). */
  FLOW_NODE_TYPE_UNKNOWN: 'error',
  /** The node's version is newer than the registry's definition, or a migration to it is missing or fails. */
  FLOW_NODE_VERSION_UNSUPPORTED: 'error',
  /** The node's (migrated) config fails its definition's schema; one problem per schema issue. */
  FLOW_NODE_CONFIG_INVALID: 'error',
  /** An edge starts at a node id that does not exist. */
  FLOW_EDGE_SOURCE_MISSING: 'error',
  /** An edge leads to a node id that does not exist. */
  FLOW_EDGE_TARGET_MISSING: 'error',
  /** An edge starts at a port its node does not declare (for its current config). */
  FLOW_EDGE_PORT_UNKNOWN: 'error',
  /** One output port has more than one edge; the runtime could only follow one of them. */
  FLOW_PORT_MULTIPLE_EDGES: 'error',
  /** A node names a variable (directly or in a `{{template}}`) that `variables` does not declare. */
  FLOW_VARIABLE_UNDECLARED: 'error',
  /** An ask with input `file` stores into a variable declared with another type than `file`. */
  FLOW_ASK_FILE_VARIABLE_TYPE: 'error',
  /** An ask with another input than `file` stores into a variable declared as `file`, where later nodes expect files. */
  FLOW_FILE_VARIABLE_NOT_FILE_INPUT: 'warning',
  /** Nodes form a cycle in which none can wait for the customer, so a turn would never end; once per cycle group. */
  FLOW_LOOP_WITHOUT_INPUT: 'error',
  /** A text the node requires (a question, a message) is empty in every language. */
  FLOW_TEXT_EMPTY: 'error',
  /** A per-language text has nothing for one of the flow's languages; those customers see another language. */
  FLOW_TEXT_TRANSLATION_MISSING: 'warning',
  /** The node cannot be reached from `start`, so it never runs. */
  FLOW_NODE_UNREACHABLE: 'warning',
  /** A declared output port has no edge; taking it at run time leads to the fallback (apology and escalation). */
  FLOW_PORT_UNCONNECTED: 'warning',
  /** The node needs a language model (llm_answer) but the server has none configured; reported by the runtime, not the pure validator. */
  FLOW_LLM_NOT_CONFIGURED: 'warning',
  /** A faq or llm_answer node names a knowledge base the server does not have; reported by the runtime, not the pure validator. */
  FLOW_KNOWLEDGE_BASE_MISSING: 'warning',
} as const satisfies Record<string, FlowProblemSeverity>;

export type FlowProblemCode = keyof typeof flowProblemCodes;

export const flowProblemCodeList = Object.keys(flowProblemCodes) as FlowProblemCode[];

export function severityOf(code: FlowProblemCode): FlowProblemSeverity {
  return flowProblemCodes[code];
}

export type FlowProblemPath = (string | number)[];

export interface FlowProblem {
  code: FlowProblemCode;
  severity: FlowProblemSeverity;
  /** Where in the flow document the problem sits, e.g. `['nodes', 3, 'config', 'text']`. */
  path: FlowProblemPath;
  nodeId?: string;
  edgeId?: string;
  /** Every node involved when there are several (the nodes of a loop), in document order. */
  nodeIds?: string[];
  /** Ready-made text for staff in both product languages. */
  message: Localized;
  /** The facts the message is built from; language-specific ones (schema messages, port labels) in English. */
  params?: Record<string, string | number>;
}
