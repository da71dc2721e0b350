/**
 * In-process cost of the check_stock name search (nodes/src/core/checkStock/productIndex.ts) over the synthetic
 * catalogue, without HTTP or SQLite: `node bin/run-ts.js bench/nodes/stockSearchCost.ts [products]`.
 * Prints per query kind the median and worst search time, and the slowest queries.
 */
import { performance } from 'node:perf_hooks';
import { ProductIndex } from '../../nodes/src/core/checkStock/productIndex.js';
import { summarize } from '../turns/percentiles.js';
import { isMainModule } from '../turns/spawnProcess.js';
import { stockQueries, syntheticCatalogue } from './catalogue.js';

export function measureSearch(products = 10_000) {
  const catalogue = syntheticCatalogue(products);
  let started = performance.now();
  const index = new ProductIndex(catalogue.map((p) => ({ sku: p.sku, name: p.name, available: p.available, price: p.price })));
  const buildMs = performance.now() - started;
  const queries = stockQueries(catalogue);
  for (const query of queries.slice(0, 200)) index.search(query.text, 6); // warm the JIT
  const byKind = new Map<string, number[]>();
  const slowest: { ms: number; text: string }[] = [];
  for (const query of queries) {
    started = performance.now();
    index.search(query.text, 6);
    const ms = performance.now() - started;
    (byKind.get(query.kind) ?? byKind.set(query.kind, []).get(query.kind)!).push(ms);
    slowest.push({ ms, text: query.text });
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    products,
    buildMs: round(buildMs),
    searchMs: Object.fromEntries([...byKind].map(([kind, values]) => {
      const s = summarize(values);
      return [kind, { count: s.count, p50: round(s.p50), p99: round(s.p99), max: round(s.max) }];
    })),
    slowest: slowest.sort((a, b) => b.ms - a.ms).slice(0, 5).map((s) => ({ ms: round(s.ms), text: s.text })),
  };
}

if (isMainModule(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(measureSearch(Number(process.argv[2] ?? 10_000)), null, 2)}\n`);
  process.exit(0);
}
