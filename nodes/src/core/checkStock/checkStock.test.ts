import { describe, expect, it } from 'vitest';
import type { Notification, NotifierService } from '../../sdk/services/notifier.js';
import type { Services } from '../../sdk/services.js';
import { runNode } from '../../testing/index.js';
import { checkStock } from './checkStock.run.js';
import { memoryInventory } from './memoryInventory.js';
import { catalogue } from './testCatalogue.js';
import { coffeeCatalogue } from './coffeeCatalogue.js';

/** Keeps notifications and drops repeats of a dedupe key, as the embedded notifier does. */
function recordingNotifier(): NotifierService & { sent: Notification[] } {
  const sent: Notification[] = [];
  const keys = new Set<string>();
  return {
    sent,
    notify: async (notification) => {
      const key = `${notification.topic}|${notification.dedupeKey}`;
      if (notification.dedupeKey && keys.has(key)) return { id: 'dup', duplicate: true };
      keys.add(key);
      sent.push(notification);
      return { id: String(sent.length), duplicate: false };
    },
  };
}

const services = (): Services & { notifier: ReturnType<typeof recordingNotifier> } => ({
  inventory: memoryInventory(catalogue),
  notifier: recordingNotifier(),
});
const now = new Date('2026-11-24T10:00:00Z');
const save = { name: 'artikel', sku: 'nummer', available: 'bestand', price: 'preis' };

