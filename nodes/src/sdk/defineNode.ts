import type { z } from 'zod';
import type { Localized } from '../i18n/localized.js';
import type { Services } from './services.js';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export const nodeCategories = ['messages', 'input', 'logic', 'understanding', 'actions', 'handoff', 'integrations'] as const;
export type NodeCategory = (typeof nodeCategories)[number];

export interface PortSpec {
  id: string;
  label: Localized;
  /** `error` ports are where a failing node continues; the builder draws them differently. */
  kind?: 'default' | 'error';
}

/** What the customer should answer; the chat API passes it to clients as `input`. */
export interface InputSpec {
  type: 'text' | 'email' | 'phone' | 'number' | 'date' | 'choice' | 'yesno' | string;
  choices?: { id: string; label: string }[];
}

/** A link shown with a bot message: a booking's .ics file, a document, an uploaded photo. */
export interface MessageAttachment {
  name: string;
  url: string;
  contentType?: string;
}

export interface BotMessage {
  text: string;
  choices?: { id: string; label: string }[];
  attachments?: MessageAttachment[];
}

/** A customer's message as the node sees it (sensitive answers arrive in clear only here). */
export interface UserInput {
  text?: string;
  choice?: string;
  /** Ids of files the customer uploaded for this answer (`POST /v1/conversations/{id}/files`); an extension of the contract. */
  files?: string[];
}

export type NodeResult =
  | { port: string }
  | { wait: { input: InputSpec; state?: Json } }
  | { end: true }
  | { handoff: { reason: string; resumePort: string; callbackRequested?: boolean } };

export interface NodeLogger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export interface VariableAccess {
  get(name: string): Json | undefined;
  set(name: string, value: Json): void;
  all(): Readonly<Record<string, Json>>;
  /** Whether the variable holds an answer given at a `sensitive` node (sealed; must never be stored in clear). */
  isSecret?(name: string): boolean;
}

export interface NodeContext<Config> {
  /** Validated config with `{{variable}}` templates filled in (Text values still per locale: use `text()`). */
  config: Config;
  node: { id: string; type: string; sensitive: boolean };
  flow: { id: string; version: number | null; locales: string[]; settings: Record<string, unknown> };
  conversation: { id: string; isTest: boolean; startedAt: string };
  /** The conversation's locale (one of the flow's locales). */
  locale: string;
  vars: VariableAccess;
  /** Resolves a Text for the conversation's locale, falling back to the flow's default locale. */
  text(value: unknown): string;
  say(message: string | BotMessage): void;
  /**
   * Shows a piece of the text this node is about to `say` to a client that asked for a streamed reply (an LLM writing
   * its answer). Only a preview: the message itself is what `say` adds afterwards. Dropped when nobody listens, and
   * for sensitive nodes or while the conversation holds sensitive answers, so nothing can leak past redaction.
   */
  stream(delta: string): void;
  /** Present when the node waited and the customer answered: the answer that resumes it. */
  input?: UserInput;
  /** What the node stored when it last waited (attempt counters and the like). */
  state?: Json;
  /**
   * The customer's latest message when this node is reached right after the node that received it and nothing was
   * said since (an `intent` falling back to an `faq` answers the same question). Understanding nodes use it
   * instead of waiting.
   */
  pendingInput?: UserInput;
  /** Marks the pending message as handled so later nodes in this turn wait for a new one. */
  consumePendingInput(): void;
  wait(input: InputSpec, state?: Json): NodeResult;
  next(port: string): NodeResult;
  end(): NodeResult;
  handoff(reason: string, resumePort: string, options?: { callbackRequested?: boolean }): NodeResult;
  /** Records a structured transcript event (lead captured, fallback, rating) that KPIs and reviews read. */
  record(type: string, data?: Record<string, Json>): void;
  services: Services;
  log: NodeLogger;
  signal: AbortSignal;
  now(): Date;
}

export interface NodeMigration {
  /** Migrates a config of version `from` to version `from + 1`. */
  from: number;
  migrate(config: Record<string, unknown>): Record<string, unknown>;
}

