/**
 * Heap and time of the intent matcher cache, in its own process:
 * `node bin/run-ts.js bench/nodes/matcherFootprint.ts '{"flows":64,"intents":20,"examplesPerIntent":10}'`.
 * Fills a cache like the one every intent node shares (nodes/src/understanding/matcherCache.ts, 64 entries) with
 * `flows` distinct synthetic German intent sets and measures live heap after full GCs, training and matching time.
 */
import { runInNewContext } from 'node:vm';
import v8 from 'node:v8';
import { performance } from 'node:perf_hooks';
import { createMatcherCache } from '../../nodes/src/understanding/matcherCache.js';
import type { IntentDefinition } from '../../nodes/src/understanding/intentMatcher.js';
import { summarize, type LatencySummary } from '../turns/percentiles.js';
import { isMainModule } from '../turns/spawnProcess.js';
import { seededRandom } from './catalogue.js';

export interface MatcherCacheResult {
  flows: number;
  intents: number;
  examplesPerIntent: number;
  cacheHeapBytes: number;
  perMatcherBytes: number;
  trainingMs: LatencySummary;
  /** cache.get (a hit: canonical JSON + SHA-256 of the intents) plus match, per utterance */
  matchUs20: number;
  /** cache.get alone on a hit */
  cacheGetUs: number;
}

const subjects = [
  'Rechnung', 'Lieferung', 'Passwort', 'Vertrag', 'Kündigung', 'Adresse', 'Termin', 'Rückerstattung', 'Gutschein', 'Garantie',
  'Reparatur', 'Ersatzteil', 'Abo', 'Newsletter', 'Kundenkonto', 'Zahlung', 'Mahnung', 'Versicherung', 'Ratenzahlung', 'Umzug',
  'Öffnungszeiten', 'Filiale', 'Bewerbung', 'Reklamation', 'Datenschutz', 'Lastschrift', 'Stromzähler', 'Wartung', 'Montage', 'Beratung',
] as const;
const templates = [
  'Ich habe eine Frage zu {x}', 'Wie ändere ich {x}?', '{x} funktioniert nicht', 'Wo finde ich {x}?', 'Können Sie mir bei {x} helfen?',
  'Ich brauche Hilfe mit {x}', 'Was muss ich bei {x} beachten?', 'Problem mit {x}', '{x} bitte prüfen', 'Wie lange dauert {x}?',
  'Gibt es Neuigkeiten zu {x}?', 'Ich möchte {x} melden', '{x} geht nicht', 'Frage wegen {x}', 'Wer ist für {x} zuständig?',
] as const;

/** Distinct per flow (a flow-specific word in one phrase), so every flow trains its own matcher. */
export function syntheticIntents(flow: number, intents: number, examples: number): IntentDefinition[] {
  const random = seededRandom(1_000 + flow);
  const chosen = [...subjects].sort(() => random() - 0.5).slice(0, intents);
  return chosen.map((subject, i) => ({
    id: `i${i}`,
    examples: Array.from({ length: examples }, (_, e) => templates[(e + i) % templates.length]!.replace('{x}', e === 0 ? `${subject} Nr. ${flow}` : subject)),
  }));
}

export function measureMatcherCache(args: { flows: number; intents: number; examplesPerIntent: number }): MatcherCacheResult {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const live = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const sets = Array.from({ length: args.flows }, (_, flow) => syntheticIntents(flow, args.intents, args.examplesPerIntent));
  const cache = createMatcherCache(args.flows);
  // Warm the code paths on a throw-away cache, so the JIT's code is not counted as cache heap.
  const warm = createMatcherCache(1);
  warm.get(syntheticIntents(9_999, args.intents, args.examplesPerIntent)).match('Frage zur Rechnung');
  const before = live();
  const training: number[] = [];
  for (const set of sets) {
    const started = performance.now();
    cache.get(set);
    training.push(performance.now() - started);
  }
  const after = live();
  if (cache.size !== args.flows) throw new Error(`expected ${args.flows} cached matchers, found ${cache.size}`);

  const utterances = subjects.flatMap((subject) => [`Ich hätte eine Frage zur ${subject}`, `${subject} klappt nicht`, `wo ist meine ${subject.toLowerCase()}`]);
  const set = sets[0]!;
  for (let i = 0; i < 2_000; i++) cache.get(set).match(utterances[i % utterances.length]!);
  const rounds = 20_000;
  let started = performance.now();
  for (let i = 0; i < rounds; i++) cache.get(set).match(utterances[i % utterances.length]!);
  const matchUs20 = ((performance.now() - started) * 1000) / rounds;
  started = performance.now();
  for (let i = 0; i < rounds; i++) cache.get(set);
  const cacheGetUs = ((performance.now() - started) * 1000) / rounds;
  return {
    ...args,
    cacheHeapBytes: after - before,
    perMatcherBytes: (after - before) / args.flows,
    trainingMs: summarize(training),
    matchUs20,
    cacheGetUs,
  };
}

if (isMainModule(import.meta.url)) {
  const raw = process.argv[2] ?? '{"flows":64,"intents":20,"examplesPerIntent":10}';
  process.stdout.write(`${JSON.stringify(measureMatcherCache(JSON.parse(raw) as { flows: number; intents: number; examplesPerIntent: number }))}\n`);
  process.exit(0);
}
