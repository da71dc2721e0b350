import { describe, expect, it } from 'vitest';
import { defaultCountryFor, parsePhone } from './parsePhone.js';

const phone = (text: string | undefined, locale = 'de-DE') => {
  const result = parsePhone(text, locale);
  return result.ok ? result.value : result.reason;
};

describe('parsePhone', () => {
  it.each([
    ['0170 1234567', 'de', '+491701234567'],
    ['0170/1234567', 'de-DE', '+491701234567'],
    ['0170-123 45 67', 'de-DE', '+491701234567'],
    ['(030) 12345678', 'de-DE', '+493012345678'],
    ['+49 (0)170 1234567', 'de-DE', '+491701234567'],
    ['0049 170 1234567', 'de-DE', '+491701234567'],
    ['Meine Nummer: 0170 1234567', 'de-DE', '+491701234567'],
  ])('German: %s (%s)', (text, locale, expected) => {
    expect(phone(text, locale)).toBe(expected);
  });

  it.each([
    ['044 123 45 67', '+41441234567'],
    ['079 123 45 67', '+41791234567'],
    ['+41 44 123 45 67', '+41441234567'],
    ['0041 44 123 45 67', '+41441234567'],
  ])('Swiss: %s', (text, expected) => {
    expect(phone(text, 'de-CH')).toBe(expected);
  });

  it.each([
    ['0664 1234567', '+436641234567'],
    ['01 5051234', '+4315051234'],
    ['+43 664 1234567', '+436641234567'],
  ])('Austrian: %s', (text, expected) => {
    expect(phone(text, 'de-AT')).toBe(expected);
  });

  it('accepts international numbers from any locale', () => {
    expect(phone('+41 44 123 45 67', 'de-DE')).toBe('+41441234567');
    expect(phone('+1 212 555 0100', 'de-DE')).toBe('+12125550100');
    expect(phone('+44 20 7946 0958', 'en')).toBe('+442079460958');
    expect(phone('020 7946 0958', 'en-GB')).toBe('+442079460958');
  });

  it('reads national numbers with the locale region', () => {
    // The same digits are Zurich in Switzerland but not a valid German number.
    expect(phone('044 123 45 67', 'de-CH')).toBe('+41441234567');
    expect(phone('044 123 45 67', 'de-DE')).not.toBe('+41441234567');
  });

  it('offers an international display format', () => {
    expect(parsePhone('044 123 45 67', 'de-CH')).toEqual({ ok: true, value: '+41441234567', display: '+41 44 123 45 67' });
  });

  it.each(['12345', '+49 170 123', '0170 123456', 'abc', 'keine Ahnung', '0170 1234567 oder 030 1234567'])(
    'rejects %s',
    (text) => {
      expect(phone(text)).toBe('invalid_phone');
    },
  );

  it('reports blank input as empty', () => {
    expect(phone(' ')).toBe('empty');
    expect(phone(undefined)).toBe('empty');
  });

  it.each([
    ['de', 'DE'],
    ['de-DE', 'DE'],
    ['de-AT', 'AT'],
    ['de_CH', 'CH'],
    ['gsw-CH', 'CH'],
    ['en', 'DE'],
    ['en-GB', 'GB'],
    ['en-001', 'DE'],
  ])('default country for %s is %s', (locale, country) => {
    expect(defaultCountryFor(locale)).toBe(country);
  });
});
