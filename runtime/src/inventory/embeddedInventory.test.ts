import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/openDatabase.js';
import { embeddedInventory } from './embeddedInventory.js';
import { importProductCsv } from './importProductCsv.js';
import { ProductStore } from './productStore.js';

describe('embedded inventory', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dialogwerk-inventory-'));
  let server: Database;
  let cli: Database;
  beforeAll(async () => {
    const url = `file:${path.join(dir, 'shop.db')}`;
    server = await openDatabase({ url });
    cli = await openDatabase({ url, migrate: false, checkpointInWorker: false });
  });
  afterAll(async () => {
    await cli.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sees writes of another connection (a CLI import next to the server) at the next search', async () => {
    const inventory = embeddedInventory(new ProductStore(server.client));
    expect(await inventory.search('Holzleim')).toEqual([]);
    const other = new ProductStore(cli.client);
    expect((await importProductCsv(other, 'sku;name;available;Preis\nHL-500;Holzleim 500 g;40;6,80\n', 'merge')).ok).toBe(true);
    expect((await inventory.search('Holzleim'))[0]).toMatchObject({ product: { sku: 'HL-500', name: 'Holzleim 500 g', available: 40, price: 6.8 } });
    await other.put('GS-2', { name: 'Gartenschlauch Größe 2', available: 7 });
    expect((await inventory.search('gartenschlauch grösse 2'))[0]!.product.sku).toBe('GS-2');
    expect(await inventory.findBySku('gs 2')).toEqual({ sku: 'GS-2', name: 'Gartenschlauch Größe 2', available: 7 });
    await other.delete('HL-500');
    expect(await inventory.search('Holzleim')).toEqual([]);
    expect(await inventory.findBySku('HL-500')).toBeUndefined();
  });

  it('imports thousands of products in one go', async () => {
    const store = new ProductStore(server.client);
    const lines = Array.from({ length: 5000 }, (_, index) => `P-${index};Produkt Nummer ${index};${index % 50};${index},50`);
    const result = await importProductCsv(store, `Artikelnummer;Bezeichnung;Bestand;Preis\n${lines.join('\n')}\n`, 'replace');
    expect(result).toEqual({ ok: true, summary: { mode: 'replace', total: 5000, created: 5000, updated: 0, deleted: 1 } });
    expect((await store.get('p 4999'))?.price).toBe(4999.5);
    const inventory = embeddedInventory(store);
    expect((await inventory.search('Produkt Nummer 4321'))[0]!.product.sku).toBe('P-4321');
  });
});
