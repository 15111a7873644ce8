import { amsterdamInstant, amsterdamOffsetMs, summerPeriods } from './amsterdam-time';

describe('Amsterdam time for the weekly buckets', () => {
  it('turns local times into instants on both sides of daylight saving', () => {
    expect(amsterdamInstant('2026-01-05').toISOString()).toBe('2026-01-04T23:00:00.000Z');
    expect(amsterdamInstant('2026-06-01', '01:30').toISOString()).toBe('2026-05-31T23:30:00.000Z');
    expect(amsterdamInstant('2026-03-29', '03:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(amsterdamInstant('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('knows the summer-time periods the SQL uses, matching the offsets of the calendar', () => {
    const [period] = summerPeriods(2026, 2026);
    expect(period.from.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(period.to.toISOString()).toBe('2026-10-25T01:00:00.000Z');
    expect(amsterdamOffsetMs(new Date(period.from.getTime() - 1000))).toBe(3_600_000);
    expect(amsterdamOffsetMs(period.from)).toBe(7_200_000);
    expect(amsterdamOffsetMs(new Date(period.to.getTime() - 1000))).toBe(7_200_000);
    expect(amsterdamOffsetMs(period.to)).toBe(3_600_000);
  });
});
