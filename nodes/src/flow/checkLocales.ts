import type { FlowModel } from './flowModel.js';
import type { FlowProblem } from './flowProblem.js';
import { makeProblem } from './makeProblem.js';

/** A language listed twice makes the builder show its text fields twice and `locales[0]` ambiguous to read. */
export function checkLocales(model: FlowModel): FlowProblem[] {
  const seen = new Set<string>();
  const problems: FlowProblem[] = [];
  model.locales?.forEach((locale, index) => {
    if (seen.has(locale)) problems.push(makeProblem('FLOW_LOCALE_DUPLICATE', { path: ['locales', index] }, { locale }));
    seen.add(locale);
  });
  return problems;
}
