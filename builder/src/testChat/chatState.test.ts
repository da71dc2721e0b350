import { describe, expect, it } from 'vitest';
import type { ChatMessage, StartedConversation } from '../api/types.js';
import { canReply, chatReducer, currentChoices, initialChatState, mergeMessages, type ChatState } from './chatState.js';

const message = (id: string, role: ChatMessage['role'] = 'bot', extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id,
  role,
  text: `text ${id}`,
  createdAt: '2025-01-01T00:00:00Z',
  ...extra,
});

const started: StartedConversation = { conversationId: 'c1', token: 'tok', status: 'awaiting_input', messages: [message('m1')], input: { type: 'text' } };

describe('mergeMessages', () => {
  it('appends new messages and skips ids already shown', () => {
    const merged = mergeMessages([message('a'), message('b')], [message('b'), message('c'), message('c')]);
    expect(merged.map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('returns the same array when nothing is new', () => {
    const existing = [message('a')];
    expect(mergeMessages(existing, [message('a')])).toBe(existing);
  });
});

describe('chatReducer', () => {
  it('runs start → started → send → received', () => {
    let state = chatReducer(initialChatState, { type: 'start' });
    expect(state.phase).toBe('starting');
    state = chatReducer(state, { type: 'started', response: started });
    expect(state).toMatchObject({ phase: 'ready', conversation: { id: 'c1', token: 'tok' }, status: 'awaiting_input' });
    expect(canReply(state)).toBe(true);
    state = chatReducer(state, { type: 'send' });
    expect(canReply(state)).toBe(false);
    state = chatReducer(state, { type: 'received', response: { status: 'ended', messages: [message('u1', 'user'), message('m2')] } });
    expect(state.messages.map((m) => m.id)).toEqual(['m1', 'u1', 'm2']);
    expect(state.status).toBe('ended');
    expect(state.input).toBeNull();
    expect(canReply(state)).toBe(false);
  });

  it('restarting forgets the old conversation', () => {
    const running = chatReducer(chatReducer(initialChatState, { type: 'start' }), { type: 'started', response: started });
    const restarted = chatReducer(running, { type: 'start' });
    expect(restarted).toMatchObject({ phase: 'starting', conversation: null, messages: [] });
  });

  it('keeps the conversation after a failed message, so the user can retry', () => {
    const running = chatReducer(chatReducer(initialChatState, { type: 'start' }), { type: 'started', response: started });
    const failed = chatReducer(chatReducer(running, { type: 'send' }), { type: 'failed', error: new Error('x') });
    expect(failed.phase).toBe('ready');
    expect(failed.conversation).not.toBeNull();
    expect(canReply(failed)).toBe(true);
  });

  it('goes back to idle when starting failed', () => {
    const failed = chatReducer(chatReducer(initialChatState, { type: 'start' }), { type: 'failed', error: new Error('422') });
    expect(failed).toMatchObject({ phase: 'idle', conversation: null });
  });
});

describe('currentChoices', () => {
  const choices = [
    { id: 'yes', label: 'Ja' },
    { id: 'no', label: 'Nein' },
  ];
  const waiting = (patch: Partial<ChatState>): ChatState => ({ ...initialChatState, phase: 'ready', status: 'awaiting_input', ...patch });

  it('prefers the choices of the awaited input', () => {
    expect(currentChoices(waiting({ input: { type: 'choice', choices }, messages: [message('a')] }))).toEqual(choices);
  });

  it('falls back to the last bot message', () => {
    expect(currentChoices(waiting({ input: { type: 'choice' }, messages: [message('a', 'bot', { choices })] }))).toEqual(choices);
  });

  it('offers nothing once the customer answered or the conversation is over', () => {
    expect(currentChoices(waiting({ messages: [message('a', 'bot', { choices }), message('b', 'user')] }))).toEqual([]);
    expect(currentChoices(waiting({ status: 'ended', input: { type: 'choice', choices } }))).toEqual([]);
  });
});
