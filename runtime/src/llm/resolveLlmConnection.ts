import { environmentKey, type LlmEnvironment } from './llmEnvironment.js';
import type { LlmConnection } from './llmProviders.js';
import type { StoredLlmSettings } from './llmSettingsStore.js';

export type LlmSource = 'settings' | 'environment' | 'none';

export interface ResolvedLlm {
  source: LlmSource;
  /** Complete enough to call a model; absent when something is missing (`reason` says what). */
  connection?: LlmConnection;
  provider?: string;
  model?: string;
  baseUrl?: string;
  apiKeySet: boolean;
  timeoutMs: number;
  reason?: string;
}

/**
 * Precedence: settings saved in the builder replace the environment's provider, model, base URL and timeout as a
 * whole (mixing a stored provider with an environment model would call a model nobody chose). The API key is the
 * stored one, else the environment's key for the resulting provider, so a key can stay in the environment only.
 */
export function resolveLlmConnection(environment: LlmEnvironment, stored: StoredLlmSettings | undefined): ResolvedLlm {
  const source: LlmSource = stored ? 'settings' : environment.provider ? 'environment' : 'none';
  const provider = stored?.provider ?? environment.provider;
  const model = stored ? stored.model : environment.model;
  const baseUrl = stored ? stored.baseUrl : environment.baseUrl;
  const timeoutMs = stored?.timeoutMs ?? environment.timeoutMs;
  const apiKey = stored?.apiKey ?? (provider ? environmentKey(environment, provider) : undefined);
  const summary = { source, provider, model, baseUrl, apiKeySet: apiKey !== undefined, timeoutMs };
  if (!provider) return { ...summary, reason: 'no provider configured (DIALOGWERK_LLM or the LLM settings)' };
  if (!model) return { ...summary, reason: `no model configured for provider "${provider}"` };
  if (provider === 'openai-compatible' && !baseUrl) return { ...summary, reason: 'provider "openai-compatible" needs a base URL (DIALOGWERK_LLM_BASE_URL)' };
  if (provider !== 'openai-compatible' && !apiKey) return { ...summary, reason: `no API key for provider "${provider}"` };
  return { ...summary, connection: { provider, model, baseUrl, apiKey, timeoutMs } };
}
