import type { Localized } from '@dialogwerk/nodes';
import { ApiError } from '../apiError.js';
import { environmentKey, type LlmEnvironment } from './llmEnvironment.js';
import { MAX_LLM_CALL_TIMEOUT_MS, isLlmProvider, llmProviders, type LlmProvider } from './llmProviders.js';
import type { StoredLlmSettings } from './llmSettingsStore.js';

/** What `PUT /v1/settings/llm` accepts; `apiKey` omitted keeps the stored key (same provider), null removes it. */
export interface LlmSettingsInput {
  provider: LlmProvider;
  model: string;
  baseUrl?: string;
  apiKey?: string | null;
  timeoutMs?: number;
}

interface Issue {
  path: string[];
  messages: Localized;
}

const MAX_KEY_LENGTH = 4096;
const known = new Set(['provider', 'model', 'baseUrl', 'apiKey', 'timeoutMs']);

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Checks the settings body field by field, collecting every issue, and decides which key to store. Everything is a
 * 422 with bilingual messages, so the builder can show each problem next to its field.
 */
export function parseLlmSettings(
  body: unknown,
  previous: StoredLlmSettings | undefined,
  environment: LlmEnvironment,
  language: 'de' | 'en',
): Omit<StoredLlmSettings, 'updatedAt'> {
  const issues: Issue[] = [];
  const add = (path: string, de: string, en: string) => issues.push({ path: [path], messages: { de, en } });
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    add('', 'Erwartet wird ein Objekt mit „provider“ und „model“.', 'Expected an object with "provider" and "model".');
    throw invalid(issues, language);
  }
  const input = body as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!known.has(key)) add(key, `Unbekanntes Feld „${key}“.`, `Unknown field "${key}".`);
  }
  const { provider, model, baseUrl, apiKey, timeoutMs } = input;
  if (typeof provider !== 'string' || !isLlmProvider(provider)) {
    add('provider', `Anbieter muss einer von ${llmProviders.join(', ')} sein.`, `provider must be one of ${llmProviders.join(', ')}.`);
  }
  if (typeof model !== 'string' || model.trim() === '' || model.length > 200) {
    add('model', 'Modell: Name mit 1 bis 200 Zeichen nötig, z. B. „gpt-4o-mini“.', 'model: a name of 1 to 200 characters is required, e.g. "gpt-4o-mini".');
  }
  if (baseUrl !== undefined && baseUrl !== null && (typeof baseUrl !== 'string' || !isHttpUrl(baseUrl) || baseUrl.length > 2000)) {
    add('baseUrl', 'Basis-URL muss eine http(s)-Adresse sein, z. B. http://127.0.0.1:11434/v1.', 'baseUrl must be an http(s) URL, e.g. http://127.0.0.1:11434/v1.');
  }
  if (provider === 'openai-compatible' && (typeof baseUrl !== 'string' || baseUrl === '')) {
    add('baseUrl', 'Für „openai-compatible“ ist eine Basis-URL nötig (z. B. Ollama: http://127.0.0.1:11434/v1).', 'Provider "openai-compatible" needs a baseUrl (e.g. Ollama: http://127.0.0.1:11434/v1).');
  }
  if (apiKey !== undefined && apiKey !== null && (typeof apiKey !== 'string' || apiKey.trim() === '' || apiKey.length > MAX_KEY_LENGTH || /\s/.test(apiKey))) {
    add('apiKey', `API-Schlüssel: Text ohne Leerzeichen, höchstens ${MAX_KEY_LENGTH} Zeichen (oder null zum Entfernen).`, `apiKey: text without spaces, at most ${MAX_KEY_LENGTH} characters (or null to remove it).`);
  }
  if (timeoutMs !== undefined && (typeof timeoutMs !== 'number' || !Number.isInteger(timeoutMs) || timeoutMs < 1000 || timeoutMs > MAX_LLM_CALL_TIMEOUT_MS)) {
    add('timeoutMs', `Zeitlimit: ganze Zahl von 1000 bis ${MAX_LLM_CALL_TIMEOUT_MS} ms.`, `timeoutMs: an integer from 1000 to ${MAX_LLM_CALL_TIMEOUT_MS}.`);
  }
  if (issues.length > 0) throw invalid(issues, language);

  const chosen = provider as LlmProvider;
  // A kept key only makes sense for the provider it was given for.
  const key = apiKey === null ? undefined : typeof apiKey === 'string' ? apiKey : previous?.provider === chosen ? previous.apiKey : undefined;
  if (chosen !== 'openai-compatible' && !key && !environmentKey(environment, chosen)) {
    add('apiKey', `Für „${chosen}“ fehlt ein API-Schlüssel: hier angeben oder als Umgebungsvariable setzen.`, `Provider "${chosen}" needs an API key: send apiKey or set it in the environment.`);
    throw invalid(issues, language);
  }
  return {
    provider: chosen,
    model: (model as string).trim(),
    ...(typeof baseUrl === 'string' && baseUrl !== '' ? { baseUrl: baseUrl.replace(/\/+$/, '') } : {}),
    ...(key ? { apiKey: key } : {}),
    ...(typeof timeoutMs === 'number' ? { timeoutMs } : {}),
  };
}

function invalid(issues: Issue[], language: 'de' | 'en'): ApiError {
  return new ApiError(
    422,
    'LLM_SETTINGS_INVALID',
    { de: 'Die Einstellungen für das Sprachmodell sind ungültig.', en: 'The language model settings are invalid.' },
    issues.map((issue) => ({ path: issue.path.filter((part) => part !== ''), message: issue.messages[language], messages: issue.messages })),
  );
}
