/** Shapes of the runtime's admin and chat API as the builder uses them (see docs/ARCHITECTURE.md and /v1/openapi.json). */

/** A user-facing text in a flow: one string for every language, or one per locale tag. */
export type FlowText = string | Record<string, string>;

export interface FlowNode {
  id: string;
  type: string;
  version?: number;
  config?: Record<string, unknown>;
  position?: { x: number; y: number };
  label?: string;
  sensitive?: boolean;
}

export interface FlowEdge {
  id: string;
  from: { node: string; port: string };
  to: string;
}

export interface FlowDocument {
  format: string;
  id: string;
  name: string;
  description?: string;
  locales: string[];
  start: string;
  nodes: FlowNode[];
  edges?: FlowEdge[];
  variables?: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

export interface FlowSummary {
  id: string;
  name: string;
  revision: number;
  publishedVersion: number | null;
  updatedAt: string;
  createdAt?: string;
}

export interface FlowDetail {
  draft: FlowDocument;
  revision: number;
  publishedVersion: number | null;
  name: string;
  updatedAt: string;
}

export type ProblemSeverity = 'error' | 'warning';

/** A validation finding; `message` is already in the language sent as `Accept-Language`. */
export interface FlowProblem {
  code: string;
  severity: ProblemSeverity;
  message: string;
  path: (string | number)[];
  nodeId?: string;
  edgeId?: string;
  /** Every node involved when there are several (the nodes of a loop). */
  nodeIds?: string[];
  /** The message in both UI languages (sent by the draft PUT). */
  messages?: Record<string, string>;
}

/** Ports of each node whose ports depend on its config, by node id, as the node's own definition computes them. */
export type NodePortsById = Record<string, PortSpec[]>;

export interface ValidationResult {
  ok: boolean;
  problems: FlowProblem[];
  ports?: NodePortsById;
}

export interface SaveDraftResult {
  revision: number;
  problems: FlowProblem[];
  warnings: number;
  ports?: NodePortsById;
}

export interface FlowVersion {
  version: number;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}

/** `GET /v1/flows/{id}/versions/{n}`. */
export interface FlowVersionDetail extends FlowVersion {
  document: FlowDocument;
}

/** One engine event of a transcript: `node_entered`, `node_left` (with `port`), `message`, business events, … */
export interface TranscriptEvent {
  turn: number;
  type: string;
  nodeId: string | null;
  port?: string | null;
  data?: Record<string, unknown>;
  message?: ChatMessage;
  createdAt: string;
}

/** `GET /v1/conversations/{id}/transcript` (admin). */
export interface ConversationTranscript {
  conversationId: string;
  flowId: string;
  flowVersion: number | null;
  isTest: boolean;
  status: ConversationStatus;
  locale: string;
  createdAt: string;
  updatedAt: string;
  events: TranscriptEvent[];
  /** Where the conversation stands now (the node it waits at) and its variables; secret values are masked. */
  state?: { waitingNodeId: string | null; variables: Record<string, unknown> };
}

/** `GET /v1/templates` item. */
export interface FlowTemplateSummary {
  id: string;
  name: string;
  description?: string;
  locales: string[];
  nodeCount: number;
}

export interface ChatChoice {
  id: string;
  label: string;
}

export interface ChatMessage {
  id: string;
  role: 'bot' | 'user' | 'agent';
  text: string;
  choices?: ChatChoice[];
  createdAt: string;
}

export type ConversationStatus = 'awaiting_input' | 'ended' | 'handed_off';

export interface InputSpec {
  type: string;
  choices?: ChatChoice[];
}

/** What every chat turn answers: the new messages and, while the bot waits, what it waits for. */
export interface TurnResponse {
  status: ConversationStatus;
  messages: ChatMessage[];
  input?: InputSpec;
}

export interface StartedConversation extends TurnResponse {
  conversationId: string;
  token: string;
}

/** A customer message: free text or the id of an offered choice, with a client id that makes retries idempotent. */
export type OutgoingMessage = { id: string; text: string } | { id: string; choice: string };

/** A text in every UI language, as the node catalogue sends labels and descriptions. */
export type LocalizedLabel = Record<string, string>;

export interface PortSpec {
  id: string;
  label: LocalizedLabel;
  /** `error` ports are where a failing node continues. */
  kind?: 'default' | 'error';
}

/** One entry of `GET /v1/nodes`. */
export interface NodeCatalogueEntry {
  type: string;
  version: number;
  category: string;
  label: LocalizedLabel;
  description: LocalizedLabel;
  icon?: string;
  /** JSON Schema (draft 2020-12) of the node's config. */
  configSchema: unknown;
  /** Ports for the default config. */
  ports: PortSpec[];
  /** True when the ports depend on the config (one per choice, intent or rule). */
  dynamicPorts: boolean;
  source: string;
}
