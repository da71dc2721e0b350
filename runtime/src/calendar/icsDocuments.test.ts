import { describe, expect, it } from 'vitest';
import type { BookingRow } from './bookingStore.js';
import { bookingFile, calendarFeed } from './icsDocuments.js';
import { parseIcs } from './icsParse.testkit.js';

const booking = (overrides: Partial<BookingRow> = {}): BookingRow => ({
  id: 'b-1',
  calendar: 'default',
  start: '2026-03-29T00:30:00.000Z', // 01:30 CET, the night Zurich springs forward
  end: '2026-03-29T01:30:00.000Z', // 03:30 CEST: one real hour
  blockedUntil: '2026-03-29T01:30:00.000Z',
  title: 'Termin: Müller, Ada; VIP',
  attendee: { name: 'Ada Müller', email: 'ada@example.ch', phone: '+41 44 123 45 67' },
  status: 'booked',
  test: false,
  conversationId: 'c-1',
  flowId: 'salon',
  idempotencyKey: 'k',
  icsToken: 't',
  sequence: 0,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  cancelledAt: null,
  ...overrides,
});

describe('calendarFeed', () => {
  it('is a calendar with one UTC event per booking, stable UIDs and escaped text', () => {
    const text = calendarFeed('Salon', [booking(), booking({ id: 'b-2', start: '2026-10-25T00:30:00.000Z', end: '2026-10-25T01:30:00.000Z' })]);
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    const { calendar, events } = parseIcs(text);
    expect(calendar).toMatchObject({ VERSION: '2.0', METHOD: 'PUBLISH', 'X-WR-CALNAME': 'Salon', PRODID: '-//Dialogwerk//Calendar//EN' });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      UID: 'b-1@dialogwerk',
      DTSTART: '20260329T003000Z',
      DTEND: '20260329T013000Z',
      SUMMARY: 'Termin: Müller\\, Ada\\; VIP',
      STATUS: 'CONFIRMED',
      SEQUENCE: '0',
    });
    expect(events[0]!.DESCRIPTION).toContain('ada@example.ch');
    expect(events[1]).toMatchObject({ UID: 'b-2@dialogwerk', DTSTART: '20261025T003000Z', DTEND: '20261025T013000Z' });
    expect(calendarFeed('Salon', [booking()])).toContain('UID:b-1@dialogwerk');
  });

  it('is still a valid calendar without bookings', () => {
    const { calendar, events } = parseIcs(calendarFeed('Leer', []));
    expect(calendar['X-WR-CALNAME']).toBe('Leer');
    expect(events).toEqual([]);
  });
});

describe('bookingFile', () => {
  it('marks a cancelled booking cancelled with a higher sequence and the same UID', () => {
    const { events } = parseIcs(bookingFile(booking({ status: 'cancelled', sequence: 1, cancelledAt: '2026-03-02T00:00:00.000Z' })));
    expect(events).toEqual([expect.objectContaining({ UID: 'b-1@dialogwerk', STATUS: 'CANCELLED', SEQUENCE: '1' })]);
  });
});
