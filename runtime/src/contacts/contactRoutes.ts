import { Hono } from 'hono';
import type { Client } from '@libsql/client';
import { ApiError } from '../apiError.js';
import type { AppEnv } from '../api/appEnv.js';
import type { ContactStore, LeadRow } from './contactStore.js';
import { listFilterOf } from './listQuery.js';
import { readTranscript } from './readTranscript.js';
import { leadsCsv } from './leadCsv.js';

const contactNotFound = () => new ApiError(404, 'CONTACT_NOT_FOUND', { de: 'Diesen Kontakt gibt es nicht.', en: 'This contact does not exist.' });
const leadNotFound = () => new ApiError(404, 'LEAD_NOT_FOUND', { de: 'Diese Anfrage gibt es nicht.', en: 'This lead does not exist.' });

const EXPORT_PAGE = 1000;
const EXPORT_MAX = 100_000;

/**
 * Staff views of the built-in contacts store: lists, one contact or lead with transcripts, erasure, CSV export.
 * `conversationsDeleted` tells the runtime which conversations an erasure removed (cache, uploaded files).
 */
export function contactRoutes(store: ContactStore, client: Client, conversationsDeleted: (conversationIds: string[]) => Promise<void>) {
  const app = new Hono<AppEnv>();
  const withTranscript = async (lead: LeadRow) => ({ ...lead, transcript: await readTranscript(client, lead.conversationId) });

  app.get('/contacts', async (c) => {
    const filter = listFilterOf(c.req.query());
    const { items, total } = await store.listContacts(filter);
    return c.json({ items, total, limit: filter.limit, offset: filter.offset });
  });

  app.get('/contacts/:contactId', async (c) => {
    const contact = await store.contact(c.req.param('contactId'));
    if (!contact) throw contactNotFound();
    const leads = await Promise.all((await store.leadsOf(contact.id)).map(withTranscript));
    return c.json({ ...contact, leads });
  });

  app.delete('/contacts/:contactId', async (c) => {
    const erased = await store.eraseContact(c.req.param('contactId'));
    if (!erased) throw contactNotFound();
    await conversationsDeleted(erased.conversations);
    return c.json({ deleted: true, leads: erased.leads, conversations: erased.conversations });
  });

  app.get('/leads', async (c) => {
    const filter = listFilterOf(c.req.query());
    const { items, total } = await store.listLeads(filter);
    return c.json({ items, total, limit: filter.limit, offset: filter.offset });
  });

  app.get('/leads.csv', async (c) => {
    const query = c.req.query();
    const delimiter = query.delimiter === ';' || query.delimiter === 'semicolon' ? ';' : ',';
    if (query.delimiter !== undefined && !['', ',', ';', 'comma', 'semicolon'].includes(query.delimiter)) {
      throw new ApiError(400, 'INVALID_QUERY', { de: 'delimiter ist comma oder semicolon.', en: 'delimiter is comma or semicolon.' }, { delimiter: query.delimiter });
    }
    const { delimiter: _delimiter, ...filters } = query;
    const filter = listFilterOf({ ...filters, limit: String(EXPORT_PAGE), offset: '0' }, EXPORT_PAGE);
    const leads: LeadRow[] = [];
    for (let offset = 0; offset < EXPORT_MAX; offset += EXPORT_PAGE) {
      const page = await store.listLeads({ ...filter, offset });
      leads.push(...page.items);
      if (page.items.length < EXPORT_PAGE) break;
    }
    return c.body(leadsCsv(leads, delimiter), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="leads.csv"',
    });
  });

  app.get('/leads/:leadId', async (c) => {
    const lead = await store.lead(c.req.param('leadId'));
    if (!lead) throw leadNotFound();
    return c.json({ ...(await withTranscript(lead)), contact: (await store.contact(lead.contactId)) ?? null });
  });

  return app;
}
