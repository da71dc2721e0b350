import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The built-in inventory check_stock looks products up in. `sku_key` is the SKU in comparison form (upper case, no
 * spaces or dashes: `skuKey` in the nodes package) and the key, so "bo-gsr 18" and "BO-GSR18" are one product. Prices
 * are integer cents so CSV imports and comparisons never meet binary fractions; `low_stock_threshold` overrides the
 * node's threshold for this product.
 */
export const products = sqliteTable(
  'products',
  {
    workspaceId: text('workspace_id').notNull().default('default'),
    skuKey: text('sku_key').notNull(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    available: integer('available').notNull(),
    priceCents: integer('price_cents'),
    lowStockThreshold: integer('low_stock_threshold'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.skuKey] }), index('products_name').on(t.workspaceId, t.name)],
);
