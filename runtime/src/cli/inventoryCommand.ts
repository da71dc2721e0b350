import { readFileSync } from 'node:fs';
import { importProductCsv } from '../inventory/importProductCsv.js';
import { ProductStore } from '../inventory/productStore.js';
import { cliCommand, CliInputError, CliUsageError } from './cliCommand.js';
import { withDatabase } from './withDatabase.js';

const help = `Usage: dialogwerk inventory import <file.csv> [--replace]

Imports products into the built-in inventory of the database in DATA_DIR or DATABASE_URL (the one check_stock
uses). The file is read as staff export it from Excel, LibreOffice or a shop system: "," or ";" separated, UTF-8 or
Windows-1252, German or English headers (Artikelnummer/sku, Bezeichnung/name, Bestand/available, Preis/price,
Mindestbestand/lowStockThreshold), German or English numbers. See docs/INVENTORY.md.

All or nothing: with any problem, every problem is listed with its line and nothing changes (exit code 1).
A running server sees the new products with the next question.

Options:
  --replace   also delete every product the file does not list (default: create and update only)
  -h, --help  show this help`;

export const inventoryCommand = cliCommand({
  summary: 'inventory import <csv> import products into the built-in inventory [--replace]',
  help,
  options: { replace: { type: 'boolean' } },
  positionals: { min: 2, max: 2 },
  run: async ({ values, positionals }) => {
    const [action, file] = positionals as [string, string];
    if (action !== 'import') throw new CliUsageError(`unknown inventory action "${action}"`);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw new CliInputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const mode = values.replace ? 'replace' : 'merge';
    return withDatabase(async ({ client }) => {
      const result = await importProductCsv(new ProductStore(client), bytes, mode);
      if (!result.ok) {
        const lines = result.problems.map((problem) => `  ${file}:${problem.line}${problem.column ? ` (${problem.column})` : ''}  ${problem.messages.en}`);
        process.stderr.write(`Not imported, nothing changed: ${result.problems.length} problem(s)\n${lines.join('\n')}\n`);
        return 1;
      }
      const { total, created, updated, deleted } = result.summary;
      process.stdout.write(`Imported ${total} product${total === 1 ? '' : 's'} (${created} new, ${updated} updated${mode === 'replace' ? `, ${deleted} deleted` : ''}).\n`);
      return 0;
    });
  },
});