describe('check_stock: the five ports', () => {
  it('in_stock: a configured product, saved into variables, answered in German with the price', async () => {
    const run = await runNode(checkStock, {
      config: { product: '{{produkt}}', save, currency: 'CHF' }, vars: { produkt: 'Bosch Akkuschrauber' }, locale: 'de', services: services(), now,
    });
    expect(run.port).toBe('in_stock');
    expect(run.vars).toMatchObject({ artikel: 'Akkuschrauber Bosch GSR 18V', nummer: 'BO-GSR18', bestand: 12, preis: 129 });
    expect(run.texts).toEqual(['Akkuschrauber Bosch GSR 18V ist auf Lager (12 Stück verfügbar). Preis: 129,00\u00a0CHF.']);
    expect(run.records).toEqual([{ type: 'stock.checked', data: { result: 'in_stock', sku: 'BO-GSR18', query: 'Bosch Akkuschrauber' } }]);
  });

  it('low_stock: tells sales once per product and day, and records stock.low every time', async () => {
    const shared = services();
    const options = { config: { product: 'MA-DF333' }, locale: 'en', services: shared, now, settings: { timezone: 'Europe/Zurich' } };
    const first = await runNode(checkStock, options);
    expect(first.port).toBe('low_stock');
    expect(first.texts).toEqual(['Akkuschrauber Makita DF333 is available, but only 3 left. Price: 99.90.']);
    expect(first.records).toContainEqual({ type: 'stock.low', data: { sku: 'MA-DF333', name: 'Akkuschrauber Makita DF333', available: 3, threshold: 5, notified: true } });
    const second = await runNode(checkStock, { ...options, conversation: { id: 'other' } });
    expect(second.records).toContainEqual({ type: 'stock.low', data: expect.objectContaining({ notified: false }) });
    expect(shared.notifier.sent).toHaveLength(1);
    const [note] = shared.notifier.sent;
    expect(note).toMatchObject({ topic: 'sales', dedupeKey: 'stock.low:MADF333:2026-11-24' });
    expect(note!.subject).toEqual({ de: 'Knapper Bestand: Akkuschrauber Makita DF333 (MA-DF333)', en: 'Low stock: Akkuschrauber Makita DF333 (MA-DF333)' });
    expect(note!.data).toMatchObject({ sku: 'MA-DF333', available: 3, threshold: 5, isTest: false });
    const nextDay = await runNode(checkStock, { ...options, now: new Date('2026-11-24T23:30:00Z') });
    expect(nextDay.records).toContainEqual({ type: 'stock.low', data: expect.objectContaining({ notified: true }) });
    expect(shared.notifier.sent.map((sent) => sent.dedupeKey)).toEqual(['stock.low:MADF333:2026-11-24', 'stock.low:MADF333:2026-11-25']);
  });

  it('out_of_stock, with a product threshold winning over the node\'s and without notifying when switched off', async () => {
    const shared = services();
    const run = await runNode(checkStock, { config: { product: 'sd set6', notifySales: false }, locale: 'de', services: shared, now });
    expect(run.port).toBe('out_of_stock');
    expect(run.texts).toEqual(['Schraubendreher-Set 6-teilig ist leider gerade ausverkauft.']);
    expect(shared.notifier.sent).toEqual([]);
    const own = memoryInventory([{ sku: 'X1', name: 'Dübel 6 mm', available: 40, lowStockThreshold: 50 }]);
    const low = await runNode(checkStock, { config: { product: 'Dübel' }, services: { inventory: own }, now });
    expect(low.port).toBe('low_stock');
    expect(low.logs.map((log) => log.message)).toContain('check_stock: no notifier service; sales not told about low stock');
  });

  it('a failing notifier costs only the note, not the answer', async () => {
    const failing: Services = { inventory: memoryInventory(catalogue), notifier: { notify: async () => { throw new Error('disk full'); } } };
    const run = await runNode(checkStock, { config: { product: 'MA-DF333' }, locale: 'de', services: failing, now });
    expect(run.port).toBe('low_stock');
    expect(run.texts[0]).toMatch(/nur noch 3 Stück/);
    expect(run.records).toContainEqual({ type: 'stock.low', data: expect.objectContaining({ notified: false }) });
    expect(run.logs).toContainEqual(expect.objectContaining({ level: 'warn', message: 'check_stock: notifying sales failed' }));
  });

  it('not_found: says so and records the query only when the node is not sensitive', async () => {
    const run = await runNode(checkStock, { config: { product: 'Rasenmäher' }, locale: 'de', services: services(), now });
    expect(run.port).toBe('not_found');
    expect(run.texts).toEqual(['Dazu habe ich leider kein passendes Produkt gefunden.']);
    expect(run.records).toEqual([{ type: 'stock.checked', data: { result: 'not_found', query: 'Rasenmäher' } }]);
    const sensitive = await runNode(checkStock, { config: { product: 'Rasenmäher' }, sensitive: true, services: services(), now });
    expect(sensitive.records).toEqual([{ type: 'stock.checked', data: { result: 'not_found' } }]);
  });

  it('error: no inventory service, or one that fails', async () => {
    const missing = await runNode(checkStock, { config: { product: 'Holzleim' }, services: {}, now });
    expect(missing.port).toBe('error');
    expect(missing.records).toEqual([{ type: 'stock.checked', data: { result: 'error', query: 'Holzleim' } }]);
    const failing: Services = { inventory: { findBySku: async () => { throw new Error('database is locked'); }, search: async () => [] } };
    const broken = await runNode(checkStock, { config: { product: 'Holzleim' }, services: failing, now });
    expect(broken.port).toBe('error');
    expect(broken.texts).toEqual([]);
  });
});

