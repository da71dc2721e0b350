import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { flowId, type FlowDocument, type NodeRegistry } from '@dialogwerk/nodes';
import { ApiError } from '../apiError.js';
import type { Logger } from '../logging/logger.js';
import { loadFlowFolder } from '../examples/loadFlowFolder.js';
import type { AppEnv } from './appEnv.js';

/** The repository's example flows (`examples/flows`), the same files a fresh runtime seeds. */
export const exampleFlowsDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples/flows');

export interface TemplateRoutesOptions {
  registry: NodeRegistry;
  /** Folder with one flow document per `*.json` file; defaults to {@link exampleFlowsDirectory}. */
  directory?: string;
  log?: Logger;
}

export interface TemplateSummary {
  id: string;
  name: string;
  description?: string;
  locales: string[];
  nodeCount: number;
}

const templateNotFound = (id: string) =>
  new ApiError(404, 'TEMPLATE_NOT_FOUND', { de: `Die Vorlage „${id}“ gibt es nicht.`, en: `Template "${id}" does not exist.` }, { templateId: id });

export function templateSummary(document: FlowDocument): TemplateSummary {
  return {
    id: document.id,
    name: document.name,
    ...(document.description ? { description: document.description } : {}),
    locales: [...document.locales],
    nodeCount: document.nodes.length,
  };
}

/**
 * Flow templates staff can start a new flow from (admin token): `GET /templates` lists them, `GET /templates/{id}`
 * returns one document. The folder is read on each request, so edited example files show up without a restart.
 */
export function templateRoutes({ registry, directory = exampleFlowsDirectory, log }: TemplateRoutesOptions) {
  const app = new Hono<AppEnv>();
  app.get('/templates', async (c) => c.json({ items: (await loadFlowFolder(directory, registry, log)).map(templateSummary) }));
  app.get('/templates/:templateId', async (c) => {
    const id = c.req.param('templateId');
    if (!flowId.safeParse(id).success) throw templateNotFound(id.slice(0, 100));
    const document = (await loadFlowFolder(directory, registry, log)).find((template) => template.id === id);
    if (!document) throw templateNotFound(id);
    return c.json({ document });
  });
  return app;
}
