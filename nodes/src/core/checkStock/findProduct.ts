import type { InventoryService, Product } from '../../sdk/services/inventory.js';

/** A best candidate at least this good, and this far ahead of the next one, is taken without asking. */
export const ACCEPT_SCORE = 0.6;
export const CLEAR_LEAD = 0.15;
/** Weaker candidates are not worth a "Meinten Sie …?". */
export const SUGGEST_SCORE = 0.45;
/** At most this many products are offered to choose from. */
export const MAX_CHOICES = 4;

export type ProductMatch =
  | { kind: 'found'; product: Product; score: number }
  | { kind: 'ambiguous'; candidates: Product[] }
  | { kind: 'none' };

/** Exact SKU first, then the fuzzy name search; several close candidates (or one doubtful) need the customer's word. */
export async function findProduct(inventory: InventoryService, query: string): Promise<ProductMatch> {
  const bySku = await inventory.findBySku(query);
  if (bySku) return { kind: 'found', product: bySku, score: 1 };
  const candidates = await inventory.search(query, { limit: MAX_CHOICES + 2 });
  const [first, second] = candidates;
  if (!first) return { kind: 'none' };
  if (first.score >= ACCEPT_SCORE && (!second || first.score - second.score >= CLEAR_LEAD)) {
    return { kind: 'found', product: first.product, score: first.score };
  }
  const close = candidates
    .filter((candidate) => candidate.score >= Math.max(SUGGEST_SCORE, first.score - CLEAR_LEAD))
    .slice(0, MAX_CHOICES)
    .map((candidate) => candidate.product);
  return close.length ? { kind: 'ambiguous', candidates: close } : { kind: 'none' };
}
