import { DateTime } from 'luxon';
import { withRun, type Json, type NodeContext, type NodeResult } from '../../sdk/defineNode.js';
import type { CalendarService, OpeningHours, Slot } from '../../sdk/services/calendar.js';
import { officeHours } from '../../flow/flowDocument.js';
import { matchChoice } from '../../input/matchChoice.js';
import { bookSlotNode, type BookSlotConfig } from './bookSlot.node.js';
import { bookSlotText, bookSlotTexts, type BookSlotTextKey } from './bookSlotTexts.js';
import { bookingWindow, computeFreeSlots } from './slotGrid.js';
import { pickOffer, slotsByLocalDay } from './slotOffer.js';
import { slotLabel, slotLabels } from './slotLabels.js';
import { parseSlotRequest, slotMatches } from './slotRequest.js';

type Ctx = NodeContext<BookSlotConfig>;

/** What the node remembers between turns: the starts it offered and where "other days" continues. */
interface OfferState {
  offered: string[];
  nextFrom: string | null;
}

export const OTHER_DAYS = 'other';
/** How many free slots one look-up may return; enough for ten days of half-hour slots. */
const LOOKAHEAD = 500;

const weekdayHours: [string, string][] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];
const defaultHours: OpeningHours = {
  timezone: 'Europe/Zurich',
  weekly: { mon: weekdayHours, tue: weekdayHours, wed: weekdayHours, thu: weekdayHours, fri: weekdayHours },
};

/** The node's own opening hours, else the flow's office hours, else weekdays; `timeZone` replaces their zone. */
export function openingHoursFor(config: BookSlotConfig, settings: Record<string, unknown>): OpeningHours {
  const fromFlow = officeHours.safeParse(settings.officeHours);
  const hours = (config.openingHours ?? (fromFlow.success ? fromFlow.data : defaultHours)) as OpeningHours;
  return config.timeZone ? { ...hours, timezone: config.timeZone } : hours;
}

class BookSlotRun {
  readonly hours: OpeningHours;
  readonly zone: string;
  readonly window: { from: string; to: string };

  constructor(
    readonly ctx: Ctx,
    readonly calendar: CalendarService,
  ) {
    this.hours = openingHoursFor(ctx.config, ctx.flow.settings);
    this.zone = this.hours.timezone;
    this.window = bookingWindow({
      now: ctx.now(),
      leadTimeMinutes: ctx.config.leadTimeMinutes,
      horizonDays: ctx.config.horizonDays,
      earliestDate: ctx.config.earliestDate,
      timeZone: this.zone,
    });
  }

  freeSlots(from: string, to = this.window.to, limit = LOOKAHEAD, maxDays?: number): Promise<Slot[]> {
    const start = from > this.window.from ? from : this.window.from;
    if (start >= to) return Promise.resolve([]);
    const { calendar, durationMinutes, bufferMinutes } = this.ctx.config;
    const test = this.ctx.conversation.isTest;
    return this.calendar.freeSlots({ calendar, from: start, to, durationMinutes, bufferMinutes, openingHours: this.hours, limit, maxDays, test });
  }

  /**
   * The free slots an offer of `perDay` per day picks from: the first LOOKAHEAD free slots from `from`, but only as
   * many whole days of them as the offer can use. Asks for the fewest days that could fill the page and only asks
   * again (from the next local day) when those days had fewer free slots than the page needs.
   */
  async offerSlots(from: string, to: string | undefined, perDay: number): Promise<Slot[]> {
    const count = this.ctx.config.slotsPerPage;
    const slots: Slot[] = [];
    let picks = 0;
    let cursor = from;
    while (picks < count && slots.length < LOOKAHEAD) {
      const maxDays = Math.ceil((count - picks) / perDay);
      const page = await this.freeSlots(cursor, to, LOOKAHEAD - slots.length, maxDays);
      const days = slotsByLocalDay(page, this.zone);
      for (const day of days.values()) picks += Math.min(perDay, day.length);
      slots.push(...page);
      if (days.size < maxDays || !page.length) break;
      const lastDay = DateTime.fromISO(page[page.length - 1]!.start, { zone: this.zone }).startOf('day');
      cursor = lastDay.plus({ days: 1 }).startOf('day').toUTC().toISO()!;
    }
    return slots;
  }

