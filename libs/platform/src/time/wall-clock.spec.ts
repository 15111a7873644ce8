import { wallClock, zoneOffsetMs } from './wall-clock';

describe('the wall clock', () => {
  it('reads Friesland time, summer and winter, across the switch', () => {
    expect(wallClock(new Date('2026-01-15T18:30:05Z'), 'Europe/Amsterdam')).toEqual({
      year: 2026,
      month: 1,
      day: 15,
      hour: 19,
      minute: 30,
      second: 5,
    });
    expect(wallClock(new Date('2026-07-01T22:15:00Z'), 'Europe/Amsterdam')).toMatchObject({
      day: 2,
      hour: 0,
    });
    expect(zoneOffsetMs(new Date('2026-03-29T00:59:59Z'), 'Europe/Amsterdam')).toBe(3_600_000);
    expect(zoneOffsetMs(new Date('2026-03-29T01:00:00Z'), 'Europe/Amsterdam')).toBe(7_200_000);
    expect(zoneOffsetMs(new Date('2026-10-25T01:00:00Z'), 'Europe/Amsterdam')).toBe(3_600_000);
    expect(zoneOffsetMs(new Date('2026-06-01T12:00:00Z'), 'UTC')).toBe(0);
  });
});
