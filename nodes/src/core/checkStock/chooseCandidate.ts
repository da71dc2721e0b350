import type { InputSpec, UserInput } from '../../sdk/defineNode.js';
import { foldText } from '../../understanding/normalizeUtterance.js';
import { checkStockText } from './checkStockTexts.js';
import { ProductIndex } from './productIndex.js';

/** What the node keeps while the customer picks: the offered products in order (names to understand typed answers). */
export interface Offered {
  sku: string;
  name: string;
}

export const NONE_CHOICE = 'none';

const noneWords = new Set(['nein', 'keins', 'keines', 'keiner', 'keine', 'nichts', 'none', 'no', 'nope', 'neither', 'nothing']);

/** The "Meinten Sie …?" choices: one per product (the SKU added where names repeat) and "none of these". */
export function candidateChoices(offered: Offered[], locale: string): InputSpec {
  const repeated = (name: string) => offered.filter((item) => item.name === name).length > 1;
  return {
    type: 'choice',
    choices: [
      ...offered.map((item, index) => ({ id: `p${index + 1}`, label: repeated(item.name) ? `${item.name} (${item.sku})` : item.name })),
      { id: NONE_CHOICE, label: checkStockText('noneOfThese', locale) },
    ],
  };
}

/**
 * The customer's pick: a choice id, the number of the option, "none"/"keines davon", or the product's name in their
 * own words (typos allowed). `undefined` when the answer fits none of these.
 */
export function chosenCandidate(offered: Offered[], input: UserInput, locale: string): Offered | typeof NONE_CHOICE | undefined {
  const raw = (input.choice ?? input.text ?? '').trim();
  if (raw === NONE_CHOICE) return NONE_CHOICE;
  const byId = /^p(\d+)$/.exec(raw) ?? /^(\d+)\.?$/.exec(raw);
  if (byId) return offered[Number(byId[1]) - 1];
  const folded = foldText(raw);
  if (!folded) return undefined;
  if (folded === foldText(checkStockText('noneOfThese', locale)) || folded.split(' ').every((word) => noneWords.has(word) || word === 'davon' || word === 'of' || word === 'these')) {
    return NONE_CHOICE;
  }
  const labels = candidateChoices(offered, locale).choices!;
  const exact = labels.findIndex((choice) => foldText(choice.label) === folded);
  if (exact >= 0) return exact < offered.length ? offered[exact] : NONE_CHOICE;
  const index = new ProductIndex(offered.map((item) => ({ sku: item.sku, name: item.name, available: 0 })));
  const [first, second] = index.search(raw);
  if (!first || (second && first.score - second.score < 0.1)) return undefined;
  return offered.find((item) => item.sku === first.product.sku);
}
