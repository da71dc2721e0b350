import type { Client, InStatement, Row } from '@libsql/client';
import { skuKey, type Product } from '@dialogwerk/nodes';

const WORKSPACE = 'default';
const REVISION_KEY = 'inventory.revision';
/** Rows per multi-row INSERT: well under SQLite's bound-parameter limit (9 per row). */
const INSERT_CHUNK = 400;

/** A product as the admin API shows it: optional values are null, not absent, so clients see what they can set. */
export interface StoredProduct {
  sku: string;
  name: string;
  available: number;
  price: number | null;
  lowStockThreshold: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProductInput {
  sku?: string;
  name?: string;
  available: number;
  price?: number | null;
  lowStockThreshold?: number | null;
}

const fromRow = (row: Row): StoredProduct => ({
  sku: String(row.sku),
  name: String(row.name),
  available: Number(row.available),
  price: row.price_cents === null ? null : Number(row.price_cents) / 100,
  lowStockThreshold: row.low_stock_threshold === null ? null : Number(row.low_stock_threshold),
  createdAt: String(row.created_at),
  updatedAt: String(row.updated_at),
});

export const toProduct = (stored: StoredProduct): Product => ({
  sku: stored.sku,
  name: stored.name,
  available: stored.available,
  ...(stored.price === null ? {} : { price: stored.price }),
  ...(stored.lowStockThreshold === null ? {} : { lowStockThreshold: stored.lowStockThreshold }),
});

const cents = (price: number | null | undefined) => (price === null || price === undefined ? null : Math.round(price * 100));
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * The `products` table. Every write bumps a revision in `settings` in the same transaction, so each process (the
 * server, a `dialogwerk inventory import` next to it) can tell with one cheap read whether its search index is stale.
 */
export class ProductStore {
  constructor(
    readonly client: Client,
    private readonly now: () => Date = () => new Date(),
  ) {}

  bumpRevision(): InStatement {
    return {
      sql: `INSERT INTO settings (workspace_id, key, value, updated_at) VALUES (?, ?, '1', ?)
            ON CONFLICT (workspace_id, key) DO UPDATE SET value = CAST(value AS INTEGER) + 1, updated_at = excluded.updated_at`,
      args: [WORKSPACE, REVISION_KEY, this.now().toISOString()],
    };
  }

  async revision(): Promise<string> {
    const result = await this.client.execute({ sql: 'SELECT value FROM settings WHERE workspace_id = ? AND key = ?', args: [WORKSPACE, REVISION_KEY] });
    return String(result.rows[0]?.value ?? '0');
  }

  async all(): Promise<StoredProduct[]> {
    const result = await this.client.execute({ sql: 'SELECT * FROM products WHERE workspace_id = ? ORDER BY sku_key', args: [WORKSPACE] });
    return result.rows.map(fromRow);
  }

  /** A page ordered by name; `query` matches SKU or name parts (case-insensitive). */
  async list(options: { query?: string; limit: number; offset: number }): Promise<{ items: StoredProduct[]; total: number }> {
    const where = ['workspace_id = ?'];
    const args: (string | number)[] = [WORKSPACE];
    if (options.query?.trim()) {
      const like = `%${escapeLike(options.query.trim().toLowerCase())}%`;
      where.push(`(lower(name) LIKE ? ESCAPE '\\' OR lower(sku) LIKE ? ESCAPE '\\' OR sku_key LIKE ? ESCAPE '\\')`);
      args.push(like, like, `%${escapeLike(skuKey(options.query))}%`);
    }
    const condition = where.join(' AND ');
    const [page, count] = await this.client.batch([
      { sql: `SELECT * FROM products WHERE ${condition} ORDER BY name COLLATE NOCASE, sku_key LIMIT ? OFFSET ?`, args: [...args, options.limit, options.offset] },
      { sql: `SELECT COUNT(*) AS total FROM products WHERE ${condition}`, args },
    ], 'read');
    return { items: page!.rows.map(fromRow), total: Number(count!.rows[0]!.total) };
  }

  async get(sku: string): Promise<StoredProduct | undefined> {
    const key = skuKey(sku);
    if (!key) return undefined;
    const result = await this.client.execute({ sql: 'SELECT * FROM products WHERE workspace_id = ? AND sku_key = ?', args: [WORKSPACE, key] });
    return result.rows[0] ? fromRow(result.rows[0]) : undefined;
  }

  /** Creates or replaces one product; the stored SKU spelling is the body's, else the existing one, else the path's. */
  async put(sku: string, input: ProductInput): Promise<{ product: StoredProduct; created: boolean }> {
    const existing = await this.get(sku);
    const at = this.now().toISOString();
    const display = input.sku ?? existing?.sku ?? sku;
    await this.client.batch([this.#upsert([{ ...input, sku: display }], at), this.bumpRevision()], 'write');
    return { product: (await this.get(sku))!, created: !existing };
  }

  async delete(sku: string): Promise<boolean> {
    const key = skuKey(sku);
    if (!key) return false;
    const [deleted] = await this.client.batch([
      { sql: 'DELETE FROM products WHERE workspace_id = ? AND sku_key = ?', args: [WORKSPACE, key] },
      this.bumpRevision(),
    ], 'write');
    return deleted!.rowsAffected > 0;
  }

  /**
   * Insert-or-update statements. Columns the input does not carry (`sets`: a stock-only file has no prices) keep
   * their stored value on update; `null` in a carried column clears it.
   */
  upsertStatements(rows: (ProductInput & { sku: string })[], sets: UpsertColumns): InStatement[] {
    const at = this.now().toISOString();
    const statements: InStatement[] = [];
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) statements.push(this.#upsert(rows.slice(start, start + INSERT_CHUNK), at, sets));
    return statements;
  }

  #upsert(rows: (ProductInput & { sku: string })[], at: string, sets: UpsertColumns = { name: true, price: true, lowStockThreshold: true }): InStatement {
    const args: (string | number | null)[] = [];
    const values = rows.map((row) => {
      args.push(WORKSPACE, skuKey(row.sku), row.sku, row.name ?? '', row.available, cents(row.price), row.lowStockThreshold ?? null, at, at);
      return '(?, ?, ?, ?, ?, ?, ?, ?, ?)';
    });
    const keepOr = (set: boolean, column: string) => (set ? `excluded.${column}` : `products.${column}`);
    return {
      sql: `INSERT INTO products (workspace_id, sku_key, sku, name, available, price_cents, low_stock_threshold, created_at, updated_at)
            VALUES ${values.join(', ')}
            ON CONFLICT (workspace_id, sku_key) DO UPDATE SET
              sku = excluded.sku, available = excluded.available, updated_at = excluded.updated_at,
              name = ${keepOr(sets.name, 'name')}, price_cents = ${keepOr(sets.price, 'price_cents')},
              low_stock_threshold = ${keepOr(sets.lowStockThreshold, 'low_stock_threshold')}`,
      args,
    };
  }
}

/** Which optional columns an upsert writes; the others keep their stored values. */
export interface UpsertColumns {
  name: boolean;
  price: boolean;
  lowStockThreshold: boolean;
}
