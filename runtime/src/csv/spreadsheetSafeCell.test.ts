import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fromSpreadsheetSafeCell, spreadsheetSafeCell } from './spreadsheetSafeCell.js';

describe('spreadsheetSafeCell', () => {
  it('puts an apostrophe in front of everything a spreadsheet would run as a formula', () => {
    expect(spreadsheetSafeCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(spreadsheetSafeCell('+41 44 123 45 67')).toBe("'+41 44 123 45 67");
    expect(spreadsheetSafeCell('-2+3')).toBe("'-2+3");
    expect(spreadsheetSafeCell('@SUM(1)')).toBe("'@SUM(1)");
    expect(spreadsheetSafeCell('\t=1')).toBe(`"'\t=1"`);
    expect(spreadsheetSafeCell('\r=1')).toBe(`"'\r=1"`);
    expect(spreadsheetSafeCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('leaves ordinary text alone and quotes only when a reader needs it', () => {
    expect(spreadsheetSafeCell('Velo 3000')).toBe('Velo 3000');
    expect(spreadsheetSafeCell('a=b')).toBe('a=b');
    expect(spreadsheetSafeCell("it's")).toBe("it's");
    expect(spreadsheetSafeCell('Müller, Hans')).toBe('"Müller, Hans"');
    expect(spreadsheetSafeCell('a;b')).toBe('"a;b"');
    expect(spreadsheetSafeCell('zwei\nZeilen')).toBe('"zwei\nZeilen"');
    expect(spreadsheetSafeCell(' Rand ')).toBe('" Rand "');
    expect(spreadsheetSafeCell(12.5)).toBe('12.5');
    expect(spreadsheetSafeCell({ a: 1 })).toBe('"{""a"":1}"');
    expect(spreadsheetSafeCell(undefined)).toBe('');
    expect(spreadsheetSafeCell(null)).toBe('');
  });

  it('reads back to the original text through a CSV parser and fromSpreadsheetSafeCell', () => {
    const values = ['=1+1', '+41', '-', '@home', '\t=x', "'quoted already", "'=kept once", 'a, b; "c"', ' x ', 'plain'];
    for (const delimiter of [',', ';']) {
      const line = values.map(spreadsheetSafeCell).join(delimiter);
      const [record] = parse(line, { delimiter }) as string[][];
      expect(record!.map(fromSpreadsheetSafeCell)).toEqual(values);
    }
  });

  it('removes only the protective apostrophe', () => {
    expect(fromSpreadsheetSafeCell("'=1")).toBe('=1');
    expect(fromSpreadsheetSafeCell("'Velo")).toBe("'Velo");
    expect(fromSpreadsheetSafeCell('=1')).toBe('=1');
    expect(fromSpreadsheetSafeCell("''=1")).toBe("'=1");
    expect(spreadsheetSafeCell("'=1")).toBe("''=1");
  });
});
