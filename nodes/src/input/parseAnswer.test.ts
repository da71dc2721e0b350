import { describe, expect, it } from 'vitest';
import { parseAnswer, type InputType } from './parseAnswer.js';

const now = new Date('2026-11-24T09:00:00Z'); // Tuesday
const de = { locale: 'de-DE', now };

describe('parseAnswer', () => {
  it('returns free text verbatim, untrimmed', () => {
    expect(parseAnswer('text', { text: '  Mein Paket ist nicht da.\n' }, de)).toEqual({
      ok: true,
      value: '  Mein Paket ist nicht da.\n',
    });
  });

  it('dispatches to every typed parser', () => {
    expect(parseAnswer('email', { text: 'Max@Firma.DE' }, de)).toEqual({ ok: true, value: 'Max@firma.de' });
    expect(parseAnswer('phone', { text: '044 123 45 67' }, { locale: 'de-CH' })).toMatchObject({ ok: true, value: '+41441234567' });
    expect(parseAnswer('number', { text: "1'000" }, { locale: 'de-CH' })).toEqual({ ok: true, value: 1000 });
    expect(parseAnswer('date', { text: 'übermorgen' }, de)).toMatchObject({ ok: true, value: '2026-11-26' });
    expect(parseAnswer('yesno', { text: 'ja, gerne!' }, de)).toEqual({ ok: true, value: true });
    expect(parseAnswer('yesno', { choice: 'no' }, de)).toEqual({ ok: true, value: false });
  });

  it('passes choices and locale to the choice matcher', () => {
    const choices = [
      { id: 'pickup', label: { de: 'Abholung', en: 'Pick-up' } },
      { id: 'delivery', label: { de: 'Lieferung', en: 'Delivery' } },
    ];
    expect(parseAnswer('choice', { text: 'pick up' }, { locale: 'en', choices })).toEqual({
      ok: true,
      value: 'pickup',
      display: 'Pick-up',
    });
    expect(parseAnswer('choice', { choice: 'delivery' }, { locale: 'de', choices })).toMatchObject({ value: 'delivery' });
    expect(parseAnswer('choice', { text: 'Abholung' }, { locale: 'de' })).toEqual({ ok: false, reason: 'no_matching_choice' });
  });

  it('passes the time zone to the date parser', () => {
    const late = new Date('2026-11-24T23:30:00Z');
    expect(parseAnswer('date', { text: 'heute' }, { locale: 'de', now: late, timeZone: 'Europe/Vienna' })).toMatchObject({ value: '2026-11-25' });
    expect(parseAnswer('date', { text: 'heute' }, { locale: 'de', now: late, timeZone: 'UTC' })).toMatchObject({ value: '2026-11-24' });
  });

  it.each<[InputType, string, string]>([
    ['email', 'max', 'invalid_email'],
    ['phone', '123', 'invalid_phone'],
    ['number', 'viele', 'invalid_number'],
    ['date', 'irgendwann', 'invalid_date'],
    ['choice', 'egal', 'no_matching_choice'],
    ['yesno', 'vielleicht', 'not_yes_no'],
  ])('%s rejects %s with %s', (type, text, reason) => {
    expect(parseAnswer(type, { text }, { ...de, choices: [{ id: 'a', label: 'A' }] })).toEqual({ ok: false, reason });
  });

  it.each<InputType>(['text', 'email', 'phone', 'number', 'date', 'choice', 'yesno'])('%s reports blank input as empty', (type) => {
    expect(parseAnswer(type, {}, de)).toEqual({ ok: false, reason: 'empty' });
    expect(parseAnswer(type, { text: ' \n\t' }, de)).toEqual({ ok: false, reason: 'empty' });
  });
});
