import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminClient } from '../../api/AdminClientContext.js';
import { ApiError } from '../../api/apiError.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Notice } from '../../components/Notice.js';
import { uiLanguage } from '../../i18n/i18n.js';
import { ChatComposer } from '../../testChat/ChatComposer.js';
import { ChatTranscript } from '../../testChat/ChatTranscript.js';
import { canReply, currentChoices } from '../../testChat/chatState.js';
import { ChoiceButtons } from '../../testChat/ChoiceButtons.js';
import { useTestChat } from '../../testChat/useTestChat.js';
import { useCanvasContext, useCanvasStore } from '../CanvasContext.js';
import { CurrentStep } from './CurrentStep.js';
import { LocaleSelect } from './LocaleSelect.js';
import { preferredLocale } from './preferredLocale.js';
import { runHighlight } from './runPath.js';
import { RunVariables } from './RunVariables.js';
import { useFollowActiveNode } from './useFollowActiveNode.js';
import './testRun.css';

/**
 * The test chat beside the canvas: saves pending edits, runs the stored draft as a test conversation, and after every
 * turn reads the transcript to draw the path taken on the canvas and to list the variables.
 */
export function CanvasTestChat() {
  const { t, i18n } = useTranslation(['testRun']);
  const client = useAdminClient();
  const { flowId, store, ui } = useCanvasContext();
  useFollowActiveNode();
  const locales = useCanvasStore((state) => state.meta.locales);
  const [chosenLocale, setLocale] = useState<string | null>(null);
  const locale = chosenLocale && locales.includes(chosenLocale) ? chosenLocale : preferredLocale(locales, uiLanguage());
  const [variables, setVariables] = useState<Record<string, unknown> | null>(null);
  const [pathError, setPathError] = useState<unknown>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  // Counts transcript reads: only the newest one may draw, and a restart makes all earlier ones stale.
  const reads = useRef(0);
  const headingId = useId();

  const chat = useTestChat(client, flowId, i18n.resolvedLanguage ?? 'en', {
    // The test runs the stored draft, so edits still waiting for the autosave go to the server first.
    beforeStart: () =>
      ui
        .getState()
        .flushSave()
        .catch((error: unknown) => {
          setSaveFailed(true);
          throw error;
        }),
    onTurn: (conversationId) => {
      const read = ++reads.current;
      client.getTranscript(conversationId).then(
        (transcript) => {
          if (read !== reads.current) return;
          ui.getState().setRun(runHighlight(transcript, store.getState().edges));
          setVariables(transcript.state?.variables ?? {});
          setPathError(null);
        },
        (error: unknown) => read === reads.current && setPathError(error),
      );
    },
  });
  const { state } = chat;
  const started = state.conversation !== null || state.phase === 'starting';
  const replyable = canReply(state);
  const blockedByProblems = !saveFailed && state.error instanceof ApiError && (state.error.status === 422 || state.error.problems.length > 0);

  const begin = (next: string) => {
    reads.current++;
    ui.getState().setRun(null);
    setVariables(null);
    setPathError(null);
    setSaveFailed(false);
    chat.start(next);
  };

  const changeLocale = (next: string) => {
    setLocale(next);
    if (started) begin(next);
  };

  return (
    <section className="canvas-test-chat" aria-labelledby={headingId}>
      <div className="chat-header">
        <h2 id={headingId}>{t('testRun:title')}</h2>
        <div className="chat-controls">
          {locales.length > 1 && <LocaleSelect locales={locales} value={locale} onChange={changeLocale} />}
          <button type="button" className="button button-small button-primary" onClick={() => begin(locale)} disabled={state.phase === 'starting'}>
            {started ? t('testRun:restart') : t('testRun:start')}
          </button>
        </div>
      </div>
      <p className="chat-hint muted">{t('testRun:hint')}</p>
      {blockedByProblems ? (
        <Notice tone="error">
          <p className="notice-title">{t('testRun:blocked')}</p>
          <button type="button" className="button button-small" onClick={() => ui.getState().openPanel('problems')}>
            {t('testRun:showProblems')}
          </button>
        </Notice>
      ) : state.error ? (
        <ErrorNotice error={state.error} showProblems={false} title={saveFailed ? t('testRun:saveFailed') : undefined} />
      ) : null}
      <CurrentStep />
      <ChatTranscript messages={state.messages} typing={state.phase === 'starting' || state.phase === 'sending'} placeholder={t('testRun:placeholder')} />
      <ChoiceButtons choices={currentChoices(state)} disabled={!replyable} onChoose={chat.sendChoice} />
      <div className="chat-status" role="status">
        {state.status === 'ended' && <span className="badge badge-neutral">{t('testRun:status.ended')}</span>}
        {state.status === 'handed_off' && <span className="badge badge-warning">{t('testRun:status.handedOff')}</span>}
      </div>
      <ChatComposer disabled={!replyable} onSend={chat.sendText} />
      {pathError ? <ErrorNotice error={pathError} title={t('testRun:pathFailed')} /> : null}
      <RunVariables variables={variables} />
    </section>
  );
}
