/** Why an answer was rejected; the ask node uses it to pick a re-prompt text. */
export type FailureReason =
  | 'empty'
  | 'invalid_email'
  | 'invalid_phone'
  | 'invalid_number'
  | 'invalid_date'
  | 'no_matching_choice'
  | 'not_yes_no';

export type ParseResult =
  | { ok: true; value: string | number | boolean; display?: string }
  | { ok: false; reason: FailureReason };

/** What the customer sent: typed text and/or the id of a button they tapped. */
export type RawAnswer = { text?: string; choice?: string };

export type Choice = { id: string; label: string | Record<string, string> };

export function ok(value: string | number | boolean, display?: string): ParseResult {
  return display === undefined ? { ok: true, value } : { ok: true, value, display };
}

export function fail(reason: FailureReason): ParseResult {
  return { ok: false, reason };
}

/**
 * Every parser reports blank input as 'empty' rather than as its own
 * invalid_* reason, so the bot can say "please answer" instead of "that is not a date".
 */
export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}
