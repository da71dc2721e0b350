/**
 * What a simulated customer sends next in the `nodes` benchmark, and how a reply is checked. A script sees the last
 * reply of its conversation and returns the next request: start a (new) conversation or send a message.
 */
import { bookingSlot } from './benchFlows.js';
import { stockQueries, syntheticCatalogue, type QueryKind } from './catalogue.js';

export interface ParsedReply {
  conversationId?: string;
  token?: string;
  status?: string;
  messages?: { text?: string; choices?: { id: string; label: string }[]; attachments?: unknown[] }[];
  input?: { type?: string; choices?: { id: string }[] };
}

export interface ConversationState {
  index: number;
  /** messages sent in the current conversation */
  sent: number;
  last?: ParsedReply;
  /** the script's note about what it sent last (expected answer, query kind) */
  pending?: unknown;
}

export type Action =
  | { kind: 'start'; label: string }
  | { kind: 'send'; label: string; body: { id: string; text?: string; choice?: string } };

export interface Script {
  next(state: ConversationState): Action;
  /** undefined: the reply is what the script expected; else a description of what was wrong */
  check(state: ConversationState, action: Action, reply: ParsedReply): string | undefined;
  /** counters the script keeps about the answers (answered FAQ share, products found …) */
  outcomes: Record<string, number>;
}

export type ScriptName = 'faq' | 'stock' | 'booking';
export interface ScriptOptions {
  catalogueSize?: number;
  bookingFirstDay?: string;
}

const texts = (reply: ParsedReply) => (reply.messages ?? []).map((m) => m.text ?? '');
const count = (outcomes: Record<string, number>, key: string) => void (outcomes[key] = (outcomes[key] ?? 0) + 1);

/**
 * Customer questions for the online shop's intent → faq chain, none of them a training phrase verbatim, with the FAQ
 * entry whose answer should come back (checked by the answer's first words).
 */
export const FAQ_QUESTIONS: { text: string; answerStart: string }[] = [
  { text: 'Was kostet bei euch der Versand nach Österreich?', answerStart: 'Innerhalb Deutschlands kostet' },
  { text: 'Wie hoch sind die Versandkosten?', answerStart: 'Innerhalb Deutschlands kostet' },
  { text: 'Wie lange dauert es, bis mein Paket da ist?', answerStart: 'Wir rösten montags' },
  { text: 'Wie schnell liefert ihr nach Hamburg?', answerStart: 'Wir rösten montags' },
  { text: 'Kann ich ungeöffnete Bohnen zurückschicken?', answerStart: 'Ungeöffnete Ware' },
  { text: 'Wie funktioniert die Rücksendung?', answerStart: 'Ungeöffnete Ware' },
  { text: 'Kann ich mit Kreditkarte bezahlen?', answerStart: 'Sie können per PayPal' },
  { text: 'Geht bei euch auch Zahlung mit PayPal?', answerStart: 'Sie können per PayPal' },
  { text: 'Könnt ihr mir den Kaffee für die French Press mahlen?', answerStart: 'Ja, bei jeder Sorte' },
  { text: 'Gibt es den Espresso auch gemahlen?', answerStart: 'Ja, bei jeder Sorte' },
];

/** intent → faq: start once, then one question per turn; every reply answers and asks "Was möchten Sie wissen?" again. */
function faqScript(): Script {
  const outcomes: Record<string, number> = {};
  return {
    outcomes,
    next(state) {
      if (!state.last) return { kind: 'start', label: 'start' };
      const question = FAQ_QUESTIONS[(state.index + state.sent) % FAQ_QUESTIONS.length]!;
      state.pending = question;
      return { kind: 'send', label: 'faq', body: { id: `m${state.sent}`, text: question.text } };
    },
    check(state, action, reply) {
      if (reply.status !== 'awaiting_input' || reply.input?.type !== 'text') return 'expected the intent question (text input)';
      if (action.kind === 'start') return undefined;
      const expected = state.pending as (typeof FAQ_QUESTIONS)[number];
      const said = texts(reply);
      if (said.some((text) => text.startsWith(expected.answerStart))) count(outcomes, 'answered as expected');
      else if (said.length > 1) count(outcomes, 'answered otherwise');
      else count(outcomes, 'no answer (no_match)');
      return undefined;
    },
  };
}

/** check_stock: one product question per turn; a "Meinten Sie …?" gets its first choice picked. */
function stockScript(options: ScriptOptions): Script {
  const products = syntheticCatalogue(options.catalogueSize ?? 10_000);
  const queries = stockQueries(products);
  const nameBySku = new Map(products.map((p) => [p.sku, p.name]));
  const outcomes: Record<string, number> = {};
  let next = 0;
  return {
    outcomes,
    next(state) {
      if (!state.last) return { kind: 'start', label: 'start' };
      if (state.last.input?.type === 'choice') {
        const first = state.last.input.choices?.[0]?.id ?? state.last.messages?.at(-1)?.choices?.[0]?.id ?? '1';
        return { kind: 'send', label: 'choose', body: { id: `m${state.sent}`, choice: first } };
      }
      const query = queries[next++ % queries.length]!;
      state.pending = query;
      return { kind: 'send', label: 'stock', body: { id: `m${state.sent}`, text: query.text } };
    },
    check(state, action, reply) {
      if (reply.status !== 'awaiting_input') return `expected awaiting_input, got ${reply.status}`;
      if (action.kind === 'start' || action.label === 'choose') return reply.input?.type === 'text' || reply.input?.type === 'choice' ? undefined : 'expected a question';
      const query = state.pending as { kind: QueryKind; text: string };
      if (reply.input?.type === 'choice') {
        count(outcomes, `${query.kind}: asked to choose`);
        return undefined;
      }
      if (reply.input?.type !== 'text') return 'expected the product question again';
      const said = texts(reply).join(' ');
      const wanted = query.kind === 'sku' ? nameBySku.get(query.text) : undefined;
      if (wanted !== undefined && !said.includes(wanted)) return `SKU ${query.text} not reported as ${wanted}: ${said.slice(0, 200)}`;
      count(outcomes, `${query.kind}: answered`);
      return undefined;
    },
  };
}

/**
 * book_slot: a conversation starts (the bot offers slots), the customer books one slot no other conversation books
 * (a shared counter walks the grid), the conversation ends, the next one starts.
 */
function bookingScript(options: ScriptOptions): Script {
  const firstDay = options.bookingFirstDay;
  if (!firstDay) throw new Error('bookingFirstDay is required for the booking script');
  const outcomes: Record<string, number> = {};
  let slot = 0;
  return {
    outcomes,
    next(state) {
      if (!state.last || state.last.status !== 'awaiting_input') return { kind: 'start', label: 'offer' };
      const start = bookingSlot(firstDay, slot++);
      state.pending = start;
      return { kind: 'send', label: 'book', body: { id: 'm0', choice: start } };
    },
    check(_state, action, reply) {
      if (action.kind === 'start') {
        const choices = reply.input?.choices ?? [];
        return reply.status === 'awaiting_input' && reply.input?.type === 'choice' && choices.length >= 2 ? undefined : 'expected an offer of slots';
      }
      const booked = (reply.messages ?? []).some((m) => (m.attachments?.length ?? 0) > 0);
      if (reply.status !== 'ended' || !booked) return `expected a booking, got ${reply.status}: ${texts(reply).join(' ').slice(0, 200)}`;
      count(outcomes, 'booked');
      return undefined;
    },
  };
}

export function createScript(name: ScriptName, options: ScriptOptions): Script {
  if (name === 'faq') return faqScript();
  if (name === 'stock') return stockScript(options);
  return bookingScript(options);
}
