import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { publishFlow } from '../testing/publishFlow.js';

/** A shop bot: asks for the product, check_stock answers in German, one closing line per outcome. */
function shopFlow(): FlowDocumentInput {
  const end = (id: string, de: string, y: number) => ({ id, type: 'end', version: 1, position: { x: 300, y }, config: { text: { de, en: de } } });
  return {
    format: 'dialogwerk.flow/1',
    id: 'laden',
    name: 'Laden',
    locales: ['de', 'en'],
    start: 'lager',
    variables: { artikel: { type: 'string' }, bestand: { type: 'number' } },
    settings: { timezone: 'Europe/Zurich' },
    nodes: [
      {
        id: 'lager', type: 'check_stock', version: 1, position: { x: 0, y: 0 },
        config: { text: { de: 'Welches Produkt suchen Sie?', en: 'Which product?' }, currency: 'CHF', save: { name: 'artikel', available: 'bestand' } },
      },
      end('da', 'Sie können es gleich bestellen.', 0),
      end('knapp', 'Bestellen Sie am besten bald, {{artikel}} ist fast weg.', 100),
      end('weg', 'Wir informieren Sie gern, sobald es wieder da ist.', 200),
      end('unbekannt', 'Fragen Sie gern unser Team.', 300),
      end('fehler', 'Das Lager ist gerade nicht erreichbar.', 400),
    ],
    edges: [
      { id: 'e1', from: { node: 'lager', port: 'in_stock' }, to: 'da' },
      { id: 'e2', from: { node: 'lager', port: 'low_stock' }, to: 'knapp' },
      { id: 'e3', from: { node: 'lager', port: 'out_of_stock' }, to: 'weg' },
      { id: 'e4', from: { node: 'lager', port: 'not_found' }, to: 'unbekannt' },
      { id: 'e5', from: { node: 'lager', port: 'error' }, to: 'fehler' },
    ],
  };
}

const csv = 'Artikelnummer;Bezeichnung;Bestand;Preis\n' +
  'BO-GSR18;Akkuschrauber Bosch GSR 18V;12;129,00\n' +
  'MA-DF333;Akkuschrauber Makita DF333;3;99,90\n' +
  'SD-SET6;Schraubendreher-Set 6-teilig;0;24,50\n' +
  'HL-500;Holzleim 500 g;40;6,80\n' +
  'HL-1000;Holzleim 1 kg;25;11,90\n';

