import { Hono } from 'hono';
import { z } from 'zod';
import { flowDocument, validateFlow, type FlowDocument, type FlowProblem, type FlowValidation, type NodeRegistry } from '@dialogwerk/nodes';
import { ApiError } from '../apiError.js';
import type { FlowRepository } from '../flows/flowRepository.js';
import type { ConversationService } from '../conversations/conversationService.js';
import { readJsonBody, MiB, KiB } from './readJsonBody.js';
import { startConversationBody, validFlowId } from './chatRoutes.js';
import type { AppEnv } from './appEnv.js';
import type { RuntimeModule } from '../modules/runtimeModule.js';
import { moduleFlowWarnings } from '../modules/moduleFlowWarnings.js';

export const MAX_FLOW_BODY = 5 * MiB;

const flowInvalid = (problems: FlowProblem[], language: 'de' | 'en' = 'en') =>
  new ApiError(422, 'FLOW_INVALID', {
    de: `Der Ablauf hat ${problems.filter((p) => p.severity === 'error').length} Fehler.`,
    en: `The flow has ${problems.filter((p) => p.severity === 'error').length} error(s).`,
  }, problems.map((problem) => ({ ...problem, message: problem.message[language], messages: problem.message })));

const flowNotFound = (id: string) =>
  new ApiError(404, 'FLOW_NOT_FOUND', { de: `Den Ablauf „${id}“ gibt es nicht.`, en: `Flow "${id}" does not exist.` }, { flowId: id });

const idMismatch = (urlId: string, bodyId: unknown) =>
  new ApiError(422, 'FLOW_ID_MISMATCH', {
    de: `Die ID im Dokument („${String(bodyId)}“) passt nicht zur Adresse („${urlId}“).`,
    en: `The id in the document ("${String(bodyId)}") does not match the URL ("${urlId}").`,
  }, { urlId, bodyId });

const versionNotFound = (flowId: string, version: number | string) =>
  new ApiError(404, 'FLOW_VERSION_NOT_FOUND', {
    de: `Version ${version} von „${flowId}“ gibt es nicht.`,
    en: `Version ${version} of "${flowId}" does not exist.`,
  }, { flowId, version });

function language(header: string | undefined): 'de' | 'en' {
  return header?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/**
 * The revision an edit is based on, from `If-Match` (`3`, `"3"`, `W/"3"`) or `?revision=`; `*` or none means
 * unconditional. Anything else is refused: ignoring a precondition the client meant to set would overwrite other edits.
 */
function expectedRevision(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '*') return undefined;
  const match = raw.trim().match(/^(?:W\/"(\d{1,15})"|"(\d{1,15})"|(\d{1,15}))$/);
  if (!match) {
    throw new ApiError(400, 'INVALID_REVISION', {
      de: 'If-Match bzw. revision muss eine Revisionsnummer sein, z. B. "3".',
      en: 'If-Match or revision must be a revision number, e.g. "3".',
    }, { value: raw.slice(0, 100) });
  }
  return Number(match[1] ?? match[2] ?? match[3]);
}

function warningsOf(problems: FlowProblem[]) {
  return problems.filter((problem) => problem.severity === 'warning');
}

const publishBody = z.object({ note: z.string().max(2000).optional() });
const rollbackBody = z.object({ version: z.number().int().min(1), note: z.string().max(2000).optional() });

