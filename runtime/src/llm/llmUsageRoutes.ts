import { Hono } from 'hono';
import type { Client } from '@libsql/client';
import { DateTime } from 'luxon';
import { ApiError } from '../apiError.js';
import type { AppEnv } from '../api/appEnv.js';

type Language = 'de' | 'en';

const badQuery = (language: Language, field: string, de: string, en: string) =>
  new ApiError(422, 'INVALID_QUERY', { de, en }, [{ path: [field], message: language === 'de' ? de : en, messages: { de, en } }]);

/** `YYYY-MM-DD` (a whole UTC day; `to` inclusive) or an ISO date-time (`to` exclusive), as the KPI route reads them. */
function bound(language: Language, field: 'from' | 'to', raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    const day = DateTime.fromISO(raw, { zone: 'utc' });
    if (day.isValid) return (field === 'to' ? day.plus({ days: 1 }) : day).toUTC().toISO()!;
  } else {
    const time = DateTime.fromISO(raw, { setZone: true });
    if (time.isValid) return time.toUTC().toISO()!;
  }
  throw badQuery(language, field, `„${field}“ muss ein Datum (JJJJ-MM-TT) oder ein ISO-Zeitpunkt sein.`, `"${field}" must be a date (YYYY-MM-DD) or an ISO date-time.`);
}

/**
 * `GET /v1/llm/usage`: token usage from the `llm.usage` domain events, per flow or conversation and period, in total
 * and per provider and model. Test conversations count (they cost tokens too) unless `excludeTests=true`.
 */
export function llmUsageRoutes(client: Client) {
  const app = new Hono<AppEnv>();
  app.get('/llm/usage', async (c) => {
    const flowId = c.req.query('flowId') || undefined;
    const conversationId = c.req.query('conversationId') || undefined;
    const language: Language = c.req.header('accept-language')?.toLowerCase().startsWith('de') ? 'de' : 'en';
    const from = bound(language, 'from', c.req.query('from'));
    const to = bound(language, 'to', c.req.query('to'));
    if (from && to && from >= to) throw badQuery(language, 'to', '„to“ muss nach „from“ liegen.', '"to" must be after "from".');
    const where = ["type = 'llm.usage'"];
    const args: (string | number)[] = [];
    if (flowId) where.push('flow_id = ?') && args.push(flowId);
    if (conversationId) where.push('conversation_id = ?') && args.push(conversationId);
    // created_at is an ISO string from toISOString(), so text comparison orders correctly.
    if (from) where.push('created_at >= ?') && args.push(from);
    if (to) where.push('created_at < ?') && args.push(to);
    if (c.req.query('excludeTests') === 'true') where.push('is_test = 0');
    const result = await client.execute({
      sql: `SELECT json_extract(data, '$.provider') AS provider, json_extract(data, '$.model') AS model, COUNT(*) AS calls,
              COALESCE(SUM(json_extract(data, '$.inputTokens')), 0) AS input, COALESCE(SUM(json_extract(data, '$.outputTokens')), 0) AS output
            FROM domain_events WHERE ${where.join(' AND ')} GROUP BY 1, 2 ORDER BY 1, 2`,
      args,
    });
    const byModel = result.rows.map((row) => ({
      provider: String(row.provider ?? 'unknown'),
      model: String(row.model ?? 'unknown'),
      calls: Number(row.calls),
      inputTokens: Number(row.input),
      outputTokens: Number(row.output),
    }));
    const sum = (key: 'calls' | 'inputTokens' | 'outputTokens') => byModel.reduce((total, entry) => total + entry[key], 0);
    return c.json({
      flowId: flowId ?? null,
      conversationId: conversationId ?? null,
      from: from ?? null,
      to: to ?? null,
      calls: sum('calls'),
      inputTokens: sum('inputTokens'),
      outputTokens: sum('outputTokens'),
      byModel,
    });
  });
  return app;
}
