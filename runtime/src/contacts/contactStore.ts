import { randomUUID } from 'node:crypto';
import type { Client, InStatement, Row } from '@libsql/client';
import type { Json, LeadCapture, LeadConsent, LeadFields } from '@dialogwerk/nodes';

const WORKSPACE = 'default';

export interface ContactRow {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  fields: LeadFields;
  isTest: boolean;
  flowId: string | null;
  conversationId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LeadRow {
  id: string;
  contactId: string;
  conversationId: string;
  flowId: string;
  nodeId: string;
  isTest: boolean;
  fields: LeadFields;
  consent: LeadConsent | null;
  createdAt: string;
  updatedAt: string;
}

export interface ListFilter {
  /** Case-insensitive search in name, email, phone and company. */
  q?: string;
  flowId?: string;
  /** ISO instants: created at or after `from`, before `to`. */
  from?: string;
  to?: string;
  isTest?: boolean;
  limit: number;
  offset: number;
}

const parseJson = <T>(value: unknown, fallback: T): T => (value === null || value === undefined ? fallback : (JSON.parse(String(value)) as T));
const textOrNull = (value: unknown) => (value === null || value === undefined ? null : String(value));

const contactOf = (r: Row): ContactRow => ({
  id: String(r.id), name: textOrNull(r.name), email: textOrNull(r.email), phone: textOrNull(r.phone),
  fields: parseJson<LeadFields>(r.data, {}), isTest: Boolean(r.is_test), flowId: textOrNull(r.flow_id),
  conversationId: textOrNull(r.conversation_id), createdAt: String(r.created_at), updatedAt: String(r.updated_at),
});

const leadOf = (r: Row): LeadRow => ({
  id: String(r.id), contactId: String(r.contact_id), conversationId: String(r.conversation_id), flowId: String(r.flow_id),
  nodeId: String(r.node_id), isTest: Boolean(r.is_test), fields: parseJson<LeadFields>(r.fields, {}),
  consent: parseJson<LeadConsent | null>(r.consent, null), createdAt: String(r.created_at), updatedAt: String(r.updated_at),
});

/** Newer non-empty values win; custom fields merge key by key; file lists accumulate. */
export function mergeFields(older: LeadFields, newer: LeadFields): LeadFields {
  const merged: LeadFields = { ...older, ...newer };
  if (older.custom || newer.custom) merged.custom = { ...older.custom, ...newer.custom } as Record<string, Json>;
  if (older.files || newer.files) merged.files = [...new Set([...(older.files ?? []), ...(newer.files ?? [])])];
  return merged;
}

function like(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Contacts and leads in the runtime's database. Captures run one at a time per process (reads and writes of one
 * capture must not interleave with another's, or two conversations with the same email could create two contacts);
 * the unique (conversation, node) index keeps retried turns idempotent even across processes.
 */
export class ContactStore {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: Client,
    private readonly now: () => Date = () => new Date(),
  ) {}

  captureLead(capture: LeadCapture): Promise<{ contactId: string; leadId: string; created: boolean }> {
    const run = this.#queue.then(() => this.#capture(capture));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #capture(capture: LeadCapture): Promise<{ contactId: string; leadId: string; created: boolean }> {
    const at = this.now().toISOString();
    const existingLead = await this.client.execute({
      sql: 'SELECT id, contact_id FROM leads WHERE conversation_id = ? AND node_id = ?',
      args: [capture.conversationId, capture.nodeId],
    });
    const leadId = existingLead.rows[0] ? String(existingLead.rows[0].id) : randomUUID();
    let contact = existingLead.rows[0] ? await this.contact(String(existingLead.rows[0].contact_id)) : undefined;
    contact ??= await this.#findDuplicate(capture.fields, capture.isTest);
    const statements: InStatement[] = [];
    const created = !contact;
    const contactId = contact?.id ?? randomUUID();
    const merged = mergeFields(contact?.fields ?? {}, capture.fields);
    const columns = [JSON.stringify(merged), merged.name ?? null, merged.email ?? null, merged.phone ?? null];
    if (contact) {
      statements.push({ sql: 'UPDATE contacts SET data = ?, name = ?, email = ?, phone = ?, updated_at = ? WHERE id = ?', args: [...columns, at, contactId] });
    } else {
      statements.push({
        sql: `INSERT INTO contacts (id, workspace_id, conversation_id, flow_id, data, name, email, phone, is_test, created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [contactId, WORKSPACE, capture.conversationId, capture.flowId, ...columns, capture.isTest ? 1 : 0, at, at],
      });
    }
    statements.push({
      sql: `INSERT INTO leads (id, workspace_id, contact_id, conversation_id, flow_id, node_id, is_test, fields, consent, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (conversation_id, node_id) DO UPDATE SET fields = excluded.fields, consent = excluded.consent, updated_at = excluded.updated_at`,
      args: [
        leadId, WORKSPACE, contactId, capture.conversationId, capture.flowId, capture.nodeId, capture.isTest ? 1 : 0,
        JSON.stringify(capture.fields), capture.consent ? JSON.stringify(capture.consent) : null, at, at,
      ],
    });
    await this.client.batch(statements, 'write');
    return { contactId, leadId, created };
  }

  async #findDuplicate(fields: LeadFields, isTest: boolean): Promise<ContactRow | undefined> {
    for (const [column, value] of [['email', fields.email], ['phone', fields.phone]] as const) {
      if (!value) continue;
      const found = await this.client.execute({
        sql: `SELECT * FROM contacts WHERE workspace_id = ? AND is_test = ? AND ${column} = ? ORDER BY created_at LIMIT 1`,
        args: [WORKSPACE, isTest ? 1 : 0, value],
      });
      if (found.rows[0]) return contactOf(found.rows[0]);
    }
    return undefined;
  }

  async contact(id: string): Promise<ContactRow | undefined> {
    const result = await this.client.execute({ sql: 'SELECT * FROM contacts WHERE id = ? AND workspace_id = ?', args: [id, WORKSPACE] });
    return result.rows[0] ? contactOf(result.rows[0]) : undefined;
  }

  async lead(id: string): Promise<LeadRow | undefined> {
    const result = await this.client.execute({ sql: 'SELECT * FROM leads WHERE id = ? AND workspace_id = ?', args: [id, WORKSPACE] });
    return result.rows[0] ? leadOf(result.rows[0]) : undefined;
  }

  async leadsOf(contactId: string): Promise<LeadRow[]> {
    const result = await this.client.execute({ sql: 'SELECT * FROM leads WHERE contact_id = ? ORDER BY created_at, id', args: [contactId] });
    return result.rows.map(leadOf);
  }

  /** Contacts with a lead matching the flow and period (or any contact without those filters), newest first. */
  async listContacts(filter: ListFilter): Promise<{ items: ContactRow[]; total: number }> {
    const where = ['c.workspace_id = ?'];
    const args: (string | number)[] = [WORKSPACE];
    if (filter.q) {
      where.push(`(LOWER(COALESCE(c.name, '')) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(c.email, '')) LIKE ? ESCAPE '\\' OR COALESCE(c.phone, '') LIKE ? ESCAPE '\\' OR LOWER(c.data) LIKE ? ESCAPE '\\')`);
      args.push(like(filter.q), like(filter.q), like(filter.q), like(filter.q));
    }
    if (filter.isTest !== undefined) (where.push('c.is_test = ?'), args.push(filter.isTest ? 1 : 0));
    if (filter.flowId || filter.from || filter.to) {
      const leadWhere = ['l.contact_id = c.id'];
      if (filter.flowId) (leadWhere.push('l.flow_id = ?'), args.push(filter.flowId));
      if (filter.from) (leadWhere.push('l.created_at >= ?'), args.push(filter.from));
      if (filter.to) (leadWhere.push('l.created_at < ?'), args.push(filter.to));
      where.push(`EXISTS (SELECT 1 FROM leads l WHERE ${leadWhere.join(' AND ')})`);
    }
    const condition = where.join(' AND ');
    const [page, count] = await this.client.batch(
      [
        { sql: `SELECT c.* FROM contacts c WHERE ${condition} ORDER BY c.updated_at DESC, c.id LIMIT ? OFFSET ?`, args: [...args, filter.limit, filter.offset] },
        { sql: `SELECT COUNT(*) AS total FROM contacts c WHERE ${condition}`, args },
      ],
      'read',
    );
    return { items: page!.rows.map(contactOf), total: Number(count!.rows[0]!.total) };
  }

  /** Leads by flow, period and search (in the lead's own fields), newest first. */
  async listLeads(filter: ListFilter): Promise<{ items: LeadRow[]; total: number }> {
    const where = ['workspace_id = ?'];
    const args: (string | number)[] = [WORKSPACE];
    if (filter.q) (where.push(`LOWER(fields) LIKE ? ESCAPE '\\'`), args.push(like(filter.q)));
    if (filter.isTest !== undefined) (where.push('is_test = ?'), args.push(filter.isTest ? 1 : 0));
    if (filter.flowId) (where.push('flow_id = ?'), args.push(filter.flowId));
    if (filter.from) (where.push('created_at >= ?'), args.push(filter.from));
    if (filter.to) (where.push('created_at < ?'), args.push(filter.to));
    const condition = where.join(' AND ');
    const [page, count] = await this.client.batch(
      [
        { sql: `SELECT * FROM leads WHERE ${condition} ORDER BY created_at DESC, id LIMIT ? OFFSET ?`, args: [...args, filter.limit, filter.offset] },
        { sql: `SELECT COUNT(*) AS total FROM leads WHERE ${condition}`, args },
      ],
      'read',
    );
    return { items: page!.rows.map(leadOf), total: Number(count!.rows[0]!.total) };
  }

  /**
   * GDPR erasure: the contact, its leads, and every conversation a lead of it was captured in (transcript, handoffs,
   * domain events including `lead.captured` with its fields, callback marks). All in one transaction.
   */
  async eraseContact(id: string): Promise<{ leads: number; conversations: string[] } | undefined> {
    const contact = await this.contact(id);
    if (!contact) return undefined;
    const leads = await this.leadsOf(id);
    const conversations = [...new Set([...leads.map((lead) => lead.conversationId), ...(contact.conversationId ? [contact.conversationId] : [])])];
    const marks = conversations.map(() => '?').join(', ');
    const statements: InStatement[] = [];
    if (conversations.length > 0) {
      statements.push(
        { sql: `DELETE FROM callback_resolutions WHERE event_id IN (SELECT id FROM domain_events WHERE conversation_id IN (${marks}))`, args: conversations },
        { sql: `DELETE FROM domain_events WHERE conversation_id IN (${marks})`, args: conversations },
        { sql: `DELETE FROM turns WHERE conversation_id IN (${marks})`, args: conversations },
        { sql: `DELETE FROM handoffs WHERE conversation_id IN (${marks})`, args: conversations },
        { sql: `DELETE FROM conversations WHERE id IN (${marks})`, args: conversations },
        // Other contacts' leads in these conversations lose their transcript, not their data.
      );
    }
    statements.push({ sql: 'DELETE FROM leads WHERE contact_id = ?', args: [id] }, { sql: 'DELETE FROM contacts WHERE id = ?', args: [id] });
    await this.client.batch(statements, 'write');
    return { leads: leads.length, conversations };
  }
}
