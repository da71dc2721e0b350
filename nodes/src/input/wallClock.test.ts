import { describe, expect, it } from 'vitest';
import { wallClockIn } from './wallClock.js';

const fields = (date: Date) => [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes()];

describe('wallClockIn', () => {
  const instant = new Date('2026-11-24T23:30:00Z');

  it('shows the time of day in the given zone through local getters', () => {
    expect(fields(wallClockIn(instant, 'Europe/Berlin'))).toEqual([2026, 11, 25, 0, 30]);
    expect(fields(wallClockIn(instant, 'Europe/Zurich'))).toEqual([2026, 11, 25, 0, 30]);
    expect(fields(wallClockIn(instant, 'America/New_York'))).toEqual([2026, 11, 24, 18, 30]);
    expect(fields(wallClockIn(instant, 'UTC'))).toEqual([2026, 11, 24, 23, 30]);
  });

  it('follows summer time', () => {
    expect(fields(wallClockIn(new Date('2026-07-01T22:30:00Z'), 'Europe/Vienna'))).toEqual([2026, 7, 2, 0, 30]);
  });

  it('rejects an unknown zone loudly, as that is a configuration error', () => {
    expect(() => wallClockIn(instant, 'Mars/Olympus')).toThrow(RangeError);
  });
});