  /** Offers slots from `from` on; with none there it starts over from the first, with none at all it is `no_slot`. */
  async offer(
    intro: string,
    from = this.window.from,
    options: { to?: string; perDay?: number; wrapText?: BookSlotTextKey; only?: (slot: Slot) => boolean } = {},
  ): Promise<NodeResult> {
    const { config } = this.ctx;
    const perDay = options.perDay ?? config.slotsPerDay;
    // A filter may drop whole days, so filtered offers keep reading the full lookahead.
    let slots = options.only ? (await this.freeSlots(from, options.to)).filter(options.only) : await this.offerSlots(from, options.to, perDay);
    if (!slots.length && from > this.window.from) {
      slots = await this.offerSlots(this.window.from, undefined, perDay);
      if (slots.length && options.wrapText) intro = bookSlotText(options.wrapText, this.ctx.locale);
    }
    const { offered, nextFrom } = pickOffer(slots, { count: config.slotsPerPage, perDay, timeZone: this.zone });
    // The flow's `no_slot` branch says what happens instead (a callback, a phone number).
    if (!offered.length) return this.ctx.next('no_slot');
    const choices = [
      ...offered.map((slot) => ({ id: slot.start, label: slotLabel(slot.start, this.zone, this.ctx.locale) })),
      { id: OTHER_DAYS, label: bookSlotText('otherDays', this.ctx.locale) },
    ];
    this.ctx.say({ text: intro, choices });
    const state: OfferState = { offered: offered.map((slot) => slot.start), nextFrom: nextFrom ?? null };
    return this.ctx.wait({ type: 'choice', choices }, state as unknown as Json);
  }

  introText(): string {
    return this.ctx.config.text ? this.ctx.text(this.ctx.config.text) : bookSlotText('offer', this.ctx.locale);
  }

  async answer(state: OfferState): Promise<NodeResult> {
    const input = this.ctx.input!;
    // Only typed text is compared with the labels; a tapped button is matched by its id, and formatting is not free.
    const typed = input.text !== undefined;
    const choices = [
      ...state.offered.map((start) => ({ id: start, label: typed ? slotLabels(start, this.zone) : start })),
      { id: OTHER_DAYS, label: bookSlotTexts.otherDays },
    ];
    const picked = matchChoice(input, choices, this.ctx.locale);
    if (picked.ok && picked.value === OTHER_DAYS) {
      return this.offer(bookSlotText('moreSlots', this.ctx.locale), state.nextFrom ?? this.window.from, { wrapText: 'noMoreSlots' });
    }
    if (picked.ok) return this.book(String(picked.value));
    // A button from an earlier offer still names its slot exactly.
    const stale = input.choice && /^\d{4}-\d{2}-\d{2}T/.test(input.choice) ? DateTime.fromISO(input.choice, { setZone: true }) : undefined;
    if (stale?.isValid) return this.book(stale.toUTC().toISO()!);
    if (input.text) return this.request(input.text, state);
    return this.offer(bookSlotText('notUnderstood', this.ctx.locale));
  }

  /**
   * Free text: a day and time books that slot, a day alone offers that day, a time alone picks among the offer.
   * `mayBook` is false for the message that led here ("Termin morgen 14 Uhr?" to an intent node): that one gets the
   * matching slots offered, because the customer has not seen any slot yet.
   */
  async request(text: string, state: OfferState, mayBook = true): Promise<NodeResult> {
    const request = parseSlotRequest(text, { now: this.ctx.now(), timeZone: this.zone, locale: this.ctx.locale });
    if (request.date === undefined && request.minuteOfDay === undefined) {
      return this.offer(mayBook ? bookSlotText('notUnderstood', this.ctx.locale) : this.introText());
    }
    if (mayBook && request.date === undefined) {
      const among = state.offered.filter((start) => slotMatches(start, request, this.zone));
      if (among.length === 1) return this.book(among[0]!);
    }
    const dayStart = request.date ? DateTime.fromISO(request.date, { zone: this.zone }).toUTC().toISO()! : this.window.from;
    const dayEnd = request.date ? DateTime.fromISO(request.date, { zone: this.zone }).plus({ days: 1 }).toUTC().toISO()! : undefined;
    const candidates = (await this.freeSlots(dayStart, dayEnd)).filter((slot) => slotMatches(slot.start, request, this.zone));
    if (mayBook && request.date !== undefined && request.minuteOfDay !== undefined && candidates.length) return this.book(candidates[0]!.start);
    if (candidates.length) {
      // A day: offer that day; a time of day: offer that time on the next days.
      const only = (slot: Slot) => slotMatches(slot.start, request, this.zone);
      return this.offer(this.introText(), candidates[0]!.start, request.date ? { to: dayEnd, perDay: this.ctx.config.slotsPerPage } : { only });
    }
    return this.offer(bookSlotText('requestedNotFree', this.ctx.locale), dayStart, { wrapText: 'requestedNotFree' });
  }

