import { endOfLocalDay, isCalendarDay, startOfLocalDay } from './local-day';

describe('days in Friesland', () => {
  it('start at midnight Amsterdam time, in winter and in summer', () => {
    expect(startOfLocalDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfLocalDay('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
  });

  it('handle the days the clocks change', () => {
    expect(startOfLocalDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(endOfLocalDay('2026-03-29').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(endOfLocalDay('2026-10-25').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('end at the start of the next day, across months and years', () => {
    expect(endOfLocalDay('2026-12-31').toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('know which dates exist', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
  });
});
