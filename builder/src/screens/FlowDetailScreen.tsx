import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminClient } from '../api/AdminClientContext.js';
import { DateTime } from '../components/DateTime.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Link } from '../components/Link.js';
import { PageHeading } from '../components/PageHeading.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { NodeList } from '../flowDetail/NodeList.js';
import { PublishForm } from '../flowDetail/PublishForm.js';
import { ValidationSummary } from '../flowDetail/ValidationSummary.js';
import { VersionList } from '../flowDetail/VersionList.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';
import { useLoader } from '../hooks/useLoader.js';
import { canvasPath, flowsPath } from '../routing/route.js';
import { TestChatPanel } from '../testChat/TestChatPanel.js';

/** One flow: its draft's nodes and problems, publishing and versions, with the test chat beside it. */
export function FlowDetailScreen({ flowId }: { flowId: string }) {
  const { t, i18n } = useTranslation();
  const client = useAdminClient();
  const language = i18n.resolvedLanguage;
  const flow = useLoader((signal) => client.getFlow(flowId, signal), [client, flowId]);
  // Problem texts come localised from the server, so check again when the UI language changes.
  const validation = useLoader((signal) => client.validateFlow(flowId, signal), [client, flowId, language]);
  const versions = useLoader((signal) => client.listVersions(flowId, signal), [client, flowId]);
  const ids = { problems: useId(), nodes: useId(), publish: useId(), versions: useId() };
  useDocumentTitle(flow.data?.name ?? flowId);

  const back = (
    <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
      <Link to={flowsPath}>{t('common.backToFlows')}</Link>
    </nav>
  );

  if (!flow.data) {
    return (
      <div className="page">
        {back}
        {flow.error ? (
          <ErrorNotice error={flow.error} onRetry={flow.reload} />
        ) : (
          <p className="muted" role="status">
            {t('common.loading')}
          </p>
        )}
      </div>
    );
  }

  const { draft, publishedVersion, revision, updatedAt } = flow.data;
  return (
    <div className="detail-layout">
      <div className="detail-main">
        {back}
        <div className="page-header">
          <div>
            <PageHeading>{draft.name}</PageHeading>
            <dl className="meta">
              <div>
                <dt>{t('flowDetail.id')}</dt>
                <dd>
                  <code>{draft.id}</code>
                </dd>
              </div>
              <div>
                <dt>{t('flowDetail.status')}</dt>
                <dd>
                  <StatusBadge publishedVersion={publishedVersion} />
                </dd>
              </div>
              <div>
                <dt>{t('flowDetail.revision')}</dt>
                <dd>{revision}</dd>
              </div>
              <div>
                <dt>{t('flowDetail.updatedAt')}</dt>
                <dd>
                  <DateTime value={updatedAt} />
                </dd>
              </div>
            </dl>
          </div>
          <Link to={canvasPath(flowId)} className="button button-primary">
            {t('flowDetail.openCanvas')}
          </Link>
        </div>
        {flow.error ? <ErrorNotice error={flow.error} onRetry={flow.reload} /> : null}

        <section className="card" aria-labelledby={ids.problems}>
          <h2 id={ids.problems}>{t('validation.title')}</h2>
          <ValidationSummary result={validation.data} error={validation.error} loading={validation.loading} onRecheck={validation.reload} />
        </section>

        <section className="card" aria-labelledby={ids.nodes}>
          <h2 id={ids.nodes}>
            {t('nodes.title')} <span className="count">{draft.nodes.length}</span>
          </h2>
          <NodeList flow={draft} problems={validation.data?.problems ?? []} />
        </section>

        <section className="card" aria-labelledby={ids.publish}>
          <h2 id={ids.publish}>{t('publish.title')}</h2>
          <p className="muted">{t('publish.hint')}</p>
          <PublishForm
            flowId={flowId}
            onPublished={() => {
              flow.reload();
              versions.reload();
            }}
          />
        </section>

        <section className="card" aria-labelledby={ids.versions}>
          <h2 id={ids.versions}>{t('versions.title')}</h2>
          {versions.error ? <ErrorNotice error={versions.error} onRetry={versions.reload} /> : null}
          {versions.data && <VersionList versions={versions.data} publishedVersion={publishedVersion} />}
        </section>
      </div>
      <aside className="detail-aside">
        <TestChatPanel flowId={flowId} />
      </aside>
    </div>
  );
}
