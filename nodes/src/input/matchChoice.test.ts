import { describe, expect, it } from 'vitest';
import { choiceLabel, matchChoice } from './matchChoice.js';
import type { Choice } from './result.js';

const choices: Choice[] = [
  { id: 'zurich', label: { de: 'Zürich', en: 'Zurich', fr: 'Zurich' } },
  { id: 'graz', label: 'Graz' },
  { id: 'muenchen', label: { de: 'München', en: 'Munich' } },
  { id: 'email', label: { de: 'Per E-Mail', en: 'By e-mail' } },
  { id: 'large', label: { de: 'Größe L', en: 'Size L' } },
];

const match = (raw: { text?: string; choice?: string }, list = choices) => {
  const result = matchChoice(raw, list, 'de-DE');
  return result.ok ? result.value : result.reason;
};

describe('matchChoice', () => {
  it('matches a tapped button id exactly', () => {
    expect(match({ choice: 'graz' })).toBe('graz');
    expect(match({ choice: 'GRAZ' })).toBe('no_matching_choice');
  });

  it.each([
    ['Zürich', 'zurich'],
    ['zürich', 'zurich'],
    ['ZUERICH', 'zurich'],
    ['Zurich', 'zurich'],
    ['  Graz!  ', 'graz'],
    ['graz.', 'graz'],
    ['"Graz"', 'graz'],
    ['München', 'muenchen'],
    ['Muenchen', 'muenchen'],
    ['munich', 'muenchen'],
    ['per E-Mail', 'email'],
    ['per email', 'email'],
    ['Per e mail', 'email'],
    ['by e-mail', 'email'],
    ['GROESSE L', 'large'],
    ['größe l', 'large'],
    ['Grösse L', 'large'],
  ])('matches typed %s', (text, expected) => {
    expect(match({ text })).toBe(expected);
  });

  it('matches typed ids case-insensitively', () => {
    expect(match({ text: 'EMAIL' })).toBe('email');
    expect(match({ text: 'muenchen' })).toBe('muenchen');
  });

  it.each([
    ['1', 'zurich'],
    ['2', 'graz'],
    ['2.', 'graz'],
    ['(3)', 'muenchen'],
    ['#5', 'large'],
    ['Nr. 4', 'email'],
  ])('accepts the position %s', (text, expected) => {
    expect(match({ text })).toBe(expected);
  });

  it('prefers a label that is a number over the position', () => {
    const people: Choice[] = [
      { id: 'p2', label: '2' },
      { id: 'p3', label: '3' },
      { id: 'more', label: 'mehr' },
    ];
    expect(match({ text: '3' }, people)).toBe('p3');
    expect(match({ text: '1' }, people)).toBe('p2');
  });

  it('falls back to the text when the button id is unknown', () => {
    expect(match({ choice: 'wien', text: 'Graz' })).toBe('graz');
  });

  it.each(['Wien', 'Zür', 'Zürich oder Graz', '0', '6', '-1', '2.5', 'Größe'])('rejects %s', (text) => {
    expect(match({ text })).toBe('no_matching_choice');
  });

  it('rejects any answer when there are no choices', () => {
    expect(match({ text: '1' }, [])).toBe('no_matching_choice');
  });

  it('reports blank input as empty', () => {
    expect(match({})).toBe('empty');
    expect(match({ text: '  ', choice: '' })).toBe('empty');
  });

  it('displays the label in the conversation locale', () => {
    expect(matchChoice({ text: 'munich' }, choices, 'de-AT')).toEqual({ ok: true, value: 'muenchen', display: 'München' });
    expect(matchChoice({ text: '3' }, choices, 'en-GB')).toEqual({ ok: true, value: 'muenchen', display: 'Munich' });
  });
});

describe('choiceLabel', () => {
  it('falls back from locale to language to German to any label', () => {
    const choice: Choice = { id: 'x', label: { 'de-CH': 'Velo', de: 'Fahrrad', en: 'Bike' } };
    expect(choiceLabel(choice, 'de-CH')).toBe('Velo');
    expect(choiceLabel(choice, 'de-AT')).toBe('Fahrrad');
    expect(choiceLabel(choice, 'en-US')).toBe('Bike');
    expect(choiceLabel(choice, 'fr')).toBe('Fahrrad');
    expect(choiceLabel({ id: 'y', label: { it: 'Bici' } }, 'fr')).toBe('Bici');
    expect(choiceLabel({ id: 'z', label: {} }, 'de')).toBe('z');
  });
});
