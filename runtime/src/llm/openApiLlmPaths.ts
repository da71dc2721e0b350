import { adminUnauthorized, error, ok } from '../api/openApiResponses.js';
import { json } from '../api/openApiJsonSchema.js';
import type { JsonSchema, OpenApiPaths } from '../api/openApiTypes.js';
import { MAX_LLM_CALL_TIMEOUT_MS, llmProviders } from './llmProviders.js';

const nullableString = { type: ['string', 'null'] } as const;

const settingsView: JsonSchema = {
  type: 'object',
  description: 'The effective language model settings. The API key is never returned, only whether one is set.',
  properties: {
    configured: { type: 'boolean', description: 'True when provider, model and (except for openai-compatible) a key are all there.' },
    source: { type: 'string', enum: ['settings', 'environment', 'none'], description: 'Where the effective settings come from: saved settings win over the environment.' },
    provider: { type: ['string', 'null'], enum: [...llmProviders, null] },
    model: nullableString,
    baseUrl: nullableString,
    apiKeySet: { type: 'boolean' },
    timeoutMs: { type: 'integer', description: 'Time limit per model call.' },
    reason: { type: 'string', description: 'What is missing while `configured` is false.' },
    updatedAt: { type: ['string', 'null'], format: 'date-time', description: 'When settings were last saved; null while the environment applies.' },
    environment: {
      type: 'object',
      description: 'What the environment variables alone configure (DIALOGWERK_LLM, DIALOGWERK_LLM_BASE_URL, keys).',
      properties: { provider: { type: ['string', 'null'] }, model: nullableString, baseUrl: nullableString, apiKeySet: { type: 'boolean' } },
      required: ['provider', 'model', 'baseUrl', 'apiKeySet'],
      additionalProperties: false,
    },
    providers: { type: 'array', items: { type: 'string' }, description: 'The providers this server supports.' },
  },
  required: ['configured', 'source', 'provider', 'model', 'baseUrl', 'apiKeySet', 'timeoutMs', 'updatedAt', 'environment', 'providers'],
  additionalProperties: false,
};

const settingsInput: JsonSchema = {
  type: 'object',
  properties: {
    provider: { type: 'string', enum: [...llmProviders] },
    model: { type: 'string', minLength: 1, maxLength: 200, description: 'e.g. `gpt-4o-mini`, `claude-3-5-haiku-latest`, `mistral-small-latest`, `llama3.2`.' },
    baseUrl: { type: ['string', 'null'], description: 'Required for openai-compatible (Ollama: `http://127.0.0.1:11434/v1`); a proxy or gateway URL for the others.' },
    apiKey: { type: ['string', 'null'], maxLength: 4096, description: 'Stored encrypted, never returned. Omitted: the stored key is kept (same provider). null: removed (the environment key applies).' },
    timeoutMs: { type: 'integer', minimum: 1000, maximum: MAX_LLM_CALL_TIMEOUT_MS },
  },
  required: ['provider', 'model'],
  additionalProperties: false,
};

const usageCounts = {
  calls: { type: 'integer' },
  inputTokens: { type: 'integer' },
  outputTokens: { type: 'integer' },
} as const;

const usage: JsonSchema = {
  type: 'object',
  properties: {
    flowId: nullableString,
    conversationId: nullableString,
    from: { type: ['string', 'null'], format: 'date-time' },
    to: { type: ['string', 'null'], format: 'date-time', description: 'Exclusive.' },
    ...usageCounts,
    byModel: {
      type: 'array',
      items: {
        type: 'object',
        properties: { provider: { type: 'string' }, model: { type: 'string' }, ...usageCounts },
        required: ['provider', 'model', 'calls', 'inputTokens', 'outputTokens'],
        additionalProperties: false,
      },
    },
  },
  required: ['flowId', 'conversationId', 'from', 'to', 'calls', 'inputTokens', 'outputTokens', 'byModel'],
  additionalProperties: false,
};

const invalidSettings = error(
  '`LLM_SETTINGS_INVALID`: `details` lists every problem as `{ path, message, messages: { de, en } }` (unknown provider, ' +
    'missing model, openai-compatible without `baseUrl`, no API key for the provider, timeout out of range, unknown fields).',
);

/** Language model settings and token usage (docs/LLM.md). */
export function llmPaths(): OpenApiPaths {
  return {
    '/v1/settings/llm': {
      get: {
        operationId: 'getLlmSettings',
        tags: ['llm'],
        summary: 'Read the language model settings',
        description: 'The effective provider and model, where they come from and whether a key is set. The key itself is never returned.',
        responses: { '200': ok('The effective settings.', settingsView), ...adminUnauthorized },
      },
      put: {
        operationId: 'putLlmSettings',
        tags: ['llm'],
        summary: 'Save language model settings',
        description: 'Saved settings replace the environment\'s provider, model, base URL and timeout; the key is the saved one, else the environment\'s. Applies to the next model call.',
        requestBody: { required: true, content: json(settingsInput) },
        responses: {
          '200': ok('Saved; the effective settings.', settingsView),
          '400': error('`MALFORMED_JSON`: the body is not JSON.'),
          '413': error('`BODY_TOO_LARGE`: over 16 KiB.'),
          '422': invalidSettings,
          ...adminUnauthorized,
        },
      },
      delete: {
        operationId: 'deleteLlmSettings',
        tags: ['llm'],
        summary: 'Forget the saved settings',
        description: 'Deletes the saved settings and key; the environment applies again.',
        responses: { '200': ok('The effective settings afterwards.', settingsView), ...adminUnauthorized },
      },
    },
    '/v1/llm/usage': {
      get: {
        operationId: 'getLlmUsage',
        tags: ['llm'],
        summary: 'Token usage',
        description: 'Sums the `llm.usage` events (one per model call) per provider and model, for a flow or conversation and a period. Test conversations count unless `excludeTests=true`.',
        parameters: [
          { name: 'flowId', in: 'query', description: 'Only calls in this flow.', schema: { type: 'string' } },
          { name: 'conversationId', in: 'query', description: 'Only calls in this conversation.', schema: { type: 'string' } },
          { name: 'from', in: 'query', description: 'Start: a date `YYYY-MM-DD` (UTC) or an ISO date-time.', schema: { type: 'string' } },
          { name: 'to', in: 'query', description: 'End: a date (inclusive) or an ISO date-time (exclusive).', schema: { type: 'string' } },
          { name: 'excludeTests', in: 'query', description: '`true`: leave out test conversations.', schema: { type: 'string', enum: ['true', 'false'] } },
        ],
        responses: {
          '200': ok('The usage.', usage),
          '422': error('`INVALID_QUERY`: `from` or `to` is not a date or date-time, or `to` is not after `from`.'),
          ...adminUnauthorized,
        },
      },
    },
  };
}
