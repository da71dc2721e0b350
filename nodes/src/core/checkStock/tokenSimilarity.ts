/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Typos allowed for a word of this length: none for short words, whose neighbours are other real words. */
function allowedTypos(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

/**
 * How alike two normalised tokens are, 0..1. Equal tokens score 1, a typo costs by word length, and a token inside a
 * German compound ("schraub" in "akkuschraub") scores by how much of the compound it covers. Tokens with digits
 * (models, sizes: "18v", "500") must match exactly: "18v" and "12v" are different products, not a typo.
 */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const part = short.length >= 4 && (long.startsWith(short) || long.endsWith(short));
  const allowed = allowedTypos(short.length);
  // Most pairs differ too much in length for a typo and are no compound part: decided without the regex or the table.
  if (!part && long.length - short.length > allowed) return 0;
  if (/\d/.test(a) || /\d/.test(b)) return 0;
  let best = part ? 0.5 + 0.45 * (short.length / long.length) : 0;
  if (allowed > 0) {
    const distance = editDistance(a, b, allowed);
    if (distance <= allowed) best = Math.max(best, 1 - distance / (long.length + 1));
  }
  return best;
}
