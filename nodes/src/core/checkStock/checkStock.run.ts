import { withRun, type Json, type NodeContext, type NodeResult } from '../../sdk/defineNode.js';
import type { InventoryService, Product } from '../../sdk/services/inventory.js';
import { checkStockNode, type CheckStockConfig, type StockResult } from './checkStock.node.js';
import { checkStockText, fillPlaceholders } from './checkStockTexts.js';
import { candidateChoices, chosenCandidate, NONE_CHOICE, type Offered } from './chooseCandidate.js';
import { findProduct } from './findProduct.js';
import { notifySales } from './notifySales.js';

type Ctx = NodeContext<CheckStockConfig>;
type WaitState = { phase: 'ask' } | { phase: 'choose'; offered: Offered[]; attempts: number };

function formatPrice(price: number, locale: string, currency: string | undefined): string {
  const options: Intl.NumberFormatOptions = currency
    ? { style: 'currency', currency }
    : { minimumFractionDigits: Number.isInteger(price) ? 0 : 2, maximumFractionDigits: 2 };
  try {
    return new Intl.NumberFormat(locale, options).format(price);
  } catch {
    return new Intl.NumberFormat('de', options).format(price);
  }
}

function resultOf(product: Product, threshold: number): StockResult {
  if (product.available <= 0) return 'out_of_stock';
  return product.available <= threshold ? 'low_stock' : 'in_stock';
}

/** The flow's own text for the result (empty: say nothing), else the default with the price when there is one. */
function answerText(ctx: Ctx, result: StockResult, product?: Product): string {
  const own = ctx.config.texts?.[result];
  const price = product?.price === undefined ? '' : formatPrice(product.price, ctx.locale, ctx.config.currency);
  const values: Record<string, string | number> = product ? { name: product.name, sku: product.sku, available: product.available, price } : {};
  if (own !== undefined) return fillPlaceholders(ctx.text(own), values);
  const text = fillPlaceholders(checkStockText(result, ctx.locale), values);
  return price && result !== 'out_of_stock' ? fillPlaceholders(checkStockText('withPrice', ctx.locale), { text, price }) : text;
}

/** `stock.checked` for every lookup; the customer's words only when the node is not sensitive. */
function recordCheck(ctx: Ctx, result: StockResult | 'error' | 'ambiguous', query: string | undefined, product?: Product): void {
  const data: Record<string, Json> = { result };
  if (product) data.sku = product.sku;
  if (query !== undefined && !ctx.node.sensitive) data.query = query;
  ctx.record('stock.checked', data);
}

async function report(ctx: Ctx, product: Product, query: string | undefined): Promise<NodeResult> {
  const { config } = ctx;
  const threshold = product.lowStockThreshold ?? config.lowStockThreshold;
  const result = resultOf(product, threshold);
  const save = config.save ?? {};
  if (save.name) ctx.vars.set(save.name, product.name);
  if (save.sku) ctx.vars.set(save.sku, product.sku);
  if (save.available) ctx.vars.set(save.available, product.available);
  if (save.price && product.price !== undefined) ctx.vars.set(save.price, product.price);
  recordCheck(ctx, result, query, product);
  if (result !== 'in_stock') {
    const notified = config.notifySales ? await notifySales(ctx as NodeContext<unknown>, product, threshold) : false;
    const low: Record<string, Json> = { sku: product.sku, available: product.available, threshold, notified };
    if (!ctx.node.sensitive) low.name = product.name;
    ctx.record('stock.low', low);
  }
  const text = answerText(ctx, result, product);
  if (text) ctx.say(text);
  return ctx.next(result);
}

function notFound(ctx: Ctx, query: string | undefined): NodeResult {
  recordCheck(ctx, 'not_found', query);
  const text = answerText(ctx, 'not_found');
  if (text) ctx.say(text);
  return ctx.next('not_found');
}

