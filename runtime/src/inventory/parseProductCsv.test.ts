import { describe, expect, it } from 'vitest';
import { decodeCsv, detectDelimiter } from './decodeCsv.js';
import { parseProductCsv, type ProductCsv } from './parseProductCsv.js';

const rows = (result: ProductCsv) => {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.rows;
};
const problems = (result: ProductCsv) => (result.ok ? [] : result.problems.map(({ line, column, code }) => ({ line, column, code })));

describe('parseProductCsv: files staff really have', () => {
  it('reads a German Excel file: semicolons, BOM, decimal commas, thousands, German headers, extra columns', () => {
    const file = '\ufeffArtikelnummer;Bezeichnung;Bestand;Preis (CHF);Lieferant;Mindestbestand\r\n' +
      'BO-GSR18;Akkuschrauber Bosch GSR 18V;12;129,00;Bosch;\r\n' +
      'HL-500;"Holzleim; wasserfest 500 g";1.250;"1.234,50";Ponal;100\r\n';
    expect(rows(parseProductCsv(Buffer.from(file)))).toEqual([
      { line: 2, sku: 'BO-GSR18', name: 'Akkuschrauber Bosch GSR 18V', available: 12, price: 129, lowStockThreshold: null },
      { line: 3, sku: 'HL-500', name: 'Holzleim; wasserfest 500 g', available: 1250, price: 1234.5, lowStockThreshold: 100 },
    ]);
  });

  it('reads an English file with commas, quoted thousands and English headers', () => {
    const file = 'SKU,Name,Stock,Price\nA-1,"Screwdriver, 6 pcs",3,"1,299.90"\nA-2,Glue,0,\n';
    expect(rows(parseProductCsv(file))).toEqual([
      { line: 2, sku: 'A-1', name: 'Screwdriver, 6 pcs', available: 3, price: 1299.9 },
      { line: 3, sku: 'A-2', name: 'Glue', available: 0, price: null },
    ]);
  });

  it('reads Shopify and WooCommerce exports by their column names', () => {
    const shopify = 'Handle,Title,Variant SKU,Variant Inventory Qty,Variant Price\nbohrer,Bohrer-Set,BS-1,9,19.90\n';
    expect(rows(parseProductCsv(shopify))).toEqual([{ line: 2, sku: 'BS-1', name: 'Bohrer-Set', available: 9, price: 19.9 }]);
    const woo = 'ID,Type,SKU,Name,Stock,Low stock amount,Regular price\n7,simple,WP-10,Wandfarbe,5,2,49\n';
    expect(rows(parseProductCsv(woo))).toEqual([{ line: 2, sku: 'WP-10', name: 'Wandfarbe', available: 5, lowStockThreshold: 2, price: 49 }]);
  });

  it('reads Windows-1252 files (Excel "CSV (Trennzeichen-getrennt)") with umlauts intact', () => {
    const latin1 = Buffer.from('Artikelnummer;Bezeichnung;Bestand\nGS-2;Gartenschlauch Größe 2;7\n', 'latin1');
    expect(rows(parseProductCsv(latin1))[0]!.name).toBe('Gartenschlauch Größe 2');
    expect(decodeCsv(Buffer.from('\ufeffä', 'utf8'))).toBe('ä');
  });

  it('reads tabs, a stock-only file, blank lines and values spanning lines', () => {
    expect(detectDelimiter('a\tb\tc\n1,2;3\t4')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
    expect(rows(parseProductCsv('sku\tavailable\nX\t4\n\n\nY\t5\n'))).toEqual([
      { line: 2, sku: 'X', available: 4 },
      { line: 5, sku: 'Y', available: 5 },
    ]);
    const multiline = rows(parseProductCsv('sku;name;available\nM-1;"Zweizeilige\nBezeichnung";1\nM-2;Ok;"2"\n'));
    expect(multiline.map((row) => row.line)).toEqual([2, 4]);
  });
});

describe('parseProductCsv: problems, all at once, with lines', () => {
  it('lists every bad value with line and column', () => {
    const file = 'Artikelnummer;Bezeichnung;Bestand;Preis\n' +
      'A;Eins;3;12,50\n' +
      ';Ohne Nummer;1;\n' +
      'B;;2;1\n' +
      'C;Drei;viele;1\n' +
      'D;Vier;2;12,345\n' +
      'a;Doppelt;1;1\n' +
      'E;Fünf;;-3\n';
    expect(problems(parseProductCsv(file))).toEqual([
      { line: 3, column: 'Artikelnummer', code: 'CSV_SKU_MISSING' },
      { line: 4, column: 'Bezeichnung', code: 'CSV_NAME_MISSING' },
      { line: 5, column: 'Bestand', code: 'CSV_NUMBER_INVALID' },
      { line: 6, column: 'Preis', code: 'CSV_NUMBER_INVALID' },
      { line: 7, column: 'Artikelnummer', code: 'CSV_SKU_DUPLICATE' },
      { line: 8, column: 'Bestand', code: 'CSV_VALUE_MISSING' },
      { line: 8, column: 'Preis', code: 'CSV_NUMBER_INVALID' },
    ]);
  });

  it('says what is wrong in German and English', () => {
    const result = parseProductCsv('sku;name;available\nA;Eins;drei\nA;Zwei;1\n');
    expect(result.ok ? [] : result.problems.map((problem) => problem.messages)).toEqual([
      { de: '„drei“ ist keine gültige Zahl für den Bestand (z. B. 12).', en: '"drei" is not a valid number for available (e.g. 12).' },
      { de: 'Die Artikelnummer A steht schon in Zeile 2.', en: 'The SKU A is already on line 2.' },
    ]);
  });

  it('names missing and doubled columns, an empty file and broken quoting', () => {
    expect(problems(parseProductCsv('Bezeichnung;Preis\nx;1\n'))).toEqual([
      { line: 1, column: undefined, code: 'CSV_COLUMN_MISSING' },
      { line: 1, column: undefined, code: 'CSV_COLUMN_MISSING' },
    ]);
    expect(problems(parseProductCsv('sku;Bestand;Menge\nA;1;2\n'))).toEqual([{ line: 1, column: 'Menge', code: 'CSV_COLUMN_DUPLICATE' }]);
    expect(problems(parseProductCsv(''))).toEqual([{ line: 1, column: undefined, code: 'CSV_EMPTY' }]);
    expect(problems(parseProductCsv('\ufeff\n\n'))).toEqual([{ line: 1, column: undefined, code: 'CSV_EMPTY' }]);
    expect(problems(parseProductCsv('sku;name;available\nA;"kaputt;1\nB;ok;2\n'))).toEqual([{ line: 2, column: undefined, code: 'CSV_MALFORMED' }]);
  });

  it('summarises a hopeless file instead of listing thousands of lines', () => {
    const file = `sku;available\n${Array.from({ length: 500 }, (_, index) => `S${index};x`).join('\n')}\n`;
    const found = problems(parseProductCsv(file));
    expect(found).toHaveLength(201);
    expect(found[200]).toEqual({ line: 202, column: undefined, code: 'CSV_MORE_PROBLEMS' });
  });
});
