import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminClient } from '../api/AdminClientContext.js';
import { ApiError } from '../api/apiError.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { uiLanguage } from '../i18n/i18n.js';
import { ChatComposer } from './ChatComposer.js';
import { ChatTranscript } from './ChatTranscript.js';
import { canReply, currentChoices } from './chatState.js';
import { ChoiceButtons } from './ChoiceButtons.js';
import { useTestChat } from './useTestChat.js';

const CHAT_LOCALES = ['de', 'en'] as const;

/** Talks to the current draft through the real chat API, like a customer would. Nothing gets published. */
export function TestChatPanel({ flowId }: { flowId: string }) {
  const { t, i18n } = useTranslation();
  const client = useAdminClient();
  const [locale, setLocale] = useState<string>(() => uiLanguage());
  const chat = useTestChat(client, flowId, i18n.resolvedLanguage ?? 'en');
  const { state } = chat;
  const localeId = useId();
  const headingId = useId();
  const started = state.conversation !== null || state.phase === 'starting';
  const replyable = canReply(state);
  // The draft's problems are listed under "Check" already; the narrow panel only says why it cannot start.
  const blockedByProblems = state.error instanceof ApiError && state.error.problems.length > 0;

  const changeLocale = (next: string) => {
    setLocale(next);
    if (started) chat.start(next);
  };

  return (
    <section className="card chat-panel" aria-labelledby={headingId}>
      <div className="chat-header">
        <h2 id={headingId}>{t('chat.title')}</h2>
        <div className="chat-controls">
          <label htmlFor={localeId} className="visually-hidden">
            {t('chat.localeLabel')}
          </label>
          <select id={localeId} value={locale} onChange={(event) => changeLocale(event.target.value)}>
            {CHAT_LOCALES.map((code) => (
              <option key={code} value={code}>
                {t(`chat.locales.${code}`)}
              </option>
            ))}
          </select>
          <button type="button" className="button button-small" onClick={() => chat.start(locale)} disabled={state.phase === 'starting'}>
            {started ? t('chat.restart') : t('chat.start')}
          </button>
        </div>
      </div>
      <p className="chat-hint muted">{t('chat.hint')}</p>
      <ChatTranscript messages={state.messages} typing={state.phase === 'starting' || state.phase === 'sending'} placeholder={t('chat.placeholder')} />
      <ChoiceButtons choices={currentChoices(state)} disabled={!replyable} onChoose={chat.sendChoice} />
      <div className="chat-status" role="status">
        {state.status === 'ended' && <span className="badge badge-neutral">{t('chat.status.ended')}</span>}
        {state.status === 'handed_off' && <span className="badge badge-warning">{t('chat.status.handedOff')}</span>}
      </div>
      {state.error ? (
        <ErrorNotice error={state.error} showProblems={false} title={blockedByProblems ? t('chat.startBlocked') : undefined} />
      ) : null}
      <ChatComposer disabled={!replyable} onSend={chat.sendText} />
    </section>
  );
}
