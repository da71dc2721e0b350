import { describe, expect, it } from 'vitest';
import { MASKED_VALUE, MAX_VALUE_CHARS, variableRows } from './variableRows.js';

describe('variableRows', () => {
  it('shows values as JSON text, in the given order', () => {
    expect(variableRows({ topic: 'offer', rooms: 3, callback: true, address: { city: 'Bern' }, nothing: null })).toEqual([
      { name: 'topic', text: '"offer"', full: '"offer"', masked: false },
      { name: 'rooms', text: '3', full: '3', masked: false },
      { name: 'callback', text: 'true', full: 'true', masked: false },
      { name: 'address', text: '{"city":"Bern"}', full: '{"city":"Bern"}', masked: false },
      { name: 'nothing', text: 'null', full: 'null', masked: false },
    ]);
  });

  it('marks masked secrets and never shows their placeholder as a value', () => {
    expect(variableRows({ pin: MASKED_VALUE })).toEqual([{ name: 'pin', text: '', full: '', masked: true }]);
  });

  it('cuts long values to a short text and keeps the whole one for the tooltip', () => {
    const long = 'ä'.repeat(200);
    const [row] = variableRows({ notes: long });
    expect([...row!.text]).toHaveLength(MAX_VALUE_CHARS);
    expect(row!.text.endsWith('…')).toBe(true);
    expect(row!.full).toBe(JSON.stringify(long));
  });

  it('keeps markup as text', () => {
    expect(variableRows({ name: '<b>Ada</b>' })[0]!.text).toBe('"<b>Ada</b>"');
  });
});
