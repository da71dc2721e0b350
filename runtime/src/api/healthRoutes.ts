import { Hono } from 'hono';
import type { Client } from '@libsql/client';
import type { AppEnv } from './appEnv.js';

export function healthRoutes(client: Client, version: string) {
  const app = new Hono<AppEnv>();
  app.get('/health', async (c) => {
    await client.execute('SELECT 1');
    return c.json({ status: 'ok', version });
  });
  return app;
}