describe('check_stock through the real server, on the built-in inventory and notifier', () => {
  let server: TestServer;
  const admin = 'test-admin-token';

  /** Starts a conversation on the published flow, asks for `product` and returns the bot's replies. */
  async function ask(product: string | { choice: string }, id = 'm1', started?: { conversationId: string; token: string }) {
    let conversation = started;
    if (!conversation) {
      const start = await server.request('POST', '/v1/bots/laden/conversations', { body: { locale: 'de' } });
      expect(start.status).toBe(201);
      expect(start.body.messages.map((message: { text: string }) => message.text)).toEqual(['Welches Produkt suchen Sie?']);
      conversation = start.body;
    }
    const body = typeof product === 'string' ? { id, text: product } : { id, ...product };
    const reply = await server.request('POST', `/v1/conversations/${conversation!.conversationId}/messages`, { token: conversation!.token, body });
    expect(reply.status).toBe(200);
    return { ...reply.body, conversation: conversation!, bot: reply.body.messages.slice(1).map((message: { text: string }) => message.text) as string[] };
  }
  const notifications = async () => (await server.request('GET', '/v1/notifications?topic=sales', { token: admin, headers: { 'accept-language': 'de' } })).body.items;

  beforeAll(async () => {
    server = await startTestServer();
    const imported = await fetch(`${server.url}/v1/inventory/import`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: csv });
    expect(imported.status).toBe(200);
    await publishFlow(server, shopFlow());
  });
  afterAll(() => server?.stop());

  it('in stock: answers with quantity and price', async () => {
    const reply = await ask('Haben Sie den Bosch Akkuschrauber noch?');
    expect(reply.status).toBe('ended');
    expect(reply.bot).toEqual(['Akkuschrauber Bosch GSR 18V ist auf Lager (12 Stück verfügbar). Preis: 129,00\u00a0CHF.', 'Sie können es gleich bestellen.']);
    expect(await notifications()).toEqual([]);
  });

  it('low stock: tells sales once, even after two conversations', async () => {
    const first = await ask('makita df333');
    expect(first.bot).toEqual(['Akkuschrauber Makita DF333 ist noch verfügbar, aber nur noch 3 Stück. Preis: 99,90\u00a0CHF.', 'Bestellen Sie am besten bald, Akkuschrauber Makita DF333 ist fast weg.']);
    const second = await ask('MA-DF 333');
    expect(second.bot[0]).toMatch(/nur noch 3 Stück/);
    const notes = await notifications();
    expect(notes).toEqual([expect.objectContaining({
      topic: 'sales',
      subject: 'Knapper Bestand: Akkuschrauber Makita DF333 (MA-DF333)',
      text: 'Ein Kunde hat nach Akkuschrauber Makita DF333 (Artikelnummer MA-DF333) gefragt. Verfügbar: 3 (knapp ab 5).',
      data: expect.objectContaining({ kind: 'low', sku: 'MA-DF333', available: 3, threshold: 5, flowId: 'laden', isTest: false }),
      readAt: null,
    })]);
    const english = (await server.request('GET', '/v1/notifications?unread=true', { token: admin })).body.items;
    expect(english.map((note: { subject: string }) => note.subject)).toEqual(['Low stock: Akkuschrauber Makita DF333 (MA-DF333)']);

    const read = await server.request('POST', `/v1/notifications/${notes[0].id}/read`, { token: admin });
    expect(read.status).toBe(200);
    expect(read.body.notification.readAt).toEqual(expect.any(String));
    expect((await server.request('GET', '/v1/notifications?unread=true', { token: admin })).body.items).toEqual([]);
    expect((await server.request('POST', '/v1/notifications/999999/read', { token: admin })).status).toBe(404);
    expect((await server.request('GET', '/v1/notifications?unread=maybe', { token: admin })).status).toBe(400);

    const events = await server.runtime.database.client.execute(`SELECT type, data FROM domain_events WHERE flow_id = 'laden' AND type = 'stock.low' ORDER BY id`);
    expect(events.rows.map((row) => JSON.parse(String(row.data)).notified)).toEqual([true, false]);
  });

  it('out of stock', async () => {
    const reply = await ask('Schraubendreher Set');
    expect(reply.bot).toEqual(['Schraubendreher-Set 6-teilig ist leider gerade ausverkauft.', 'Wir informieren Sie gern, sobald es wieder da ist.']);
    expect((await notifications()).map((note: { subject: string }) => note.subject)).toContain('Ausverkauft: Schraubendreher-Set 6-teilig (SD-SET6)');
  });

  it('not found', async () => {
    const reply = await ask('Rasenmäher');
    expect(reply.bot).toEqual(['Dazu habe ich leider kein passendes Produkt gefunden.', 'Fragen Sie gern unser Team.']);
  });

  it('asks "Meinten Sie …?" when several products fit, and "Keines davon" leads to not_found', async () => {
    const asked = await ask('Akkuschrauber');
    expect(asked.status).toBe('awaiting_input');
    expect(asked.bot).toEqual(['Meinten Sie eines dieser Produkte?']);
    expect(asked.input.type).toBe('choice');
    expect(asked.input.choices.map((choice: { label: string }) => choice.label).sort()).toEqual(['Akkuschrauber Bosch GSR 18V', 'Akkuschrauber Makita DF333', 'Keines davon']);
    const bosch = asked.input.choices.find((choice: { label: string }) => choice.label.includes('Bosch'));
    const picked = await ask({ choice: bosch.id }, 'm2', asked.conversation);
    expect(picked.bot[0]).toMatch(/^Akkuschrauber Bosch GSR 18V ist auf Lager/);

    const again = await ask('Akkuschrauber', 'm1');
    const none = await ask('keines davon', 'm2', again.conversation);
    expect(none.bot).toEqual(['Dazu habe ich leider kein passendes Produkt gefunden.', 'Fragen Sie gern unser Team.']);
  });

  it('sees a CSV import at once and stores what was checked', async () => {
    const update = await fetch(`${server.url}/v1/inventory/import`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: 'sku;Bestand\nSD-SET6;30\n' });
    expect(update.status).toBe(200);
    expect((await ask('Schraubendreher Set')).bot[0]).toBe('Schraubendreher-Set 6-teilig ist auf Lager (30 Stück verfügbar). Preis: 24,50\u00a0CHF.');
    const checked = await server.runtime.database.client.execute(`SELECT data FROM domain_events WHERE type = 'stock.checked' ORDER BY id`);
    const results = checked.rows.map((row) => JSON.parse(String(row.data)).result);
    expect(results).toEqual(['in_stock', 'low_stock', 'low_stock', 'out_of_stock', 'not_found', 'ambiguous', 'in_stock', 'ambiguous', 'not_found', 'in_stock']);
  });

  it('takes a full name with its size at once, and offers nothing for what the shop does not sell', async () => {
    const kilo = await ask('Holzleim 1 kg');
    expect(kilo.bot).toEqual(['Holzleim 1 kg ist auf Lager (25 Stück verfügbar). Preis: 11,90\u00a0CHF.', 'Sie können es gleich bestellen.']);
    expect((await ask('Haben Sie Holzleim 500g?')).bot[0]).toBe('Holzleim 500 g ist auf Lager (40 Stück verfügbar). Preis: 6,80\u00a0CHF.');
    const yoga = await ask('Yogamatte lila');
    expect(yoga.status).toBe('ended');
    expect(yoga.bot).toEqual(['Dazu habe ich leider kein passendes Produkt gefunden.', 'Fragen Sie gern unser Team.']);
  });
});
