import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { dayMonthParser } from './dayMonthParser.js';

const parser = chrono.de.casual.clone();
parser.parsers.push(dayMonthParser);
const reference = new Date(2026, 10, 24, 10, 0); // local time, 24 Nov 2026

const parse = (text: string) =>
  parser.parse(text, reference).map((r) => ({ text: r.text, day: r.start.get('day'), month: r.start.get('month'), yearKnown: r.start.isCertain('year') }));

describe('dayMonthParser', () => {
  it('reads a day and month with the year left open', () => {
    expect(parse('12.3.')).toEqual([{ text: '12.3.', day: 12, month: 3, yearKnown: false }]);
    expect(parse('am 24.12. bitte')).toEqual([{ text: '24.12.', day: 24, month: 12, yearKnown: false }]);
    expect(parse('01.04.')).toEqual([{ text: '01.04.', day: 1, month: 4, yearKnown: false }]);
  });

  it('implies a leap year for 29 February so chrono keeps it', () => {
    expect(parser.parse('29.2.', reference)[0]?.start.get('year')).toBe(2028);
  });

  it('leaves dates with a year to chrono', () => {
    expect(parse('12.03.2027')).toEqual([{ text: '12.03.2027', day: 12, month: 3, yearKnown: true }]);
  });

  it.each(['32.1.', '12.13.', '0.3.', '31.4.', '1.234', '123.4.'])('ignores %s', (text) => {
    expect(parse(text)).toEqual([]);
  });
});
