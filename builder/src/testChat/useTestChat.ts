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

export interface TestChatHooks {
  /** Runs before a conversation starts (the canvas saves pending edits first); a rejection becomes the start's error. */
  beforeStart?: () => Promise<void>;
  /** Called after every turn the runtime answered (start, text, choice), with the conversation's id. */
  onTurn?: (conversationId: string) => void;
}

/** Runs one test conversation on a flow's draft; starting again abandons the old one and ignores its late answers. */
export function useTestChat(client: AdminClient, flowId: string, language: string, hooks: TestChatHooks = {}): TestChat {
  const [state, dispatch] = useReducer(chatReducer, initialChatState);
  const generation = useRef(0);
  const conversation = useRef(state.conversation);
  conversation.current = state.conversation;
  // The latest hooks, read when a call runs, so callers may pass new closures on every render.
  const hooksRef = useRef(hooks);
  hooksRef.current = hooks;

  const start = useCallback(
    (locale: string) => {
      const current = ++generation.current;
      dispatch({ type: 'start' });
      Promise.resolve()
        .then(() => hooksRef.current.beforeStart?.())
        .then(() => (current === generation.current ? client.startTestConversation(flowId, locale) : undefined))
        .then(
          (response) => {
            if (!response || current !== generation.current) return;
            dispatch({ type: 'started', response });
            hooksRef.current.onTurn?.(response.conversationId);
          },
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
        (response) => {
          if (current !== generation.current) return;
          dispatch({ type: 'received', response });
          hooksRef.current.onTurn?.(target.id);
        },
        (error: unknown) => current === generation.current && dispatch({ type: 'failed', error }),
      );
    },
    [language],
  );

  const sendText = useCallback((text: string) => send({ text }), [send]);
  const sendChoice = useCallback((choice: string) => send({ choice }), [send]);

  return { state, start, sendText, sendChoice };
}
