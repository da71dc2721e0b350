import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../api/openApiDocument.js';
import { resolvePointer, schemaViolations } from '../api/openApiSchemaCheck.js';
import type { JsonSchema } from '../api/openApiTypes.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';

const doc = openApiDocument('test') as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

/** Fails the test when a response differs from what the OpenAPI document promises for it. */
function documented(method: string, path: string, response: { status: number; body: unknown }): void {
  let entry = doc.paths[path]?.[method]?.responses[String(response.status)] as { $ref?: string; content?: Record<string, { schema: JsonSchema }> } | undefined;
  if (entry?.$ref) entry = resolvePointer(doc, entry.$ref) as typeof entry;
  expect(entry, `${method} ${path} ${response.status}`).toBeDefined();
  const schema = entry!.content?.['application/json']?.schema;
  if (schema) expect(schemaViolations(doc, schema, response.body), `${method} ${path} ${response.status}`).toEqual([]);
}

const germanCsv =
  '\ufeffArtikelnummer;Bezeichnung;Bestand;Preis;Mindestbestand\r\n' +
  'BO-GSR18;Akkuschrauber Bosch GSR 18V;12;129,00;\r\n' +
  'MA-DF333;Akkuschrauber Makita DF333;3;99,90;\r\n' +
  'HL-500;Holzleim 500 g;1.250;6,80;100\r\n';

