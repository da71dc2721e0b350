import { describe, expect, it } from 'vitest';
import { isOpen, nextOpening, parseOfficeHours, officeHoursIssueTextsDe, type OfficeHours } from './officeHours.js';

const zurich: OfficeHours = {
  timezone: 'Europe/Zurich',
  weekly: { mon: [['08:00', '12:00'], ['13:00', '17:00']], tue: [['08:00', '17:00']], wed: [], fri: [['08:00', '12:00']] },
  holidays: ['2026-12-25'],
};

const at = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString() ?? null;

describe('parseOfficeHours', () => {
  it('accepts absent office hours as always open', () => {
    expect(parseOfficeHours(undefined)).toEqual({ ok: true, hours: undefined });
    expect(isOpen(undefined, at('2026-01-01T03:00:00Z'))).toBe(true);
    expect(iso(nextOpening(undefined, at('2026-01-01T03:00:00Z')))).toBe('2026-01-01T03:00:00.000Z');
  });

  it('accepts a valid week with 24:00 and missing days', () => {
    const parsed = parseOfficeHours({ timezone: 'Europe/Zurich', weekly: { sat: [['20:00', '24:00']] } });
    expect(parsed.ok).toBe(true);
  });

  it('reports every problem in German and English with its path', () => {
    const parsed = parseOfficeHours({
      timezone: 'Europe/Zürich',
      weekly: { mon: [['12:00', '08:00']], tue: [['08:00', '12:00'], ['11:00', '13:00']], wed: [['8:00', '12:00']] },
      holidays: ['2026-02-30', '25.12.2026'],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const byPath = Object.fromEntries(parsed.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(byPath.timezone?.de).toContain('Zeitzone');
    expect(byPath['weekly.mon.0']?.en).toBe('a window must end after it starts');
    expect(byPath['weekly.tue']?.de).toBe('die Zeitfenster eines Tages dürfen sich nicht überschneiden');
    expect(byPath['weekly.wed.0.0']?.de).toBe('Uhrzeit im Format HH:MM');
    expect(byPath['holidays.0']?.en).toBe('date as YYYY-MM-DD');
    expect(byPath['holidays.1']?.de).toBe('Datum im Format JJJJ-MM-TT');
    for (const issue of parsed.issues) expect(officeHoursIssueTextsDe[issue.message.en]).toBe(issue.message.de);
  });

  it('rejects what is not an object', () => {
    expect(parseOfficeHours('mo-fr').ok).toBe(false);
    expect(parseOfficeHours({ weekly: {} }).ok).toBe(false);
  });
});

describe('isOpen', () => {
  it('follows the windows of the local weekday, end exclusive', () => {
    // Monday 2026-01-05, Zurich is UTC+1 in winter
    expect(isOpen(zurich, at('2026-01-05T06:59:00Z'))).toBe(false);
    expect(isOpen(zurich, at('2026-01-05T07:00:00Z'))).toBe(true);
    expect(isOpen(zurich, at('2026-01-05T10:59:59Z'))).toBe(true);
    expect(isOpen(zurich, at('2026-01-05T11:00:00Z'))).toBe(false); // lunch
    expect(isOpen(zurich, at('2026-01-05T12:00:00Z'))).toBe(true);
    expect(isOpen(zurich, at('2026-01-07T10:00:00Z'))).toBe(false); // Wednesday: []
    expect(isOpen(zurich, at('2026-01-08T10:00:00Z'))).toBe(false); // Thursday left out
  });

  it('reads the weekday in the office time zone, not in UTC', () => {
    const lateShift: OfficeHours = { timezone: 'Europe/Zurich', weekly: { tue: [['00:00', '02:00']] } };
    // Monday 23:30 UTC is Tuesday 00:30 in Zurich
    expect(isOpen(lateShift, at('2026-01-05T23:30:00Z'))).toBe(true);
    expect(isOpen(lateShift, at('2026-01-06T23:30:00Z'))).toBe(false);
  });

  it('is closed on holidays', () => {
    // 2026-12-25 is a Friday
    expect(isOpen(zurich, at('2026-12-25T08:00:00Z'))).toBe(false);
    expect(isOpen(zurich, at('2026-12-18T08:00:00Z'))).toBe(true);
  });

  it('keeps wall-clock windows across the spring change (2026-03-29)', () => {
    // Friday before: 08:00 CET = 07:00Z; Monday after: 08:00 CEST = 06:00Z
    expect(isOpen(zurich, at('2026-03-27T07:00:00Z'))).toBe(true);
    expect(isOpen(zurich, at('2026-03-30T05:59:00Z'))).toBe(false);
    expect(isOpen(zurich, at('2026-03-30T06:00:00Z'))).toBe(true);
    const night: OfficeHours = { timezone: 'Europe/Zurich', weekly: { sun: [['01:00', '04:00']] } };
    expect(isOpen(night, at('2026-03-29T00:30:00Z'))).toBe(true); // 01:30 CET
    expect(isOpen(night, at('2026-03-29T01:30:00Z'))).toBe(true); // 03:30 CEST
    expect(isOpen(night, at('2026-03-29T02:00:00Z'))).toBe(false); // 04:00 CEST
  });

  it('keeps wall-clock windows across the autumn change (2026-10-25)', () => {
    expect(isOpen(zurich, at('2026-10-23T06:00:00Z'))).toBe(true); // Friday 08:00 CEST
    expect(isOpen(zurich, at('2026-10-26T06:00:00Z'))).toBe(false); // Monday 07:00 CET
    expect(isOpen(zurich, at('2026-10-26T07:00:00Z'))).toBe(true); // Monday 08:00 CET
    const night: OfficeHours = { timezone: 'Europe/Zurich', weekly: { sun: [['01:00', '04:00']] } };
    expect(isOpen(night, at('2026-10-25T00:30:00Z'))).toBe(true); // 02:30 CEST
    expect(isOpen(night, at('2026-10-25T01:30:00Z'))).toBe(true); // 02:30 CET
    expect(isOpen(night, at('2026-10-25T02:59:00Z'))).toBe(true); // 03:59 CET
    expect(isOpen(night, at('2026-10-25T03:00:00Z'))).toBe(false); // 04:00 CET
  });
});

describe('nextOpening', () => {
  it('is the instant itself while open', () => {
    expect(iso(nextOpening(zurich, at('2026-01-05T08:00:00Z')))).toBe('2026-01-05T08:00:00.000Z');
  });

  it('finds the afternoon window after lunch and the next morning after closing', () => {
    expect(iso(nextOpening(zurich, at('2026-01-05T11:30:00Z')))).toBe('2026-01-05T12:00:00.000Z');
    expect(iso(nextOpening(zurich, at('2026-01-05T16:00:00Z')))).toBe('2026-01-06T07:00:00.000Z');
  });

  it('skips closed days and holidays', () => {
    // Friday afternoon → Monday 08:00
    expect(iso(nextOpening(zurich, at('2026-01-09T13:00:00Z')))).toBe('2026-01-12T07:00:00.000Z');
    // Thursday 2026-12-24 evening: Friday is a holiday → Monday 2026-12-28
    expect(iso(nextOpening(zurich, at('2026-12-24T18:00:00Z')))).toBe('2026-12-28T07:00:00.000Z');
  });

  it('crosses the spring change to Monday 08:00 summer time', () => {
    expect(iso(nextOpening(zurich, at('2026-03-27T12:00:00Z')))).toBe('2026-03-30T06:00:00.000Z');
  });

  it('crosses the autumn change to Monday 08:00 winter time', () => {
    expect(iso(nextOpening(zurich, at('2026-10-23T12:00:00Z')))).toBe('2026-10-26T07:00:00.000Z');
  });

  it('opens a window starting in the skipped hour when the clock jumps', () => {
    const hours: OfficeHours = { timezone: 'Europe/Zurich', weekly: { sun: [['02:30', '05:00']] } };
    expect(iso(nextOpening(hours, at('2026-03-28T12:00:00Z')))).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST
  });

  it('opens a window starting in the repeated hour at its first pass', () => {
    const hours: OfficeHours = { timezone: 'Europe/Zurich', weekly: { sun: [['02:30', '05:00']] } };
    expect(iso(nextOpening(hours, at('2026-10-24T12:00:00Z')))).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST
  });

  it('is null when the office never opens', () => {
    expect(nextOpening({ timezone: 'Europe/Zurich', weekly: {} }, at('2026-01-05T08:00:00Z'))).toBeNull();
  });

  it('agrees with isOpen at the instant it returns and just before it', () => {
    let instant = at('2026-03-20T00:00:00Z');
    for (let i = 0; i < 40; i++) {
      const opening = nextOpening(zurich, instant)!;
      expect(isOpen(zurich, opening)).toBe(true);
      if (opening.getTime() > instant.getTime()) expect(isOpen(zurich, new Date(opening.getTime() - 60_000))).toBe(false);
      instant = new Date(opening.getTime() + 9 * 3_600_000);
    }
  });
});