/** Admin routes for drafts, validation, publishing, versions and test conversations. */
export function flowRoutes(deps: { flows: FlowRepository; registry: NodeRegistry; conversations: ConversationService; modules?: RuntimeModule[] }) {
  const { flows, registry, conversations } = deps;
  /** Warnings only the running server can know (e.g. no language model configured), from the runtime modules. */
  const withServerWarnings = async (problems: FlowProblem[], document: unknown) => [...problems, ...(await moduleFlowWarnings(deps.modules, document))];
  const app = new Hono<AppEnv>();
  /** After the reply: train the new version's matchers now rather than in its first customer's turn. */
  const prepareInBackground = (flowId: string) => {
    setImmediate(() => void conversations.preparePublished(flowId).catch(() => undefined));
  };

  const requireFlow = async (id: string) => {
    const flow = await flows.get(validFlowId(id));
    if (!flow) throw flowNotFound(id);
    return flow;
  };

  /** Validates a draft strictly; the builder's autosave may store work in progress with `?allowErrors=true`. */
  const checkedDocument = (body: unknown, urlId: string, allowErrors: boolean, lang: 'de' | 'en'): { document: FlowDocument; problems: FlowProblem[]; ports: FlowValidation['ports'] } => {
    if (body && typeof body === 'object' && 'id' in body && (body as { id: unknown }).id !== urlId) throw idMismatch(urlId, (body as { id: unknown }).id);
    const result = validateFlow(body, registry);
    if (result.ok && result.flow) return { document: result.flow, problems: result.problems, ports: result.ports };
    if (allowErrors) {
      const parsed = flowDocument.safeParse(body);
      if (parsed.success) return { document: parsed.data, problems: result.problems, ports: result.ports };
    }
    throw flowInvalid(result.problems, lang);
  };

  app.get('/flows', async (c) => c.json({ items: await flows.list() }));

  app.put('/flows/:flowId', async (c) => {
    const id = validFlowId(c.req.param('flowId'));
    const body = await readJsonBody(c, z.unknown(), { limit: MAX_FLOW_BODY });
    const lang = language(c.req.header('accept-language'));
    const checked = checkedDocument(body, id, c.req.query('allowErrors') === 'true', lang);
    const { document } = checked;
    const expected = expectedRevision(c.req.header('if-match') ?? c.req.query('revision'));
    const revision = await flows.saveDraft(document, expected);
    const problems = await withServerWarnings(checked.problems, document);
    return c.json({
      revision,
      problems: problems.map((p) => ({ ...p, message: p.message[lang], messages: p.message })),
      warnings: warningsOf(problems).length,
      ports: checked.ports ?? {},
    });
  });

  app.get('/flows/:flowId', async (c) => {
    const flow = await requireFlow(c.req.param('flowId'));
    return c.json({ draft: flow.draft, revision: flow.revision, publishedVersion: flow.publishedVersion, name: flow.name, updatedAt: flow.updatedAt });
  });

  app.delete('/flows/:flowId', async (c) => {
    const id = validFlowId(c.req.param('flowId'));
    if (!(await flows.delete(id))) throw flowNotFound(id);
    return c.json({ deleted: true });
  });

  app.post('/validate', async (c) => {
    const body = await readJsonBody(c, z.unknown(), { limit: MAX_FLOW_BODY });
    const lang = language(c.req.header('accept-language'));
    const result = validateFlow(body, registry);
    const problems = await withServerWarnings(result.problems, body);
    return c.json({ ok: result.ok, problems: problems.map((p) => ({ ...p, message: p.message[lang], messages: p.message })), ports: result.ports ?? {} });
  });

  app.post('/flows/:flowId/validate', async (c) => {
    const flow = await requireFlow(c.req.param('flowId'));
    const lang = language(c.req.header('accept-language'));
    const result = validateFlow(flow.draft, registry);
    const problems = await withServerWarnings(result.problems, flow.draft);
    return c.json({ ok: result.ok, problems: problems.map((p) => ({ ...p, message: p.message[lang], messages: p.message })), ports: result.ports ?? {} });
  });

  app.post('/flows/:flowId/publish', async (c) => {
    const flow = await requireFlow(c.req.param('flowId'));
    const body = await readJsonBody(c, publishBody, { limit: 16 * KiB, emptyAsObject: true });
    const result = validateFlow(flow.draft, registry);
    if (!result.ok || !result.flow) throw flowInvalid(result.problems, language(c.req.header('accept-language')));
    const version = await flows.publish(flow.id, result.flow, body.note ?? null, 'admin');
    prepareInBackground(flow.id);
    // Publishing is not blocked by them, but staff should hear about server warnings (e.g. no language model) here too.
    const lang = language(c.req.header('accept-language'));
    const serverWarnings = await withServerWarnings([], result.flow);
    if (serverWarnings.length === 0) return c.json({ version });
    return c.json({ version, problems: serverWarnings.map((p) => ({ ...p, message: p.message[lang], messages: p.message })) });
  });

  app.get('/flows/:flowId/versions', async (c) => {
    const flow = await requireFlow(c.req.param('flowId'));
    return c.json({ items: await flows.versions(flow.id), publishedVersion: flow.publishedVersion });
  });

  app.get('/flows/:flowId/versions/:version', async (c) => {
    const flow = await requireFlow(c.req.param('flowId'));
    const raw = c.req.param('version');
    const number = /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
    const version = number === undefined ? undefined : await flows.version(flow.id, number);
    if (!version) throw versionNotFound(flow.id, raw);
    return c.json(version);
  });

  /** Rolling back republishes the old document as a new version, so history only ever grows. */
  app.post('/flows/:flowId/rollback', async (c) => {
    const flow = await requireFlow(c.req.param('flowId'));
    const body = await readJsonBody(c, rollbackBody, { limit: 16 * KiB });
    const old = await flows.version(flow.id, body.version);
    if (!old) throw versionNotFound(flow.id, body.version);
    const result = validateFlow(old.document, registry);
    if (!result.ok || !result.flow) throw flowInvalid(result.problems, language(c.req.header('accept-language')));
    const revision = await flows.saveDraft(result.flow);
    const version = await flows.publish(flow.id, result.flow, body.note ?? `rollback to version ${body.version}`, 'admin');
    prepareInBackground(flow.id);
    return c.json({ version, revision });
  });

  app.post('/flows/:flowId/test-conversations', async (c) => {
    const flow = await requireFlow(c.req.param('flowId'));
    const body = await readJsonBody(c, startConversationBody, { limit: 64 * KiB, emptyAsObject: true });
    const result = validateFlow(flow.draft, registry);
    if (!result.ok || !result.flow) throw flowInvalid(result.problems, language(c.req.header('accept-language')));
    const testVersionId = await flows.testSnapshot(flow.id, result.flow);
    const started = await conversations.start({ flowId: flow.id, locale: body.locale, context: body.context, testVersionId });
    return c.json(started, 201);
  });

  return app;
}
