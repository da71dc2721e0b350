import { ConfigError } from '../config/runtimeConfig.js';
import { DEFAULT_LLM_CALL_TIMEOUT_MS, MAX_LLM_CALL_TIMEOUT_MS, isLlmProvider, llmProviders, providerKeyVariables, type LlmProvider } from './llmProviders.js';

/** The LLM part of the runtime config, read from the environment (the public contract names these variables). */
export interface LlmEnvironment {
  provider?: LlmProvider;
  model?: string;
  baseUrl?: string;
  /** Keys found in the environment: the generic one and the provider-specific ones. */
  keys: { generic?: string } & Partial<Record<LlmProvider, string>>;
  timeoutMs: number;
}

function url(name: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const parsed = new URL(value);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return value.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  throw new ConfigError(`${name} must be an http(s) URL, got "${value}"`);
}

/**
 * `DIALOGWERK_LLM=<provider>:<model>` (as the contract says), or `DIALOGWERK_LLM_PROVIDER` + `DIALOGWERK_LLM_MODEL`;
 * `DIALOGWERK_LLM_BASE_URL` (required for openai-compatible, a proxy for the others); keys from
 * `DIALOGWERK_LLM_API_KEY`, else the provider's own variable; `DIALOGWERK_LLM_TIMEOUT_MS` per call.
 */
export function readLlmEnvironment(env: NodeJS.ProcessEnv): LlmEnvironment {
  let provider = env.DIALOGWERK_LLM_PROVIDER || undefined;
  let model = env.DIALOGWERK_LLM_MODEL || undefined;
  if (env.DIALOGWERK_LLM) {
    const at = env.DIALOGWERK_LLM.indexOf(':');
    if (at <= 0 || at === env.DIALOGWERK_LLM.length - 1) {
      throw new ConfigError(`DIALOGWERK_LLM must be <provider>:<model>, e.g. "openai:gpt-4o-mini", got "${env.DIALOGWERK_LLM}"`);
    }
    provider = env.DIALOGWERK_LLM.slice(0, at);
    model = env.DIALOGWERK_LLM.slice(at + 1);
  }
  if (provider !== undefined && !isLlmProvider(provider)) {
    throw new ConfigError(`the LLM provider must be one of ${llmProviders.join(', ')}, got "${provider}"`);
  }
  const baseUrl = url('DIALOGWERK_LLM_BASE_URL', env.DIALOGWERK_LLM_BASE_URL);
  const keys: LlmEnvironment['keys'] = {};
  if (env.DIALOGWERK_LLM_API_KEY) keys.generic = env.DIALOGWERK_LLM_API_KEY;
  for (const [name, variable] of Object.entries(providerKeyVariables)) if (variable && env[variable]) keys[name as LlmProvider] = env[variable];
  const rawTimeout = env.DIALOGWERK_LLM_TIMEOUT_MS;
  const timeoutMs = rawTimeout ? Number(rawTimeout) : DEFAULT_LLM_CALL_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1000 || timeoutMs > MAX_LLM_CALL_TIMEOUT_MS) {
    throw new ConfigError(`DIALOGWERK_LLM_TIMEOUT_MS must be an integer from 1000 to ${MAX_LLM_CALL_TIMEOUT_MS}, got "${rawTimeout}"`);
  }
  return { provider, model, baseUrl, keys, timeoutMs };
}

/** The environment's key for a provider: the generic variable wins over the provider's own. */
export function environmentKey(environment: LlmEnvironment, provider: LlmProvider): string | undefined {
  return environment.keys.generic ?? environment.keys[provider];
}
