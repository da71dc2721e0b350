import { customerText, resolveText, type Json, type NodeLogger, type NodeResult, type Services, type UserInput } from '@dialogwerk/nodes';
import type { CompiledFlow, CompiledNode } from './compileFlow.js';
import type { ConversationState } from './conversationState.js';
import { TurnRecorder } from './turnRecorder.js';
import { createNodeContext, type ConversationInfo } from './nodeContext.js';
import { runWithTimeout, NodeTimeoutError } from './runWithTimeout.js';
import { fallbackReasonText } from './fallbackReasons.js';
import { REDACTED, redactSecrets } from './redaction.js';
import { userFileMessage } from '../files/userAttachments.js';

export type TurnTrigger =
  | { kind: 'start' }
  | { kind: 'message'; input: UserInput }
  | { kind: 'release'; nodeId?: string }
  | { kind: 'agent_message'; text: string };

export interface EngineEnvironment {
  services: Services;
  log: NodeLogger;
  now: () => Date;
  defaultNodeTimeoutMs: number;
  defaultMaxSteps: number;
  /** Set for a streamed reply (SSE): gets the text previews nodes send with `ctx.stream` while the turn runs. */
  onDelta?: (delta: { nodeId: string; text: string }) => void;
}

export interface HandoffChange {
  opened?: { nodeId: string | null; reason: string };
  closed?: boolean;
}

export interface TurnOutcome {
  state: ConversationState;
  recorder: TurnRecorder;
  handoff: HandoffChange;
}

interface Cursor {
  nodeId: string;
  input?: UserInput;
  nodeState?: Json;
  resumed?: boolean;
}

function userText(input: UserInput, state: ConversationState): string {
  if (input.text !== undefined) return input.text;
  const choice = state.waiting?.input.choices?.find((option) => option.id === input.choice);
  return choice?.label ?? input.choice ?? '';
}

function isNodeResult(value: unknown): value is NodeResult {
  return typeof value === 'object' && value !== null && ('port' in value || 'wait' in value || 'end' in value || 'handoff' in value);
}

/**
 * Runs one turn: from the trigger until a node waits, the flow ends, or staff take over. Pure apart from node
 * side effects: it mutates the given state copy and records the transcript; persisting is the caller's job.
 */
