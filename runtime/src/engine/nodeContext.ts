import {
  resolveText,
  collectTemplateVariables,
  fillTemplatesWithholding,
  withholdsPii,
  type BotMessage,
  type Json,
  type NodeContext,
  type NodeLogger,
  type NodeResult,
  type Services,
  type UserInput,
} from '@dialogwerk/nodes';
import type { CompiledFlow, CompiledNode } from './compileFlow.js';
import type { ConversationState } from './conversationState.js';
import type { TurnRecorder } from './turnRecorder.js';
import { variableAccess } from './variableStore.js';
import { redactSecrets } from './redaction.js';

export interface ConversationInfo {
  id: string;
  isTest: boolean;
}

export interface NodeRunScope {
  flow: CompiledFlow;
  node: CompiledNode;
  state: ConversationState;
  conversation: ConversationInfo;
  recorder: TurnRecorder;
  services: Services;
  log: NodeLogger;
  signal: () => AbortSignal;
  now: () => Date;
  input?: UserInput;
  nodeState?: Json;
  pending: { input?: UserInput };
  /** False once the engine is done with this run (e.g. it timed out): later writes through `ctx` are dropped. */
  isActive?: () => boolean;
  /** Receives `ctx.stream` previews for a client that asked for a streamed reply (see runTurn's `onDelta`). */
  onDelta?: (delta: { nodeId: string; text: string }) => void;
}

/** Builds the `ctx` a node's `run` receives; everything a node may do to a conversation goes through here. */
export function createNodeContext(scope: NodeRunScope): NodeContext<unknown> {
  const { flow, node, state, recorder } = scope;
  const lookup = (name: string) => (name in state.secrets ? state.secrets[name] : state.vars[name]);
  // Nodes that hand their config to third parties (an LLM) get pii variables as placeholders unless they opt in.
  const config = node.templated
    ? fillTemplatesWithholding(node.config, lookup, flow.piiVariables, withholdsPii(node.definition, node.config))
    : node.config;
  const templatedSecrets = node.templated
    ? new Set([...collectTemplateVariables(node.config)].filter((name) => name in state.secrets))
    : new Set<string>();
  const defaultLocale = flow.locales[0]!;
  const active = scope.isActive ?? (() => true);
  const vars = variableAccess(flow, state, node.sensitive);
  const secretVars = variableAccess(flow, state, true);
  // A value a node derived from a sensitive answer it was templated with (a `set` copying `{{pin}}`) is as
  // sensitive as the answer itself, so it goes to the sealed secrets too.
  const derivedFromSecret = (value: Json) => {
    if (templatedSecrets.size === 0) return false;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return [...templatedSecrets].some((name) => {
      const secret = state.secrets[name];
      const plain = typeof secret === 'string' ? secret : JSON.stringify(secret);
      return plain !== undefined && plain !== '' && text.includes(plain);
    });
  };
  const say = (message: string | BotMessage) => {
    if (!active()) return;
    const { text, choices, attachments } = typeof message === 'string' ? { text: message, choices: undefined, attachments: undefined } : message;
    recorder.message('bot', redactSecrets(text, state.secrets, templatedSecrets), node.id, choices, attachments);
    scope.pending.input = undefined;
  };
  return {
    config,
    node: { id: node.id, type: node.type, sensitive: node.sensitive },
    flow: { id: flow.id, version: flow.version, locales: flow.locales, settings: flow.document.settings },
    conversation: { id: scope.conversation.id, isTest: scope.conversation.isTest, startedAt: state.startedAt },
    locale: state.locale,
    vars: {
      get: vars.get,
      all: vars.all,
      isSecret: (name) => name in state.secrets,
      set: (name, value) => {
        if (active()) (derivedFromSecret(value) ? secretVars : vars).set(name, value);
      },
    },
    text: (value) => resolveText(value as never, state.locale, defaultLocale),
    say,
    stream: (delta) => {
      // Previews bypass the redaction `say` applies, so they are only sent when there is nothing to redact.
      if (!active() || !scope.onDelta || node.sensitive || Object.keys(state.secrets).length > 0) return;
      if (typeof delta === 'string' && delta !== '') scope.onDelta({ nodeId: node.id, text: delta });
    },
    input: scope.input,
    state: scope.nodeState,
    pendingInput: scope.input ? undefined : scope.pending.input,
    consumePendingInput: () => {
      if (active()) scope.pending.input = undefined;
    },
    wait: (input, nodeState): NodeResult => ({ wait: { input, state: nodeState } }),
    next: (port): NodeResult => ({ port }),
    end: (): NodeResult => ({ end: true }),
    handoff: (reason, resumePort, options): NodeResult => ({ handoff: { reason, resumePort, ...options } }),
    record: (type, data) => {
      if (active()) recorder.domainEvent(type, node.id, data);
    },
    services: scope.services,
    log: scope.log,
    get signal() {
      return scope.signal();
    },
    now: scope.now,
  };
}
