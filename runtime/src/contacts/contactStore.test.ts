import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadCapture } from '@dialogwerk/nodes';
import { openDatabase, type Database } from '../db/openDatabase.js';
import { ContactStore, mergeFields } from './contactStore.js';
import { spreadsheetSafeCell } from '../csv/spreadsheetSafeCell.js';
import { leadsCsv } from './leadCsv.js';

const capture = (overrides: Partial<LeadCapture> = {}): LeadCapture => ({
  conversationId: 'c1', flowId: 'handwerk', nodeId: 'lead', isTest: false, fields: { name: 'Ada', email: 'ada@example.ch' }, ...overrides,
});

describe('ContactStore', () => {
  let dir: string;
  let database: Database;
  let store: ContactStore;
  let clock = new Date('2026-01-05T09:00:00Z');
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dw-contacts-'));
    database = await openDatabase({ url: `file:${path.join(dir, 'db.db')}` });
    clock = new Date('2026-01-05T09:00:00Z');
    store = new ContactStore(database.client, () => clock);
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a contact and a lead, and is idempotent per conversation and node', async () => {
    const first = await store.captureLead(capture());
    expect(first.created).toBe(true);
    const again = await store.captureLead(capture({ fields: { name: 'Ada L.', email: 'ada@example.ch' } }));
    expect(again).toEqual({ contactId: first.contactId, leadId: first.leadId, created: false });
    const leads = await store.leadsOf(first.contactId);
    expect(leads).toHaveLength(1);
    expect(leads[0]!.fields.name).toBe('Ada L.');
  });

  it('de-duplicates by email, else by phone, and merges the newest fields', async () => {
    const a = await store.captureLead(capture({ fields: { name: 'Ada', email: 'ada@example.ch', custom: { budget: 1 } } }));
    clock = new Date('2026-01-06T09:00:00Z');
    const b = await store.captureLead(capture({ conversationId: 'c2', fields: { email: 'ada@example.ch', phone: '+41441234567', custom: { size: 'L' } } }));
    const c = await store.captureLead(capture({ conversationId: 'c3', fields: { phone: '+41441234567', company: 'Muster AG' } }));
    expect(b.contactId).toBe(a.contactId);
    expect(c.contactId).toBe(a.contactId);
    const contact = await store.contact(a.contactId);
    expect(contact).toMatchObject({ name: 'Ada', email: 'ada@example.ch', phone: '+41441234567' });
    expect(contact!.fields).toEqual({ name: 'Ada', email: 'ada@example.ch', phone: '+41441234567', company: 'Muster AG', custom: { budget: 1, size: 'L' } });
    expect(await store.leadsOf(a.contactId)).toHaveLength(3);
    const other = await store.captureLead(capture({ conversationId: 'c4', fields: { email: 'bob@example.ch' } }));
    expect(other.contactId).not.toBe(a.contactId);
  });

  it('never merges test contacts with real ones', async () => {
    const real = await store.captureLead(capture());
    const test = await store.captureLead(capture({ conversationId: 'c9', isTest: true }));
    expect(test.contactId).not.toBe(real.contactId);
  });

  it('keeps one contact when the same email is captured concurrently', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.captureLead(capture({ conversationId: `race-${i}`, fields: { email: 'same@example.ch' } }))),
    );
    expect(new Set(results.map((result) => result.contactId)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
  });

  it('lists, searches and filters by flow and period with paging', async () => {
    await store.captureLead(capture({ fields: { name: 'Ada Muster', email: 'ada@example.ch' } }));
    clock = new Date('2026-02-01T09:00:00Z');
    await store.captureLead(capture({ conversationId: 'c2', flowId: 'shop', fields: { name: 'Bob 100%', email: 'bob@example.ch' } }));
    expect((await store.listContacts({ limit: 50, offset: 0 })).total).toBe(2);
    expect((await store.listContacts({ q: 'MUSTER', limit: 50, offset: 0 })).items.map((c) => c.name)).toEqual(['Ada Muster']);
    expect((await store.listContacts({ q: '100%', limit: 50, offset: 0 })).items.map((c) => c.name)).toEqual(['Bob 100%']);
    expect((await store.listContacts({ q: '%', limit: 50, offset: 0 })).total).toBe(1);
    expect((await store.listContacts({ flowId: 'shop', limit: 50, offset: 0 })).items.map((c) => c.name)).toEqual(['Bob 100%']);
    expect((await store.listLeads({ from: '2026-01-01T00:00:00.000Z', to: '2026-01-31T00:00:00.000Z', limit: 50, offset: 0 })).items.map((l) => l.fields.name)).toEqual(['Ada Muster']);
    const page = await store.listLeads({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 2, items: [{ fields: { name: 'Ada Muster' } }] });
  });

  it('erases a contact with its leads and conversations', async () => {
    const { contactId } = await store.captureLead(capture());
    const other = await store.captureLead(capture({ conversationId: 'c2', fields: { email: 'bob@example.ch' } }));
    await database.client.execute({
      sql: `INSERT INTO domain_events (conversation_id, flow_id, type, data, created_at) VALUES ('c1', 'handwerk', 'lead.captured', '{"fields":{"email":"ada@example.ch"}}', '2026-01-05T09:00:00Z')`,
      args: [],
    });
    expect(await store.eraseContact(contactId)).toEqual({ leads: 1, conversations: ['c1'] });
    expect(await store.contact(contactId)).toBeUndefined();
    expect(await store.leadsOf(contactId)).toEqual([]);
    const events = await database.client.execute(`SELECT COUNT(*) AS n FROM domain_events WHERE conversation_id = 'c1'`);
    expect(Number(events.rows[0]!.n)).toBe(0);
    expect(await store.contact(other.contactId)).toBeDefined();
    expect(await store.eraseContact(contactId)).toBeUndefined();
  });
});

