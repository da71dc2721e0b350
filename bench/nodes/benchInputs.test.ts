import { describe, expect, it } from 'vitest';
import { coreRegistry } from '../../nodes/src/flow/fixtures.js';
import { validateFlow } from '../../nodes/src/flow/validateFlow.js';
import { bookingFirstDay, bookingFlow, bookingSlot, stockFlow, understandingFlow, BOOKING_SLOTS_PER_DAY } from './benchFlows.js';
import { catalogueCsv, stockQueries, syntheticCatalogue } from './catalogue.js';

describe('benchmark flows', () => {
  it('are valid flows for the current node schemas', () => {
    for (const flow of [understandingFlow(), stockFlow(), bookingFlow('2027-03-01')]) {
      const result = validateFlow(flow, coreRegistry());
      expect(result.problems.filter((p) => p.severity === 'error'), flow.id).toEqual([]);
      expect(result.ok).toBe(true);
    }
  });

  it('walks the booking grid without ever repeating a slot', () => {
    const starts = Array.from({ length: 3 * BOOKING_SLOTS_PER_DAY }, (_, k) => bookingSlot('2027-03-01', k));
    expect(new Set(starts).size).toBe(starts.length);
    expect(starts[0]).toBe('2027-03-01T00:00:00.000Z');
    expect(starts[BOOKING_SLOTS_PER_DAY - 1]).toBe('2027-03-01T23:30:00.000Z');
    expect(starts[BOOKING_SLOTS_PER_DAY]).toBe('2027-03-02T00:00:00.000Z');
    expect(bookingFirstDay(new Date('2026-12-31T23:59:00Z'))).toBe('2027-01-02');
  });
});

describe('synthetic catalogue', () => {
  it('is the same for the same seed, with distinct SKUs and names', () => {
    const products = syntheticCatalogue(2_000);
    expect(syntheticCatalogue(2_000)).toEqual(products);
    expect(new Set(products.map((p) => p.sku)).size).toBe(2_000);
    expect(new Set(products.map((p) => p.name)).size).toBe(2_000);
    expect(products.some((p) => p.available === 0)).toBe(true);
  });

  it('writes the CSV the inventory import reads (German headers, decimal comma)', () => {
    const [header, first] = catalogueCsv(syntheticCatalogue(1)).split('\n');
    expect(header).toBe('Artikelnummer;Bezeichnung;Bestand;Preis;Mindestbestand');
    expect(first).toMatch(/^BG-[A-Z]{3}-00001;[^;]+;\d+;\d+,\d{2};5$/);
  });

  it('mixes the query kinds roughly as documented', () => {
    const queries = stockQueries(syntheticCatalogue(1_000), 2_000);
    const share = (kind: string) => queries.filter((q) => q.kind === kind).length / queries.length;
    expect(share('sku')).toBeGreaterThan(0.15);
    expect(share('name')).toBeGreaterThan(0.25);
    expect(share('unknown')).toBeGreaterThan(0.05);
  });
});
