import { describe, expect, it } from 'vitest';
import { checkValue } from './checkValue.js';
import { coreSchema } from './coreSchemas.testing.js';

describe('checkValue on core node configs', () => {
  it('reports missing required fields, including empty text', () => {
    expect(checkValue(coreSchema('ask'), { text: '' })).toEqual([
      { path: ['text'], code: 'required' },
      { path: ['variable'], code: 'required' },
    ]);
  });

  it('accepts a valid config', () => {
    expect(checkValue(coreSchema('ask'), { text: { de: 'Wie heißen Sie?', en: 'Your name?' }, variable: 'name' })).toEqual([]);
  });

  it('checks number limits and integers', () => {
    expect(checkValue(coreSchema('book_slot'), { durationMinutes: 2 })).toEqual([{ path: ['durationMinutes'], code: 'minimum', limit: 5 }]);
    expect(checkValue(coreSchema('book_slot'), { durationMinutes: 2000 })).toEqual([{ path: ['durationMinutes'], code: 'maximum', limit: 1440 }]);
    expect(checkValue(coreSchema('book_slot'), { durationMinutes: 7.5 })).toEqual([{ path: ['durationMinutes'], code: 'integer' }]);
    expect(checkValue(coreSchema('ask'), { text: 'x', variable: 'v', files: { maxSizeMb: 0 } })).toEqual([{ path: ['files', 'maxSizeMb'], code: 'minimum', limit: 0 }]);
  });

  it('checks patterns of values and of record keys', () => {
    expect(checkValue(coreSchema('ask'), { text: 'x', variable: '1abc' })).toEqual([{ path: ['variable'], code: 'pattern' }]);
    expect(checkValue(coreSchema('set'), { values: { 'bad key': 'x', good: 'y' } })).toEqual([{ path: ['values', 'bad key'], code: 'pattern' }]);
  });

  it('checks list lengths and items by index', () => {
    expect(checkValue(coreSchema('condition'), { rules: [] })).toEqual([{ path: ['rules'], code: 'minItems', limit: 1 }]);
    expect(checkValue(coreSchema('condition'), { rules: [{ port: 'a', var: 'x', op: 'eq' }, { port: '', var: 'x', op: 'eq' }] })).toEqual([
      { path: ['rules', 1, 'port'], code: 'required' },
    ]);
  });

  it('checks tuple positions (opening hours)', () => {
    const config = { openingHours: { timezone: 'Europe/Berlin', weekly: { mon: [['08:00', '25:00']] } } };
    expect(checkValue(coreSchema('book_slot'), config)).toEqual([{ path: ['openingHours', 'weekly', 'mon', 0, 1], code: 'pattern' }]);
  });

  it('says nothing about optional fields left out', () => {
    expect(checkValue(coreSchema('escalate'), {})).toEqual([]);
    expect(checkValue(coreSchema('ask'), undefined)).toEqual([]);
  });
});
