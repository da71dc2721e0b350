import type { Localized } from '@dialogwerk/nodes';

/** One problem in an uploaded CSV file: where (1-based line, column header) and what, in German and English. */
export interface CsvProblem {
  line: number;
  column?: string;
  code: string;
  messages: Localized;
}

export const csvProblem = (line: number, code: string, messages: Localized, column?: string): CsvProblem =>
  column === undefined ? { line, code, messages } : { line, column, code, messages };
