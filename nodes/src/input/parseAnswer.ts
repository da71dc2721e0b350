import { matchChoice } from './matchChoice.js';
import { parseDate } from './parseDate.js';
import { parseEmail } from './parseEmail.js';
import { parseNumber } from './parseNumber.js';
import { parsePhone } from './parsePhone.js';
import { parseYesNo } from './parseYesNo.js';
import { fail, isBlank, ok, type Choice, type ParseResult, type RawAnswer } from './result.js';

export type InputType = 'text' | 'email' | 'phone' | 'number' | 'date' | 'choice' | 'yesno';

export type ParseOptions = { locale: string; choices?: Choice[]; now?: Date; timeZone?: string };

type Parser = (raw: RawAnswer, options: ParseOptions) => ParseResult;

// Free text is stored exactly as typed: the flow author may want the
// customer's own line breaks and spacing, e.g. in a complaint.
const parseText: Parser = (raw) => (isBlank(raw.text) ? fail('empty') : ok(raw.text!));

const PARSERS: Record<InputType, Parser> = {
  text: parseText,
  email: (raw) => parseEmail(raw.text),
  phone: (raw, options) => parsePhone(raw.text, options.locale),
  number: (raw, options) => parseNumber(raw.text, options.locale),
  date: (raw, options) => parseDate(raw.text, options),
  choice: (raw, options) => matchChoice(raw, options.choices ?? [], options.locale),
  yesno: (raw) => parseYesNo(raw),
};

/** Validates and normalises a customer's answer to an `ask` node of the given type. */
export function parseAnswer(type: InputType, raw: RawAnswer, options: ParseOptions): ParseResult {
  return PARSERS[type](raw, options);
}