export async function runTurn(
  flow: CompiledFlow,
  state: ConversationState,
  conversation: ConversationInfo,
  trigger: TurnTrigger,
  env: EngineEnvironment,
): Promise<TurnOutcome> {
  const recorder = new TurnRecorder(env.now);
  const handoff: HandoffChange = {};
  const pending: { input?: UserInput } = {};
  const settings = flow.document.settings;
  const maxSteps = settings.maxStepsPerTurn ?? env.defaultMaxSteps;

  const fallback = (nodeId: string | null, reason: string, detail?: string) => {
    recorder.event('fallback', nodeId, null, { reason, ...(detail ? { detail } : {}) });
    const apology = settings.fallbackText
      ? resolveText(settings.fallbackText, state.locale, flow.locales[0]!)
      : customerText('fallbackApology', state.locale);
    recorder.message('bot', apology, nodeId);
    state.waiting = undefined;
    state.status = 'handed_off';
    // Staff read the reason in the flow's default language; the code stays in the event for KPIs and reviews.
    const reasonText = fallbackReasonText(reason, nodeId, flow.locales[0]!);
    state.handoff = { nodeId, resumePort: null, reason: reasonText };
    handoff.opened = { nodeId, reason: reasonText };
    recorder.event('handoff_opened', nodeId, null, { reason: reasonText, code: reason });
  };

  let cursor: Cursor | undefined;
  switch (trigger.kind) {
    case 'start':
      cursor = { nodeId: flow.start };
      break;
    case 'agent_message':
      recorder.message('agent', trigger.text, null);
      return { state, recorder, handoff };
    case 'message': {
      const waiting = state.waiting;
      const sensitive = waiting ? flow.nodes.get(waiting.nodeId)?.sensitive : false;
      const files = sensitive ? undefined : await userFileMessage(trigger.input, conversation.id, env.services.files);
      recorder.message('user', sensitive ? REDACTED : (files?.text ?? userText(trigger.input, state)), waiting?.nodeId ?? null, undefined, files?.attachments);
      if (state.status !== 'awaiting_input' || !waiting) return { state, recorder, handoff };
      cursor = { nodeId: waiting.nodeId, input: trigger.input, nodeState: waiting.state, resumed: true };
      pending.input = trigger.input;
      break;
    }
    case 'release': {
      const previous = state.handoff;
      state.handoff = undefined;
      state.status = 'awaiting_input';
      handoff.closed = true;
      recorder.event('handoff_released', trigger.nodeId ?? previous?.nodeId ?? null, null);
      const target = trigger.nodeId ?? (previous?.nodeId && previous.resumePort
        ? flow.nodes.get(previous.nodeId)?.targets.get(previous.resumePort)
        : undefined);
      if (!target) {
        state.status = 'ended';
        recorder.event('conversation_ended', null, null, { reason: 'released_without_target' });
        state.secrets = {};
        return { state, recorder, handoff };
      }
      if (previous?.nodeId && previous.resumePort && !trigger.nodeId) {
        recorder.event('node_left', previous.nodeId, previous.resumePort);
      }
      cursor = { nodeId: target };
      break;
    }
  }
  state.waiting = undefined;

  let steps = 0;
  while (cursor) {
    const node: CompiledNode | undefined = flow.nodes.get(cursor.nodeId);
    if (!node) {
      fallback(cursor.nodeId, 'node_missing');
      break;
    }
    if (++steps > maxSteps) {
      env.log.error('loop guard stopped the turn', { flowId: flow.id, nodeId: node.id, steps: maxSteps });
      fallback(node.id, 'loop_guard', `more than ${maxSteps} steps in one turn`);
      break;
    }
    if (!cursor.resumed) recorder.event('node_entered', node.id);
    const timeoutMs = node.definition.timeoutMs ?? settings.nodeTimeoutMs ?? env.defaultNodeTimeoutMs;
    let result: NodeResult;
    // A node that outlives its run (timed out, or keeps a reference to ctx) must not touch the turn any more.
    let active = true;
    try {
      const current = cursor;
      const outcome = await runWithTimeout((signal) => {
        const ctx = createNodeContext({
          flow, node, state, conversation, recorder, signal, pending,
          services: env.services, log: env.log, now: env.now,
          input: current.input, nodeState: current.nodeState, isActive: () => active, onDelta: env.onDelta,
        });
        if (!node.definition.run) throw new Error(`node type "${node.type}" has no server behaviour`);
        return node.definition.run(ctx);
      }, timeoutMs);
      if (!isNodeResult(outcome)) throw new Error('run() must return ctx.next(port), ctx.wait(...), ctx.end() or ctx.handoff(...)');
      if ('port' in outcome && !node.ports.has(outcome.port)) throw new Error(`run() returned undeclared port "${outcome.port}"`);
      result = outcome;
    } catch (error) {
      const reason = error instanceof NodeTimeoutError ? 'node_timeout' : 'node_error';
      // Nodes may throw anything (a string, undefined); only an Error has a message. It is stored with the turn, so
      // sensitive answers a node put into it (e.g. via a templated config) are hidden, however short.
      const message = redactSecrets(error instanceof Error ? error.message : String(error), state.secrets, new Set(Object.keys(state.secrets)));
      env.log.error(`node failed: ${message}`, { flowId: flow.id, nodeId: node.id, nodeType: node.type, source: node.source, reason });
      recorder.event('node_error', node.id, node.errorPort ?? null, { reason, message: message.slice(0, 500) });
      const target = node.errorPort ? node.targets.get(node.errorPort) : undefined;
      if (target) {
        recorder.event('node_left', node.id, node.errorPort);
        cursor = { nodeId: target };
        continue;
      }
      fallback(node.id, reason, message.slice(0, 200));
      break;
    } finally {
      active = false;
    }
    // The node that waited for this message has used it (an ask stored the answer); only understanding nodes hand it
    // on, so an intent that falls back to an faq answers the same question.
    if (cursor.input !== undefined && !node.definition.passesInputOn) pending.input = undefined;

    if ('wait' in result) {
      state.status = 'awaiting_input';
      state.waiting = { nodeId: node.id, input: result.wait.input, state: result.wait.state };
      break;
    }
    if ('end' in result) {
      recorder.event('node_left', node.id, null);
      recorder.event('conversation_ended', node.id);
      state.status = 'ended';
      state.secrets = {};
      break;
    }
    if ('handoff' in result) {
      state.status = 'handed_off';
      state.handoff = { nodeId: node.id, resumePort: result.handoff.resumePort, reason: result.handoff.reason };
      handoff.opened = { nodeId: node.id, reason: result.handoff.reason };
      recorder.event('handoff_opened', node.id, null, { reason: result.handoff.reason });
      break;
    }
    recorder.event('node_left', node.id, result.port);
    const target = node.targets.get(result.port);
    if (!target) {
      fallback(node.id, 'port_unconnected', `port "${result.port}" is not connected`);
      break;
    }
    cursor = { nodeId: target };
  }
  return { state, recorder, handoff };
}
