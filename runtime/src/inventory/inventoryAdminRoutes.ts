import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { pickProductLocale, skuKey, type InventoryService } from '@dialogwerk/nodes';
import { ApiError } from '../apiError.js';
import type { AppEnv } from '../api/appEnv.js';
import { KiB, MiB, readJsonBody } from '../api/readJsonBody.js';
import { importModes, importProductCsv, type ImportMode } from './importProductCsv.js';
import { MAX_NAME_LENGTH, MAX_SKU_LENGTH } from './parseProductCsv.js';
import { productCsv } from './productCsvExport.js';
import type { ProductStore } from './productStore.js';
import { readRawBody } from './readRawBody.js';

export const MAX_CSV_BODY = 20 * MiB;
export const MAX_PRODUCT_BODY = 16 * KiB;

const twoDecimals = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;

export const productBody = z.object({
  sku: z.string().trim().min(1).max(MAX_SKU_LENGTH).optional(),
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  available: z.number().int().min(-1_000_000_000).max(1_000_000_000),
  price: z.number().min(0).max(100_000_000_000).refine(twoDecimals, 'at most two decimal places').nullable().optional(),
  lowStockThreshold: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
});

const invalidQuery = (de: string, en: string, details?: unknown) => new ApiError(400, 'INVALID_QUERY', { de, en }, details);

function intQuery(c: Context, name: string, fallback: number, min: number, max: number): number {
  const raw = c.req.query(name);
  const value = Number(raw ?? fallback);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidQuery(`${name} muss eine ganze Zahl von ${min} bis ${max} sein.`, `${name} must be an integer from ${min} to ${max}.`, { [name]: raw });
  }
  return value;
}

const productNotFound = (sku: string) =>
  new ApiError(404, 'PRODUCT_NOT_FOUND', { de: `Kein Produkt mit der Artikelnummer ${sku}.`, en: `No product with the SKU ${sku}.` });

function validSku(raw: string): string {
  const sku = raw.trim();
  if (!skuKey(sku) || sku.length > MAX_SKU_LENGTH) throw productNotFound(raw);
  return sku;
}

/** Staff routes of the built-in inventory: products, CSV import and export, and the lookup check_stock makes. */
export function inventoryAdminRoutes(store: ProductStore, inventory: InventoryService) {
  const app = new Hono<AppEnv>();

  app.get('/inventory/products', async (c) => {
    const limit = intQuery(c, 'limit', 50, 1, 500);
    const offset = intQuery(c, 'offset', 0, 0, 1_000_000_000);
    const page = await store.list({ query: c.req.query('q'), limit, offset });
    return c.json({ ...page, limit, offset });
  });

  app.get('/inventory/products/:sku', async (c) => {
    const product = await store.get(validSku(c.req.param('sku')));
    if (!product) throw productNotFound(c.req.param('sku'));
    return c.json({ product });
  });

  app.put('/inventory/products/:sku', async (c) => {
    const sku = validSku(c.req.param('sku'));
    const body = await readJsonBody(c, productBody, { limit: MAX_PRODUCT_BODY });
    if (body.sku !== undefined && skuKey(body.sku) !== skuKey(sku)) {
      throw new ApiError(422, 'SKU_MISMATCH', {
        de: 'Die Artikelnummer im Inhalt ist eine andere als in der URL.',
        en: 'The SKU in the body differs from the one in the URL.',
      }, { path: sku, body: body.sku });
    }
    const { product, created } = await store.put(sku, { ...body, price: body.price ?? null, lowStockThreshold: body.lowStockThreshold ?? null });
    return c.json({ product, created });
  });

  app.delete('/inventory/products/:sku', async (c) => {
    if (!(await store.delete(validSku(c.req.param('sku'))))) throw productNotFound(c.req.param('sku'));
    return c.json({ deleted: true });
  });

  app.get('/inventory/search', async (c) => {
    const query = c.req.query('q')?.trim();
    if (!query) throw invalidQuery('q fehlt.', 'q is missing.');
    const limit = intQuery(c, 'limit', 5, 1, 50);
    const exact = await inventory.findBySku(query);
    const candidates = exact ? [{ product: exact, score: 1 }] : await inventory.search(query, { limit });
    return c.json({ items: candidates.map(({ product, score }) => ({ ...product, score })) });
  });

  app.post('/inventory/import', async (c) => {
    const mode = (c.req.query('mode') ?? 'merge') as ImportMode;
    if (!importModes.includes(mode)) throw invalidQuery('mode ist merge oder replace.', 'mode is merge or replace.', { mode });
    const bytes = await readRawBody(c, MAX_CSV_BODY);
    const result = await importProductCsv(store, bytes, mode);
    if (!result.ok) {
      const language = pickProductLocale(c.req.header('accept-language'));
      throw new ApiError(422, 'CSV_INVALID', {
        de: `Die CSV-Datei wurde nicht importiert: ${result.problems.length} Problem(e). Es wurde nichts geändert.`,
        en: `The CSV file was not imported: ${result.problems.length} problem(s). Nothing was changed.`,
      }, result.problems.map((problem) => ({ ...problem, message: problem.messages[language] })));
    }
    return c.json(result.summary);
  });

  app.get('/inventory/export', async (c) => {
    const language = c.req.query('lang') === 'en' || c.req.query('lang') === 'de'
      ? (c.req.query('lang') as 'de' | 'en')
      : pickProductLocale(c.req.header('accept-language'));
    const csv = productCsv(await store.all(), language);
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${language === 'de' ? 'lagerbestand' : 'inventory'}.csv"`,
    });
  });

  return app;
}
