/**
 * Baseline server for the HTTP throughput benchmark: bare Hono on @hono/node-server whose POST route parses a JSON
 * body, runs one libSQL write transaction (one INSERT) and answers with a small JSON reply. The database is opened
 * the way Dialogwerk opens its own (file DB, WAL, synchronous=NORMAL, busy_timeout, concurrency 1).
 *
 * Run as its own process: `node bin/run-ts.js bench/turns/bareHonoBaseline.ts` with DATA_DIR and PORT (0 = any);
 * prints `bare-hono listening on http://127.0.0.1:<port>` once ready, stops on SIGTERM/SIGINT.
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createClient } from '@libsql/client';

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error('DATA_DIR is required');

const client = createClient({ url: `file:${path.join(dataDir, 'bare.db')}`, concurrency: 1 });
await client.execute('PRAGMA journal_mode=WAL');
await client.execute('PRAGMA synchronous=NORMAL');
await client.execute('PRAGMA busy_timeout=5000');
await client.execute(
  'CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL, text TEXT NOT NULL, created_at TEXT NOT NULL)',
);

const app = new Hono();
app.post('/turn', async (c) => {
  const body = (await c.req.json()) as { conversationId?: unknown; text?: unknown };
  if (typeof body.conversationId !== 'string' || typeof body.text !== 'string') return c.json({ error: 'bad body' }, 400);
  const createdAt = new Date().toISOString();
  await client.batch(
    [{ sql: 'INSERT INTO messages (conversation_id, text, created_at) VALUES (?, ?, ?)', args: [body.conversationId, body.text, createdAt] }],
    'write',
  );
  return c.json({ ok: true, messages: [{ role: 'bot', text: `Got: ${body.text}`, createdAt }] });
});

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stdout.write(`bare-hono listening on http://127.0.0.1:${info.port}\n`);
});

const shutdown = () => {
  server.close(() => {
    client.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 2_000).unref();
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
