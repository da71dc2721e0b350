import { describe, expect, it } from 'vitest';
import { buildVocabulary, foldText, normalizeUtterance, splitCompound, stemEnglish, stemGerman } from './normalizeUtterance.js';

describe('foldText', () => {
  it('folds case, umlauts, ß, accents and punctuation', () => {
    expect(foldText('Café Müller, Größe: 5!')).toBe('cafe mueller groesse 5');
    expect(foldText('ÖFFNUNGSZEITEN?')).toBe('oeffnungszeiten');
  });
});

describe('normalizeUtterance', () => {
  it('makes German ß and Swiss ss spellings identical', () => {
    expect(normalizeUtterance('Straße')).toEqual(normalizeUtterance('Strasse'));
    expect(normalizeUtterance('Grüß Gott')).toEqual(normalizeUtterance('Grüss Gott'));
  });

  it('treats written-out umlauts like real ones', () => {
    expect(normalizeUtterance('Öffnungszeiten')).toEqual(normalizeUtterance('Oeffnungszeiten'));
  });

  it('maps Austrian and Swiss regional words', () => {
    expect(normalizeUtterance('im Jänner')).toEqual(normalizeUtterance('im Januar'));
    expect(normalizeUtterance('heuer')).toEqual(normalizeUtterance('dieses Jahr'));
    expect(normalizeUtterance('Grüezi')).toEqual(normalizeUtterance('Hallo'));
    expect(normalizeUtterance('Offerte')).toEqual(normalizeUtterance('Angebot'));
  });

  it('stems German inflections onto one form', () => {
    const forms = ['Termin', 'Termine', 'Terminen'].map((w) => stemGerman(foldText(w)));
    expect(new Set(forms).size).toBe(1);
    expect(stemGerman('kunden')).toBe(stemGerman('kunde'));
    expect(stemGerman('bus')).toBe('bus');
  });

  it('stems English utterances with English rules', () => {
    expect(normalizeUtterance('the bookings')).toEqual(['the', 'book']);
    expect(normalizeUtterance('which was my plan')).toEqual(['which', 'was', 'my', 'plan']);
    expect(stemEnglish('flights')).toBe('flight');
    expect(stemEnglish('address')).toBe('address');
    // Porter-style repairs: no "thi"/"doe" stumps, "e" restored, doubled consonants undone.
    expect(['this', 'does', 'cities', 'taking', 'updated', 'shopping', 'need', 'speed', 'bus'].map(stemEnglish))
      .toEqual(['this', 'do', 'city', 'take', 'update', 'shop', 'need', 'speed', 'bus']);
    expect(stemEnglish('updates')).toBe(stemEnglish('updated'));
  });

  it('splits compounds only into parts known from training', () => {
    const vocab = buildVocabulary(['einen Termin buchen', 'Vereinbarung treffen', 'mit Karte zahlen', 'Zahlung']);
    expect(splitCompound('terminvereinbarung', vocab)).toEqual(['termin', 'vereinbarung']);
    expect(normalizeUtterance('Terminvereinbarung', { vocabulary: vocab })).toEqual(normalizeUtterance('Termin Vereinbarung'));
    expect(splitCompound('kartenzahlung', vocab)).toEqual(['karten', 'zahlung']);
    expect(splitCompound('beinhaltung', vocab)).toBeNull();
    const parking = buildVocabulary(['Gibt es Parkplätze?', 'Fahrrad abstellen']);
    expect(normalizeUtterance('Veloparkplätze', { vocabulary: parking })).toEqual(normalizeUtterance('Fahrrad Parkplätze', { vocabulary: parking }));
  });

  it('treats words that are Object.prototype keys as plain words', () => {
    expect(normalizeUtterance('constructor toString __proto__ hasOwnProperty')).toEqual(['constructor', 'tostring', 'proto', 'hasownproperty']);
    expect(normalizeUtterance('what is the constructor')).toEqual(['what', 'is', 'the', 'constructor']);
  });

  it('keeps typos close enough for character n-grams rather than rewriting them', () => {
    expect(normalizeUtterance('Öffnugszeiten')).toEqual(['oeffnugszeit']);
  });
});
