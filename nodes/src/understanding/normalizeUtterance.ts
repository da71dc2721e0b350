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

const EN_STOP = new Set(['the', 'is', 'are', 'what', 'how', 'my', 'you', 'can', 'i', 'do', 'to', 'a', 'of', 'for', 'me', 'please', 'when', 'where', 'your']);
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
const EN_SUFFIXES: [string, string][] = [['ies', 'y'], ['ing', ''], ['ed', ''], ['ly', ''], ['es', ''], ['s', '']];

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

export function stemEnglish(word: string): string {
  return stripOnce(stripOnce(word, EN_SUFFIXES, 3), EN_SUFFIXES, 3);
}

/** Words after folding and regional mapping, before stemming. */
export function foldWords(text: string): string[] {
  const out: string[] = [];
  for (const w of foldText(text).split(' ')) {
    if (!w) continue;
    const mapped = REGIONAL[w];
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
export function splitCompound(word: string, known: ReadonlySet<string>, depth = 0): string[] | null {
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

/** Normalised, stemmed tokens for an utterance. */
export function normalizeUtterance(text: string, options: NormalizeOptions = {}): string[] {
  const words = foldWords(text);
  const stem = isLikelyEnglish(words) ? stemEnglish : stemGerman;
  const vocab = options.vocabulary;
  const out: string[] = [];
  for (const w of words) {
    const parts = vocab && !vocab.has(w) ? splitCompound(w, vocab) : null;
    for (const p of parts ?? [w]) out.push(stem(p));
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
