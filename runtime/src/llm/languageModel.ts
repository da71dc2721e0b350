import type { LanguageModel } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
import { createAnthropic } from '@ai-sdk/anthropic';
import { createMistral } from '@ai-sdk/mistral';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LlmConnection } from './llmProviders.js';

/** Builds the AI SDK model for a connection; cheap enough to do per call, so a settings change applies at once. */
export function languageModel(connection: LlmConnection): LanguageModel {
  const { provider, model, apiKey, baseUrl } = connection;
  // An explicit key (possibly none) keeps the SDK from reading provider variables behind the runtime's back.
  switch (provider) {
    case 'openai':
      // Chat completions: the API every OpenAI-style proxy and gateway also speaks.
      return createOpenAI({ apiKey, baseURL: baseUrl }).chat(model);
    case 'anthropic':
      return createAnthropic({ apiKey, baseURL: baseUrl }).messages(model);
    case 'mistral':
      return createMistral({ apiKey, baseURL: baseUrl })(model);
    case 'openai-compatible':
      return createOpenAICompatible({ name: 'openai-compatible', baseURL: baseUrl!, apiKey, includeUsage: true }).chatModel(model);
  }
}
