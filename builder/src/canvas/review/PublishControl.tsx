import './review.css';
import { Rocket } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminClient } from '../../api/AdminClientContext.js';
import { ApiError } from '../../api/apiError.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Modal } from '../../components/Modal.js';
import { Notice } from '../../components/Notice.js';
import { useCanvasContext, useCanvasUi } from '../CanvasContext.js';
import { countErrors } from './problemOrder.js';
import { reviewEvents } from './reviewEvents.js';
import { useFlowVersions } from './useFlowVersions.js';

export const MAX_NOTE_LENGTH = 2000;

/**
 * The canvas's "Publish…" button (in the header beside the flow's title). Its dialog saves pending edits first and
 * refuses while the draft has errors.
 */
export function PublishControl() {
  const { t } = useTranslation(['review']);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-primary review-publish-button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        <Rocket aria-hidden="true" size={16} />
        {t('review:publish.open')}
      </button>
      {open && <PublishDialog onClose={() => setOpen(false)} />}
    </>
  );
}

type Phase = 'idle' | 'saving' | 'publishing';

function PublishDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['review']);
  const client = useAdminClient();
  const { flowId, ui } = useCanvasContext();
  const versions = useFlowVersions(flowId);
  const errors = useCanvasUi((state) => countErrors(state.problems));
  const warnings = useCanvasUi((state) => state.problems.length) - errors;
  const [note, setNote] = useState('');
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<unknown>(null);
  const [published, setPublished] = useState<number | null>(null);
  const noteId = useId();
  const counterId = useId();

  const showProblems = () => {
    ui.getState().openPanel('problems');
    onClose();
  };
  const showVersions = () => {
    ui.getState().openPanel('versions');
    onClose();
  };

  const publish = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setPhase('saving');
    try {
      // Publishing takes the stored draft: what is still pending here must reach the server first.
      await ui.getState().flushSave();
    } catch (caught) {
      setError(caught);
      setPhase('idle');
      return;
    }
    // The save answered with the draft's problems; while it has errors the dialog explains instead of publishing.
    if (countErrors(ui.getState().problems) > 0) {
      setPhase('idle');
      return;
    }
    setPhase('publishing');
    try {
      const { version } = await client.publishFlow(flowId, note.trim() || undefined);
      setPublished(version);
      reviewEvents.getState().note({ flowId, kind: 'published', version });
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 422 && countErrors(caught.problems) > 0) ui.getState().setProblems(caught.problems);
      else setError(caught);
    } finally {
      setPhase('idle');
    }
  };

  const live = versions.data?.publishedVersion;
  const liveText = versions.data
    ? live
      ? t('review:publish.liveNow', { version: live })
      : t('review:publish.neverPublished')
    : versions.loading
      ? t('review:publish.loadingVersions')
      : null;

  if (published !== null) {
    return (
      <Modal title={t('review:publish.title')} onClose={onClose}>
        <div className="modal-body">
          <Notice tone="success">{t('review:publish.done', { version: published })}</Notice>
        </div>
        <div className="modal-actions">
          <button type="button" className="button" onClick={showVersions}>
            {t('review:publish.showVersions')}
          </button>
          <button type="button" className="button button-primary" onClick={onClose} autoFocus>
            {t('review:publish.close')}
          </button>
        </div>
      </Modal>
    );
  }

  const busy = phase !== 'idle';
  return (
    <Modal title={t('review:publish.title')} onClose={onClose}>
      <form onSubmit={(event) => void publish(event)} className="review-publish-form">
        <div className="modal-body">
          <p>{t('review:publish.hint')}</p>
          {liveText && <p className="muted">{liveText}</p>}
          {errors > 0 ? (
            <div className="review-blocked" role="alert">
              <p className="notice-title">{t('review:publish.blocked', { count: errors })}</p>
              <p>{t('review:publish.blockedHint')}</p>
              <button type="button" className="button button-small" onClick={showProblems}>
                {t('review:publish.showProblems')}
              </button>
            </div>
          ) : (
            <>
              {warnings > 0 && <p className="review-warning-note">{t('review:publish.warningsOnly', { count: warnings })}</p>}
              <div className="field">
                <label htmlFor={noteId}>{t('review:publish.noteLabel')}</label>
                <textarea
                  id={noteId}
                  rows={3}
                  maxLength={MAX_NOTE_LENGTH}
                  value={note}
                  placeholder={t('review:publish.notePlaceholder')}
                  aria-describedby={counterId}
                  onChange={(event) => setNote(event.target.value)}
                  autoFocus
                />
                <p id={counterId} className="review-note-counter muted">
                  {t('review:publish.noteLength', { length: note.length, max: MAX_NOTE_LENGTH })}
                </p>
              </div>
            </>
          )}
        </div>
        {error ? <ErrorNotice error={error} title={t('review:publish.failed')} onDismiss={() => setError(null)} /> : null}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('review:publish.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || errors > 0}>
            {phase === 'saving' ? t('review:publish.saving') : phase === 'publishing' ? t('review:publish.publishing') : t('review:publish.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
