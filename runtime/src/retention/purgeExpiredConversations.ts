import type { Client } from '@libsql/client';
import type { FlowDocument } from '@dialogwerk/nodes';

export const DEFAULT_RETENTION_DAYS = 90;

/**
 * Deletes conversations (with their turn log, which is the transcript, handoffs and domain events such as callback
 * requests) whose last activity is older than their flow's `settings.retentionDays` (the latest published version
 * decides; default 90 days). Returns how many went. Leads and contacts of real conversations stay: they are the
 * business's customer records, removed by erasure (`DELETE /v1/contacts/{id}`), not by transcript retention; the
 * leads of test conversations go with them. Uploaded files are swept by the files module.
 */
export async function purgeExpiredConversations(client: Client, now = new Date()): Promise<number> {
  const flows = await client.execute(`
    SELECT f.id, v.document FROM flows f
    LEFT JOIN flow_versions v ON v.workspace_id = f.workspace_id AND v.flow_id = f.id AND v.version = f.published_version`);
  const retention = new Map<string, number>();
  for (const row of flows.rows) {
    const document = row.document ? (JSON.parse(String(row.document)) as FlowDocument) : undefined;
    retention.set(String(row.id), document?.settings?.retentionDays ?? DEFAULT_RETENTION_DAYS);
  }
  const knownFlows = await client.execute('SELECT DISTINCT flow_id FROM conversations');
  let purged = 0;
  for (const row of knownFlows.rows) {
    const flowId = String(row.flow_id);
    const days = retention.get(flowId) ?? DEFAULT_RETENTION_DAYS;
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    const expired = `SELECT id FROM conversations WHERE flow_id = ? AND updated_at < ?`;
    const results = await client.batch(
      [
        { sql: `DELETE FROM turns WHERE conversation_id IN (${expired})`, args: [flowId, cutoff] },
        { sql: `DELETE FROM handoffs WHERE conversation_id IN (${expired})`, args: [flowId, cutoff] },
        {
          sql: `DELETE FROM callback_resolutions WHERE event_id IN (SELECT id FROM domain_events WHERE conversation_id IN (${expired}))`,
          args: [flowId, cutoff],
        },
        { sql: `DELETE FROM domain_events WHERE conversation_id IN (${expired})`, args: [flowId, cutoff] },
        { sql: `DELETE FROM leads WHERE is_test = 1 AND conversation_id IN (${expired})`, args: [flowId, cutoff] },
        { sql: `DELETE FROM contacts WHERE is_test = 1 AND id NOT IN (SELECT contact_id FROM leads)`, args: [] },
        { sql: 'DELETE FROM conversations WHERE flow_id = ? AND updated_at < ?', args: [flowId, cutoff] },
      ],
      'write',
    );
    purged += results.at(-1)!.rowsAffected;
  }
  return purged;
}
