import type { TurnResponse } from '../conversations/chatResponse.js';
import type { ConversationState, ConversationStatus } from '../engine/conversationState.js';

const statusNotes: Record<ConversationStatus, string> = {
  awaiting_input: '-- status: awaiting_input (the bot is listening again) --',
  handed_off: '-- status: handed_off (staff would take over now; your messages are stored but the bot stays silent) --',
  ended: '-- status: ended (type /restart for a new conversation or /quit to leave) --',
};

/**
 * A turn as terminal lines. The user's own message is left out: the terminal already shows what was typed.
 * `previous` is the status before the turn (none for the opening), so a change is announced once, not every turn.
 */
export function renderTurn(response: TurnResponse, previous: ConversationStatus | undefined): string[] {
  const lines: string[] = [];
  for (const message of response.messages) {
    if (message.role === 'user') continue;
    lines.push(`${message.role}> ${message.text}`);
    message.choices?.forEach((choice, index) => lines.push(`     ${index + 1}. ${choice.label}`));
  }
  if (response.status !== (previous ?? 'awaiting_input')) lines.push(statusNotes[response.status]);
  if (response.input?.choices?.length) lines.push('     (type a number, a label or your own text)');
  else if (response.input && response.input.type !== 'text') lines.push(`     (expects: ${response.input.type})`);
  return lines;
}

/** `/vars`: every variable with its value as JSON; answers to sensitive questions stay masked even here. */
export function renderVars(state: ConversationState): string[] {
  const entries = Object.entries(state.vars).map(([name, value]) => `  ${name} = ${JSON.stringify(value)}`);
  entries.push(...Object.keys(state.secrets).map((name) => `  ${name} = ••• (sensitive)`));
  return entries.length ? entries : ['  (no variables set)'];
}
