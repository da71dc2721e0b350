import { useTranslation } from 'react-i18next';
import { useAdminClient } from '../api/AdminClientContext.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Link } from '../components/Link.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';
import { useLoader } from '../hooks/useLoader.js';
import { flowPath } from '../routing/route.js';
import { CanvasEditor } from './CanvasEditor.js';

/** A flow's canvas: loads the draft and the node catalogue, then edits the draft. Loaded lazily with React Flow. */
export default function CanvasScreen({ flowId }: { flowId: string }) {
  const { t } = useTranslation();
  const client = useAdminClient();
  const flow = useLoader((signal) => client.getFlow(flowId, signal), [client, flowId]);
  const catalogue = useLoader((signal) => client.listNodes(signal), [client]);
  useDocumentTitle(flow.data ? t('canvas.title', { name: flow.data.name }) : flowId);

  const header = (
    <>
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to={flowPath(flowId)}>{t('canvas.backToFlow')}</Link>
      </nav>
      <h1 className="canvas-title">{flow.data?.name ?? flowId}</h1>
    </>
  );
  const error = flow.error ?? catalogue.error;
  if (!flow.data || !catalogue.data) {
    return (
      <div className="canvas-page">
        <div className="canvas-header">{header}</div>
        {error ? (
          <ErrorNotice error={error} onRetry={flow.error ? flow.reload : catalogue.reload} />
        ) : (
          <p className="muted" role="status">
            {t('common.loading')}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="canvas-page">
      <CanvasEditor key={flow.data.revision} flow={flow.data} catalogue={catalogue.data} onReload={flow.reload} header={header} />
    </div>
  );
}
