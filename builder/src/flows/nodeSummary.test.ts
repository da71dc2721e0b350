import { describe, expect, it } from 'vitest';
import { SUMMARY_MAX_LENGTH, nodeSummary, resolveFlowText } from './nodeSummary.js';

describe('resolveFlowText', () => {
  const text = { de: 'Hallo', en: 'Hello', 'de-CH': 'Grüezi' };

  it('picks exact locale, then language, then the default locale, then any', () => {
    expect(resolveFlowText(text, 'de-CH', 'de')).toBe('Grüezi');
    expect(resolveFlowText(text, 'de-AT', 'en')).toBe('Hallo');
    expect(resolveFlowText({ de: 'Hallo', en: 'Hello' }, 'fr', 'en')).toBe('Hello');
    expect(resolveFlowText({ it: 'Ciao' }, 'fr', 'en')).toBe('Ciao');
  });

  it('uses a plain string for every language and ignores non-texts', () => {
    expect(resolveFlowText('Hi', 'de', 'de')).toBe('Hi');
    expect(resolveFlowText(undefined, 'de', 'de')).toBe('');
    expect(resolveFlowText(['a'], 'de', 'de')).toBe('');
    expect(resolveFlowText({ de: 3 }, 'de', 'de')).toBe('');
  });
});

describe('nodeSummary', () => {
  it('shows the text config in the UI language on one line', () => {
    expect(nodeSummary({ id: 'a', type: 'message', config: { text: { de: 'Guten\nTag', en: 'Hello' } } }, 'de', 'de')).toBe('Guten Tag');
  });

  it('is empty for nodes without text', () => {
    expect(nodeSummary({ id: 'c', type: 'condition', config: { rules: [] } }, 'en')).toBe('');
    expect(nodeSummary({ id: 'e', type: 'end' }, 'en')).toBe('');
  });

  it('shortens long texts', () => {
    const summary = nodeSummary({ id: 'a', type: 'message', config: { text: 'x'.repeat(500) } }, 'en');
    expect(summary).toHaveLength(SUMMARY_MAX_LENGTH);
    expect(summary.endsWith('…')).toBe(true);
  });
});
