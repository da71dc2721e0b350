import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.js';

describe('knowledge base routes over HTTP', () => {
  let server: TestServer;
  let admin: string;
  const call = (method: string, route: string, options: Parameters<TestServer['request']>[2] = {}) =>
    server.request(method, route, { token: admin, ...options });
  const upload = (route: string, text: string, contentType: string, language = 'en') =>
    call('POST', route, { rawBody: text, headers: { 'content-type': contentType, 'accept-language': language } });

  beforeAll(async () => {
    server = await startTestServer();
    admin = server.adminToken;
  });
  afterAll(() => server?.stop());

  it('needs the admin token', async () => {
    expect((await server.request('GET', '/v1/knowledge-bases')).status).toBe(401);
    expect((await server.request('POST', '/v1/knowledge-bases/x/import', { rawBody: 'a', token: 'wrong' })).status).toBe(401);
  });

  it('creates, lists, reads, replaces and deletes knowledge bases', async () => {
    const created = await call('POST', '/v1/knowledge-bases', {
      body: { id: 'shop', name: 'Laden', entries: [{ question: 'Wann haben Sie geöffnet?', answer: 'Mo–Fr 8–18 Uhr.' }] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'shop', name: 'Laden', revision: 1, entryCount: 1 });
    expect(created.body.entries).toEqual([{ id: 'wann-haben-sie-geoeffnet', question: 'Wann haben Sie geöffnet?', answer: 'Mo–Fr 8–18 Uhr.' }]);

    const again = await call('POST', '/v1/knowledge-bases', { body: { id: 'shop', name: 'x' }, headers: { 'accept-language': 'de' } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'KNOWLEDGE_BASE_EXISTS', message: 'Die Wissensdatenbank „shop“ gibt es schon.' });

    const list = await call('GET', '/v1/knowledge-bases');
    expect(list.body.items).toEqual([expect.objectContaining({ id: 'shop', entryCount: 1, revision: 1 })]);

    const replaced = await call('PUT', '/v1/knowledge-bases/shop', {
      body: { name: 'Laden Huber', entries: [{ id: 'parking', question: { de: 'Parkplätze?', en: 'Parking?' }, alternatives: { de: ['Parkieren'] }, answer: 'Im Hof.' }] },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ name: 'Laden Huber', revision: 2, entryCount: 1 });
    expect((await call('GET', '/v1/knowledge-bases/shop')).body.entries.map((e: { id: string }) => e.id)).toEqual(['parking']);

    const fresh = await call('PUT', '/v1/knowledge-bases/other', { body: { name: 'Andere' } });
    expect(fresh.status).toBe(201);
    expect((await call('DELETE', '/v1/knowledge-bases/other')).status).toBe(204);
    expect((await call('GET', '/v1/knowledge-bases/other')).status).toBe(404);
    expect((await call('DELETE', '/v1/knowledge-bases/other')).status).toBe(404);
  });

  it('answers bad ids and bodies with 4xx', async () => {
    expect((await call('GET', '/v1/knowledge-bases/Not%20Valid')).body.error.code).toBe('KNOWLEDGE_BASE_NOT_FOUND');
    const bad = await call('POST', '/v1/knowledge-bases', { body: { id: 'x', name: '', entries: [{ question: 'q' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_BODY');
    expect((await call('POST', '/v1/knowledge-bases', { rawBody: '{', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    const dupes = await call('PUT', '/v1/knowledge-bases/x', { body: { name: 'x', entries: [{ id: 'a', question: 'q', answer: 'a' }, { id: 'a', question: 'q', answer: 'a' }] } });
    expect(dupes.status).toBe(400);
  });

  it('puts, reads and deletes single entries, raising the revision', async () => {
    const put = await call('PUT', '/v1/knowledge-bases/shop/entries/returns', { body: { question: 'Umtausch?', answer: '30 Tage.' } });
    expect(put.status).toBe(201);
    expect(put.body).toEqual({ entry: { id: 'returns', question: 'Umtausch?', answer: '30 Tage.' }, revision: 3 });
    const update = await call('PUT', '/v1/knowledge-bases/shop/entries/parking', { body: { question: 'Parkplätze?', answer: 'Hinter dem Haus.' } });
    expect(update.status).toBe(200);
    expect((await call('GET', '/v1/knowledge-bases/shop/entries')).body.items.map((e: { id: string; answer: string }) => [e.id, e.answer])).toEqual([
      ['parking', 'Hinter dem Haus.'],
      ['returns', '30 Tage.'],
    ]);
    expect((await call('GET', '/v1/knowledge-bases/shop/entries/returns')).body.answer).toBe('30 Tage.');
    expect((await call('PUT', '/v1/knowledge-bases/shop/entries/x', { body: { id: 'y', question: 'q', answer: 'a' } })).status).toBe(422);
    expect((await call('PUT', '/v1/knowledge-bases/nope/entries/x', { body: { question: 'q', answer: 'a' } })).status).toBe(404);
    expect((await call('DELETE', '/v1/knowledge-bases/shop/entries/returns')).body).toEqual({ revision: 5 });
    expect((await call('DELETE', '/v1/knowledge-bases/shop/entries/returns')).body.error.code).toBe('KNOWLEDGE_ENTRY_NOT_FOUND');
    expect((await call('GET', '/v1/knowledge-bases/shop/entries/returns')).status).toBe(404);
  });

  it('imports a semicolon CSV with BOM and umlauts, merging by id', async () => {
    const csv = '\uFEFFid;frage_de;alternativen_de;antwort_de;question_en;answer_en\r\n' +
      'parking;Gibt es Parkplätze?;Parkieren | Parkhaus;Ja, im Hof – gratis.;Is there parking?;Yes, in the yard.\r\n' +
      ';Kann ich mit Twint zahlen?;;Ja, auch mit Karte.;;\r\n';
    const result = await upload('/v1/knowledge-bases/shop/import', csv, 'text/csv; charset=utf-8');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ mode: 'merge', format: 'csv', entries: 2, revision: 6, created: 1, updated: 1, removed: 0 });
    const entries = (await call('GET', '/v1/knowledge-bases/shop')).body.entries;
    expect(entries).toEqual([
      { id: 'parking', question: { de: 'Gibt es Parkplätze?', en: 'Is there parking?' }, alternatives: { de: ['Parkieren', 'Parkhaus'] }, answer: { de: 'Ja, im Hof – gratis.', en: 'Yes, in the yard.' } },
      { id: 'kann-ich-mit-twint-zahlen', question: { de: 'Kann ich mit Twint zahlen?' }, answer: { de: 'Ja, auch mit Karte.' } },
    ]);
    // The same file again finds the same entries.
    const again = await upload('/v1/knowledge-bases/shop/import?format=csv', csv, 'application/octet-stream');
    expect(again.body).toMatchObject({ created: 0, updated: 2 });
  });

  it('imports Markdown in replace mode', async () => {
    const md = '# de\n\n## Wann offen? {#hours}\n- Öffnungszeiten\n\nMo–Fr 8–18 Uhr.\n\n# en\n\n## When open? {#hours}\nMon–Fri 8am–6pm.\n';
    const result = await upload('/v1/knowledge-bases/shop/import?mode=replace', md, 'text/markdown');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ mode: 'replace', format: 'markdown', entries: 1, created: 1, updated: 0, removed: 2 });
    expect((await call('GET', '/v1/knowledge-bases/shop')).body.entries).toEqual([
      { id: 'hours', question: { de: 'Wann offen?', en: 'When open?' }, alternatives: { de: ['Öffnungszeiten'] }, answer: { de: 'Mo–Fr 8–18 Uhr.', en: 'Mon–Fri 8am–6pm.' } },
    ]);
  });

  it('refuses a bad file as a whole, listing every problem with its line in the caller\'s language', async () => {
    const before = (await call('GET', '/v1/knowledge-bases/shop')).body;
    const csv = 'frage_de,antwort_de\nGute Frage,Gute Antwort\n,Antwort ohne Frage\nFrage ohne Antwort,\n';
    const refused = await upload('/v1/knowledge-bases/shop/import?mode=replace', csv, 'text/csv', 'de-CH');
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('IMPORT_INVALID');
    expect(refused.body.error.message).toMatch(/nicht importiert: 2 Problem/);
    expect(refused.body.error.details).toEqual([
      { line: 3, column: 'question', code: 'QUESTION_MISSING', message: 'Die Frage fehlt.', messages: { de: 'Die Frage fehlt.', en: 'The question is missing.' } },
      { line: 4, column: 'answer', code: 'ANSWER_MISSING', message: 'Die Antwort fehlt.', messages: { de: 'Die Antwort fehlt.', en: 'The answer is missing.' } },
    ]);
    const md = await upload('/v1/knowledge-bases/shop/import', 'Hallo\n\n## Frage\n', 'text/markdown');
    expect(md.status).toBe(422);
    expect(md.body.error.details.map((d: { line: number; code: string }) => [d.line, d.code])).toEqual([[1, 'MARKDOWN_OUTSIDE_ENTRY'], [3, 'ANSWER_MISSING']]);
    const latin1 = await call('POST', '/v1/knowledge-bases/shop/import', {
      rawBody: Buffer.from('frage;antwort\nGrüsse;Tschüss\n', 'latin1') as unknown as string,
      headers: { 'content-type': 'text/csv' },
    });
    expect(latin1.status).toBe(422);
    expect(latin1.body.error.details[0].code).toBe('NOT_UTF8');
    expect((await call('GET', '/v1/knowledge-bases/shop')).body).toEqual(before);
  });

  it('refuses unknown formats, modes and missing bases', async () => {
    expect((await upload('/v1/knowledge-bases/shop/import', 'x', 'application/json')).status).toBe(415);
    expect((await upload('/v1/knowledge-bases/shop/import?mode=append', 'x', 'text/csv')).body.error.code).toBe('INVALID_QUERY');
    expect((await upload('/v1/knowledge-bases/nope/import', 'frage;antwort\na;b\n', 'text/csv')).status).toBe(404);
    expect((await call('GET', '/v1/knowledge-bases/shop/export?format=xml')).status).toBe(400);
  });

  it('exports JSON and CSV, and the CSV imports back unchanged', async () => {
    const json = await call('GET', '/v1/knowledge-bases/shop/export');
    expect(json.body).toMatchObject({ format: 'dialogwerk.knowledge/1', id: 'shop', entries: [expect.objectContaining({ id: 'hours' })] });
    const csv = await call('GET', '/v1/knowledge-bases/shop/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('shop.csv');
    const text = String(csv.body);
    expect(text.split('\r\n')[0]).toBe('id;question_de;alternatives_de;answer_de;question_en;alternatives_en;answer_en');
    await call('PUT', '/v1/knowledge-bases/copy', { body: { name: 'Kopie' } });
    expect((await upload('/v1/knowledge-bases/copy/import', text, 'text/csv')).status).toBe(200);
    expect((await call('GET', '/v1/knowledge-bases/copy')).body.entries).toEqual(json.body.entries);
    const comma = await call('GET', '/v1/knowledge-bases/shop/export?format=csv&separator=,');
    expect(String(comma.body).split('\r\n')[0]).toContain('id,question_de');
  });
});