describe('check_stock: where the product comes from', () => {
  it('takes the customer\'s pending message, like the understanding nodes', async () => {
    const run = await runNode(checkStock, { config: {}, pendingInput: 'Habt ihr noch Holzleim?', locale: 'de', services: services(), now });
    expect(run.port).toBe('in_stock');
    expect(run.pendingInputConsumed).toBe(true);
  });

  it('asks which product when the pending message names none, and says "not found" only for an answer', async () => {
    const run = await runNode(checkStock, { config: {}, pendingInput: 'Ist der Artikel auf Lager?', locale: 'de', services: services(), now });
    expect(run.texts).toEqual(['Welches Produkt suchen Sie? Nennen Sie gern den Namen oder die Artikelnummer.']);
    expect(run.waiting?.input).toEqual({ type: 'text' });
    const answered = await run.answer('Einhornfutter');
    expect(answered.port).toBe('not_found');
    const configured = await runNode(checkStock, { config: { product: 'Einhornfutter' }, locale: 'de', services: services(), now });
    expect(configured.port).toBe('not_found');
  });

  it('asks its question (or a default one) and looks up the answer', async () => {
    const asked = await runNode(checkStock, { config: { text: { de: 'Welcher Artikel?', en: 'Which item?' } }, locale: 'de', services: services(), now });
    expect(asked.texts).toEqual(['Welcher Artikel?']);
    expect(asked.waiting?.input).toEqual({ type: 'text' });
    const answered = await asked.answer('Gartenschlauch Grösse 2');
    expect(answered.port).toBe('in_stock');
    const fallback = await runNode(checkStock, { config: {}, locale: 'en', services: services(), now });
    expect(fallback.texts).toEqual(['Which product are you looking for? A name or SKU is fine.']);
  });

  it('treats an empty template as no product', async () => {
    const run = await runNode(checkStock, { config: { product: '{{produkt}}' }, vars: {}, locale: 'de', services: services(), now });
    expect(run.waiting).toBeDefined();
  });

  it('uses the flow\'s own texts with placeholders, and says nothing for an empty text', async () => {
    const texts = { in_stock: { de: '{name}: {available} da, {price}', en: '{name}' }, not_found: '' };
    const found = await runNode(checkStock, { config: { product: 'HL-500', texts, currency: 'EUR' }, locale: 'de', services: services(), now });
    expect(found.texts).toEqual(['Holzleim 500 g: 40 da, 6,80\u00a0€']);
    const missing = await runNode(checkStock, { config: { product: 'Kettensäge', texts }, services: services(), now });
    expect(missing.texts).toEqual([]);
    expect(missing.port).toBe('not_found');
  });
});

describe('check_stock: "Meinten Sie …?"', () => {
  it('offers close candidates with a "none of these" choice and continues with the pick', async () => {
    const shared = services();
    const asked = await runNode(checkStock, { config: { product: 'Akkuschrauber', save }, locale: 'de', services: shared, now });
    expect(asked.texts).toEqual(['Meinten Sie eines dieser Produkte?']);
    expect(asked.waiting?.input).toEqual({
      type: 'choice',
      choices: [
        { id: 'p1', label: expect.stringMatching(/^Akkuschrauber (Bosch|Makita)/) },
        { id: 'p2', label: expect.stringMatching(/^Akkuschrauber (Bosch|Makita)/) },
        { id: 'none', label: 'Keines davon' },
      ],
    });
    expect(asked.records).toEqual([{ type: 'stock.checked', data: { result: 'ambiguous', query: 'Akkuschrauber' } }]);
    const makita = asked.waiting!.input.choices!.find((choice) => choice.label.includes('Makita'))!;
    const picked = await asked.answer({ choice: makita.id });
    expect(picked.port).toBe('low_stock');
    expect(picked.vars.nummer).toBe('MA-DF333');
    const typed = await asked.answer('den von bosch');
    expect(typed.port).toBe('in_stock');
    const numbered = await asked.answer('2');
    expect(numbered.vars.nummer).toBe(asked.waiting!.input.choices![1]!.label.includes('Bosch') ? 'BO-GSR18' : 'MA-DF333');
  });

  it('"none of these" (as choice or in words) leads to not_found', async () => {
    const asked = await runNode(checkStock, { config: { product: 'Akkuschrauber' }, locale: 'de', services: services(), now });
    expect((await asked.answer({ choice: 'none' })).port).toBe('not_found');
    expect((await asked.answer('keines davon')).port).toBe('not_found');
    expect((await asked.answer('None of these')).port).toBe('not_found');
  });

  it('asks once more on an unclear answer, then gives up with not_found', async () => {
    const asked = await runNode(checkStock, { config: { product: 'Akkuschrauber' }, locale: 'en', services: services(), now });
    const unclear = await asked.answer('hmm');
    expect(unclear.texts).toEqual(['Please pick one of the products or "None of these".']);
    expect(unclear.waiting?.input.choices).toHaveLength(3);
    const gaveUp = await unclear.answer('what?');
    expect(gaveUp.port).toBe('not_found');
  });

  it('asks about a single doubtful match, and reads stock again after the pick', async () => {
    const products = [{ sku: 'HL-500', name: 'Holzleim 500 g', available: 40 }];
    const first = await runNode(checkStock, { config: { product: 'Holz' }, locale: 'de', services: { inventory: memoryInventory(products) }, now });
    expect(first.texts).toEqual(['Meinten Sie Holzleim 500 g?']);
    const later = memoryInventory([{ ...products[0]!, available: 0 }]);
    const picked = await first.answer({ choice: 'p1' }, { services: { inventory: later } });
    expect(picked.port).toBe('out_of_stock');
    const gone = await first.answer({ choice: 'p1' }, { services: { inventory: memoryInventory([]) } });
    expect(gone.port).toBe('not_found');
  });

  it('labels products with the same name by SKU', async () => {
    const twins = memoryInventory([
      { sku: 'T-1', name: 'Tischleuchte', available: 2 },
      { sku: 'T-2', name: 'Tischleuchte', available: 9 },
    ]);
    const asked = await runNode(checkStock, { config: { product: 'Tischleuchte' }, locale: 'en', services: { inventory: twins }, now });
    expect(asked.waiting?.input.choices?.map((choice) => choice.label)).toEqual(['Tischleuchte (T-1)', 'Tischleuchte (T-2)', 'None of these']);
  });
});

