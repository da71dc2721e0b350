import { describe, expect, it } from 'vitest';
import { parseEmail } from './parseEmail.js';

describe('parseEmail', () => {
  it.each([
    ['max@firma.de', 'max@firma.de'],
    ['  anna.huber@gmx.at  ', 'anna.huber@gmx.at'],
    ['Ueli.Meier@Bluewin.CH', 'Ueli.Meier@bluewin.ch'],
    ['John.Smith+Booking@Example.CO.UK', 'John.Smith+Booking@example.co.uk'],
    ['max@firma.de.', 'max@firma.de'],
    ['mailto:info@beispiel.ch', 'info@beispiel.ch'],
    ['jens@Müller.de', 'jens@müller.de'],
    ['info@sub.domain-name.com', 'info@sub.domain-name.com'],
  ])('accepts %s', (text, expected) => {
    expect(parseEmail(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    'max',
    'max@',
    '@firma.de',
    'max@firma',
    'max@@firma.de',
    'max @firma.de',
    'max@firma .de',
    'max@firma..de',
    'meine Mail ist max@firma.de',
    'max@firma.de oder moritz@firma.de',
    'Jörg@firma.de',
  ])('rejects %s', (text) => {
    expect(parseEmail(text)).toEqual({ ok: false, reason: 'invalid_email' });
  });

  it('reports blank input as empty', () => {
    expect(parseEmail('  ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseEmail(undefined)).toEqual({ ok: false, reason: 'empty' });
  });
});
