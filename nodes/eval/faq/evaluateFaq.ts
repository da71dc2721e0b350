// FAQ retrieval evaluation (`npm run eval:faq`): German and English paraphrases, typos and Swiss spellings that should
// find their entry, and unrelated questions that should not. Prints the threshold sweep that docs/KNOWLEDGE.md quotes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildFaqRetriever, DEFAULT_FAQ_THRESHOLD, RAW_CUT } from '../../src/understanding/faqRetriever.js';

interface EvalEntry { id: string; question: Record<string, string>; alternatives: Record<string, string[]> }

const dir = fileURLToPath(new URL('./', import.meta.url));
const entries = JSON.parse(readFileSync(`${dir}entries.json`, 'utf8')) as EvalEntry[];
const questions = JSON.parse(readFileSync(`${dir}questions.json`, 'utf8')) as [string, string | null][];
const retriever = buildFaqRetriever(
  entries.map((e) => ({ id: e.id, phrasings: [...Object.values(e.question), ...Object.values(e.alternatives).flat()] })),
);

const results = questions.map(([text, expected]) => ({ text, expected, match: retriever.match(text, 0) }));
const inScope = results.filter((r) => r.expected !== null);
const unrelated = results.filter((r) => r.expected === null);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const toRaw = (t: number) => (t <= 0.5 ? (t * RAW_CUT) / 0.5 : RAW_CUT + ((t - 0.5) * (1 - RAW_CUT)) / 0.5);

const at = (t: number) => {
  const answered = inScope.filter((r) => r.match.score >= t && r.match.bestId === r.expected).length / inScope.length;
  const wrong = inScope.filter((r) => r.match.score >= t && r.match.bestId !== r.expected).length / inScope.length;
  const rejected = unrelated.filter((r) => r.match.score < t).length / unrelated.length;
  return { answered, wrong, rejected, balanced: (answered + rejected) / 2 };
};

console.log(`${entries.length} entries, ${inScope.length} questions that should match, ${unrelated.length} unrelated`);
console.log(`top-1 accuracy ignoring the threshold: ${pct(inScope.filter((r) => r.match.bestId === r.expected).length / inScope.length)}`);
console.log('threshold  raw    correct  wrong   rejected-unrelated  balanced');
let best = { t: 0, balanced: -1 };
for (let t = 0.2; t <= 0.8001; t += 0.05) {
  const m = at(t);
  if (m.balanced > best.balanced) best = { t, balanced: m.balanced };
  console.log(`${t.toFixed(2)}       ${toRaw(t).toFixed(3)}  ${pct(m.answered).padStart(6)}  ${pct(m.wrong).padStart(6)}  ${pct(m.rejected).padStart(6)}              ${pct(m.balanced)}`);
}
const d = at(DEFAULT_FAQ_THRESHOLD);
console.log(`default ${DEFAULT_FAQ_THRESHOLD}: correct ${pct(d.answered)}, wrong ${pct(d.wrong)}, unrelated rejected ${pct(d.rejected)}; best sweep point ${best.t.toFixed(2)}`);
if (process.env.FAQ_ERRORS) {
  for (const r of results) {
    const ok = r.expected === null ? r.match.score < DEFAULT_FAQ_THRESHOLD : r.match.bestId === r.expected && r.match.score >= DEFAULT_FAQ_THRESHOLD;
    if (!ok) console.log(`  ${JSON.stringify(r.text)}: expected ${r.expected}, best ${r.match.bestId} ${r.match.score.toFixed(3)}`);
  }
}
