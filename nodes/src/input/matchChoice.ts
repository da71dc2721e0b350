import { splitLocale } from './locale.js';
import { compactText } from './normalizeText.js';
import { fail, isBlank, ok, type Choice, type ParseResult, type RawAnswer } from './result.js';

function labelsOf(choice: Choice): string[] {
  return typeof choice.label === 'string' ? [choice.label] : Object.values(choice.label);
}

/** The label to show back to the customer: their locale, then its language, then German, then any. */
export function choiceLabel(choice: Choice, locale: string): string {
  if (typeof choice.label === 'string') return choice.label;
  const { language } = splitLocale(locale);
  const labels = choice.label;
  return labels[locale] ?? labels[language] ?? labels.de ?? Object.values(labels)[0] ?? choice.id;
}

/**
 * Labels are compared in every locale, not just the conversation's, because
 * customers answer in whichever language the button happened to be shown in.
 */
function matchText(text: string, choices: Choice[]): Choice | undefined {
  const key = compactText(text);
  if (key === '') return undefined;
  const byId = choices.find((choice) => compactText(choice.id) === key);
  if (byId) return byId;
  const byLabel = choices.find((choice) => labelsOf(choice).some((label) => compactText(label) === key));
  if (byLabel) return byLabel;
  // Typing "2" for the second button is a habit from phone menus. Labels win
  // over positions so a choice labelled "3" stays reachable.
  const position = /^(?:#|nr\.?|\()?\s*(\d{1,3})\s*[.)]?$/i.exec(text.trim())?.[1];
  return position === undefined ? undefined : choices[Number(position) - 1];
}

/**
 * Resolves a tapped button (`raw.choice`, matched exactly against ids) or a
 * typed answer to a choice id. Typed text ignores case, punctuation, spacing
 * and umlaut spelling ("Zuerich" finds "Zürich").
 */
export function matchChoice(raw: RawAnswer, choices: Choice[], locale = 'de'): ParseResult {
  if (isBlank(raw.choice) && isBlank(raw.text)) return fail('empty');
  const match =
    choices.find((choice) => choice.id === raw.choice) ?? (raw.text === undefined ? undefined : matchText(raw.text, choices));
  return match ? ok(match.id, choiceLabel(match, locale)) : fail('no_matching_choice');
}
