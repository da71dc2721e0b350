import { findNumberWords } from './numberWords.js';
import { fail, isBlank, ok, type ParseResult } from './result.js';

// Digits joined by separators, with an optional sign and the character before it.
const NUMERAL = /(^|\D)([-−+]?)(\d+(?:[.,'’\u00a0\u202f]\d+)*)/gu;
const GROUP_MARK = /['’\u00a0\u202f]/;

/**
 * The locale's decimal mark decides the one truly ambiguous case, "1.000" vs
 * "1,000". Intl knows that de-CH uses a decimal point while de-DE and de-AT use a comma.
 */
function decimalMarkOf(locale: string): '.' | ',' {
  try {
    const mark = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
    return mark === ',' ? ',' : '.';
  } catch {
    return locale.toLowerCase().startsWith('en') ? '.' : ',';
  }
}

function findDecimalIndex(numeral: string, localeMark: '.' | ','): number {
  const last = Math.max(numeral.lastIndexOf('.'), numeral.lastIndexOf(','));
  if (last < 0) return -1;
  const mark = numeral[last]!;
  const other = mark === '.' ? ',' : '.';
  if (numeral.indexOf(mark) !== last) return -1; // repeated mark: "1.000.000" groups
  if (numeral.includes(other) || GROUP_MARK.test(numeral)) return last; // "1.000,50", "1'000.50"
  if (mark === localeMark) return last;
  // Foreign mark: "1,000" in English groups thousands, "3,5" can only be a decimal.
  return numeral.length - last - 1 === 3 ? -1 : last;
}

/** Integer part with optional thousands groups, all using the same mark. */
function readInteger(part: string): string | undefined {
  const marks = new Set(part.replace(/\d/g, ''));
  if (marks.size > 1) return undefined;
  const [head, ...groups] = part.split(/[.,'’\u00a0\u202f]/);
  if (groups.length > 0 && (head!.length > 3 || groups.some((g) => g.length !== 3))) return undefined;
  return [head, ...groups].join('');
}

function readNumeral(before: string, sign: string, numeral: string, localeMark: '.' | ','): number | undefined {
  const decimal = findDecimalIndex(numeral, localeMark);
  const integer = readInteger(decimal < 0 ? numeral : numeral.slice(0, decimal));
  if (integer === undefined) return undefined;
  const fraction = decimal < 0 ? '' : numeral.slice(decimal + 1);
  const value = Number(fraction ? `${integer}.${fraction}` : integer);
  // A minus glued to a word ("Zimmer-2") is a hyphen, not a sign.
  const negative = (sign === '-' || sign === '−') && (before === '' || /[\s(]/.test(before));
  return negative ? -value : value;
}

/**
 * Reads exactly one number from a free-text answer such as "ca. 20 Stück",
 * "1'000" or "zwölf". Answers with several numbers ("zwischen 3 und 5") are
 * rejected because guessing which one was meant would silently store wrong data.
 */
export function parseNumber(text: string | undefined, locale: string): ParseResult {
  if (isBlank(text)) return fail('empty');
  const localeMark = decimalMarkOf(locale);
  const numerals = [...text!.matchAll(NUMERAL)];
  if (numerals.length > 1) return fail('invalid_number');
  if (numerals.length === 1) {
    const [, before = '', sign = '', numeral = ''] = numerals[0]!;
    const value = readNumeral(before, sign, numeral, localeMark);
    return value === undefined || !Number.isFinite(value) ? fail('invalid_number') : ok(value);
  }
  const words = findNumberWords(text!);
  return words.length === 1 ? ok(words[0]!) : fail('invalid_number');
}
