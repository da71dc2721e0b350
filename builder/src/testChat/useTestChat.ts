import { useCallback, useReducer, useRef } from 'react';
import type { AdminClient } from '../api/adminClient.js';
import { sendConversationMessage } from '../api/conversationClient.js';
import type { OutgoingMessage } from '../api/types.js';
import { chatReducer, initialChatState, type ChatState } from './chatState.js';
import { newMessageId } from './messageId.js';

export interface TestChat {
  state: ChatState;
  start: (locale: string) => void;
  sendText: (text: string) => void;
  sendChoice: (choiceId: string) => void;
}

/** Runs one test conversation on a flow's draft; starting again abandons the old one and ignores its late answers. */
export function useTestChat(client: AdminClient, flowId: string, language: string): TestChat {
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  const generation = useRef(0);
  const conversation = useRef(state.conversation);
  conversation.current = state.conversation;

  const start = useCallback(
    (locale: string) => {
      const current = ++generation.current;
      dispatch({ type: 'start' });
      client.startTestConversation(flowId, locale).then(
        (response) => current === generation.current && dispatch({ type: 'started', response }),
        (error: unknown) => current === generation.current && dispatch({ type: 'failed', error }),
      );
    },
    [client, flowId],
  );

  const send = useCallback(
    (message: Omit<OutgoingMessage, 'id'>) => {
      const target = conversation.current;
      if (!target) return;
      const current = generation.current;
      dispatch({ type: 'send' });
      sendConversationMessage({
        conversationId: target.id,
        token: target.token,
        language,
        message: { id: newMessageId(), ...message } as OutgoingMessage,
      }).then(
        (response) => current === generation.current && dispatch({ type: 'received', response }),
        (error: unknown) => current === generation.current && dispatch({ type: 'failed', error }),
      );
    },
    [language],
  );

  const sendText = useCallback((text: string) => send({ text }), [send]);
  const sendChoice = useCallback((choice: string) => send({ choice }), [send]);

  return { state, start, sendText, sendChoice };
}
