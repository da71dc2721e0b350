// German-first utterance normalisation for the offline intent matcher.
// Everything here is deterministic and table-driven so training and matching see identical tokens.

/** Regional spellings folded onto the standard German (or plain) word; keys are already folded. */
const REGIONAL: Record<string, string> = {
  // Austrian
  jaenner: 'januar', feber: 'februar', heuer: 'dieses jahr', servus: 'hallo', paradeiser: 'tomate',
  erdaepfel: 'kartoffel', sackerl: 'tuete', kassa: 'kasse', trafik: 'kiosk', ordination: 'praxis',
  // Swiss
  gruezi: 'hallo', grueezi: 'hallo', merci: 'danke', velo: 'fahrrad', natel: 'handy', parkieren: 'parken',
  billett: 'ticket', offerte: 'angebot', znueni: 'imbiss', poschte: 'einkaufen',
};

/** Own keys only: a customer typing "constructor" must not reach Object.prototype. */
function regional(word: string): string | undefined {
  return Object.hasOwn(REGIONAL, word) ? REGIONAL[word] : undefined;
}

const EN_STOP = new Set(['the', 'is', 'are', 'what', 'how', 'my', 'you', 'can', 'i', 'do', 'to', 'a', 'of', 'for', 'me', 'please', 'when', 'where', 'your', 'which', 'this', 'that', 'does', 'have', 'will', 'would', 'with', 'there', 'it', 'and', 'on']);
const DE_STOP = new Set(['der', 'die', 'das', 'ist', 'sind', 'wie', 'was', 'ich', 'sie', 'kann', 'ein', 'eine', 'fuer', 'mir', 'bitte', 'wann', 'wo', 'ihr', 'und', 'haben', 'mein', 'meine']);

/** Lowercase, fold umlauts/ß (so "Straße" and Swiss "Strasse" meet), strip accents and punctuation. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function isLikelyEnglish(words: string[]): boolean {
  let en = 0;
  let de = 0;
  for (const w of words) {
    if (EN_STOP.has(w)) en++;
    if (DE_STOP.has(w)) de++;
  }
  return en > de;
}

// Longest first; a minimum stem length keeps short words ("essen", "kasse") from collapsing into each other.
const DE_SUFFIXES: [string, string][] = ['ungen', 'ung', 'ern', 'em', 'en', 'er', 'es', 'e', 'n', 's'].map((s) => [s, '']);

function stripOnce(word: string, suffixes: [string, string][], minStem: number): string {
  if (/\d/.test(word) || word.endsWith('ss')) return word;
  for (const [suffix, repl] of suffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= minStem) return word.slice(0, -suffix.length) + repl;
  }
  return word;
}

// Two passes so "Termin", "Termine" and "Terminen" all land on the same stem.
export function stemGerman(word: string): string {
  return stripOnce(stripOnce(word, DE_SUFFIXES, 4), DE_SUFFIXES, 4);
}

const EN_IRREGULAR: Record<string, string> = { does: 'do', did: 'do', done: 'do', has: 'have', having: 'have' };
const VOWEL = /[aeiouy]/;

/** Porter-style light stemmer: plural -s/-es/-ies, -ing, -ed, -ly, with the usual "e" and double-consonant repairs. */
export function stemEnglish(word: string): string {
  if (Object.hasOwn(EN_IRREGULAR, word)) return EN_IRREGULAR[word]!;
  if (/\d/.test(word) || word.length < 4) return word;
  let w = word;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    const stem = w.slice(0, -suffix.length);
    if (!w.endsWith(suffix) || stem.length < 3 || !VOWEL.test(stem.slice(0, -1) || stem) || (suffix === 'ed' && stem.endsWith('e'))) continue;
    if (/(at|bl|iz)$/.test(stem)) w = `${stem}e`;
    else if (/([^aeiouylsz])\1$/.test(stem)) w = stem.slice(0, -1);
    else if (stem.length <= 4 && /[^aeiou][aeiou][^aeiouwxy]$/.test(stem)) w = `${stem}e`;
    else w = stem;
    break;
  }
  if (w.endsWith('ly') && !w.endsWith('ily') && w.length >= 6) w = w.slice(0, -2);
  return w;
}

/** Words after folding and regional mapping, before stemming. */
export function foldWords(text: string): string[] {
  const out: string[] = [];
  for (const w of foldText(text).split(' ')) {
    if (!w) continue;
    const mapped = regional(w);
    if (mapped) out.push(...mapped.split(' '));
    else out.push(w);
  }
  return out;
}

const LINKERS = ['', 's', 'es', 'n', 'en'];

/**
 * Split a German compound into known parts. Only splits when every part is known, because a wrong split
 * ("Beinhaltung" → bein + haltung) hurts more than a missed one. `known` holds folded words and their stems.
 */
export function splitCompound(word: string, known: { has(word: string): boolean }, depth = 0): string[] | null {
  if (word.length < 7 || depth > 2) return null;
  for (let i = word.length - 3; i >= 3; i--) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    const tailKnown = known.has(tail) || known.has(stemGerman(tail)) ? [tail] : splitCompound(tail, known, depth + 1);
    if (!tailKnown) continue;
    for (const linker of LINKERS) {
      if (!head.endsWith(linker)) continue;
      const stem = head.slice(0, head.length - linker.length);
      if (stem.length >= 3 && (known.has(stem) || known.has(stemGerman(stem)))) return [stem, ...tailKnown];
    }
  }
  return null;
}

export interface NormalizeOptions {
  /** Folded words (and stems) seen in training; enables compound splitting. */
  vocabulary?: ReadonlySet<string>;
}

/** Training words plus the regional words, so compounds like "Veloparkplatz" split into known parts. */
function withRegional(vocab: ReadonlySet<string>): { has(word: string): boolean } {
  return { has: (word) => vocab.has(word) || regional(word) !== undefined };
}

/** Normalised, stemmed tokens for an utterance. */
export function normalizeUtterance(text: string, options: NormalizeOptions = {}): string[] {
  return normalizeWords(foldWords(text), options);
}

/** `normalizeUtterance` for words already folded by `foldWords` (saves folding twice). */
export function normalizeWords(words: string[], options: NormalizeOptions = {}): string[] {
  const stem = isLikelyEnglish(words) ? stemEnglish : stemGerman;
  const vocab = options.vocabulary;
  const out: string[] = [];
  for (const w of words) {
    const parts = vocab && !vocab.has(w) ? splitCompound(w, withRegional(vocab)) : null;
    // A regional word inside a compound ("Veloparkplatz") is mapped like a standalone one.
    for (const p of parts ?? [w]) for (const mapped of (parts && regional(p)?.split(' ')) || [p]) out.push(stem(mapped));
  }
  return out;
}

/** Vocabulary for compound splitting: every folded training word plus its stems. */
export function buildVocabulary(texts: Iterable<string>): Set<string> {
  const vocab = new Set<string>();
  for (const t of texts) {
    for (const w of foldWords(t)) {
      if (w.length < 3) continue;
      vocab.add(w);
      vocab.add(stemGerman(w));
    }
  }
  return vocab;
}
