import { describe, expect, it } from 'vitest';
import { configSummary } from './configSummary.js';

const node = (type: string, config: Record<string, unknown>) => ({ id: 'n', type, config });

describe('configSummary', () => {
  it('shows the text in the flow locale', () => {
    expect(configSummary(node('ask', { text: { de: 'Wie heißen Sie?', en: 'Your name?' } }), 'de')).toBe('Wie heißen Sie?');
    expect(configSummary(node('ask', { text: { de: 'Wie heißen Sie?', en: 'Your name?' } }), 'en')).toBe('Your name?');
  });

  it('falls back to another describing field, then to the branches', () => {
    expect(configSummary(node('http_request', { method: 'GET', url: 'https://crm.example/api' }), 'de')).toBe('https://crm.example/api');
    expect(configSummary(node('intent', { intents: [{ id: 'order', label: { de: 'Bestellung' } }, { id: 'faq' }] }), 'de')).toBe('Bestellung, faq');
    expect(configSummary(node('condition', { rules: [{ port: 'vip', var: 'x', op: 'eq' }] }), 'de')).toBe('vip');
    expect(configSummary(node('end', {}), 'de')).toBe('');
  });

  it('shortens long texts to one line', () => {
    const summary = configSummary(node('message', { text: `Hallo\\n${'x'.repeat(300)}` }), 'de');
    expect(summary.length).toBeLessThanOrEqual(140);
    expect(summary.endsWith('…')).toBe(true);
  });
});
