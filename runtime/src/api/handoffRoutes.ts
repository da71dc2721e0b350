import { Hono } from 'hono';
import { z } from 'zod';
import type { Client } from '@libsql/client';
import { ApiError } from '../apiError.js';
import type { ConversationService } from '../conversations/conversationService.js';
import { readJsonBody, KiB } from './readJsonBody.js';
import { MAX_MESSAGE_CHARS } from './chatRoutes.js';
import type { AppEnv } from './appEnv.js';

const agentMessageBody = z.object({ id: z.string().min(1).max(128), text: z.string().min(1) });
const releaseBody = z.object({ node: z.string().min(1).max(64).optional() });

/** The staff side of a handoff, so any tool can act as the inbox. */
export function handoffRoutes(client: Client, conversations: ConversationService) {
  const app = new Hono<AppEnv>();

  app.get('/handoffs', async (c) => {
    const status = c.req.query('status') ?? 'open';
    if (status !== 'open' && status !== 'closed') {
      throw new ApiError(400, 'INVALID_QUERY', { de: 'status ist open oder closed.', en: 'status is open or closed.' }, { status });
    }
    const rows = await client.execute({
      sql: `SELECT h.conversation_id, h.flow_id, h.node_id, h.reason, h.status, h.created_at, h.closed_at, c.locale
            FROM handoffs h JOIN conversations c ON c.id = h.conversation_id WHERE h.status = ? ORDER BY h.created_at, h.id`,
      args: [status],
    });
    return c.json({
      items: rows.rows.map((r) => ({
        conversationId: r.conversation_id, flowId: r.flow_id, nodeId: r.node_id, reason: r.reason, status: r.status,
        locale: r.locale, createdAt: r.created_at, closedAt: r.closed_at,
      })),
    });
  });

  app.get('/handoffs/:conversationId', async (c) => {
    const id = c.req.param('conversationId');
    const rows = await client.execute({
      sql: 'SELECT flow_id, reason, status, created_at FROM handoffs WHERE conversation_id = ? ORDER BY id DESC LIMIT 1',
      args: [id],
    });
    const handoff = rows.rows[0];
    if (!handoff) throw new ApiError(404, 'HANDOFF_NOT_FOUND', { de: 'Für dieses Gespräch gibt es keine Übergabe.', en: 'There is no handoff for this conversation.' });
    const transcript = await conversations.transcript(id);
    return c.json({
      conversationId: id, flowId: handoff.flow_id, status: handoff.status, reason: handoff.reason, createdAt: handoff.created_at,
      conversationStatus: transcript.status, messages: transcript.messages,
    });
  });

  app.post('/handoffs/:conversationId/messages', async (c) => {
    const body = await readJsonBody(c, agentMessageBody, { limit: 64 * KiB });
    const length = [...body.text].length;
    if (length > MAX_MESSAGE_CHARS) {
      throw new ApiError(413, 'MESSAGE_TOO_LONG', { de: 'Die Nachricht ist zu lang.', en: 'The message is too long.' }, { length, limit: MAX_MESSAGE_CHARS });
    }
    const message = await conversations.agentMessage(c.req.param('conversationId'), body);
    return c.json({ message });
  });

  app.post('/handoffs/:conversationId/release', async (c) => {
    const body = await readJsonBody(c, releaseBody, { limit: 16 * KiB, emptyAsObject: true });
    const response = await conversations.release(c.req.param('conversationId'), body.node);
    return c.json({ status: response.status, messages: response.messages, ...(response.input ? { input: response.input } : {}) });
  });

  return app;
}
