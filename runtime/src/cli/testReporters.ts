import type { SpecFailure, SpecTestResult } from './specResult.js';

export interface TestReporter {
  file(file: string): void;
  result(result: SpecTestResult): void;
  /** Prints the totals; the text reporter's last line is exactly `N passed, N failed` for CI log parsers. */
  end(totals: { passed: number; failed: number }): void;
}

const indent = (text: string, prefix: string) => text.split('\n').map((line) => `${prefix}${line}`).join('\n');

function failureLines(failure: SpecFailure): string[] {
  const where = failure.path ? `${failure.location}  ${failure.path}` : failure.location;
  const lines = [`      ${where}`, indent(failure.message, '        ')];
  if (failure.expected !== undefined) lines.push(`        - expected: ${failure.expected}`);
  if (failure.actual !== undefined) lines.push(`        + actual:   ${failure.actual}`);
  return lines;
}

/** Human output, streamed as tests finish so a long suite shows progress. */
export function textReporter(write: (text: string) => void): TestReporter {
  return {
    file: (file) => write(`${file}\n`),
    result: (result) => {
      const lines = [`  ${result.passed ? '✓' : '✗'} ${result.name} (${result.durationMs} ms)`];
      for (const failure of result.failures) lines.push(...failureLines(failure));
      write(`${lines.join('\n')}\n`);
    },
    end: ({ passed, failed }) => write(`\n${passed} passed, ${failed} failed\n`),
  };
}

/** One JSON document at the end: `{ passed, failed, results: [{ file, name, passed, durationMs, failures }] }`. */
export function jsonReporter(write: (text: string) => void): TestReporter {
  const results: SpecTestResult[] = [];
  return {
    file: () => {},
    result: (result) => results.push(result),
    end: (totals) => write(`${JSON.stringify({ ...totals, results }, null, 2)}\n`),
  };
}
