import type { BotMessage, Json } from '../sdk/defineNode.js';
import type { LogEntry, RecordedEvent } from './capture.js';

/** What went wrong while running a node under test; `kind` lets tests assert without matching message text. */
export type NodeRunErrorKind =
  | 'invalid_config'
  | 'migration_failed'
  | 'invalid_options'
  | 'no_run'
  | 'threw'
  | 'timeout'
  | 'bad_result'
  | 'undeclared_port'
  | 'not_json'
  | 'invalid_call'
  | 'not_waiting'
  | 'unused_inputs';

export interface NodeRunErrorDetails {
  nodeType: string;
  /** What the node said before it failed. */
  messages?: BotMessage[];
  records?: RecordedEvent[];
  logs?: LogEntry[];
  vars?: Record<string, Json>;
  /**
   * Where the engine would continue after this failure: the node's error port (kind `error` or id `error`), or
   * `null` when it has none and the conversation falls back to the flow's fallback (apology and escalation).
   */
  errorPort?: string | null;
  cause?: unknown;
}

/** A node failed in a way the engine would treat as a node error (or the test itself misused the kit). */
export class NodeRunError extends Error {
  readonly kind: NodeRunErrorKind;
  readonly nodeType: string;
  readonly messages: BotMessage[];
  readonly records: RecordedEvent[];
  readonly logs: LogEntry[];
  readonly vars: Record<string, Json>;
  readonly errorPort: string | null | undefined;

  constructor(kind: NodeRunErrorKind, message: string, details: NodeRunErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'NodeRunError';
    this.kind = kind;
    this.nodeType = details.nodeType;
    this.messages = details.messages ?? [];
    this.records = details.records ?? [];
    this.logs = details.logs ?? [];
    this.vars = details.vars ?? {};
    this.errorPort = details.errorPort;
  }
}

export interface ConfigIssue {
  /** Dotted path into the config, e.g. `choices[0].id`; empty for the config as a whole. */
  path: string;
  message: string;
}

/** The config given to the kit does not pass the node's zod schema (the engine refuses to compile such a flow). */
export class NodeConfigError extends NodeRunError {
  readonly issues: ConfigIssue[];

  constructor(nodeType: string, issues: ConfigIssue[]) {
    const lines = issues.map((issue) => `  - ${issue.path || '(config)'}: ${issue.message}`);
    super('invalid_config', `Invalid config for node type "${nodeType}":\n${lines.join('\n')}`, { nodeType });
    this.name = 'NodeConfigError';
    this.issues = issues;
  }
}

/** Where the engine goes after a node error, for error messages. */
export function describeErrorRoute(errorPort: string | null): string {
  return errorPort ? `the engine would continue at its error port "${errorPort}"` : "the engine would use the flow's fallback (apology and escalation)";
}
