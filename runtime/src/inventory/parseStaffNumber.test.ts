import { describe, expect, it } from 'vitest';
import { parseStaffNumber } from './parseStaffNumber.js';

describe('parseStaffNumber', () => {
  it.each([
    ['12,50', 12.5], ['12.50', 12.5], ['12,5', 12.5], ['12', 12], ['0,99', 0.99],
    ['1.234,50', 1234.5], ['1,234.50', 1234.5], ["1'234.50", 1234.5], ['1 234,50', 1234.5], ['1\u00a0234,50', 1234.5],
    ['1.234.567,00', 1234567], ['CHF 12.50', 12.5], ['12,50 €', 12.5], ['€12.50', 12.5], ['12.-', 12], ['EUR 1.299,00', 1299],
    ['-3,20', -3.2],
  ])('reads the price %s as %d', (raw, value) => {
    expect(parseStaffNumber(raw, 'money')).toBe(value);
  });

  it.each([
    ['12', 12], ['1.234', 1234], ['1,234', 1234], ["1'234", 1234], ['1 234', 1234], ['12,0', 12], ['12.00', 12], ['-4', -4], ['1.234.567', 1234567],
  ])('reads the quantity %s as %d', (raw, value) => {
    expect(parseStaffNumber(raw, 'integer')).toBe(value);
  });

  it.each(['', 'abc', '12,345', '1,234', '12.5.3', '1.23,4', '12,50,1', '1,2.3', '12 50', '3 Stück', 'CHF', '12,', '.5x', '12.345,6,7'])(
    'refuses the price %j rather than guess',
    (raw) => expect(parseStaffNumber(raw, 'money')).toBeUndefined(),
  );

  it.each(['12,5', '1.5', 'viele', '', '1e5'])('refuses the quantity %j', (raw) => {
    expect(parseStaffNumber(raw, 'integer')).toBeUndefined();
  });
});