function offer(ctx: Ctx, offered: Offered[], attempts: number, retry = false): NodeResult {
  const spec = candidateChoices(offered, ctx.locale);
  const question = retry
    ? checkStockText('pickOne', ctx.locale)
    : offered.length === 1
      ? fillPlaceholders(checkStockText('didYouMeanOne', ctx.locale), { name: offered[0]!.name })
      : checkStockText('didYouMean', ctx.locale);
  ctx.say({ text: question, choices: spec.choices });
  return ctx.wait(spec, { phase: 'choose', offered: offered.map(({ sku, name }) => ({ sku, name })), attempts } satisfies WaitState);
}

/** `fromMessage`: the query is the customer's earlier message ("Ist der Artikel auf Lager?"), not an answer to our question. */
async function lookUp(ctx: Ctx, inventory: InventoryService, query: string, fromMessage = false): Promise<NodeResult> {
  const match = await findProduct(inventory, query);
  if (match.kind === 'found') return report(ctx, match.product, query);
  // A message that named no product gets the question, not "not found": the customer has not told us which yet.
  if (match.kind === 'none' && fromMessage) return askForProduct(ctx);
  if (match.kind === 'none') return notFound(ctx, query);
  recordCheck(ctx, 'ambiguous', query);
  return offer(ctx, match.candidates.map(({ sku, name }) => ({ sku, name })), 0);
}

async function choose(ctx: Ctx, inventory: InventoryService, state: Extract<WaitState, { phase: 'choose' }>): Promise<NodeResult> {
  const picked = chosenCandidate(state.offered, ctx.input!, ctx.locale);
  if (picked === NONE_CHOICE) return notFound(ctx, undefined);
  if (!picked) return state.attempts >= 1 ? notFound(ctx, undefined) : offer(ctx, state.offered, state.attempts + 1, true);
  // Fresh numbers: stock may have changed while the customer was choosing.
  const product = await inventory.findBySku(picked.sku);
  return product ? report(ctx, product, undefined) : notFound(ctx, undefined);
}

/** The product to look up right now: the configured one, else the customer's unanswered message; undefined: ask. */
function queryNow(ctx: Ctx): string | undefined {
  const configured = ctx.config.product === undefined ? '' : ctx.text(ctx.config.product).trim();
  if (configured) return configured;
  const pending = (ctx.pendingInput?.text ?? ctx.pendingInput?.choice ?? '').trim();
  if (!pending) return undefined;
  ctx.consumePendingInput();
  return pending;
}

function askForProduct(ctx: Ctx): NodeResult {
  ctx.say(ctx.config.text === undefined ? checkStockText('question', ctx.locale) : ctx.text(ctx.config.text));
  return ctx.wait({ type: 'text' }, { phase: 'ask' } satisfies WaitState);
}

export const checkStock = withRun(checkStockNode, async (ctx) => {
  const state = ctx.input ? (ctx.state as WaitState | undefined) : undefined;
  let query: string | undefined;
  if (state?.phase === 'ask') {
    query = (ctx.input!.text ?? ctx.input!.choice ?? '').trim();
    if (!query) return notFound(ctx, undefined);
  } else if (state?.phase !== 'choose') {
    query = queryNow(ctx);
    if (query === undefined) return askForProduct(ctx);
  }
  const inventory = ctx.services.inventory;
  if (!inventory) {
    ctx.log.error('check_stock: no inventory service');
    recordCheck(ctx, 'error', query);
    return ctx.next('error');
  }
  try {
    if (state?.phase === 'choose') return await choose(ctx, inventory, state);
    const fromMessage = state === undefined && (ctx.config.product === undefined || ctx.text(ctx.config.product).trim() === '');
    return await lookUp(ctx, inventory, query!, fromMessage);
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    ctx.log.warn('check_stock: inventory lookup failed', { error: String(error) });
    recordCheck(ctx, 'error', query);
    return ctx.next('error');
  }
});
