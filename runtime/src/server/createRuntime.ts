import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeRegistry, coreNodes, type Services } from '@dialogwerk/nodes';
import { openDatabase, type Database } from '../db/openDatabase.js';
import type { RuntimeConfig } from '../config/runtimeConfig.js';
import { SecretBox } from '../security/secretBox.js';
import { FlowRepository } from '../flows/flowRepository.js';
import { ConversationService } from '../conversations/conversationService.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { ensureAdminToken } from './adminToken.js';
import { seedExampleFlows } from '../examples/seedExampleFlows.js';
import { seedExampleData } from '../examples/seedExampleData.js';
import type { AdminRequest } from '../examples/setupSteps.js';
import { createApp } from '../api/createApp.js';
import { DomainEvents } from '../events/domainEvents.js';
import { embeddedModules } from '../modules/embeddedModules.js';
import { loadModules } from '../modules/loadModules.js';
import { ConversationDeletions } from '../modules/conversationDeletions.js';
import type { RuntimeModuleFactory } from '../modules/runtimeModule.js';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** How soon a rotated admin token takes effect in a running server. */
export const ADMIN_TOKEN_REFRESH_MS = 10_000;

export interface Runtime {
  config: RuntimeConfig;
  database: Database;
  registry: NodeRegistry;
  flows: FlowRepository;
  conversations: ConversationService;
  /** Business events after commit (`lead.captured`, ...): plugins subscribe here. */
  events: DomainEvents;
  services: Services;
  /** Settles when the published flows' nodes are prepared (matchers trained) after start. */
  preparing: Promise<void>;
  app: ReturnType<typeof createApp>;
  adminToken: { token: string; source: 'env' | 'stored' | 'generated' };
  log: Logger;
  seeded: string[];
  close(): Promise<void>;
}

/** Wires the runtime together: database, node registry, services, engine and HTTP app. No network yet. */
export async function createRuntime(
  config: RuntimeConfig,
  options: { log?: Logger; services?: Services; modules?: RuntimeModuleFactory[]; adminTokenRefreshMs?: number } = {},
): Promise<Runtime> {
  const log = options.log ?? createLogger({ level: config.logLevel, format: config.logFormat });
  const database = await openDatabase({ url: config.databaseUrl, synchronous: config.synchronous });
  const registry = new NodeRegistry(coreNodes, 'core');
  const box = config.secret ? SecretBox.fromPassphrase(config.secret) : SecretBox.fromKeyFile(path.join(config.dataDir, 'secret.key'));
  const flows = new FlowRepository(database.db);
  const events = new DomainEvents(database.client, log);
  const deletions = new ConversationDeletions(log);
  const conversationsDeleted = (ids: string[]) => deletions.report(ids);
  const loaded = await loadModules(options.modules ?? embeddedModules, { database, config, log, box, events, conversationsDeleted }, options.services);
  const conversations = new ConversationService({
    client: database.client, executeWriteBatch: database.executeWriteBatch, flows, registry, services: loaded.services, box, log,
    onEventsCommitted: () => events.nudge(),
  });
  deletions.attach(loaded.modules, (id) => conversations.evict(id));
  const adminToken = await ensureAdminToken(database.db, config.adminToken);
  // `dialogwerk token --rotate` writes a new token into the database; pick it up without a restart.
  const tokenRefresh =
    adminToken.source === 'env'
      ? undefined
      : setInterval(() => {
          ensureAdminToken(database.db)
            .then((current) => (adminToken.token = current.token))
            .catch((error) => log.warn('could not re-read the admin token', { error: String(error) }));
        }, options.adminTokenRefreshMs ?? ADMIN_TOKEN_REFRESH_MS);
  tokenRefresh?.unref();
  // The example flows are both what a fresh runtime publishes and the templates staff can start from.
  const exampleFlowsDir = path.join(repositoryRoot, 'examples/flows');
  const app = createApp({
    client: database.client, flows, registry, conversations, log, adminToken: () => adminToken.token, box,
    builderDist: path.join(repositoryRoot, 'builder/dist'), templatesDir: exampleFlowsDir, modules: loaded.modules,
  });
  const seeded = config.exampleFlows
    ? await seedExampleFlows(flows, registry, exampleFlowsDir, log)
    : [];
  const adminRequest: AdminRequest = async (method, route, body, contentType) => {
    const headers: Record<string, string> = { authorization: `Bearer ${adminToken.token}` };
    if (contentType) headers['content-type'] = contentType;
    const response = await app.request(route, { method, body: body as BodyInit | undefined, headers });
    return { status: response.status, text: await response.text() };
  };
  await seedExampleData(seeded, path.join(repositoryRoot, 'examples/data'), adminRequest, log);
  // Published flows' matchers are trained in the background after start, not in their first customer's turn.
  const prepared = (async () => {
    for (const flow of await flows.list()) {
      if (flow.publishedVersion !== null) await conversations.preparePublished(flow.id).catch(() => undefined);
    }
  })();
  return {
    config, database, registry, flows, conversations, events, services: loaded.services, app, adminToken, log, seeded,
    preparing: prepared,
    close: async () => {
      clearInterval(tokenRefresh);
      await prepared;
      await conversations.committer.drain();
      await events.close();
      await loaded.close();
      await database.close();
    },
  };
}
