import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/openDatabase.js';
import { ProductStore } from '../inventory/productStore.js';
import { runCli, tempDir } from './runCliForTest.js';

describe('dialogwerk inventory import', () => {
  const dataDir = tempDir();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer) => {
    const target = path.join(dataDir, name);
    writeFileSync(target, content);
    return target;
  };
  const env = { DATA_DIR: dataDir };
  const products = async () => {
    const database = await openDatabase({ url: `file:${path.join(dataDir, 'dialogwerk.db')}` });
    try {
      return (await new ProductStore(database.client).all()).map(({ sku, name, available, price }) => ({ sku, name, available, price }));
    } finally {
      await database.close();
    }
  };

  it('imports a German Excel file into the configured database', async () => {
    const csv = file('lager.csv', Buffer.from('Artikelnummer;Bezeichnung;Bestand;Preis\r\nHL-500;Holzleim 500 g;1.250;6,80\r\nGS-2;Gartenschlauch Größe 2;7;\r\n', 'latin1'));
    const run = await runCli(['inventory', 'import', csv], { env });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('Imported 2 products (2 new, 0 updated).\n');
    expect(run.code).toBe(0);
    expect(await products()).toEqual([
      { sku: 'GS-2', name: 'Gartenschlauch Größe 2', available: 7, price: null },
      { sku: 'HL-500', name: 'Holzleim 500 g', available: 1250, price: 6.8 },
    ]);
  });

  it('lists every problem with its line and changes nothing', async () => {
    const csv = file('kaputt.csv', 'sku,name,available\nHL-500,Holzleim,7\nX,,drei\n');
    const run = await runCli(['inventory', 'import', csv, '--replace'], { env });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `Not imported, nothing changed: 2 problem(s)\n  ${csv}:3 (name)  The name is missing.\n  ${csv}:3 (available)  "drei" is not a valid number for available (e.g. 12).\n`,
    );
    expect(await products()).toHaveLength(2);
  });

  it('replaces with --replace', async () => {
    const csv = file('neu.csv', 'sku,name,available,price\nHL-500,Holzleim,5,"7.20"\n');
    const run = await runCli(['inventory', 'import', csv, '--replace'], { env });
    expect(run.stdout).toBe('Imported 1 product (0 new, 1 updated, 1 deleted).\n');
    expect(await products()).toEqual([{ sku: 'HL-500', name: 'Holzleim', available: 5, price: 7.2 }]);
  });

  it('explains wrong calls and unreadable files (exit code 2)', async () => {
    const missing = await runCli(['inventory', 'import', path.join(dataDir, 'nope.csv')], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.csv: ENOENT/);
    const unknown = await runCli(['inventory', 'export', 'x.csv'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown inventory action "export"/);
    const help = await runCli(['inventory', '--help'], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: dialogwerk inventory import <file.csv> \[--replace\]/);
  });
});
