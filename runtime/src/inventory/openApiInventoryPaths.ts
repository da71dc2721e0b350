import { z } from 'zod';
import { json, responseRef } from '../api/openApiJsonSchema.js';
import { adminUnauthorized, error, ok, tooLarge } from '../api/openApiResponses.js';
import type { JsonSchema, OpenApiParameter, OpenApiPaths } from '../api/openApiTypes.js';
import { MAX_CSV_BODY, productBody } from './inventoryAdminRoutes.js';
import { MAX_CSV_ROWS } from './parseProductCsv.js';

const instant = { type: 'string', format: 'date-time' } as const;
const nullableNumber = (description: string, type = 'number'): JsonSchema => ({ type: [type, 'null'], description });
const product: JsonSchema = {
  type: 'object',
  properties: {
    sku: { type: 'string', description: 'As written by staff; lookups ignore case, spaces, dashes and underscores.' },
    name: { type: 'string' },
    available: { type: 'integer', description: 'Quantity available; 0 or less is out of stock.' },
    price: nullableNumber('In major units (12.5 = 12.50), at most two decimals.'),
    lowStockThreshold: nullableNumber('Overrides the check_stock node\'s threshold for this product.', 'integer'),
    createdAt: instant,
    updatedAt: instant,
  },
  required: ['sku', 'name', 'available', 'price', 'lowStockThreshold', 'createdAt', 'updatedAt'],
  additionalProperties: false,
};
const { $schema: _dialect, ...productRequest } = z.toJSONSchema(productBody, { io: 'input' }) as JsonSchema;
const candidate: JsonSchema = {
  type: 'object',
  properties: {
    sku: { type: 'string' }, name: { type: 'string' }, available: { type: 'integer' }, price: { type: 'number' },
    lowStockThreshold: { type: 'integer' }, score: { type: 'number', minimum: 0, maximum: 1 },
  },
  required: ['sku', 'name', 'available', 'score'],
  additionalProperties: false,
};
const csvProblem: JsonSchema = {
  type: 'object',
  properties: {
    line: { type: 'integer', description: '1-based line in the file (the header is line 1).' },
    column: { type: 'string', description: 'The header of the column concerned, when one is.' },
    code: { type: 'string', examples: ['CSV_NUMBER_INVALID', 'CSV_SKU_DUPLICATE', 'CSV_COLUMN_MISSING'] },
    message: { type: 'string', description: 'In the language of `Accept-Language`.' },
    messages: { type: 'object', properties: { de: { type: 'string' }, en: { type: 'string' } }, required: ['de', 'en'] },
  },
  required: ['line', 'code', 'message', 'messages'],
};
const csvInvalid: JsonSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string', const: 'CSV_INVALID' }, message: { type: 'string' }, details: { type: 'array', items: csvProblem } },
      required: ['code', 'message', 'details'],
    },
  },
  required: ['error'],
};
const sku: OpenApiParameter = {
  name: 'sku',
  in: 'path',
  required: true,
  description: 'The SKU, URL-encoded; case, spaces, dashes and underscores do not matter ("bo-gsr 18" = "BO-GSR18").',
  schema: { type: 'string' },
};
const query = (name: string, description: string, schema: JsonSchema): OpenApiParameter => ({ name, in: 'query', description, schema });
const invalidQuery = (what: string) => error(`\`INVALID_QUERY\`: ${what}.`);
const notFound = error('`PRODUCT_NOT_FOUND`: no product with this SKU.');
const tags = ['inventory'];
const csvLimit = `${MAX_CSV_BODY / 1024 / 1024} MiB`;

