import { normalizeText } from './normalizeText.js';
import { fail, ok, type ParseResult, type RawAnswer } from './result.js';

// All entries in normalizeText form (ä → ae, no punctuation).
const YES_WORDS = new Set([
  'ja', 'jo', 'jep', 'jap', 'jup', 'japp', 'jawohl', 'gern', 'gerne', 'gaern', 'genau', 'sicher', 'klar',
  'natuerlich', 'doch', 'okay', 'ok', 'okey', 'oke', 'passt', 'richtig', 'stimmt', 'einverstanden', 'yes', 'yeah',
  'yep', 'yup', 'sure', 'absolutely', 'definitely', 'correct', 'y', 'j', '👍', '✅', '✔', '☑',
]);
// "nei" is Swiss German, "na" Austrian and Bavarian for "no".
const NO_WORDS = new Set([
  'nein', 'nei', 'noe', 'ne', 'nee', 'na', 'noi', 'nope', 'no', 'nah', 'n', 'kein', 'keine', 'niemals',
  'never', '👎', '❌', '✖',
]);
// Whole answers whose words would mislead the word rule below.
const PHRASES: Record<string, boolean> = {
  'na klar': true, 'na sicher': true, 'na gut': true, 'na logo': true, 'jo eh': true,
  'kein problem': true, 'no problem': true, 'auf jeden fall': true, 'of course': true,
  'lieber nicht': false, 'auf keinen fall': false, 'eher nicht': false, 'not really': false,
  'besser nicht': false, 'no thanks': false, 'nein danke': false, 'nicht wirklich': false,
  'warum nicht': true, 'why not': true, 'sure why not': true, 'klar warum nicht': true,
};
// Words that turn a leading yes into "yes, but not…": too risky to guess.
const NEGATIONS = new Set(['nicht', 'nie', 'kein', 'keine', 'keinen', 'not', 'dont', 'no', 'nein', 'never']);

// Leading words that carry no answer: "also ja", "ähm, nein", "leider nein".
const FILLERS = new Set(['also', 'aeh', 'aehm', 'hm', 'hmm', 'oh', 'ach', 'leider', 'well', 'uh', 'um']);

/** Stretched chat spellings: "jaaa", "neee", "jepp", "nööö" (folded to "noeoeoe"). */
const unstretch = (word: string) => word.replace(/(.)\1+/gu, '$1').replace(/(oe)+$/, 'oe');

function polarity(word: string): boolean | undefined {
  for (const candidate of [word, unstretch(word)]) {
    if (YES_WORDS.has(candidate)) return true;
    if (NO_WORDS.has(candidate)) return false;
  }
  return undefined;
}

const isBlankChoice = (choice: string | undefined) => choice === undefined || choice.trim() === '';

/**
 * Reads a yes/no answer. The first word decides ("ja, gerne!", "nein danke");
 * if a later word contradicts it ("ja, aber nicht heute", "sicher nicht") the
 * answer is rejected so the bot asks again rather than guessing.
 */
export function parseYesNo(raw: RawAnswer): ParseResult {
  // Buttons send the ids 'yes' and 'no'; tolerate 'ja'/'nein' ids too.
  const tapped = polarity(normalizeText(raw.choice ?? ''));
  if (tapped !== undefined) return ok(tapped);
  const text = normalizeText(raw.text ?? '')
    .replace(/[\u{1F3FB}-\u{1F3FF}]/gu, '') // skin tones: 👍🏽 is still 👍
    .replace(/\p{Extended_Pictographic}/gu, ' $& ') // "ja👍" is two words
    .trim();
  if (text === '') return isBlankChoice(raw.choice) ? fail('empty') : fail('not_yes_no');
  const words = text.split(/ +/);
  while (words.length > 1 && FILLERS.has(words[0]!)) words.shift();
  const phrase = PHRASES[words.join(' ')];
  if (phrase !== undefined) return ok(phrase);
  const [first = '', ...rest] = words;
  const answer = polarity(first);
  if (answer === undefined) return fail('not_yes_no');
  const contradicted = rest.some((word) => {
    const other = polarity(word);
    return other === !answer || (answer && NEGATIONS.has(word));
  });
  return contradicted ? fail('not_yes_no') : ok(answer);
}
