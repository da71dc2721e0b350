import type { Parser } from 'chrono-node';

// "12.3." / "24.12." — chrono's German parser only knows dotted dates with a
// year. The lookahead keeps it off "12.03.2027"; chrono itself drops a bare
// "12.3" because it looks like a decimal number.
const DAY_MONTH = /(\d{1,2})\.(\d{1,2})\.?(?!\d|\.\d)/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * Chrono parser for a day and month without a year. The year stays implied
 * (parseDate picks the next occurrence); it must still be one in which the
 * date exists, or chrono discards "29.2.".
 */
export const dayMonthParser: Parser = {
  pattern: () => DAY_MONTH,
  extract: (context, match) => {
    // chrono retries on a shortened copy of the text after a miss, so a
    // lookbehind cannot see that "2.1." is the tail of "32.1.": check the full text.
    if (/[\d.]/.test(context.text[match.index! - 1] ?? '')) return null;
    const day = Number(match[1]);
    const month = Number(match[2]);
    if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return null;
    let year = context.refDate.getFullYear();
    while (month === 2 && day === 29 && !isLeapYear(year)) year++;
    return context.createParsingComponents({ day, month }).imply('year', year);
  },
};
