import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { flowId, validateFlow, type FlowDocument, type NodeRegistry } from '@dialogwerk/nodes';
import { ApiError } from '../apiError.js';
import type { Logger } from '../logging/logger.js';
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

/**
 * Reads every valid flow document in `directory`, sorted by file name. Files that are not JSON or not a valid flow for
 * this runtime's nodes are left out (and logged); a second file with an id already seen is ignored.
 */
export async function loadTemplates(directory: string, registry: NodeRegistry, log?: Logger): Promise<FlowDocument[]> {
  let files: string[];
  try {
    files = (await readdir(directory)).filter((file) => file.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const templates = new Map<string, FlowDocument>();
  for (const file of files) {
    let input: unknown;
    try {
      input = JSON.parse(await readFile(path.join(directory, file), 'utf8'));
    } catch {
      log?.warn(`template ${file} is not readable JSON and was skipped`);
      continue;
    }
    const result = validateFlow(input, registry);
    if (!result.ok || !result.flow) {
      log?.warn(`template ${file} is not a valid flow and was skipped`, { problems: result.problems.map((p) => p.code) });
      continue;
    }
    if (!templates.has(result.flow.id)) templates.set(result.flow.id, result.flow);
  }
  return [...templates.values()];
}

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
  app.get('/templates', async (c) => c.json({ items: (await loadTemplates(directory, registry, log)).map(templateSummary) }));
  app.get('/templates/:templateId', async (c) => {
    const id = c.req.param('templateId');
    if (!flowId.safeParse(id).success) throw templateNotFound(id.slice(0, 100));
    const document = (await loadTemplates(directory, registry, log)).find((template) => template.id === id);
    if (!document) throw templateNotFound(id);
    return c.json({ document });
  });
  return app;
}
