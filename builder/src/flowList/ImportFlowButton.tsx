import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminClient } from '../api/AdminClientContext.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { parseFlowFile, type ParsedFlowFile } from '../flows/parseFlowFile.js';

export type ImportOutcome =
  | { kind: 'imported'; id: string; name: string; warnings: number }
  | { kind: 'fileProblem'; fileName: string; problem: Extract<ParsedFlowFile, { ok: false }>['problem'] }
  | { kind: 'failed'; fileName: string; error: unknown };

interface ImportFlowButtonProps {
  takenIds: string[];
  onOutcome: (outcome: ImportOutcome) => void;
}

type Pending = Extract<ParsedFlowFile, { ok: true }> & { fileName: string };

/** Picks a flow JSON file, asks before replacing an existing draft and uploads it; the runtime validates it. */
export function ImportFlowButton({ takenIds, onOutcome }: ImportFlowButtonProps) {
  const { t } = useTranslation();
  const client = useAdminClient();
  const input = useRef<HTMLInputElement>(null);
  const [replacing, setReplacing] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (parsed: Pending) => {
    setBusy(true);
    try {
      const result = await client.saveDraft(parsed.document, parsed.id);
      onOutcome({ kind: 'imported', id: parsed.id, name: parsed.name ?? parsed.id, warnings: result.warnings });
    } catch (error) {
      onOutcome({ kind: 'failed', fileName: parsed.fileName, error });
    } finally {
      setBusy(false);
      setReplacing(null);
    }
  };

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const parsed = parseFlowFile(await file.text());
    if (!parsed.ok) return onOutcome({ kind: 'fileProblem', fileName: file.name, problem: parsed.problem });
    const pending = { ...parsed, fileName: file.name };
    if (takenIds.includes(parsed.id)) return setReplacing(pending);
    await upload(pending);
  };

  return (
    <>
      <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? t('common.working') : t('importFlow.button')}
      </button>
      <input ref={input} type="file" accept="application/json,.json" hidden data-testid="import-flow-file" onChange={pick} />
      {replacing && (
        <ConfirmDialog
          title={t('importFlow.replaceTitle')}
          confirmLabel={t('importFlow.replaceConfirm')}
          busy={busy}
          onConfirm={() => upload(replacing)}
          onCancel={() => setReplacing(null)}
        >
          <p>{t('importFlow.replaceQuestion', { id: replacing.id })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
