// Training time of the embedded matcher for typical SME flows (the intent node trains once per flow version).
// Intents are drawn from CLINC150's training split so the phrasing is realistic; times are CPU-time medians of 5 runs.
import { readFileSync } from 'node:fs';
import { trainIntentMatcher } from '../src/understanding/intentMatcher.js';

type Item = [string, string];
const data = JSON.parse(readFileSync('/work/shared/data/clinc150/train_val.json', 'utf8')) as { train: Item[] };
const byIntent = new Map<string, string[]>();
for (const [text, intent] of data.train) byIntent.set(intent, [...(byIntent.get(intent) ?? []), text]);
const all = [...byIntent].map(([id, examples]) => ({ id, examples }));

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

trainIntentMatcher(all.slice(0, 10)); // warm up the JIT
console.log('training CPU time (median of 5 runs), one-time per flow version:');
for (const [intents, examples] of [[10, 10], [10, 50], [30, 10], [30, 30], [30, 50], [150, 50]] as const) {
  const set = all.slice(0, intents).map((i) => ({ id: i.id, examples: i.examples.slice(0, examples) }));
  const times: number[] = [];
  for (let run = 0; run < (intents > 30 ? 1 : 5); run++) {
    // CPU time of this process: the figure that matters on a shared server and is robust to other load.
    const t0 = process.cpuUsage();
    const matcher = trainIntentMatcher(set);
    const used = process.cpuUsage(t0);
    times.push((used.user + used.system) / 1000);
    matcher.match('warm');
  }
  const matcher = trainIntentMatcher(set);
  const t1 = performance.now();
  for (let i = 0; i < 200; i++) matcher.match(set[i % set.length]!.examples[0]!);
  const perMatch = (performance.now() - t1) / 200;
  console.log(`  ${String(intents).padStart(3)} intents × ${String(examples).padStart(2)} examples: ${median(times).toFixed(1)} ms training, ${perMatch.toFixed(3)} ms per match`);
}
