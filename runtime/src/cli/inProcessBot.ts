import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateFlow, type FlowProblem, type Json, type UserInput } from '@dialogwerk/nodes';
import { Hono } from 'hono';
import { openDatabase } from '../db/openDatabase.js';
import { errorResponse } from '../api/errorResponse.js';
import type { AppEnv } from '../api/appEnv.js';
import type { AdminRequest } from '../examples/setupSteps.js';
import { SecretBox } from '../security/secretBox.js';
import { FlowRepository } from '../flows/flowRepository.js';
import { ConversationService } from '../conversations/conversationService.js';
import type { TurnResponse } from '../conversations/chatResponse.js';
import type { ConversationState } from '../engine/conversationState.js';
import { StateCodec } from '../engine/stateCodec.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { coreRegistry } from './coreRegistry.js';
import { readConversationState } from './readConversationState.js';
import { readRuntimeConfig } from '../config/runtimeConfig.js';
import { DomainEvents } from '../events/domainEvents.js';
import { embeddedModules } from '../modules/embeddedModules.js';
import { loadModules, type LoadedModules } from '../modules/loadModules.js';
import { ConversationDeletions } from '../modules/conversationDeletions.js';

const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** Node errors still reach stderr; the server's info chatter would only clutter a terminal conversation. */
function cliLogger(): Logger {
  const wanted = process.env.DIALOGWERK_LOG_LEVEL?.toLowerCase();
  return createLogger({ level: logLevels.find((level) => level === wanted) ?? 'error' });
}

export class FlowInvalidError extends Error {
  constructor(readonly problems: FlowProblem[]) {
    super(`the flow has ${problems.filter((problem) => problem.severity === 'error').length} error(s)`);
  }
}

export interface BotConversation {
  id: string;
  /** What the bot said on start, with status and input, exactly as the public start route answers. */
  opening: TurnResponse;
  send(input: UserInput): Promise<TurnResponse>;
  /** The committed engine state: variables, status, locale. */
  state(): Promise<ConversationState>;
}

export interface InProcessBot {
  flowId: string;
  start(options?: { locale?: string; context?: Record<string, Json> }): Promise<BotConversation>;
  /** Sets the bot's clock to an instant from which it runs on (specs with `now`); undefined means the real time. */
  setClock(instant: string | undefined): void;
  /** Calls the embedded modules' admin routes (imports for spec setup), without a server or token. */
  admin: AdminRequest;
  /** Closes the database and deletes the temporary directory; safe to call twice. */
  close(): void;
}

/**
 * Runs a flow without a server but through the same engine path: the document is validated, saved as draft and
 * published in a throwaway libSQL file, and conversations go through ConversationService like the public chat API.
 */
export async function createInProcessBot(document: unknown, options: { log?: Logger } = {}): Promise<InProcessBot> {
  const registry = coreRegistry();
  const validation = validateFlow(document, registry);
  if (!validation.ok || !validation.flow) throw new FlowInvalidError(validation.problems);
  const flow = validation.flow;

  const dir = mkdtempSync(path.join(os.tmpdir(), 'dialogwerk-cli-'));
  let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
  let modules: LoadedModules | undefined;
  let clockOffsetMs = 0;
  const now = () => new Date(Date.now() + clockOffsetMs);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    void modules?.close().catch(() => undefined);
    database?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    database = await openDatabase({ url: `file:${path.join(dir, 'dialogwerk.db')}`, synchronous: 'OFF' });
    // A random key per run: sealed secrets only need to outlive this process, and nothing is written next to the flow.
    const box = new SecretBox(randomBytes(32));
    const codec = new StateCodec(box);
    const flows = new FlowRepository(database.db);
    const log = options.log ?? cliLogger();
    // The same embedded services as the server (calendar, inventory, ...), so specs exercise the real behaviour.
    const config = { ...readRuntimeConfig({}), dataDir: dir, databaseUrl: database.url, exampleFlows: false };
    const deletions = new ConversationDeletions(log);
    const conversationsDeleted = (ids: string[]) => deletions.report(ids);
    modules = await loadModules(embeddedModules, { database, config, log, box, events: new DomainEvents(database.client, log), conversationsDeleted });
    const adminApp = new Hono<AppEnv>();
    adminApp.onError((error, c) => errorResponse(error, c, log));
    for (const module of modules.modules) if (module.adminRoutes) adminApp.route('/v1', module.adminRoutes);
    await flows.saveDraft(flow);
    await flows.publish(flow.id, flow, 'dialogwerk cli', 'cli');
    const service = new ConversationService({
      client: database.client, flows, registry, services: modules.services, box, log, now,
    });
    deletions.attach(modules.modules, (id) => service.evict(id));
    const client = database.client;
    return {
      flowId: flow.id,
      close,
      admin: async (method, route, body, contentType) => {
        const response = await adminApp.request(route, { method, body: body as BodyInit | undefined, headers: contentType ? { 'content-type': contentType } : {} });
        return { status: response.status, text: await response.text() };
      },
      setClock: (instant) => {
        clockOffsetMs = instant === undefined ? 0 : Date.parse(instant) - Date.now();
      },
      start: async ({ locale, context } = {}) => {
        const { conversationId, token, ...opening } = await service.start({ flowId: flow.id, locale, context });
        return {
          id: conversationId,
          opening,
          send: (input) => service.send(conversationId, token, { id: randomUUID(), ...input }),
          state: async () => (await readConversationState(client, codec, conversationId))!,
        };
      },
    };
  } catch (error) {
    close();
    throw error;
  }
}
