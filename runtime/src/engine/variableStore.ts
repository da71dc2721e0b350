import type { Json, VariableAccess } from '@dialogwerk/nodes';
import type { CompiledFlow } from './compileFlow.js';
import type { ConversationState } from './conversationState.js';

/** Converts a value to the declared variable type where that is lossless, so conditions compare sensibly. */
export function coerceToVariableType(type: string | undefined, value: Json): Json {
  if (type === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (type === 'boolean' && typeof value === 'string') {
    if (/^(true|ja|yes)$/i.test(value.trim())) return true;
    if (/^(false|nein|no)$/i.test(value.trim())) return false;
  }
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  return value;
}

/**
 * Variable access for one node run. Writes made by a `sensitive` node go to the conversation's secrets, which
 * are encrypted at rest and never shown in transcripts.
 */
export function variableAccess(flow: CompiledFlow, state: ConversationState, sensitive: boolean): VariableAccess {
  return {
    get: (name) => (name in state.secrets ? state.secrets[name] : state.vars[name]),
    set: (name, value) => {
      const coerced = coerceToVariableType(flow.variableTypes.get(name), value);
      if (sensitive || name in state.secrets) {
        state.secrets[name] = coerced;
        delete state.vars[name];
      } else {
        state.vars[name] = coerced;
      }
    },
    all: () => ({ ...state.vars, ...state.secrets }),
  };
}
