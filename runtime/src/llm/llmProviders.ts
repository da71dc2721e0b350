/** Providers the runtime can talk to; `openai-compatible` covers Ollama, LM Studio, vLLM and similar servers. */
export const llmProviders = ['openai', 'anthropic', 'mistral', 'openai-compatible'] as const;
export type LlmProvider = (typeof llmProviders)[number];

export function isLlmProvider(value: string): value is LlmProvider {
  return (llmProviders as readonly string[]).includes(value);
}

/** Everything needed to call a model; `apiKey` only ever lives in memory (stored sealed, never returned). */
export interface LlmConnection {
  provider: LlmProvider;
  model: string;
  baseUrl?: string;
  apiKey?: string;
  timeoutMs: number;
}

export const DEFAULT_LLM_CALL_TIMEOUT_MS = 30_000;
export const MAX_LLM_CALL_TIMEOUT_MS = 120_000;

/** Provider-specific key variables, used when `DIALOGWERK_LLM_API_KEY` is not set. */
export const providerKeyVariables: Record<LlmProvider, string | undefined> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  mistral: 'MISTRAL_API_KEY',
  'openai-compatible': undefined,
};
