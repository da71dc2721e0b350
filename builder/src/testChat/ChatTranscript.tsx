import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../api/types.js';

interface ChatTranscriptProps {
  messages: ChatMessage[];
  typing: boolean;
  placeholder: string;
}

/** Bot, customer and agent bubbles, always rendered as plain text; new messages are read out politely. */
export function ChatTranscript({ messages, typing, placeholder }: ChatTranscriptProps) {
  const { t } = useTranslation();
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages.length, typing]);
  return (
    <div className="chat-transcript" role="log" aria-live="polite" aria-label={t('chat.transcriptLabel')} tabIndex={0}>
      {messages.length === 0 && !typing && <p className="chat-placeholder">{placeholder}</p>}
      <ol className="chat-messages">
        {messages.map((message) => (
          <li key={message.id} className={`bubble bubble-${message.role}`} data-role={message.role}>
            <span className="visually-hidden">{t(`chat.roles.${message.role}`)}: </span>
            {message.text}
          </li>
        ))}
      </ol>
      {typing && (
        <p className="chat-typing" aria-hidden="true">
          {t('chat.typing')}
        </p>
      )}
      <div ref={end} />
    </div>
  );
}
