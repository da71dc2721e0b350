import type { NodeContext } from '../../sdk/defineNode.js';
import type { Product } from '../../sdk/services/inventory.js';
import type { Localized } from '../../i18n/localized.js';
import { fillPlaceholders, stockNotificationTexts } from './checkStockTexts.js';
import { skuKey } from './skuKey.js';

/** The business's day (its time zone from the flow settings, else UTC): "one note per product and day" means its day. */
export function businessDay(now: Date, settings: Record<string, unknown>): string {
  const officeHours = settings.officeHours as { timezone?: unknown } | undefined;
  const zone = [settings.timezone, officeHours?.timezone].find((value): value is string => typeof value === 'string') ?? 'UTC';
  const format = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  try {
    return format(zone);
  } catch {
    return format('UTC');
  }
}

function localizedFill(text: Localized, values: Record<string, string | number>, prefix?: Localized): Localized {
  return {
    de: (prefix?.de ?? '') + fillPlaceholders(text.de, values),
    en: (prefix?.en ?? '') + fillPlaceholders(text.en, values),
  };
}

/**
 * Tells sales (topic `sales`) that a product customers ask for is running low or out. The dedupe key makes it one
 * note per product, kind and business day across all conversations; test conversations get their own key so the
 * builder's test chat never swallows the real note. Returns whether a new note went out; a failing notifier only
 * costs the note, never the customer's answer.
 */
export async function notifySales(ctx: NodeContext<unknown>, product: Product, threshold: number): Promise<boolean> {
  const notifier = ctx.services.notifier;
  if (!notifier) {
    ctx.log.warn('check_stock: no notifier service; sales not told about low stock', { sku: product.sku });
    return false;
  }
  const kind = product.available <= 0 ? 'out' : 'low';
  const test = ctx.conversation.isTest;
  const values = { name: product.name, sku: product.sku, available: product.available, threshold };
  const prefix = test ? stockNotificationTexts.testPrefix : undefined;
  try {
    const sent = await notifier.notify({
      topic: 'sales',
      subject: localizedFill(kind === 'out' ? stockNotificationTexts.outSubject : stockNotificationTexts.lowSubject, values, prefix),
      text: localizedFill(stockNotificationTexts.body, values),
      data: {
        kind, sku: product.sku, name: product.name, available: product.available, threshold,
        flowId: ctx.flow.id, nodeId: ctx.node.id, conversationId: ctx.conversation.id, isTest: test,
      },
      dedupeKey: `stock.${kind}:${test ? 'test:' : ''}${skuKey(product.sku)}:${businessDay(ctx.now(), ctx.flow.settings)}`,
    });
    return !sent.duplicate;
  } catch (error) {
    ctx.log.warn('check_stock: notifying sales failed', { sku: product.sku, error: String(error) });
    return false;
  }
}
