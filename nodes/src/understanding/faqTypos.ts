// Typo repair for FAQ questions: a word the FAQ does not know is replaced by the FAQ word it is closest to, when that
// is within one edit (two for long words). Character n-grams alone forgive typos only partly; repairing the word
// lets the word block, IDF and compound splitting work as if the customer had spelled it right.

/** Optimal string alignment distance (transpositions count as one edit), giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2]! + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Edits allowed for a word of this length: none for short words, where one edit often makes another real word. */
export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  return length < 8 ? 1 : 2;
}

/** The closest known word within the allowed edits, or the word itself (ties keep the first known word). */
export function repairWord(word: string, known: readonly string[], knownSet: ReadonlySet<string>): string {
  const max = allowedEdits(word.length);
  if (max === 0 || knownSet.has(word) || /\d/.test(word)) return word;
  let best = word;
  let bestDistance = max + 1;
  for (const candidate of known) {
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const distance = editDistance(word, candidate, bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
