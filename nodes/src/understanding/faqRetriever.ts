// Offline FAQ retrieval: every phrasing of every entry (all locales) becomes a TF-IDF vector over stemmed content words
// plus character 3–5-grams (typos, Swiss spellings, compound parts); a question is scored by cosine similarity against
// each phrasing and an entry scores its best phrasing. The raw cosine is mapped onto a calibrated 0..1 scale whose
// middle (0.5) is the cut measured on nodes/eval/faq (docs/KNOWLEDGE.md), so thresholds mean the same for any FAQ.
import { buildVocabulary, foldWords, normalizeUtterance, splitCompound, stemEnglish, stemGerman } from './normalizeUtterance.js';
import { repairWord } from './faqTypos.js';
import { buildCompoundIndex, type CompoundIndex } from './faqCompounds.js';

export interface FaqPhrasings {
  id: string;
  /** Question and alternatives in every locale. */
  phrasings: string[];
}

export interface FaqScore {
  id: string;
  score: number;
}

export interface FaqMatch {
  /** The best entry when its score reaches the threshold, else null. */
  id: string | null;
  /** The best entry regardless of the threshold (for no-match reports). */
  bestId: string | null;
  score: number;
  scores: FaqScore[];
}

export interface FaqRetriever {
  match(question: string, threshold?: number): FaqMatch;
}

/** Chosen on nodes/eval/faq (`npm run eval:faq`): the calibrated score of the measured best cut. */
export const DEFAULT_FAQ_THRESHOLD = 0.5;

/** Raw cosine that maps to 0.5: the best cut between paraphrases and unrelated questions on the evaluation set. */
export const RAW_CUT = 0.3;
/** Weight of the word block against the character block (the cosine blends both). */
const WORD_WEIGHT = 0.5;

// Function words carry no topic; without removing them "Wie kann ich …" would match every "Wie kann ich …" entry.
const STOP_WORDS = [
  'a', 'an', 'the', 'is', 'are', 'was', 'be', 'do', 'does', 'did', 'can', 'could', 'would', 'will', 'i', 'you', 'we',
  'my', 'your', 'our', 'me', 'us', 'it', 'to', 'for', 'of', 'in', 'on', 'at', 'by', 'with', 'what', 'how', 'when',
  'where', 'which', 'who', 'why', 'there', 'please', 'and', 'or', 'have', 'has', 'any', 'this', 'that', 'get',
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'ist', 'sind', 'war', 'bin',
  'wie', 'was', 'wann', 'wo', 'welche', 'welcher', 'welches', 'wer', 'warum', 'ich', 'sie', 'wir', 'du', 'ihr', 'ihre',
  'ihnen', 'mein', 'meine', 'meinen', 'mir', 'mich', 'uns', 'es', 'man', 'kann', 'koennen', 'konnen', 'koennte', 'kan',
  'habe', 'haben', 'hat', 'wird', 'werden', 'bitte', 'gibt', 'gib', 'auch', 'noch', 'mal', 'denn', 'und', 'oder',
  'bei', 'mit', 'fuer', 'auf', 'an', 'am', 'im', 'in', 'zu', 'zum', 'zur', 'von', 'vom', 'aus', 'ob', 'so', 'da',
  'hallo', 'guten', 'tag', 'hi', 'hello', 'gerne', 'gern', 'eigentlich', 'dann', 'sich', 'dass', 'muss', 'soll',
];
const STOP = new Set(STOP_WORDS.flatMap((w) => [w, stemGerman(w), stemEnglish(w)]));

interface Features {
  words: string[];
  chars: string[];
}

function featuresOf(text: string, vocabulary: ReadonlySet<string>, compounds?: CompoundIndex): Features {
  const words = new Set(normalizeUtterance(text).filter((t) => !STOP.has(t)));
  const chars: string[] = [];
  const folded = foldWords(text);
  for (const compound of compounds?.compoundsIn(folded.filter((w) => !STOP.has(w))) ?? []) words.add(compound);
  for (const word of folded) {
    if (STOP.has(word)) continue;
    // Compound parts count besides the whole word: "Lieferkosten" meets "Kosten der Lieferung" in either direction.
    for (const part of splitCompound(word, vocabulary) ?? []) words.add(stemGerman(part));
    const padded = ` ${word} `;
    for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) chars.push(padded.slice(i, i + n));
  }
  return { words: [...words], chars };
}

/** Raw cosine onto the calibrated scale: piecewise linear, monotonic, RAW_CUT → 0.5, 0 → 0, 1 → 1. */
export function calibrate(raw: number): number {
  const clamped = Math.min(1, Math.max(0, raw));
  const score = clamped <= RAW_CUT ? (0.5 * clamped) / RAW_CUT : 0.5 + (0.5 * (clamped - RAW_CUT)) / (1 - RAW_CUT);
  return Math.round(score * 1e4) / 1e4;
}

/**
 * TF-IDF weights of one block, scaled so the block contributes `share` of the squared norm; both blocks together
 * form a unit vector, so dot products are cosines blending word and character similarity. Terms are integer ids
 * (-1: unknown to the index, which still counts towards the norm).
 */
