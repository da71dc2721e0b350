import { Hono, type Context } from 'hono';
import { pickProductLocale } from '@dialogwerk/nodes';
import type { AppEnv } from '../api/appEnv.js';
import { MiB, readJsonBody } from '../api/readJsonBody.js';
import { parseKnowledgeCsv } from './csvImport.js';
import { knowledgeCsv } from './csvExport.js';
import { assignIds } from './entryIds.js';
import {
  entryIdMismatch, entryNotFound, importInvalid, invalidQuery, knowledgeBaseExists, knowledgeBaseNotFound, notUtf8, unknownImportFormat,
} from './knowledgeErrors.js';
import type { KnowledgeRepository } from './knowledgeRepository.js';
import { createKnowledgeBaseBody, knowledgeBaseBody, knowledgeEntryBody, knowledgeIdPattern } from './knowledgeSchemas.js';
import { parseKnowledgeMarkdown } from './markdownImport.js';
import { readTextBody } from './readTextBody.js';

/** Knowledge base documents and imported files may be large FAQ collections. */
export const MAX_KNOWLEDGE_BODY = 5 * MiB;

const validId = (id: string, notFound: () => Error) => {
  if (!knowledgeIdPattern.test(id)) throw notFound();
  return id;
};

function choice<T extends string>(c: Context, name: string, allowed: readonly T[], fallback: T | undefined): T | undefined {
  const value = c.req.query(name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw invalidQuery(name, [...allowed]);
  return value as T;
}

function importFormat(c: Context): 'csv' | 'markdown' {
  const format = choice(c, 'format', ['csv', 'markdown'] as const, undefined);
  if (format) return format;
  const type = c.req.header('content-type')?.toLowerCase() ?? '';
  if (/text\/csv|application\/csv|vnd\.ms-excel/.test(type)) return 'csv';
  if (/text\/(x-)?markdown/.test(type)) return 'markdown';
  throw unknownImportFormat();
}

/** Admin routes: knowledge bases, their entries, CSV/Markdown import and CSV/JSON export. Writes call `changed`. */
export function knowledgeRoutes(repository: KnowledgeRepository, changed: (kbId: string) => void) {
  const app = new Hono<AppEnv>();
  const kbIdOf = (c: Context) => {
    const id = c.req.param('kbId')!;
    return validId(id, () => knowledgeBaseNotFound(id));
  };
  const requireBase = async (id: string) => {
    const base = await repository.get(id);
    if (!base) throw knowledgeBaseNotFound(id);
    return base;
  };
  const summary = async (id: string) => {
    const { entries: _entries, ...info } = await requireBase(id);
    return info;
  };

  app.get('/knowledge-bases', async (c) => c.json({ items: await repository.list() }));

  app.post('/knowledge-bases', async (c) => {
    const body = await readJsonBody(c, createKnowledgeBaseBody, { limit: MAX_KNOWLEDGE_BODY });
    if (!(await repository.create(body.id, body.name, assignIds(body.entries)))) throw knowledgeBaseExists(body.id);
    changed(body.id);
    return c.json(await requireBase(body.id), 201);
  });

  app.get('/knowledge-bases/:kbId', async (c) => c.json(await requireBase(kbIdOf(c))));

  app.put('/knowledge-bases/:kbId', async (c) => {
    const id = kbIdOf(c);
    const body = await readJsonBody(c, knowledgeBaseBody, { limit: MAX_KNOWLEDGE_BODY });
    const { created } = await repository.replace(id, body.name, assignIds(body.entries));
    changed(id);
    return c.json(await summary(id), created ? 201 : 200);
  });

  app.delete('/knowledge-bases/:kbId', async (c) => {
    const id = kbIdOf(c);
    if (!(await repository.delete(id))) throw knowledgeBaseNotFound(id);
    changed(id);
    return c.body(null, 204);
  });

  app.get('/knowledge-bases/:kbId/entries', async (c) => c.json({ items: (await requireBase(kbIdOf(c))).entries }));

  const entryIdOf = (c: Context, kbId: string) => {
    const id = c.req.param('entryId')!;
    return validId(id, () => entryNotFound(kbId, id));
  };

  app.get('/knowledge-bases/:kbId/entries/:entryId', async (c) => {
    const kbId = kbIdOf(c);
    const entryId = entryIdOf(c, kbId);
    const entry = (await requireBase(kbId)).entries.find((e) => e.id === entryId);
    if (!entry) throw entryNotFound(kbId, entryId);
    return c.json(entry);
  });

  app.put('/knowledge-bases/:kbId/entries/:entryId', async (c) => {
    const kbId = kbIdOf(c);
    const entryId = entryIdOf(c, kbId);
    const body = await readJsonBody(c, knowledgeEntryBody, { limit: MAX_KNOWLEDGE_BODY });
    if (body.id !== undefined && body.id !== entryId) throw entryIdMismatch(entryId, body.id);
    const entry = { ...body, id: entryId };
    const result = await repository.putEntry(kbId, entry);
    if (!result) throw knowledgeBaseNotFound(kbId);
    changed(kbId);
    return c.json({ entry, revision: result.revision }, result.created ? 201 : 200);
  });

  app.delete('/knowledge-bases/:kbId/entries/:entryId', async (c) => {
    const kbId = kbIdOf(c);
    const entryId = entryIdOf(c, kbId);
    const result = await repository.deleteEntry(kbId, entryId);
    if (result === 'no_base') throw knowledgeBaseNotFound(kbId);
    if (result === 'no_entry') throw entryNotFound(kbId, entryId);
    changed(kbId);
    return c.json(result);
  });

  app.post('/knowledge-bases/:kbId/import', async (c) => {
    const kbId = kbIdOf(c);
    const mode = choice(c, 'mode', ['replace', 'merge'] as const, 'merge')!;
    const format = importFormat(c);
    const language = pickProductLocale(c.req.header('accept-language'));
    await requireBase(kbId);
    const source = await readTextBody(c, MAX_KNOWLEDGE_BODY);
    if (source === undefined) throw notUtf8(language);
    const parsed = format === 'csv' ? parseKnowledgeCsv(source) : parseKnowledgeMarkdown(source);
    if (!parsed.ok) throw importInvalid(parsed.problems, language);
    const result = await repository.importEntries(kbId, assignIds(parsed.entries), mode);
    if (!result) throw knowledgeBaseNotFound(kbId);
    changed(kbId);
    return c.json({ mode, format, entries: parsed.entries.length, ...result });
  });

  app.get('/knowledge-bases/:kbId/export', async (c) => {
    const base = await requireBase(kbIdOf(c));
    const format = choice(c, 'format', ['json', 'csv'] as const, 'json')!;
    if (format === 'json') return c.json({ format: 'dialogwerk.knowledge/1', ...base });
    const separator = choice(c, 'separator', [';', ','] as const, ';')!;
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${base.id}.csv"`);
    return c.body(knowledgeCsv(base.entries, separator));
  });

  return app;
}