export interface NodeDefinition<Schema extends z.ZodType = z.ZodType> {
  type: string;
  version: number;
  category: NodeCategory;
  label: Localized;
  description: Localized;
  /** Icon name from the builder's icon set (lucide names). */
  icon?: string;
  config: Schema;
  ports: PortSpec[] | ((config: z.infer<Schema>) => PortSpec[]);
  migrations?: NodeMigration[];
  /** Whether the node can pause the turn for customer input; the validator uses it to find loops that never wait. */
  waitsForInput?: boolean | ((config: z.infer<Schema>) => boolean);
  /**
   * Understanding nodes (intent, faq, llm_answer): when resumed with the customer's message, leave it as the next
   * node's `pendingInput`, so a fallback chain answers the same question. Other nodes consume the answer they waited for.
   */
  passesInputOn?: boolean;
  /** Variables the node writes or reads by name (not via templates), so the validator can check declarations. */
  variables?: (config: z.infer<Schema>) => string[];
  /** A short line for the canvas (e.g. the question), in the staff's language. */
  summary?: (config: z.infer<Schema>, locale: string) => string;
  /**
   * For nodes that pass (parts of) their config to a third party (an LLM): `{{variable}}` templates of variables marked
   * `pii` in the flow are filled with a placeholder (`[name]`, see `withheldPii`) instead of their value, in the whole
   * config (`true`) or in the listed top-level config fields only (customer-facing texts keep the real values). The
   * engine and the node test kit both apply it; taking the config lets a node offer an opt-out (`allowPii`).
   */
  withholdsPii?: (config: z.infer<Schema>) => boolean | readonly string[];
  /** Time limit for one `run`; the flow's `settings.nodeTimeoutMs` or 10 s applies when absent. */
  timeoutMs?: number;
  /**
   * Expensive work that depends only on the config (training a matcher, building an index), which the runtime does
   * when a flow version is published and when the server starts, so no customer's turn waits for it. Configs with
   * `{{templates}}` are not prepared (their values are only known in a conversation). Server side, like `run`.
   */
  prepare?: (config: z.infer<Schema>) => void;
  /** Server-side behaviour; absent in browser-only definition bundles. */
  run?: (ctx: NodeContext<z.infer<Schema>>) => NodeResult | Promise<NodeResult>;
}

/** Declares a node type; the identity function keeps config types flowing from the zod schema into `run`. */
export function defineNode<Schema extends z.ZodType>(definition: NodeDefinition<Schema>): NodeDefinition<Schema> {
  if (!/^[a-z][a-z0-9_]*(\/[a-z][a-z0-9_-]*)?$/.test(definition.type)) {
    throw new Error(`Node type "${definition.type}" must be lowercase, e.g. "ask" or "myplugin/create_ticket"`);
  }
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    throw new Error(`Node type "${definition.type}" needs an integer version >= 1`);
  }
  return definition;
}

/** Adds server behaviour to a browser-safe definition, keeping `run` (and `prepare`) out of the builder's bundle. */
export function withRun<Schema extends z.ZodType>(
  definition: NodeDefinition<Schema>,
  run: NonNullable<NodeDefinition<Schema>['run']>,
  extras: { prepare?: NodeDefinition<Schema>['prepare'] } = {},
): NodeDefinition<Schema> {
  return { ...definition, run, ...extras };
}

export function portsOf(definition: NodeDefinition, config: unknown): PortSpec[] {
  return typeof definition.ports === 'function' ? definition.ports(config as never) : definition.ports;
}

/** Where this node's templates get pii variables as placeholders: nowhere, everywhere or in the listed config fields. */
export function withholdsPii(definition: NodeDefinition, config: unknown): boolean | readonly string[] {
  const fields = definition.withholdsPii?.(config as never) ?? false;
  return Array.isArray(fields) ? (fields.length > 0 ? fields : false) : fields === true;
}

export function waitsForInput(definition: NodeDefinition, config: unknown): boolean {
  const waits = definition.waitsForInput;
  return typeof waits === 'function' ? waits(config as never) : Boolean(waits);
}
