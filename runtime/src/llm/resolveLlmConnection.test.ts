import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/runtimeConfig.js';
import { readLlmEnvironment } from './llmEnvironment.js';
import { resolveLlmConnection } from './resolveLlmConnection.js';

describe('LLM environment', () => {
  it('reads DIALOGWERK_LLM=<provider>:<model>, the base URL and the keys', () => {
    const env = readLlmEnvironment({
      DIALOGWERK_LLM: 'openai-compatible:llama3.2:3b', DIALOGWERK_LLM_BASE_URL: 'http://127.0.0.1:11434/v1/', OPENAI_API_KEY: 'sk-o', DIALOGWERK_LLM_TIMEOUT_MS: '45000',
    });
    expect(env).toEqual({ provider: 'openai-compatible', model: 'llama3.2:3b', baseUrl: 'http://127.0.0.1:11434/v1', keys: { openai: 'sk-o' }, timeoutMs: 45_000 });
    expect(readLlmEnvironment({ DIALOGWERK_LLM_PROVIDER: 'mistral', DIALOGWERK_LLM_MODEL: 'mistral-small-latest' })).toMatchObject({ provider: 'mistral', model: 'mistral-small-latest' });
  });

  it('refuses malformed values with a clear message', () => {
    expect(() => readLlmEnvironment({ DIALOGWERK_LLM: 'gpt-4o' })).toThrow(ConfigError);
    expect(() => readLlmEnvironment({ DIALOGWERK_LLM: 'skynet:t800' })).toThrow(/must be one of openai, anthropic, mistral, openai-compatible/);
    expect(() => readLlmEnvironment({ DIALOGWERK_LLM_BASE_URL: 'localhost:11434' })).toThrow(/http\(s\) URL/);
    expect(() => readLlmEnvironment({ DIALOGWERK_LLM_TIMEOUT_MS: '5' })).toThrow(/DIALOGWERK_LLM_TIMEOUT_MS/);
  });
});

describe('resolveLlmConnection: saved settings win, keys fall back to the environment', () => {
  const environment = readLlmEnvironment({ DIALOGWERK_LLM: 'openai:gpt-env', OPENAI_API_KEY: 'sk-env', ANTHROPIC_API_KEY: 'ak-env' });

  it('uses the environment when nothing is saved', () => {
    expect(resolveLlmConnection(environment, undefined)).toMatchObject({ source: 'environment', connection: { provider: 'openai', model: 'gpt-env', apiKey: 'sk-env' } });
  });

  it('replaces provider and model as a whole and takes the provider\'s environment key when none is saved', () => {
    const resolved = resolveLlmConnection(environment, { provider: 'anthropic', model: 'claude-x', updatedAt: '2026-01-01T00:00:00Z' });
    expect(resolved).toMatchObject({ source: 'settings', connection: { provider: 'anthropic', model: 'claude-x', apiKey: 'ak-env', baseUrl: undefined } });
    expect(resolveLlmConnection(environment, { provider: 'openai', model: 'gpt-s', apiKey: 'sk-saved', updatedAt: 'x' }).connection?.apiKey).toBe('sk-saved');
  });

  it('says what is missing', () => {
    expect(resolveLlmConnection(readLlmEnvironment({}), undefined)).toMatchObject({ source: 'none', reason: expect.stringContaining('no provider') });
    expect(resolveLlmConnection(readLlmEnvironment({ DIALOGWERK_LLM: 'mistral:small' }), undefined).reason).toContain('no API key');
    expect(resolveLlmConnection(readLlmEnvironment({ DIALOGWERK_LLM: 'openai-compatible:llama' }), undefined).reason).toContain('base URL');
    expect(resolveLlmConnection(readLlmEnvironment({ DIALOGWERK_LLM: 'openai-compatible:llama', DIALOGWERK_LLM_BASE_URL: 'http://127.0.0.1:1/v1' }), undefined).connection).toBeDefined();
  });
});
