import {
  clockTime,
  localDateTime,
  localInstant,
  longDate,
  parseTime,
  shortDate,
  wallClock,
} from './local-time';

describe('dates and times on the catalogue pages (Friesland time)', () => {
  it('names the day in each language, in Friesland time whatever the server runs on', () => {
    // 23:30 UTC on 4 March is already Thursday 5 March in Friesland.
    const iso = '2026-03-04T23:30:00.000Z';
    expect(longDate(iso, 'nl')).toBe('donderdag 5 maart 2026');
    expect(longDate(iso, 'fy')).toBe('tongersdei 5 maart 2026');
    expect(longDate(iso, 'en')).toBe('Thursday 5 March 2026');
    expect(shortDate(iso, 'nl')).toBe('do 5 mrt 2026');
    expect(clockTime(iso, 'en')).toBe('00:30');
  });

  it('shows summer time as Friesland sees it', () => {
    expect(clockTime('2026-07-01T17:30:00Z', 'nl')).toBe('19:30');
    expect(clockTime('2026-12-01T18:30:00Z', 'nl')).toBe('19:30');
    expect(wallClock('2026-07-01T17:30:00Z')).toEqual({ date: '2026-07-01', time: '19:30' });
  });

  it('turns a date and time from a form into an instant with the right offset', () => {
    expect(localInstant('2026-03-05', '19:30')).toBe('2026-03-05T19:30:00+01:00');
    expect(localInstant('2026-07-01', '9.05')).toBe('2026-07-01T09:05:00+02:00');
    // The nights the clocks change.
    expect(localInstant('2026-03-29', '03:30')).toBe('2026-03-29T03:30:00+02:00');
    expect(localInstant('2026-10-25', '01:30')).toBe('2026-10-25T01:30:00+02:00');
    expect(localInstant('2026-10-25', '04:00')).toBe('2026-10-25T04:00:00+01:00');
    expect(localDateTime('2026-02-20T12:00')).toBe('2026-02-20T12:00:00+01:00');
  });

  it('refuses what is not a date or a time', () => {
    expect(localInstant('2026-02-30', '19:30')).toBeUndefined();
    expect(localInstant('5-3-2026', '19:30')).toBeUndefined();
    expect(localInstant('2026-03-05', '25:00')).toBeUndefined();
    expect(localInstant('2026-03-05', '')).toBeUndefined();
    expect(parseTime('7:15')).toBe('07:15');
    expect(localDateTime('')).toBeUndefined();
  });

  it('round-trips: the wall clock of an instant made from a wall clock is the same', () => {
    for (const [day, time] of [
      ['2026-01-15', '10:00'],
      ['2026-06-15', '23:45'],
      ['2026-10-25', '12:00'],
    ]) {
      expect(wallClock(localInstant(day, time)!)).toEqual({ date: day, time });
    }
  });
});
