import { spreadsheetSafeCell } from '../csv/spreadsheetSafeCell.js';
import type { StoredProduct } from './productStore.js';

const headers = {
  de: ['Artikelnummer', 'Bezeichnung', 'Bestand', 'Preis', 'Mindestbestand'],
  en: ['sku', 'name', 'available', 'price', 'lowStockThreshold'],
};

/**
 * The inventory as a spreadsheet opens it without an import dialog: German with `;` and decimal commas, English with
 * `,` and points, both with a UTF-8 BOM (Excel reads BOM-less CSV as Windows-1252). The import reads both back,
 * including SKUs and names that had to be protected from running as formulas.
 */
export function productCsv(products: StoredProduct[], language: 'de' | 'en'): string {
  const delimiter = language === 'de' ? ';' : ',';
  const price = (value: number | null) => (value === null ? '' : language === 'de' ? value.toFixed(2).replace('.', ',') : value.toFixed(2));
  const lines = products.map((product) =>
    [spreadsheetSafeCell(product.sku), spreadsheetSafeCell(product.name), String(product.available), price(product.price), product.lowStockThreshold === null ? '' : String(product.lowStockThreshold)].join(delimiter),
  );
  return `\ufeff${[headers[language].join(delimiter), ...lines].join('\r\n')}\r\n`;
}
