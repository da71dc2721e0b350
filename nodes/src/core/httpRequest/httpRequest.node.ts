import { z } from 'zod';
import { defineNode } from '../../sdk/defineNode.js';
import { Text, resolveText } from '../../sdk/text.js';
import { variableName } from '../../flow/flowDocument.js';

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const DEFAULT_HTTP_TIMEOUT_MS = 10_000;
export const MAX_HTTP_TIMEOUT_MS = 30_000;

const httpRequestConfig = z.object({
  method: z.enum(httpMethods).default('GET'),
  url: Text.meta({ title: 'URL' }),
  headers: z
    .record(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'an HTTP header name'), Text)
    .optional()
    .meta({ title: 'Header / Headers' }),
  body: Text.optional().meta({ title: 'Inhalt / Body' }),
  save: z
    .record(variableName, z.string().regex(/^[^.]+(\.[^.]+)*$/, 'a dot path like "data.items.0.name"'))
    .optional()
    .meta({ title: 'Speichern / Save' }),
  timeoutMs: z.number().int().min(1).max(MAX_HTTP_TIMEOUT_MS).optional(),
});

export type HttpRequestConfig = z.infer<typeof httpRequestConfig>;

export const httpRequestNode = defineNode({
  type: 'http_request',
  version: 1,
  category: 'integrations',
  icon: 'globe',
  label: { de: 'HTTP-Anfrage', en: 'HTTP request' },
  description: {
    de: 'Ruft eine externe HTTP-Schnittstelle auf und speichert Werte aus der JSON-Antwort in Variablen.',
    en: 'Calls an external HTTP API and stores values from the JSON response in variables.',
  },
  config: httpRequestConfig,
  ports: [
    { id: 'ok', label: { de: 'Erfolg', en: 'OK' } },
    { id: 'error', label: { de: 'Fehler', en: 'Error' }, kind: 'error' },
  ],
  // The request's own limit (at most 30 s) must fire before the engine's limit for the whole run.
  timeoutMs: MAX_HTTP_TIMEOUT_MS + 5_000,
  variables: (config) => Object.keys(config.save ?? {}),
  summary: (config, locale) => `${config.method} ${resolveText(config.url, locale, locale)}`,
});
