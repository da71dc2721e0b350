/**
 * Flows of the `nodes` benchmark, built from the online-shop example so the understanding work is the example's own
 * (its intents, its FAQ entries), only rewired into loops a load driver can run for ever.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '../turns/spawnProcess.js';

type FlowNode = { id: string; type: string; version: number; position: { x: number; y: number }; config: Record<string, unknown> };
type FlowDocument = { format: string; id: string; name: string; locales: string[]; start: string; variables: Record<string, unknown>; settings: Record<string, unknown>; nodes: FlowNode[]; edges: unknown[] };

export const UNDERSTANDING_FLOW_ID = 'bench-intent-faq';
export const STOCK_FLOW_ID = 'bench-check-stock';
export const BOOKING_FLOW_ID = 'bench-book-slot';

function onlineShop(): FlowDocument {
  return JSON.parse(readFileSync(path.join(repositoryRoot, 'examples/flows/online-shop.json'), 'utf8')) as FlowDocument;
}

const at = (y: number) => ({ x: 0, y });
const edge = (id: string, node: string, port: string, to: string) => ({ id, from: { node, port }, to });

/**
 * welcome → intent `topic` (the example's three intents, 28 phrases) → every intent and `fallback` → the example's
 * `faq` (5 entries, 22 phrasings) → `answered` and `no_match` back to `topic`. One customer message is routed and
 * answered in one turn; the reply ends with the intent question again.
 */
export function understandingFlow(id = UNDERSTANDING_FLOW_ID): FlowDocument {
  const shop = onlineShop();
  const node = (nodeId: string) => shop.nodes.find((n) => n.id === nodeId)!;
  const topic = node('topic');
  const intents = (topic.config.intents as { id: string }[]).map((intent) => intent.id);
  return {
    format: shop.format,
    id,
    name: 'Benchmark: intent → faq (online shop)',
    locales: ['de'],
    start: 'welcome',
    variables: {},
    settings: { country: 'DE', retentionDays: 60 },
    nodes: [
      { ...node('welcome'), position: at(0) },
      { ...topic, position: at(160) },
      { ...node('faq'), position: at(320) },
    ],
    edges: [
      edge('e1', 'welcome', 'next', 'topic'),
      ...[...intents, 'fallback'].map((port, i) => edge(`e-topic-${i}`, 'topic', port, 'faq')),
      edge('e2', 'faq', 'answered', 'topic'),
      edge('e3', 'faq', 'no_match', 'topic'),
    ],
  };
}

/** `check_stock` asking for a product, every result back to itself (the example's node settings). */
export function stockFlow(): FlowDocument {
  const shop = onlineShop();
  const stock = shop.nodes.find((n) => n.id === 'stock')!;
  const ports = ['in_stock', 'low_stock', 'out_of_stock', 'not_found', 'error'];
  return {
    format: shop.format,
    id: STOCK_FLOW_ID,
    name: 'Benchmark: check_stock over 10,000 products',
    locales: ['de'],
    start: 'stock',
    variables: { product: { type: 'string' }, sku: { type: 'string' }, available: { type: 'number' } },
    settings: { country: 'DE', retentionDays: 60 },
    // notifySales off: a low-stock mail per turn would measure the notifier, not the lookup.
    nodes: [{ ...stock, position: at(0), config: { ...stock.config, notifySales: false } }],
    edges: ports.map((port, i) => edge(`e${i}`, 'stock', port, 'stock')),
  };
}

/** First bookable day of the booking flow: two days ahead (UTC), so the lead time never cuts into the grid. */
export function bookingFirstDay(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 2)).toISOString().slice(0, 10);
}

export const BOOKING_SLOT_MINUTES = 15;
/** 00:00–23:45 every day: 95 slots of 15 minutes a day, 366 days ahead, about 34,800 slots. */
export const BOOKING_SLOTS_PER_DAY = 95;
export const BOOKING_HORIZON_DAYS = 366;

/** `book_slot` offering slots on start, `booked` → end; a customer books one slot per conversation. */
export function bookingFlow(firstDay: string): FlowDocument {
  const day: [string, string][] = [['00:00', '23:45']];
  return {
    format: 'dialogwerk.flow/1',
    id: BOOKING_FLOW_ID,
    name: 'Benchmark: book_slot',
    locales: ['de'],
    start: 'book',
    variables: { start: { type: 'string' }, bookingId: { type: 'string' } },
    settings: { country: 'DE', retentionDays: 60 },
    nodes: [
      {
        id: 'book',
        type: 'book_slot',
        version: 1,
        position: at(0),
        config: {
          text: 'Wann passt es Ihnen?',
          calendar: 'bench',
          durationMinutes: BOOKING_SLOT_MINUTES,
          leadTimeMinutes: 60,
          earliestDate: firstDay,
          horizonDays: BOOKING_HORIZON_DAYS,
          openingHours: { timezone: 'UTC', weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day } },
          title: 'Beratung',
          save: { start: 'start', bookingId: 'bookingId' },
        },
      },
      { id: 'done', type: 'end', version: 1, position: at(160), config: {} },
      { id: 'none', type: 'end', version: 1, position: at(320), config: {} },
    ],
    edges: [edge('e1', 'book', 'booked', 'done'), edge('e2', 'book', 'no_slot', 'none'), edge('e3', 'book', 'error', 'none')],
  };
}

/** The k-th slot of the booking grid as the ISO start the node uses for its choice ids. */
export function bookingSlot(firstDay: string, k: number): string {
  const day = Math.floor(k / BOOKING_SLOTS_PER_DAY);
  const minute = (k % BOOKING_SLOTS_PER_DAY) * BOOKING_SLOT_MINUTES;
  return new Date(Date.parse(`${firstDay}T00:00:00Z`) + day * 86_400_000 + minute * 60_000).toISOString();
}
