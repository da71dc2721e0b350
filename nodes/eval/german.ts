// German SME customer-service evaluation: train on german/train.json, report on the held-out german/test.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { trainIntentMatcher, type IntentDefinition } from '../src/understanding/intentMatcher.js';

const dir = fileURLToPath(new URL('./german/', import.meta.url));
const intents = JSON.parse(readFileSync(`${dir}train.json`, 'utf8')) as IntentDefinition[];
const test = JSON.parse(readFileSync(`${dir}test.json`, 'utf8')) as [string, string | null][];
const threshold = Number(process.env.NLU_THRESHOLD ?? 0.5);
const matcher = trainIntentMatcher(intents, { threshold, ...JSON.parse(process.env.NLU_OPTS ?? '{}') });

let inTotal = 0, inCorrect = 0, oosTotal = 0, oosCorrect = 0;
const errors: string[] = [];
for (const [text, expected] of test) {
  const r = matcher.match(text);
  const ok = r.intent === expected;
  if (expected === null) { oosTotal++; if (ok) oosCorrect++; } else { inTotal++; if (ok) inCorrect++; }
  if (!ok) errors.push(`  ${JSON.stringify(text)}: expected ${expected}, got ${r.intent} (${r.confidence.toFixed(2)}, top ${r.scores[0]?.intent})`);
}
const pct = (a: number, b: number) => ((100 * a) / b).toFixed(1);
console.log(`${intents.length} intents, ${intents.reduce((n, i) => n + i.examples.length, 0)} training examples, threshold ${threshold}`);
console.log(`in-scope accuracy ${pct(inCorrect, inTotal)}% (${inCorrect}/${inTotal}), OOS recall ${pct(oosCorrect, oosTotal)}% (${oosCorrect}/${oosTotal})`);
if (process.env.NLU_ERRORS) console.log(errors.join('\n'));
if (process.env.NLU_CURVE) {
  console.log('reference', matcher.reference);
  for (let t = 0.1; t <= 0.9; t += 0.05) {
    const rs = test.map(([text, e]) => ({ r: matcher.match(text), e }));
    const acc = rs.filter(({ r, e }) => e !== null && r.confidence >= t && r.scores[0]?.intent === e).length / inTotal;
    const rec = rs.filter(({ r, e }) => e === null && r.confidence < t).length / oosTotal;
    console.log(t.toFixed(2), pct(acc, 1), pct(rec, 1));
  }
}
