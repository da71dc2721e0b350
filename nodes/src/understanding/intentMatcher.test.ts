import { describe, expect, it } from 'vitest';
import { trainIntentMatcher, type IntentDefinition } from './intentMatcher.js';

const intents: IntentDefinition[] = [
  { id: 'opening_hours', examples: ['Wann haben Sie geöffnet?', 'Was sind Ihre Öffnungszeiten?', 'Haben Sie am Samstag offen?', 'Bis wann ist heute geöffnet?', 'Wann macht der Laden zu?'] },
  { id: 'book_appointment', examples: ['Ich möchte einen Termin vereinbaren', 'Kann ich einen Termin buchen?', 'Haben Sie nächste Woche einen Termin frei?', 'Wann ist der nächste freie Termin?', 'Termin ausmachen'] },
  { id: 'address', examples: ['Wie ist Ihre Adresse?', 'Wie komme ich zu Ihnen?', 'In welcher Straße sind Sie?', 'Gibt es Parkplätze?', 'Wegbeschreibung bitte'] },
  { id: 'payment', examples: ['Kann ich mit Karte bezahlen?', 'Welche Zahlungsmethoden akzeptieren Sie?', 'Kann ich auf Rechnung kaufen?', 'Nehmen Sie PayPal?', 'Ist Barzahlung möglich?'] },
  { id: 'cancellation', examples: ['Ich möchte meine Bestellung stornieren', 'Wie kann ich meinen Vertrag kündigen?', 'Ich will den Termin absagen', 'Kündigung des Abos', 'Bitte stornieren Sie meine Buchung'] },
];
const matcher = trainIntentMatcher(intents);

describe('trainIntentMatcher', () => {
  it.each([
    ['Wann habt ihr offen?', 'opening_hours'],
    ['Öffnungszeiten am Samstag', 'opening_hours'],
    ['Öffnugszeiten heute?', 'opening_hours'],
    ['Wann habt ihr geöfnet?', 'opening_hours'],
    ['Terminvereinbarung bitte', 'book_appointment'],
    ['Kann ich einen Termn buchen', 'book_appointment'],
    ['In welcher Strasse seid ihr?', 'address'],
    ['Zahlung mit Karte möglich?', 'payment'],
    ['Vertrag kündigen', 'cancellation'],
  ])('matches %j to %s', (text, intent) => {
    const r = matcher.match(text);
    expect(r.intent).toBe(intent);
    expect(r.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it.each(['Wie wird das Wetter morgen?', 'Erzähl mir einen Witz', 'Wer hat Amerika entdeckt?', 'Wie koche ich Spaghetti?'])(
    'returns null for the unrelated question %j',
    (text) => {
      expect(matcher.match(text).intent).toBeNull();
    },
  );

  it('reports calibrated, sorted scores for every intent', () => {
    const r = matcher.match('Termin buchen');
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.scores).toHaveLength(intents.length);
    for (let i = 1; i < r.scores.length; i++) expect(r.scores[i - 1]!.score).toBeGreaterThanOrEqual(r.scores[i]!.score);
  });

  it('honours a custom threshold', () => {
    const strict = trainIntentMatcher(intents, { threshold: 0.999 });
    expect(strict.match('Wann habt ihr offen?').intent).toBeNull();
    const lax = trainIntentMatcher(intents, { threshold: 0 });
    expect(lax.match('Wie wird das Wetter morgen?').intent).not.toBeNull();
  });

  it('is deterministic across trainings and repeated matches', () => {
    const again = trainIntentMatcher(structuredClone(intents));
    for (const text of ['Wann habt ihr offen?', 'Wetter morgen', 'Termin absagen']) {
      expect(again.match(text)).toEqual(matcher.match(text));
      expect(matcher.match(text)).toEqual(matcher.match(text));
    }
  });

  it('copes with empty input and intents', () => {
    expect(matcher.match('').intent).toBeNull();
    expect(trainIntentMatcher([]).match('Hallo')).toEqual({ intent: null, confidence: expect.any(Number), scores: [] });
  });
});

describe('trainIntentMatcher with other layer choices', () => {
  it.each([
    ['similarity only', { marginWeight: 0 }],
    ['similarity + logistic regression (the former default)', { marginWeight: 0, linearWeight: 1, wordWeight: 0.5, charsAcrossWords: false }],
    ['all three layers', { linearWeight: 1 }],
  ])('%s still ranks paraphrases correctly and stays deterministic', (_name, options) => {
    const a = trainIntentMatcher(intents, options);
    const b = trainIntentMatcher(intents, options);
    expect(a.match('Vertrag kündigen').scores[0]?.intent).toBe('cancellation');
    expect(a.match('Kann ich einen Termn buchen').scores[0]?.intent).toBe('book_appointment');
    expect(a.match('Zahlung mit Karte möglich?')).toEqual(b.match('Zahlung mit Karte möglich?'));
    expect(a.match('Wie wird das Wetter morgen?').intent).toBeNull();
  });

  it('lets the margin layer decide the order: it separates intents that share most words', () => {
    const sisters: IntentDefinition[] = [
      { id: 'insurance', examples: ['what insurance do i have', 'tell me about my insurance plan', 'which health insurance am i on', 'what does my insurance cover'] },
      { id: 'insurance_change', examples: ['i want to change my insurance', 'switch my insurance plan', 'how do i change insurance plans', 'update my health insurance'] },
      { id: 'weather', examples: ['what is the weather today', 'will it rain tomorrow', 'how hot is it outside', 'weather forecast please'] },
    ];
    const m = trainIntentMatcher(sisters, { threshold: 0 });
    expect(m.match('change my insurance plan').scores[0]?.intent).toBe('insurance_change');
    expect(m.match('which insurance plan do i have').scores[0]?.intent).toBe('insurance');
  });
});