  async book(start: string): Promise<NodeResult> {
    const { config } = this.ctx;
    // Only a start the opening hours produce within the window may be booked, never a made-up id. Whether it is
    // still free is the calendar's call, atomically, so a retried turn gets its own booking back.
    const from = start > this.window.from ? start : this.window.from;
    // Same grid as the offers: starts step by duration plus buffer from each opening.
    const [slot] = computeFreeSlots({
      from, to: new Date(Date.parse(from) + 1).toISOString(), durationMinutes: config.durationMinutes, bufferMinutes: config.bufferMinutes,
      openingHours: this.hours, limit: 1,
    });
    if (!slot || slot.start !== start || start >= this.window.to) return this.offer(bookSlotText('requestedNotFree', this.ctx.locale));
    const result = await this.calendar.book({
      calendar: config.calendar,
      start: slot.start,
      end: slot.end,
      bufferMinutes: config.bufferMinutes,
      title: this.title(),
      attendee: this.attendee(),
      idempotencyKey: `${this.ctx.conversation.id}:${this.ctx.node.id}:${slot.start}`,
      timeZone: this.zone,
      conversationId: this.ctx.conversation.id,
      flowId: this.ctx.flow.id,
      test: this.ctx.conversation.isTest,
    });
    if (!result.ok) return this.taken();
    const { booking } = result;
    if (config.save.start) this.ctx.vars.set(config.save.start, booking.start);
    if (config.save.end) this.ctx.vars.set(config.save.end, booking.end);
    if (config.save.bookingId) this.ctx.vars.set(config.save.bookingId, booking.id);
    this.ctx.say({
      text: bookSlotText('booked', this.ctx.locale, { when: slotLabel(booking.start, this.zone, this.ctx.locale, 'long') }),
      attachments: [{ name: bookSlotText('attachment', this.ctx.locale), url: booking.icsUrl, contentType: 'text/calendar' }],
    });
    this.ctx.record('booking.created', { bookingId: booking.id, start: booking.start, end: booking.end, calendar: booking.calendar });
    return this.ctx.next('booked');
  }

  async taken(): Promise<NodeResult> {
    const slots = await this.freeSlots(this.window.from, this.window.to, 1);
    if (!slots.length) {
      this.ctx.say(bookSlotText('slotTakenNoOther', this.ctx.locale));
      return this.ctx.next('no_slot');
    }
    return this.offer(bookSlotText('slotTaken', this.ctx.locale));
  }

  title(): string {
    const { config } = this.ctx;
    if (config.title) return this.ctx.text(config.title);
    const name = config.attendee.name ? this.ctx.vars.get(config.attendee.name) : undefined;
    const base = bookSlotText('defaultTitle', this.ctx.flow.locales[0] ?? this.ctx.locale);
    return typeof name === 'string' && name.trim() ? `${base}: ${name.trim()}` : base;
  }

  attendee(): Record<string, Json> {
    const attendee: Record<string, Json> = {};
    for (const [field, variable] of Object.entries(this.ctx.config.attendee)) {
      const value = variable ? this.ctx.vars.get(variable) : undefined;
      if (value !== undefined && value !== null && value !== '') attendee[field] = value;
    }
    return attendee;
  }
}

function offerState(state: Json | undefined): OfferState {
  const value = (state ?? {}) as Partial<OfferState>;
  return { offered: Array.isArray(value.offered) ? value.offered.map(String) : [], nextFrom: typeof value.nextFrom === 'string' ? value.nextFrom : null };
}

export const bookSlot = withRun(bookSlotNode, (ctx) => {
  const calendar = ctx.services.calendar;
  if (!calendar) throw new Error('book_slot needs a calendar service, and none is configured');
  const run = new BookSlotRun(ctx, calendar);
  if (ctx.input) return run.answer(offerState(ctx.state));
  const pending = ctx.pendingInput?.text;
  if (pending) {
    ctx.consumePendingInput();
    return run.request(pending, { offered: [], nextFrom: null }, false);
  }
  return run.offer(run.introText());
});
