import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { freePort, killAllChildServers, startChildServer } from '../server/childServer.testkit.js';
import { bookingFlow, reachOffer, requester, type Requester } from './bookingFlow.testkit.js';
import { publishFlow } from '../testing/publishFlow.js';

const CUSTOMERS = 20;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await publishFlow(server, bookingFlow('race', 1));
});
afterAll(() => server?.stop());

const goneText = 'Dieser Termin wurde gerade vergeben, und im Moment ist leider kein anderer frei.';

/** Every customer picks `slot` at once; returns what the bot said to each. */
async function pickAtOnce(customers: { server: Pick<Requester, 'request'>; conversationId: string; token: string }[], slot: string) {
  const replies = await Promise.all(
    customers.map(({ server: target, conversationId, token }) =>
      target.request('POST', `/v1/conversations/${conversationId}/messages`, { token, body: { id: 'pick', choice: slot } }),
    ),
  );
  expect(replies.map((reply) => reply.status)).toEqual(Array(customers.length).fill(200));
  return replies.map((reply) => (reply.body.messages as { role: string; text: string }[]).filter((m) => m.role === 'bot').map((m) => m.text));
}

describe('book_slot race', () => {
  it(`${CUSTOMERS} customers pick the one free slot at the same moment: one booking, everyone else told it is gone`, async () => {
    const customers = await Promise.all(Array.from({ length: CUSTOMERS }, (_, i) => reachOffer(server, 'race', `Kunde ${i}`)));
    for (const customer of customers) {
      expect(customer.offer.messages.at(-1)!.choices!.map((choice) => choice.label)).toEqual(['Mo 2.6., 09:00', 'Andere Tage']);
    }
    const slot = customers[0]!.offer.messages.at(-1)!.choices![0]!.id;

    const texts = await pickAtOnce(customers.map((customer) => ({ server, ...customer })), slot);
    const winners = texts.filter((said) => said[0] === 'Ihr Termin ist gebucht: Montag, 2. Juni 2031, um 09:00.');
    const losers = texts.filter((said) => said[0] === goneText);
    expect(winners).toHaveLength(1);
    expect(winners[0]![1]).toBe('Bis bald!');
    expect(losers).toHaveLength(CUSTOMERS - 1);
    for (const said of losers) expect(said[1]).toBe('Leider ist nichts frei.');

    const rows = await server.runtime.database.client.execute('SELECT status, start_utc FROM bookings');
    expect(rows.rows.map((row) => [row.status, row.start_utc])).toEqual([['booked', '2031-06-02T07:00:00.000Z']]);
    const events = await server.runtime.database.client.execute("SELECT COUNT(*) AS n FROM domain_events WHERE type = 'booking.created'");
    expect(Number(events.rows[0]!.n)).toBe(1);
    const listed = await server.request('GET', '/v1/bookings?from=2031-06-01', { token: server.adminToken });
    expect(listed.body.total).toBe(1);
  }, 60_000);
});

describe('book_slot race across runtime processes', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dialogwerk-calendar-race-'));
  const adminToken = 'race-admin-token';
  const servers: Requester[] = [];
  const children: Awaited<ReturnType<typeof startChildServer>>[] = [];
  beforeAll(async () => {
    // One after the other, so only the first applies the migrations.
    for (let i = 0; i < 2; i++) {
      const child = await startChildServer({ port: await freePort(), dataDir, adminToken, readyTimeoutMs: 60_000 });
      children.push(child);
      servers.push(requester(child.url, adminToken));
    }
    await publishFlow(servers[0]!, bookingFlow('race-multi', 1));
  }, 120_000);
  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => child.exited));
    await killAllChildServers();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it(`two servers on one database file, ${CUSTOMERS} customers split between them, one slot: exactly one booking`, async () => {
    const customers = await Promise.all(
      Array.from({ length: CUSTOMERS }, async (_, i) => {
        const target = servers[i % 2]!;
        return { server: target, ...(await reachOffer(target, 'race-multi', `Kunde ${i}`)) };
      }),
    );
    const slot = customers[0]!.offer.messages.at(-1)!.choices![0]!.id;
    const said = await pickAtOnce(customers, slot);
    expect(said.filter((texts) => texts[0]!.startsWith('Ihr Termin ist gebucht'))).toHaveLength(1);
    expect(said.filter((texts) => texts[0] === goneText)).toHaveLength(CUSTOMERS - 1);

    const client = createClient({ url: `file:${path.join(dataDir, 'dialogwerk.db')}` });
    try {
      const rows = await client.execute('SELECT status FROM bookings');
      expect(rows.rows.map((row) => row.status)).toEqual(['booked']);
    } finally {
      client.close();
    }
  }, 120_000);
});
