import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const MAX_MESSAGE_CHARS = 4000;

interface ChatComposerProps {
  disabled: boolean;
  onSend: (text: string) => void;
}

/** The customer's text field; Enter sends. */
export function ChatComposer({ disabled, onSend }: ChatComposerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || disabled) return;
    onSend(trimmed);
    setText('');
    input.current?.focus();
  };

  return (
    <form className="chat-composer" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        {t('chat.inputLabel')}
      </label>
      <input
        ref={input}
        id={inputId}
        value={text}
        maxLength={MAX_MESSAGE_CHARS}
        autoComplete="off"
        placeholder={t('chat.inputPlaceholder')}
        disabled={disabled}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={disabled || !text.trim()}>
        {t('chat.send')}
      </button>
    </form>
  );
}
