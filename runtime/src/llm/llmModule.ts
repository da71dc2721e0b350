import { Hono } from 'hono';
import type { AppEnv } from '../api/appEnv.js';
import type { RuntimeModuleFactory } from '../modules/runtimeModule.js';
import { llmFlowWarnings } from './llmFlowWarnings.js';
import { createLlmService } from './llmService.js';
import { llmSettingsRoutes } from './llmSettingsRoutes.js';
import { LlmSettingsStore } from './llmSettingsStore.js';
import { llmUsageRoutes } from './llmUsageRoutes.js';
import { resolveLlmConnection } from './resolveLlmConnection.js';

/**
 * Language models for nodes (`services.llm`), the admin settings (`/v1/settings/llm`) and token usage
 * (`/v1/llm/usage`). The connection is resolved per call from the environment and the saved settings.
 */
export const llmModule: RuntimeModuleFactory = ({ database, config, box }) => {
  const store = new LlmSettingsStore(database, box);
  const environment = config.llm;
  const resolve = async () => resolveLlmConnection(environment, await store.read());
  const llm = createLlmService(resolve);
  const adminRoutes = new Hono<AppEnv>();
  adminRoutes.route('/', llmSettingsRoutes(store, environment, () => new Date()));
  adminRoutes.route('/', llmUsageRoutes(database.client));
  return {
    name: 'llm',
    services: { llm },
    adminRoutes,
    flowWarnings: async (document) => llmFlowWarnings(document, await llm.status!()),
  };
};