function weigh(terms: number[], idf: (term: number) => number, share: number, into: [number, number][]): void {
  const tf = new Map<number, number>();
  for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
  let norm = 0;
  const start = into.length;
  for (const [term, count] of tf) {
    const x = (1 + Math.log(count)) * idf(term);
    into.push([term, x]);
    norm += x * x;
  }
  if (norm === 0) return;
  const k = Math.sqrt(share / norm);
  for (let i = start; i < into.length; i++) into[i]![1] *= k;
}

/** Builds the index once (an inverted index from term to phrasings); `match` then touches only shared terms. */
export function buildFaqRetriever(entries: FaqPhrasings[]): FaqRetriever {
  const vocabulary = buildVocabulary(entries.flatMap((entry) => entry.phrasings));
  // Words and character n-grams get separate id spaces: "ver" the word is not "ver" the trigram.
  const wordIds = new Map<string, number>();
  const charIds = new Map<string, number>();
  let nextId = 0;
  const intern = (ids: Map<string, number>, term: string) => {
    let id = ids.get(term);
    if (id === undefined) ids.set(term, (id = nextId++));
    return id;
  };
  const phrasingEntry: number[] = [];
  const phrasingTerms: { words: number[]; chars: number[] }[] = [];
  entries.forEach((entry, i) => {
    for (const phrasing of entry.phrasings) {
      const f = featuresOf(phrasing, vocabulary);
      phrasingEntry.push(i);
      phrasingTerms.push({ words: f.words.map((t) => intern(wordIds, t)), chars: f.chars.map((t) => intern(charIds, t)) });
    }
  });
  // Document frequency per entry, not per phrasing: an entry with many alternatives must not dilute its own words.
  const df = new Int32Array(nextId);
  const lastEntry = new Int32Array(nextId).fill(-1);
  phrasingTerms.forEach((terms, p) => {
    const e = phrasingEntry[p]!;
    for (const list of [terms.words, terms.chars]) {
      for (const term of list) {
        if (lastEntry[term] === e) continue;
        lastEntry[term] = e;
        df[term]!++;
      }
    }
  });
  const n = entries.length;
  // Unknown terms weigh as much as the rarest known ones, so a question about something else scores low.
  const idf = (term: number) => Math.log((n + 1) / ((term < 0 ? 0 : df[term]!) + 1)) + 1;
  const vectorOf = (terms: { words: number[]; chars: number[] }) => {
    const v: [number, number][] = [];
    weigh(terms.words, idf, WORD_WEIGHT, v);
    weigh(terms.chars, idf, 1 - WORD_WEIGHT, v);
    return v;
  };
  const postingPhrasings: number[][] = Array.from({ length: nextId }, () => []);
  const postingWeights: number[][] = Array.from({ length: nextId }, () => []);
  phrasingTerms.forEach((terms, p) => {
    for (const [term, weight] of vectorOf(terms)) {
      postingPhrasings[term]!.push(p);
      postingWeights[term]!.push(weight);
    }
  });
  // Unknown query terms are distinct from each other (each its own "-1 - k") but all unknown to the index.
  const lookup = (ids: Map<string, number>, terms: string[]) => {
    let unknown = -1;
    const local = new Map<string, number>();
    return terms.map((t) => ids.get(t) ?? local.get(t) ?? (local.set(t, unknown), unknown--));
  };
  const knownSet = new Set(entries.flatMap((entry) => entry.phrasings.flatMap((p) => foldWords(p))));
  const known = [...knownSet];
  const compounds = buildCompoundIndex(known.filter((w) => !STOP.has(w)));
  const repaired = (question: string) =>
    foldWords(question)
      .map((word) => (STOP.has(word) ? word : repairWord(word, known, knownSet)))
      .join(' ');

  return {
    match(question, threshold = DEFAULT_FAQ_THRESHOLD) {
      const f = featuresOf(repaired(question), vocabulary, compounds);
      const query = vectorOf({ words: lookup(wordIds, f.words), chars: lookup(charIds, f.chars) });
      const dots = new Float64Array(phrasingEntry.length);
      for (const [term, weight] of query) {
        if (term < 0) continue;
        const phrasings = postingPhrasings[term]!;
        const weights = postingWeights[term]!;
        for (let i = 0; i < phrasings.length; i++) dots[phrasings[i]!]! += weight * weights[i]!;
      }
      const best = new Float64Array(entries.length);
      dots.forEach((dot, p) => {
        const e = phrasingEntry[p]!;
        if (dot > best[e]!) best[e] = dot;
      });
      const scores: FaqScore[] = entries.map((entry, i) => ({ id: entry.id, score: calibrate(best[i]!) }));
      scores.sort((a, b) => b.score - a.score);
      const top = scores[0];
      const score = top?.score ?? 0;
      return { id: top && score >= threshold && score > 0 ? top.id : null, bestId: top?.id ?? null, score, scores };
    },
  };
}
