import { csvProblem, type CsvProblem } from './csvProblem.js';

export const productFields = ['sku', 'name', 'available', 'price', 'lowStockThreshold'] as const;
export type ProductField = (typeof productFields)[number];

/**
 * Header names staff files use, folded (lower case, umlauts as ae/oe/ue, no punctuation or spaces): our own export,
 * German and English spreadsheets, Shopify ("Variant SKU", "Title", "Variant Inventory Qty", "Variant Price") and
 * WooCommerce ("SKU", "Name", "Stock", "Regular price", "Low stock amount") exports.
 */
const aliases: Record<ProductField, string[]> = {
  sku: ['sku', 'variantsku', 'artikelnummer', 'artikelnr', 'artnr', 'artikelno', 'produktnummer', 'produktnr', 'itemnumber', 'itemno', 'productnumber', 'productcode', 'artikelcode', 'bestellnummer'],
  name: ['name', 'title', 'bezeichnung', 'artikelbezeichnung', 'produktbezeichnung', 'artikelname', 'produktname', 'produkt', 'artikel', 'product', 'productname', 'itemname'],
  available: ['available', 'bestand', 'lagerbestand', 'verfuegbar', 'verfuegbarerbestand', 'menge', 'anzahl', 'stock', 'stockquantity', 'quantity', 'qty', 'inventory', 'variantinventoryqty', 'onhand'],
  price: ['price', 'preis', 'verkaufspreis', 'vkpreis', 'vk', 'einzelpreis', 'stueckpreis', 'variantprice', 'regularprice', 'unitprice', 'saleprice'],
  lowStockThreshold: ['lowstockthreshold', 'lowstockamount', 'lowstock', 'mindestbestand', 'meldebestand', 'minbestand', 'threshold', 'reorderpoint', 'reorderlevel'],
};

const byAlias = new Map(Object.entries(aliases).flatMap(([field, names]) => names.map((name) => [name, field as ProductField])));

/** Header comparison form: "Verfügbar", "verfuegbar" and "VERFÜGBAR " are one name. */
function foldHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

/** "Preis (CHF)", "Price EUR", "VK-Preis inkl. MwSt." still mean the price. */
function fieldOf(header: string): ProductField | undefined {
  const folded = foldHeader(header);
  const exact = byAlias.get(folded);
  if (exact) return exact;
  if (/^(preis|price|vkpreis|verkaufspreis)(chf|eur|usd|inkl.*|brutto|netto)?$/.test(folded)) return 'price';
  return undefined;
}

export type ColumnMap = Partial<Record<ProductField, number>>;

/** Maps header cells to fields; columns no field claims are ignored (shop exports carry dozens). */
export function mapColumns(header: string[]): { columns: ColumnMap; problems: CsvProblem[] } {
  const columns: ColumnMap = {};
  const problems: CsvProblem[] = [];
  header.forEach((cell, index) => {
    const field = fieldOf(cell);
    if (!field) return;
    const taken = columns[field];
    if (taken !== undefined) {
      problems.push(csvProblem(1, 'CSV_COLUMN_DUPLICATE', {
        de: `Die Spalten „${header[taken]}“ und „${cell}“ meinen beide ${germanField[field]}; bitte eine davon entfernen.`,
        en: `The columns "${header[taken]}" and "${cell}" both mean ${field}; please remove one of them.`,
      }, cell));
      return;
    }
    columns[field] = index;
  });
  for (const field of ['sku', 'available'] as const) {
    if (columns[field] === undefined) {
      problems.push(csvProblem(1, 'CSV_COLUMN_MISSING', {
        de: `Die Spalte für ${germanField[field]} fehlt (z. B. „${field === 'sku' ? 'Artikelnummer' : 'Bestand'}“).`,
        en: `The column for ${field} is missing (e.g. "${field}").`,
      }));
    }
  }
  return { columns, problems };
}

export const germanField: Record<ProductField, string> = {
  sku: 'die Artikelnummer',
  name: 'die Bezeichnung',
  available: 'den Bestand',
  price: 'den Preis',
  lowStockThreshold: 'den Mindestbestand',
};
