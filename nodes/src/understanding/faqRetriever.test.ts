import { describe, expect, it } from 'vitest';
import { buildFaqRetriever, calibrate, DEFAULT_FAQ_THRESHOLD, RAW_CUT } from './faqRetriever.js';

const faq = buildFaqRetriever([
  { id: 'hours', phrasings: ['Wann haben Sie geöffnet?', 'Öffnungszeiten', 'What are your opening hours?'] },
  { id: 'shipping', phrasings: ['Was kostet der Versand?', 'Lieferkosten', 'How much is shipping?'] },
  { id: 'parking', phrasings: ['Gibt es Parkplätze?', 'Where can I park?'] },
  { id: 'returns', phrasings: ['Kann ich Ware zurückgeben?', 'Umtausch', 'Can I return an item?'] },
]);

describe('faqRetriever', () => {
  it('finds German and English paraphrases', () => {
    expect(faq.match('Wann sind Sie geöffnet?').id).toBe('hours');
    expect(faq.match('opening hours on saturday?').id).toBe('hours');
    expect(faq.match('Wie teuer ist der Versand?').id).toBe('shipping');
    expect(faq.match('can I return this item').id).toBe('returns');
  });

  it('forgives typos and missing umlauts', () => {
    expect(faq.match('Öfnungszeiten?').id).toBe('hours');
    expect(faq.match('Oeffnungszeiten').id).toBe('hours');
    expect(faq.match('Lieferkostn').id).toBe('shipping');
    expect(faq.match('Was kostet der Vresand?').id).toBe('shipping');
  });

  it('folds ß and Swiss spellings onto each other', () => {
    const streets = buildFaqRetriever([
      { id: 'street', phrasings: ['In welcher Straße liegt der Laden?'] },
      { id: 'bike', phrasings: ['Wo kann ich mein Fahrrad abstellen?'] },
    ]);
    expect(streets.match('Welche Strasse?').id).toBe('street');
    expect(streets.match('Wo kann ich mein Velo abstellen?').id).toBe('bike');
  });

  it('meets compounds and their parts', () => {
    expect(faq.match('Was kostet die Lieferung?').id).toBe('shipping');
    const split = buildFaqRetriever([
      { id: 'cost', phrasings: ['Kosten der Lieferung'] },
      { id: 'other', phrasings: ['Wann haben Sie offen?'] },
    ]);
    expect(split.match('Lieferkosten').id).toBe('cost');
    const whole = buildFaqRetriever([
      { id: 'cost', phrasings: ['Lieferkosten'] },
      { id: 'other', phrasings: ['Wann haben Sie offen?'] },
    ]);
    expect(whole.match('Kosten der Lieferung').id).toBe('cost');
  });

  it('ignores stop words, so a shared "Wie kann ich" does not match', () => {
    const result = faq.match('Wie kann ich Ihnen helfen, ich bin Pilot?');
    expect(result.id).toBeNull();
    expect(result.score).toBeLessThan(DEFAULT_FAQ_THRESHOLD);
  });

  it('rejects unrelated questions but still reports the best entry', () => {
    const result = faq.match('Wie wird das Wetter morgen?');
    expect(result.id).toBeNull();
    expect(result.bestId).not.toBeNull();
    expect(result.score).toBeLessThan(0.3);
  });

  it('scores in 0..1, an exact phrasing near 1, and the threshold makes it stricter', () => {
    const exact = faq.match('Gibt es Parkplätze?');
    expect(exact.score).toBeGreaterThan(0.95);
    expect(exact.score).toBeLessThanOrEqual(1);
    const partial = faq.match('Parkplätze beim Bahnhof Zürich vorhanden?');
    expect(partial.bestId).toBe('parking');
    expect(faq.match('Parkplätze beim Bahnhof Zürich vorhanden?', 0.2).id).toBe('parking');
    expect(faq.match('Parkplätze beim Bahnhof Zürich vorhanden?', 0.99).id).toBeNull();
    for (const s of faq.match('Versand').scores) expect(s.score).toBeGreaterThanOrEqual(0);
  });

  it('handles empty input and an empty FAQ', () => {
    expect(faq.match('').id).toBeNull();
    expect(faq.match('?!').score).toBe(0);
    const none = buildFaqRetriever([]).match('Öffnungszeiten');
    expect(none).toEqual({ id: null, bestId: null, score: 0, scores: [] });
  });

  it('calibrates monotonically with the measured cut at 0.5', () => {
    expect(calibrate(0)).toBe(0);
    expect(calibrate(RAW_CUT)).toBe(0.5);
    expect(calibrate(1)).toBe(1);
    expect(calibrate(2)).toBe(1);
    expect(calibrate(0.1)).toBeLessThan(calibrate(0.2));
    expect(calibrate(0.6)).toBeLessThan(calibrate(0.7));
  });
});
