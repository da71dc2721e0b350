import type { SecretBox } from '../security/secretBox.js';
import type { ConversationState } from './conversationState.js';

type StoredState = Omit<ConversationState, 'secrets'> & { sealedSecrets?: string };

/** Serialises engine state for the database; sensitive answers are sealed so they never lie there in clear. */
export class StateCodec {
  constructor(private readonly box: SecretBox) {}

  encode(state: ConversationState): string {
    const { secrets, ...rest } = state;
    const stored: StoredState = rest;
    if (Object.keys(secrets).length > 0) stored.sealedSecrets = this.box.seal(JSON.stringify(secrets));
    return JSON.stringify(stored);
  }

  decode(json: string): ConversationState {
    const { sealedSecrets, ...rest } = JSON.parse(json) as StoredState;
    return { ...rest, secrets: sealedSecrets ? JSON.parse(this.box.open(sealedSecrets)) : {} };
  }
}
