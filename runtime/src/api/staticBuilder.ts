import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import type { AppEnv } from './appEnv.js';

/** Vite names every built asset by its content hash, so a browser may keep it for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built builder app; unknown non-API paths get index.html so client-side routes survive a reload. Scripts
 * and styles go out gzip-compressed (the login page's JavaScript is a third of its size then) and cached for good.
 */
export function mountBuilder(app: Hono<AppEnv>, distDir: string): void {
  const index = path.join(distDir, 'index.html');
  const root = path.relative(process.cwd(), distDir) || '.';
  app.use('/assets/*', compress(), async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('cache-control', IMMUTABLE);
  });
  app.use('/*', serveStatic({ root }));
  app.get('*', (c, next) => {
    // A missing asset (an old chunk after an update) is a 404, not the app page under a script's name.
    if (c.req.path.startsWith('/v1/') || c.req.path.startsWith('/assets/') || !existsSync(index)) return next();
    return c.html(readFileSync(index, 'utf8'));
  });
}
