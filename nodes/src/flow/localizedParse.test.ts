import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Text } from '../sdk/text.js';
import { localizedParse } from './localizedParse.js';

const schema = z.object({ text: Text, count: z.number().int().max(3).optional(), id: z.string().regex(/^x/, 'starts with x').optional() });

describe('localizedParse', () => {
  it('returns the parsed data on success', () => {
    expect(localizedParse(z.object({ a: z.string().default('b') }), {})).toEqual({ success: true, data: { a: 'b' } });
  });

  it('gives each issue in German and English, paired by path', () => {
    const result = localizedParse(schema, { text: 'Hi', count: 7 });
    expect(result).toEqual({
      success: false,
      issues: [{ path: ['count'], code: 'too_big', message: { de: expect.stringContaining('Zu groß'), en: expect.stringContaining('Too big') } }],
    });
  });

  it('keeps a schema\'s own message when there is no translation for it', () => {
    const result = localizedParse(schema, { text: 'Hi', id: 'y' });
    expect(result.success === false && result.issues[0]!.message).toEqual({ de: 'starts with x', en: 'starts with x' });
  });

  it('explains which part of a Text is wrong instead of "invalid input"', () => {
    const wrongLocale = localizedParse(schema, { text: { de: 'Hallo', en: 1 } });
    expect(wrongLocale.success === false && wrongLocale.issues.map((i) => [i.path, i.message.en])).toEqual([
      [['text', 'en'], 'Invalid input: expected string, received number'],
    ]);
    const wrongType = localizedParse(schema, { text: 5 });
    expect(wrongType.success === false && wrongType.issues[0]!.message.de).toBe('Ungültige Eingabe: erwartet string, erhalten Zahl');
    const badKey = localizedParse(schema, { text: { DE: 'Hallo' } });
    expect(badKey.success === false && badKey.issues[0]!.message.de).toContain('Sprachkürzel wie „de“');
  });

  it('says a field is missing in plain words', () => {
    const result = localizedParse(schema, {});
    expect(result.success === false && result.issues[0]).toEqual({
      path: ['text'],
      code: 'invalid_union',
      message: { de: 'Diese Angabe fehlt.', en: 'This is required.' },
    });
  });
});
