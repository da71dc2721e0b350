import type { FlowModel } from './flowModel.js';
import type { FlowProblem } from './flowProblem.js';
import { joinPath, makeProblem, nodeParams } from './makeProblem.js';
import type { ResolvedNode } from './resolveNodes.js';
import { textFieldsOf } from './textFields.js';

const filled = (text: unknown) => typeof text === 'string' && text.trim() !== '';

/** The flow locales a per-locale text has nothing for (an exact tag or its language counts). */
function missingLocales(text: Record<string, unknown>, locales: string[]): string[] {
  return locales.filter((locale) => !filled(text[locale]) && !filled(text[locale.split('-')[0]!]));
}

/**
 * Texts the customer would see empty: a required text with nothing in it is an error (a question without a question);
 * a per-locale text that leaves out one of the flow's languages is a warning (those customers get another language).
 * Only what the flow itself says is checked, not the defaults a node fills in.
 */
export function checkTexts(model: FlowModel, nodes: ResolvedNode[]): FlowProblem[] {
  const locales = model.locales ?? [];
  const problems: FlowProblem[] = [];
  for (const resolved of nodes) {
    const { definition, index, node } = resolved;
    if (!definition || resolved.config === undefined) continue;
    for (const field of textFieldsOf(definition, resolved.migratedConfig)) {
      const at = { path: ['nodes', index, 'config', ...field.path], nodeId: node.id };
      const params = { ...nodeParams(node), field: field.title ?? joinPath(field.path) };
      const record = typeof field.value === 'object' && field.value !== null ? (field.value as Record<string, unknown>) : undefined;
      const empty = record ? !Object.values(record).some(filled) : !filled(field.value);
      if (empty) {
        if (field.required) problems.push(makeProblem('FLOW_TEXT_EMPTY', at, params));
        continue;
      }
      const missing = record && locales.length > 1 ? missingLocales(record, locales) : [];
      if (missing.length > 0) problems.push(makeProblem('FLOW_TEXT_TRANSLATION_MISSING', at, { ...params, locales: missing.join(', ') }));
    }
  }
  return problems;
}
