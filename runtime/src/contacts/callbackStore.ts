import type { Client, Row } from '@libsql/client';
import type { Json } from '@dialogwerk/nodes';

export const CALLBACK_EVENT = 'escalation.callback_requested';
const WORKSPACE = 'default';

export interface CallbackRequest {
  id: number;
  conversationId: string;
  flowId: string;
  nodeId: string | null;
  isTest: boolean;
  reason: string;
  /** When the office opens again (ISO), as promised to the customer; null when it never opens. */
  nextOpening: string | null;
  status: 'open' | 'done';
  createdAt: string;
  doneAt: string | null;
  note: string | null;
  /** The contact captured in the same conversation, if any (capture_lead before or after the escalation). */
  contact: { id: string; name: string | null; email: string | null; phone: string | null } | null;
}

export interface CallbackFilter {
  status?: 'open' | 'done';
  flowId?: string;
  isTest?: boolean;
  limit: number;
  offset: number;
}

const SELECT = `
  SELECT e.id, e.conversation_id, e.flow_id, e.node_id, e.is_test, e.data, e.created_at, r.done_at, r.note,
         (SELECT c.id FROM leads l JOIN contacts c ON c.id = l.contact_id WHERE l.conversation_id = e.conversation_id ORDER BY l.updated_at DESC LIMIT 1) AS contact_id
  FROM domain_events e LEFT JOIN callback_resolutions r ON r.event_id = e.id`;

/** Callback requests are `escalation.callback_requested` domain events; staff mark them done here. */
export class CallbackStore {
  constructor(
    private readonly client: Client,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(filter: CallbackFilter): Promise<{ items: CallbackRequest[]; total: number }> {
    const where = ['e.type = ?', 'e.workspace_id = ?'];
    const args: (string | number)[] = [CALLBACK_EVENT, WORKSPACE];
    if (filter.status === 'open') where.push('r.event_id IS NULL');
    if (filter.status === 'done') where.push('r.event_id IS NOT NULL');
    if (filter.flowId) (where.push('e.flow_id = ?'), args.push(filter.flowId));
    if (filter.isTest !== undefined) (where.push('e.is_test = ?'), args.push(filter.isTest ? 1 : 0));
    const condition = where.join(' AND ');
    const [page, count] = await this.client.batch(
      [
        { sql: `${SELECT} WHERE ${condition} ORDER BY e.created_at, e.id LIMIT ? OFFSET ?`, args: [...args, filter.limit, filter.offset] },
        { sql: `SELECT COUNT(*) AS total FROM domain_events e LEFT JOIN callback_resolutions r ON r.event_id = e.id WHERE ${condition}`, args },
      ],
      'read',
    );
    return { items: await this.#withContacts(page!.rows), total: Number(count!.rows[0]!.total) };
  }

  async get(id: number): Promise<CallbackRequest | undefined> {
    const result = await this.client.execute({ sql: `${SELECT} WHERE e.id = ? AND e.type = ? AND e.workspace_id = ?`, args: [id, CALLBACK_EVENT, WORKSPACE] });
    return (await this.#withContacts(result.rows))[0];
  }

  /** Marks a request done; marking it again keeps the first time and note. Undefined when there is no such request. */
  async markDone(id: number, note?: string): Promise<CallbackRequest | undefined> {
    if (!(await this.get(id))) return undefined;
    await this.client.execute({
      sql: 'INSERT INTO callback_resolutions (event_id, workspace_id, done_at, note) VALUES (?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING',
      args: [id, WORKSPACE, this.now().toISOString(), note ?? null],
    });
    return this.get(id);
  }

  async #withContacts(rows: Row[]): Promise<CallbackRequest[]> {
    const ids = [...new Set(rows.map((row) => row.contact_id).filter((id) => id !== null).map(String))];
    const contacts = new Map<string, CallbackRequest['contact']>();
    if (ids.length > 0) {
      const found = await this.client.execute({ sql: `SELECT id, name, email, phone FROM contacts WHERE id IN (${ids.map(() => '?').join(', ')})`, args: ids });
      for (const c of found.rows) {
        contacts.set(String(c.id), {
          id: String(c.id), name: c.name === null ? null : String(c.name), email: c.email === null ? null : String(c.email), phone: c.phone === null ? null : String(c.phone),
        });
      }
    }
    return rows.map((row) => {
      const data = JSON.parse(String(row.data)) as Record<string, Json>;
      return {
        id: Number(row.id),
        conversationId: String(row.conversation_id),
        flowId: String(row.flow_id),
        nodeId: row.node_id === null ? null : String(row.node_id),
        isTest: Boolean(row.is_test),
        reason: typeof data.reason === 'string' ? data.reason : '',
        nextOpening: typeof data.nextOpening === 'string' ? data.nextOpening : null,
        status: row.done_at === null ? 'open' : 'done',
        createdAt: String(row.created_at),
        doneAt: row.done_at === null ? null : String(row.done_at),
        note: row.note === null ? null : String(row.note),
        contact: row.contact_id === null ? null : (contacts.get(String(row.contact_id)) ?? null),
      };
    });
  }
}
