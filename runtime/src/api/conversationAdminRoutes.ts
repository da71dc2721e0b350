import { Hono } from 'hono';
import type { Client } from '@libsql/client';
import { ApiError } from '../apiError.js';
import type { AppEnv } from './appEnv.js';
import { parseEvents } from '../conversations/turnWrite.js';
import { REDACTED } from '../engine/redaction.js';
import { StateCodec } from '../engine/stateCodec.js';
import type { SecretBox } from '../security/secretBox.js';

const statuses = new Set(['awaiting_input', 'ended', 'handed_off']);

function limitOf(raw: string | undefined): number {
  const limit = Number(raw ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new ApiError(400, 'INVALID_QUERY', { de: 'limit muss zwischen 1 und 500 liegen.', en: 'limit must be between 1 and 500.' });
  }
  return limit;
}

export interface ConversationAdminOptions {
  /**
   * The key the conversation state's sealed secrets are encrypted with. With it the transcript lists the names of
   * secret variables (values masked); without it they are left out. Their values are never returned either way.
   */
  box?: SecretBox;
}

/** Where a conversation stands, as the transcript shows it: the node it waits at and its variables. */
export interface TranscriptState {
  waitingNodeId: string | null;
  variables: Record<string, unknown>;
}

interface StoredStateView {
  status?: string;
  waiting?: { nodeId?: string };
  vars?: Record<string, unknown>;
}

/** Reads the stored engine state for staff: sensitive answers appear as their name with a masked value. */
export function transcriptState(stored: string, box?: SecretBox): TranscriptState {
  const parsed = JSON.parse(stored) as StoredStateView;
  const variables: Record<string, unknown> = { ...parsed.vars };
  if (box) {
    let secretNames: string[] = [];
    try {
      secretNames = Object.keys(new StateCodec(box).decode(stored).secrets);
    } catch {
      // Sealed with another key (the secret was changed): the names cannot be read, and nothing leaks.
    }
    for (const name of secretNames) variables[name] = REDACTED;
  }
  const waitingNodeId = parsed.status === 'awaiting_input' ? (parsed.waiting?.nodeId ?? null) : null;
  return { waitingNodeId, variables };
}

/** Staff views of conversations: a filtered list and the full transcript with every engine event. */
export function conversationAdminRoutes(client: Client, options: ConversationAdminOptions = {}) {
  const app = new Hono<AppEnv>();

  app.get('/conversations', async (c) => {
    const { flowId, status, test, before } = c.req.query();
    const limit = limitOf(c.req.query('limit'));
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (flowId) (where.push('flow_id = ?'), args.push(flowId));
    if (status) {
      if (!statuses.has(status)) throw new ApiError(400, 'INVALID_QUERY', { de: 'Unbekannter Status.', en: 'Unknown status.' }, { status });
      where.push('status = ?'), args.push(status);
    }
    if (test === 'true' || test === 'false') (where.push('is_test = ?'), args.push(test === 'true' ? 1 : 0));
    if (before) (where.push('created_at < ?'), args.push(before));
    const rows = await client.execute({
      sql: `SELECT id, flow_id, flow_version, is_test, status, locale, turn, created_at, updated_at, ended_at FROM conversations
            ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC LIMIT ?`,
      args: [...args, limit],
    });
    const items = rows.rows.map((r) => ({
      conversationId: r.id, flowId: r.flow_id, flowVersion: r.flow_version, isTest: Number(r.is_test) === 1, status: r.status,
      locale: r.locale, turns: Number(r.turn), createdAt: r.created_at, updatedAt: r.updated_at, endedAt: r.ended_at,
    }));
    const next = items.length === limit ? items[items.length - 1]!.createdAt : null;
    return c.json({ items, next });
  });

  app.get('/conversations/:conversationId/transcript', async (c) => {
    const id = c.req.param('conversationId');
    const [conversation, events] = await client.batch(
      [
        { sql: 'SELECT id, flow_id, flow_version, is_test, status, locale, state, created_at, updated_at FROM conversations WHERE id = ?', args: [id] },
        { sql: 'SELECT seq, events FROM turns WHERE conversation_id = ? ORDER BY seq', args: [id] },
      ],
      'read',
    );
    const row = conversation!.rows[0];
    if (!row) throw new ApiError(404, 'CONVERSATION_NOT_FOUND', { de: 'Dieses Gespräch gibt es nicht.', en: 'This conversation does not exist.' });
    return c.json({
      conversationId: row.id, flowId: row.flow_id, flowVersion: row.flow_version, isTest: Number(row.is_test) === 1, status: row.status,
      locale: row.locale, createdAt: row.created_at, updatedAt: row.updated_at,
      events: events!.rows.flatMap((turn) => parseEvents(String(turn.events)).map((event) => ({ turn: Number(turn.seq), ...event }))),
      state: transcriptState(String(row.state), options.box),
    });
  });

  return app;
}
