import { Hono } from 'hono';
import type { NodeRegistry } from '@dialogwerk/nodes';
import type { AppEnv } from './appEnv.js';

/** The node catalogue: everything the builder needs to draw and configure any node type, core or plugin. */
export function catalogueRoutes(registry: NodeRegistry) {
  const app = new Hono<AppEnv>();
  let cached: unknown;
  app.get('/nodes', (c) => c.json((cached ??= { items: registry.catalogue() })));
  return app;
}
