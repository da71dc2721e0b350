import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './appEnv.js';

/** Serves the built builder app; unknown non-API paths get index.html so client-side routes survive a reload. */
export function mountBuilder(app: Hono<AppEnv>, distDir: string): void {
  const index = path.join(distDir, 'index.html');
  const root = path.relative(process.cwd(), distDir) || '.';
  app.use('/*', serveStatic({ root }));
  app.get('*', (c, next) => {
    if (c.req.path.startsWith('/v1/') || !existsSync(index)) return next();
    return c.html(readFileSync(index, 'utf8'));
  });
}