/** The built-in inventory: products, fuzzy lookup, CSV import and export (docs/INVENTORY.md). */
export function inventoryPaths(): OpenApiPaths {
  return {
    '/v1/inventory/products': {
      get: {
        operationId: 'listProducts',
        tags,
        summary: 'List or search products',
        description: 'Ordered by name; `q` matches parts of the SKU or name (case-insensitive). Page with `offset`.',
        parameters: [
          query('q', 'Text to find in SKU or name.', { type: 'string' }),
          query('limit', 'Page size.', { type: 'integer', minimum: 1, maximum: 500, default: 50 }),
          query('offset', 'Products to skip.', { type: 'integer', minimum: 0, default: 0 }),
        ],
        responses: {
          '200': ok('A page of products and how many match in all.', {
            type: 'object',
            properties: { items: { type: 'array', items: product }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
            required: ['items', 'total', 'limit', 'offset'],
            additionalProperties: false,
          }),
          '400': invalidQuery('`limit` outside 1-500 or a negative `offset`'),
          ...adminUnauthorized,
        },
      },
    },
    '/v1/inventory/products/{sku}': {
      get: {
        operationId: 'getProduct',
        tags,
        summary: 'Read one product',
        parameters: [sku],
        responses: {
          '200': ok('The product.', { type: 'object', properties: { product }, required: ['product'], additionalProperties: false }),
          ...adminUnauthorized,
          '404': notFound,
        },
      },
      put: {
        operationId: 'putProduct',
        tags,
        summary: 'Create or replace a product',
        description: 'Absent `price` and `lowStockThreshold` are cleared. A `sku` in the body sets how the SKU is written and must be the same SKU as the path.',
        parameters: [sku],
        requestBody: { required: true, content: json(productRequest) },
        responses: {
          '200': ok('The stored product; `created` says whether it is new.', {
            type: 'object', properties: { product, created: { type: 'boolean' } }, required: ['product', 'created'], additionalProperties: false,
          }),
          '400': responseRef('BadRequest'),
          ...adminUnauthorized,
          '404': error('`PRODUCT_NOT_FOUND`: the SKU in the path is empty or too long.'),
          '413': tooLarge('16 KiB'),
          '422': error('`SKU_MISMATCH`: the body\'s `sku` is another SKU than the path\'s.'),
        },
      },
      delete: {
        operationId: 'deleteProduct',
        tags,
        summary: 'Delete a product',
        parameters: [sku],
        responses: {
          '200': ok('Deleted.', { type: 'object', properties: { deleted: { type: 'boolean', const: true } }, required: ['deleted'], additionalProperties: false }),
          ...adminUnauthorized,
          '404': notFound,
        },
      },
    },
    '/v1/inventory/search': {
      get: {
        operationId: 'searchProducts',
        tags,
        summary: 'Look a product up like check_stock does',
        description: 'An exact SKU (score 1), else the fuzzy name search with scores (typos, umlauts, compounds). Lets staff see what the bot will find.',
        parameters: [
          { ...query('q', 'A product name or SKU, as a customer would write it.', { type: 'string' }), required: true },
          query('limit', 'Most candidates.', { type: 'integer', minimum: 1, maximum: 50, default: 5 }),
        ],
        responses: {
          '200': ok('Candidates, best first.', { type: 'object', properties: { items: { type: 'array', items: candidate } }, required: ['items'], additionalProperties: false }),
          '400': invalidQuery('`q` missing or `limit` outside 1-50'),
          ...adminUnauthorized,
        },
      },
    },
    '/v1/inventory/import': {
      post: {
        operationId: 'importProducts',
        tags,
        summary: 'Import products from CSV',
        description:
          'All or nothing. The body is the CSV file as staff export it from Excel, LibreOffice or a shop system: `,`, `;` or ' +
          'tab separated, UTF-8 (with or without BOM) or Windows-1252, German or English headers (e.g. `Artikelnummer`/`sku`, ' +
          '`Bezeichnung`/`name`, `Bestand`/`available`, `Preis`/`price`, `Mindestbestand`/`lowStockThreshold`; other columns ' +
          `are ignored), German or English numbers ("12,50", "1.234,50", "1'234.50"). At most ${MAX_CSV_ROWS.toLocaleString('en-US')} ` +
          'products. `merge` creates and updates the listed products (columns the file lacks keep their values); `replace` ' +
          'also deletes every product the file does not list.',
        parameters: [query('mode', 'merge (default) or replace.', { type: 'string', enum: ['merge', 'replace'], default: 'merge' })],
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
        responses: {
          '200': ok('What the import did.', {
            type: 'object',
            properties: {
              mode: { type: 'string', enum: ['merge', 'replace'] }, total: { type: 'integer' }, created: { type: 'integer' },
              updated: { type: 'integer' }, deleted: { type: 'integer' },
            },
            required: ['mode', 'total', 'created', 'updated', 'deleted'],
            additionalProperties: false,
          }),
          '400': invalidQuery('`mode` is neither `merge` nor `replace`'),
          ...adminUnauthorized,
          '413': tooLarge(csvLimit),
          '422': error('`CSV_INVALID`: nothing was imported; `details` lists every problem with its line.', csvInvalid),
        },
      },
    },
    '/v1/inventory/export': {
      get: {
        operationId: 'exportProducts',
        tags,
        summary: 'Export products as CSV',
        description: 'German (`;`, decimal commas, German headers) or English (`,`, decimal points), with a UTF-8 BOM for Excel; the import reads both.',
        parameters: [query('lang', 'Format; default from `Accept-Language`.', { type: 'string', enum: ['de', 'en'] })],
        responses: { '200': { description: 'The CSV file.', content: { 'text/csv': { schema: { type: 'string' } } } }, ...adminUnauthorized },
      },
    },
  };
}
