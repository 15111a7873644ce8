import { addDays, atLocalTime, localDate } from './local-time';

describe('local time in Friesland', () => {
  it('finds 18:00 in winter (UTC+1) and in summer (UTC+2)', () => {
    expect(atLocalTime({ year: 2026, month: 12, day: 3 }, 18).toISOString()).toBe('2026-12-03T17:00:00.000Z');
    expect(atLocalTime({ year: 2026, month: 7, day: 3 }, 18).toISOString()).toBe('2026-07-03T16:00:00.000Z');
  });

  it('gets the days the clocks change right', () => {
    // 29 March 2026: 02:00 → 03:00; 25 October 2026: 03:00 → 02:00.
    expect(atLocalTime({ year: 2026, month: 3, day: 29 }, 8).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(atLocalTime({ year: 2026, month: 10, day: 25 }, 8).toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });

  it('tells the local day of an instant near midnight, and steps over month ends', () => {
    expect(localDate(new Date('2026-11-30T23:30:00Z'))).toEqual({
      year: 2026,
      month: 12,
      day: 1,
      weekday: 2,
    });
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({
      year: 2026,
      month: 2,
      day: 28,
      weekday: 6,
    });
  });
});
