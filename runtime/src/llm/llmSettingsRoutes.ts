import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../api/appEnv.js';
import { readJsonBody, KiB } from '../api/readJsonBody.js';
import type { LlmEnvironment } from './llmEnvironment.js';
import { llmProviders } from './llmProviders.js';
import { parseLlmSettings } from './llmSettingsInput.js';
import type { LlmSettingsStore } from './llmSettingsStore.js';
import { resolveLlmConnection } from './resolveLlmConnection.js';

function language(header: string | undefined): 'de' | 'en' {
  return header?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** What staff see: the effective settings and where they come from; the API key only as `apiKeySet`, never itself. */
async function view(store: LlmSettingsStore, environment: LlmEnvironment) {
  const stored = await store.read();
  const resolved = resolveLlmConnection(environment, stored);
  const fromEnvironment = resolveLlmConnection(environment, undefined);
  return {
    configured: resolved.connection !== undefined,
    source: resolved.source,
    provider: resolved.provider ?? null,
    model: resolved.model ?? null,
    baseUrl: resolved.baseUrl ?? null,
    apiKeySet: resolved.apiKeySet,
    timeoutMs: resolved.timeoutMs,
    ...(resolved.reason ? { reason: resolved.reason } : {}),
    updatedAt: stored?.updatedAt ?? null,
    environment: {
      provider: fromEnvironment.provider ?? null,
      model: fromEnvironment.model ?? null,
      baseUrl: fromEnvironment.baseUrl ?? null,
      apiKeySet: fromEnvironment.apiKeySet,
    },
    providers: [...llmProviders],
  };
}

/** Admin routes `GET/PUT/DELETE /v1/settings/llm`. */
export function llmSettingsRoutes(store: LlmSettingsStore, environment: LlmEnvironment, now: () => Date) {
  const app = new Hono<AppEnv>();

  app.get('/settings/llm', async (c) => c.json(await view(store, environment)));

  app.put('/settings/llm', async (c) => {
    const body = await readJsonBody(c, z.unknown(), { limit: 16 * KiB });
    const settings = parseLlmSettings(body, await store.read(), environment, language(c.req.header('accept-language')));
    await store.write(settings, now());
    return c.json(await view(store, environment));
  });

  /** Forgets the saved settings (and key): the environment applies again. */
  app.delete('/settings/llm', async (c) => {
    await store.clear();
    return c.json(await view(store, environment));
  });

  return app;
}
