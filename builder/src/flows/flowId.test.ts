import { describe, expect, it } from 'vitest';
import { isValidFlowId, slugifyFlowId, uniqueFlowId } from './flowId.js';

describe('slugifyFlowId', () => {
  it.each([
    ['Kontaktanfrage', 'kontaktanfrage'],
    ['Kontaktanfrage Büro Zürich', 'kontaktanfrage-buero-zuerich'],
    ['Größe & Maße', 'groesse-masse'],
    ['Öffnungszeiten – Sommer 2025!', 'oeffnungszeiten-sommer-2025'],
    ['Crème brûlée Café', 'creme-brulee-cafe'],
    ['  --Hallo__Welt--  ', 'hallo-welt'],
    ['FAQ: Rücksendung / Umtausch', 'faq-ruecksendung-umtausch'],
  ])('%j → %j', (name, slug) => {
    expect(slugifyFlowId(name)).toBe(slug);
  });

  it.each(['', '   ', '???', '日本語'])('falls back to "flow" for %j', (name) => {
    expect(slugifyFlowId(name)).toBe('flow');
  });

  it('stays within 64 characters without a trailing dash', () => {
    const slug = slugifyFlowId(`${'a'.repeat(63)} b`);
    expect(slug).toBe('a'.repeat(63));
    expect(slugifyFlowId('x'.repeat(100))).toHaveLength(64);
  });

  it('always produces a valid id', () => {
    for (const name of ['Ä', '-1-', 'Ünterwäsche', '9 Leben', 'a'.repeat(200), '💬 Chat']) expect(isValidFlowId(slugifyFlowId(name)), name).toBe(true);
  });
});

describe('uniqueFlowId', () => {
  it('keeps a free id', () => {
    expect(uniqueFlowId('kontakt', ['other'])).toBe('kontakt');
  });

  it('counts up past taken ids', () => {
    expect(uniqueFlowId('kontakt', ['kontakt', 'kontakt-2'])).toBe('kontakt-3');
  });

  it('shortens long ids to fit the suffix', () => {
    const base = 'a'.repeat(64);
    const id = uniqueFlowId(base, [base]);
    expect(id).toBe(`${'a'.repeat(62)}-2`);
    expect(isValidFlowId(id)).toBe(true);
  });
});

describe('isValidFlowId', () => {
  it('follows the runtime rule', () => {
    expect(isValidFlowId('a')).toBe(true);
    expect(isValidFlowId('0_a-b')).toBe(true);
    expect(isValidFlowId('-a')).toBe(false);
    expect(isValidFlowId('A')).toBe(false);
    expect(isValidFlowId('a'.repeat(65))).toBe(false);
    expect(isValidFlowId('')).toBe(false);
  });
});
