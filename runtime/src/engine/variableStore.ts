import { coerceToVariableType, type VariableAccess } from '@dialogwerk/nodes';
import type { CompiledFlow } from './compileFlow.js';
import type { ConversationState } from './conversationState.js';

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