describe('inventory admin API', () => {
  let server: TestServer;
  const admin = { token: 'test-admin-token' };
  const importCsv = (csv: string | Buffer, query = '', headers: Record<string, string> = {}) =>
    fetch(`${server.url}/v1/inventory/import${query}`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-admin-token', 'content-type': 'text/csv', ...headers },
      body: typeof csv === 'string' ? csv : new Uint8Array(csv),
    }).then(async (response) => ({ status: response.status, body: await response.json() }));

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('needs the admin token', async () => {
    const response = await server.request('GET', '/v1/inventory/products');
    expect(response.status).toBe(401);
    documented('get', '/v1/inventory/products', response);
    expect((await importCsv(germanCsv, '', { authorization: 'Bearer wrong' })).status).toBe(401);
  });

  it('imports a German Excel CSV and lists, searches and reads the products', async () => {
    const imported = await importCsv(germanCsv);
    expect(imported).toEqual({ status: 200, body: { mode: 'merge', total: 3, created: 3, updated: 0, deleted: 0 } });
    documented('post', '/v1/inventory/import', imported);

    const list = await server.request('GET', '/v1/inventory/products?limit=2', admin);
    documented('get', '/v1/inventory/products', list);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((item: { sku: string }) => item.sku)).toEqual(['BO-GSR18', 'MA-DF333']);
    const second = await server.request('GET', '/v1/inventory/products?limit=2&offset=2', admin);
    expect(second.body.items).toEqual([expect.objectContaining({ sku: 'HL-500', available: 1250, price: 6.8, lowStockThreshold: 100 })]);
    const found = await server.request('GET', `/v1/inventory/products?q=${encodeURIComponent('makita')}`, admin);
    expect(found.body.items.map((item: { sku: string }) => item.sku)).toEqual(['MA-DF333']);
    expect((await server.request('GET', '/v1/inventory/products?q=bogsr', admin)).body.total).toBe(1);

    const one = await server.request('GET', '/v1/inventory/products/bo-gsr%2018', admin);
    documented('get', '/v1/inventory/products/{sku}', one);
    expect(one.body.product).toMatchObject({ sku: 'BO-GSR18', name: 'Akkuschrauber Bosch GSR 18V', available: 12, price: 129, lowStockThreshold: null });

    const search = await server.request('GET', '/v1/inventory/search?q=Akuschrauber%20Bosh', admin);
    documented('get', '/v1/inventory/search', search);
    expect(search.body.items[0]).toMatchObject({ sku: 'BO-GSR18' });
    expect((await server.request('GET', '/v1/inventory/search?q=HL%20500', admin)).body.items).toEqual([expect.objectContaining({ sku: 'HL-500', score: 1 })]);
  });

  it('merges and replaces', async () => {
    const stockOnly = await importCsv('sku,available\nbo-gsr18,7\n');
    expect(stockOnly.body).toEqual({ mode: 'merge', total: 1, created: 0, updated: 1, deleted: 0 });
    const merged = (await server.request('GET', '/v1/inventory/products/BO-GSR18', admin)).body.product;
    expect(merged).toMatchObject({ sku: 'bo-gsr18', name: 'Akkuschrauber Bosch GSR 18V', available: 7, price: 129 });

    const replaced = await importCsv('sku,name,available\nBO-GSR18,Akkuschrauber Bosch,5\nNEU-1,Neuheit,1\n', '?mode=replace');
    expect(replaced.body).toEqual({ mode: 'replace', total: 2, created: 1, updated: 1, deleted: 2 });
    const all = await server.request('GET', '/v1/inventory/products', admin);
    expect(all.body.items.map((item: { sku: string; price: number | null }) => [item.sku, item.price])).toEqual([['BO-GSR18', null], ['NEU-1', null]]);
  });

  it('refuses a bad file as a whole, with every problem by line, in the caller\'s language', async () => {
    const before = (await server.request('GET', '/v1/inventory/products', admin)).body;
    const bad = 'Artikelnummer;Bezeichnung;Bestand;Preis\nOK-1;Gut;1;1\nX-1;Kaputt;viele;1\nX-2;;1;12,345\n';
    const german = await importCsv(bad, '?mode=replace', { 'accept-language': 'de-CH' });
    expect(german.status).toBe(422);
    documented('post', '/v1/inventory/import', german);
    expect(german.body.error.code).toBe('CSV_INVALID');
    expect(german.body.error.message).toMatch(/nicht importiert: 3 Problem/);
    expect(german.body.error.details.map((problem: { line: number; column: string; code: string }) => [problem.line, problem.column, problem.code])).toEqual([
      [3, 'Bestand', 'CSV_NUMBER_INVALID'],
      [4, 'Bezeichnung', 'CSV_NAME_MISSING'],
      [4, 'Preis', 'CSV_NUMBER_INVALID'],
    ]);
    expect(german.body.error.details[0].message).toBe('„viele“ ist keine gültige Zahl für den Bestand (z. B. 12).');
    const english = await importCsv(bad, '', { 'accept-language': 'en' });
    expect(english.body.error.details[0].message).toBe('"viele" is not a valid number for available (e.g. 12).');
    expect((await server.request('GET', '/v1/inventory/products', admin)).body).toEqual(before);

    const newWithoutName = await importCsv('sku;Bestand\nBO-GSR18;3\nNIE-1;4\n');
    expect(newWithoutName.body.error.details).toEqual([expect.objectContaining({ line: 3, code: 'CSV_NAME_MISSING' })]);
    expect((await importCsv('sku;Bestand\nBO-GSR18;3\n', '?mode=replace')).body.error.details).toEqual([expect.objectContaining({ line: 1, code: 'CSV_COLUMN_MISSING' })]);

    const mode = await importCsv(germanCsv, '?mode=everything');
    expect(mode.status).toBe(400);
    documented('post', '/v1/inventory/import', mode);
  });

  it('reads Windows-1252 uploads', async () => {
    const latin1 = Buffer.from('Artikelnummer;Bezeichnung;Bestand\nGS-2;Gartenschlauch Größe 2;7\n', 'latin1');
    expect((await importCsv(latin1)).status).toBe(200);
    expect((await server.request('GET', '/v1/inventory/products/GS-2', admin)).body.product.name).toBe('Gartenschlauch Größe 2');
  });

  it('puts, reads and deletes single products', async () => {
    const created = await server.request('PUT', '/v1/inventory/products/T%2F100', { ...admin, body: { name: 'Tür/Tor 100', available: 2, price: 10.5, lowStockThreshold: 1 } });
    documented('put', '/v1/inventory/products/{sku}', created);
    expect(created.body).toMatchObject({ created: true, product: { sku: 'T/100', name: 'Tür/Tor 100', available: 2, price: 10.5, lowStockThreshold: 1 } });
    const replaced = await server.request('PUT', '/v1/inventory/products/t-%2F100', { ...admin, body: { name: 'Tür/Tor 100', available: 0 } });
    expect(replaced.body).toMatchObject({ created: false, product: { sku: 'T/100', available: 0, price: null, lowStockThreshold: null } });

    const mismatch = await server.request('PUT', '/v1/inventory/products/T%2F100', { ...admin, body: { sku: 'OTHER', name: 'x', available: 1 } });
    expect(mismatch.status).toBe(422);
    documented('put', '/v1/inventory/products/{sku}', mismatch);
    const invalid = await server.request('PUT', '/v1/inventory/products/T%2F100', { ...admin, body: { name: '', available: 1.5, price: 1.234 } });
    expect(invalid.status).toBe(400);
    documented('put', '/v1/inventory/products/{sku}', invalid);
    expect(invalid.body.error.details.map((issue: { path: string[] }) => issue.path[0]).sort()).toEqual(['available', 'name', 'price']);

    const deleted = await server.request('DELETE', '/v1/inventory/products/T%2F100', admin);
    documented('delete', '/v1/inventory/products/{sku}', deleted);
    expect(deleted.body).toEqual({ deleted: true });
    const gone = await server.request('DELETE', '/v1/inventory/products/T%2F100', admin);
    expect(gone.status).toBe(404);
    documented('delete', '/v1/inventory/products/{sku}', gone);
    const missing = await server.request('GET', '/v1/inventory/products/NOPE', { ...admin, headers: { 'accept-language': 'de' } });
    expect(missing.body.error).toEqual({ code: 'PRODUCT_NOT_FOUND', message: 'Kein Produkt mit der Artikelnummer NOPE.' });
    documented('get', '/v1/inventory/products/{sku}', missing);
  });

  it('exports CSV that imports back unchanged', async () => {
    const before = (await server.request('GET', '/v1/inventory/products', admin)).body.items;
    for (const lang of ['de', 'en']) {
      const response = await fetch(`${server.url}/v1/inventory/export?lang=${lang}`, { headers: { authorization: 'Bearer test-admin-token' } });
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      const csv = await response.text();
      expect(csv.split('\r\n')[0]).toBe(lang === 'de' ? 'Artikelnummer;Bezeichnung;Bestand;Preis;Mindestbestand' : 'sku,name,available,price,lowStockThreshold');
      const again = await importCsv(csv, '?mode=replace');
      expect(again.body).toMatchObject({ total: before.length, created: 0, deleted: 0 });
      const after = (await server.request('GET', '/v1/inventory/products', admin)).body.items;
      const strip = (items: Record<string, unknown>[]) => items.map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest);
      expect(strip(after)).toEqual(strip(before));
    }
  });

  it('exports formula-like SKUs and names protected from spreadsheets, and imports them back unchanged', async () => {
    const before = (await server.request('GET', '/v1/inventory/products', admin)).body.items;
    const risky = [
      { sku: '=CMD-1', name: '=HYPERLINK("http://x","Akku")', available: 2 },
      { sku: 'AT-1', name: '@Sonderposten; -10 %', available: 1 },
      { sku: 'PL-1', name: '+ Zubehör', available: 0 },
    ];
    for (const product of risky) {
      expect((await server.request('PUT', `/v1/inventory/products/${encodeURIComponent(product.sku)}`, { ...admin, body: product })).status).toBeLessThan(300);
    }
    const all = (await server.request('GET', '/v1/inventory/products', admin)).body.items;
    expect(all).toHaveLength(before.length + risky.length);
    for (const lang of ['de', 'en']) {
      const response = await fetch(`${server.url}/v1/inventory/export?lang=${lang}`, { headers: { authorization: 'Bearer test-admin-token' } });
      const lines = (await response.text()).split('\r\n');
      const separator = lang === 'de' ? ';' : ',';
      expect(lines).toContain(`'=CMD-1${separator}"'=HYPERLINK(""http://x"",""Akku"")"${separator}2${separator}${separator}`);
      expect(lines).toContain(`AT-1${separator}"'@Sonderposten; -10 %"${separator}1${separator}${separator}`);
      expect(lines).toContain(`PL-1${separator}'+ Zubehör${separator}0${separator}${separator}`);
      const again = await importCsv(lines.join('\r\n'), '?mode=replace');
      expect(again.body).toMatchObject({ total: all.length, created: 0, deleted: 0 });
      const after = (await server.request('GET', '/v1/inventory/products', admin)).body.items;
      const strip = (items: Record<string, unknown>[]) => items.map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest);
      expect(strip(after)).toEqual(strip(all));
    }
    for (const product of risky) await server.request('DELETE', `/v1/inventory/products/${encodeURIComponent(product.sku)}`, admin);
  });

  it('answers 400 for bad paging and 413 for huge uploads', async () => {
    const paging = await server.request('GET', '/v1/inventory/products?limit=0', admin);
    expect(paging.status).toBe(400);
    documented('get', '/v1/inventory/products', paging);
    expect((await server.request('GET', '/v1/inventory/search', admin)).status).toBe(400);
    const huge = await importCsv('sku;name;available\n' + 'x'.repeat(21 * 1024 * 1024));
    expect(huge.status).toBe(413);
    documented('post', '/v1/inventory/import', huge);
  });
});