describe('mergeFields', () => {
  it('lets newer values win, merges custom fields and accumulates files', () => {
    expect(mergeFields({ name: 'A', files: ['f1'], custom: { a: 1 } }, { name: 'B', files: ['f1', 'f2'], custom: { b: 2 } })).toEqual({
      name: 'B', files: ['f1', 'f2'], custom: { a: 1, b: 2 },
    });
  });
});

describe('leadsCsv', () => {
  it('writes a header with custom columns, quotes and defuses formulas', () => {
    const csv = leadsCsv([
      {
        id: 'l1', contactId: 'k1', conversationId: 'c1', flowId: 'f', nodeId: 'n', isTest: false, createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z',
        fields: { name: 'Müller, Hans', notes: 'sagt "hallo"\nzweite Zeile', phone: '+41441234567', files: ['a', 'b'], custom: { budget: 5 } },
        consent: { text: 'Ok?', answer: 'ja', at: '2026-01-05T09:00:00.000Z', locale: 'de' },
      },
      {
        id: 'l2', contactId: 'k2', conversationId: 'c2', flowId: 'f', nodeId: 'n', isTest: true, createdAt: '2026-01-06T09:00:00.000Z', updatedAt: '2026-01-06T09:00:00.000Z',
        fields: { name: '=HYPERLINK("x")', custom: { size: 'L' } }, consent: null,
      },
    ]);
    expect(csv.startsWith('\uFEFFleadId,createdAt,flowId,conversationId,contactId,test,name,email,phone,company,projectType,desiredDate,notes,files,consentAt,consentAnswer,consentText,custom.budget,custom.size\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('l1,2026-01-05T09:00:00.000Z,f,c1,k1,false,"Müller, Hans",,\'+41441234567,,,,"sagt ""hallo""\nzweite Zeile",a b,2026-01-05T09:00:00.000Z,ja,Ok?,5,');
    expect(lines[2]).toBe('l2,2026-01-06T09:00:00.000Z,f,c2,k2,true,"\'=HYPERLINK(""x"")",,,,,,,,,,,,L');
    expect(spreadsheetSafeCell(undefined)).toBe('');
  });
});
