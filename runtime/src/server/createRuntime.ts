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
import { createApp } from '../api/createApp.js';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Runtime {
  config: RuntimeConfig;
  database: Database;
  registry: NodeRegistry;
  flows: FlowRepository;
  conversations: ConversationService;
  app: ReturnType<typeof createApp>;
  adminToken: { token: string; source: 'env' | 'stored' | 'generated' };
  log: Logger;
  seeded: string[];
  close(): Promise<void>;
}

/** Wires the runtime together: database, node registry, services, engine and HTTP app. No network yet. */
export async function createRuntime(config: RuntimeConfig, options: { log?: Logger; services?: Services } = {}): Promise<Runtime> {
  const log = options.log ?? createLogger({ level: config.logLevel, format: config.logFormat });
  const database = await openDatabase({ url: config.databaseUrl, synchronous: config.synchronous });
  const registry = new NodeRegistry(coreNodes, 'core');
  const box = config.secret ? SecretBox.fromPassphrase(config.secret) : SecretBox.fromKeyFile(path.join(config.dataDir, 'secret.key'));
  const flows = new FlowRepository(database.db);
  const conversations = new ConversationService({
    client: database.client, flows, registry, services: options.services ?? {}, box, log,
  });
  const adminToken = await ensureAdminToken(database.db, config.adminToken);
  const seeded = config.exampleFlows
    ? await seedExampleFlows(flows, registry, path.join(repositoryRoot, 'examples/flows'), log)
    : [];
  const app = createApp({
    client: database.client, flows, registry, conversations, log, adminToken: () => adminToken.token,
    builderDist: path.join(repositoryRoot, 'builder/dist'),
  });
  return {
    config, database, registry, flows, conversations, app, adminToken, log, seeded,
    close: async () => {
      await conversations.committer.drain();
      database.close();
    },
  };
}