describe('check_stock: test conversations', () => {
  it('marks the note as a test and keeps its own dedupe key', async () => {
    const shared = services();
    await runNode(checkStock, { config: { product: 'MA-DF333' }, services: shared, now, conversation: { isTest: true } });
    await runNode(checkStock, { config: { product: 'MA-DF333' }, services: shared, now });
    expect(shared.notifier.sent.map((sent) => [sent.dedupeKey, (sent.subject as { en: string }).en])).toEqual([
      ['stock.low:test:MADF333:2026-11-24', '[Test] Low stock: Akkuschrauber Makita DF333 (MA-DF333)'],
      ['stock.low:MADF333:2026-11-24', 'Low stock: Akkuschrauber Makita DF333 (MA-DF333)'],
    ]);
  });
});

describe('check_stock: sizes and things the shop does not sell', () => {
  const shop = () => ({ inventory: memoryInventory(coffeeCatalogue()) });

  it('answers a full name with its size directly, not with its other sizes to choose from', async () => {
    const run = await runNode(checkStock, { config: { product: 'Espressobohnen Mühlbach mild 1 kg', save }, locale: 'de', services: shop(), now });
    expect(run.port).toBe('in_stock');
    expect(run.waiting).toBeUndefined();
    expect(run.vars).toMatchObject({ artikel: 'Espressobohnen Mühlbach mild 1 kg' });
    const sentence = await runNode(checkStock, { pendingInput: 'Habt ihr Espressobohnen Mühlbach mild in 500 g?', config: { save }, locale: 'de', services: shop(), now });
    expect(sentence.vars).toMatchObject({ artikel: 'Espressobohnen Mühlbach mild 500 g' });
  });

  it('says not_found for an unrelated product, without a "Meinten Sie …?"', async () => {
    for (const product of ['Yogamatte lila', 'Druckerpatrone schwarz']) {
      const run = await runNode(checkStock, { config: { product }, locale: 'de', services: shop(), now });
      expect(run.port, product).toBe('not_found');
      expect(run.waiting).toBeUndefined();
      expect(run.texts).toEqual(['Dazu habe ich leider kein passendes Produkt gefunden.']);
      expect(run.records).toEqual([{ type: 'stock.checked', data: { result: 'not_found', query: product } }]);
    }
  });
});
