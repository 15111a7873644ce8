import { amsterdamDay } from '../demo/amsterdam-time';
import { parseMoment, toBoolean, toIsoDateTime, toList, toNumber } from './import-values';

const day = (iso: string) => amsterdamDay(new Date(`${iso}T12:00:00Z`));

describe('spreadsheet values', () => {
  it('reads Dutch and ISO dates and times as Dutch wall-clock time, summer and winter', () => {
    expect(toIsoDateTime('28-11-2026 19:30')).toEqual({ value: '2026-11-28T18:30:00.000Z' });
    expect(toIsoDateTime('28/11/2026 19.30')).toEqual({ value: '2026-11-28T18:30:00.000Z' });
    expect(toIsoDateTime('7-6-2027 9:05')).toEqual({ value: '2027-06-07T07:05:00.000Z' });
    expect(toIsoDateTime('2027-06-07 19:30')).toEqual({ value: '2027-06-07T17:30:00.000Z' });
    expect(toIsoDateTime('2027-06-07T19:30:00+02:00')).toEqual({ value: '2027-06-07T17:30:00.000Z' });
    expect(toIsoDateTime('2027-06-07T17:30:00Z')).toEqual({ value: '2027-06-07T17:30:00.000Z' });
  });

  it('takes the date from a date column when a cell holds only a time, and a default time for a date', () => {
    expect(toIsoDateTime('19:30', { fallbackDay: day('2026-12-01') })).toEqual({
      value: '2026-12-01T18:30:00.000Z',
    });
    expect(toIsoDateTime('01-12-2026', { defaultTime: '12:00' })).toEqual({
      value: '2026-12-01T11:00:00.000Z',
    });
  });

  it('says what is wrong with a date it cannot read, instead of guessing', () => {
    expect(toIsoDateTime('31-02-2027 19:30')).toEqual({
      problem: expect.stringContaining('not a date and time'),
    });
    expect(toIsoDateTime('25:00', { fallbackDay: day('2027-01-01') })).toEqual({
      problem: expect.stringContaining('not a date and time'),
    });
    expect(toIsoDateTime('volgende week')).toEqual({ problem: expect.stringContaining('28-11-2026 19:30') });
    expect(toIsoDateTime('19:30')).toEqual({ problem: expect.stringContaining('has no date') });
    expect(toIsoDateTime('01-12-2026')).toEqual({ problem: expect.stringContaining('has no time') });
    expect(parseMoment('2027-02-29')).toBeUndefined();
    expect(parseMoment('2028-02-29')).toEqual({ day: day('2028-02-29') });
  });

  it('reads numbers, yes and no, and lists as a spreadsheet writes them', () => {
    expect(toNumber('12')).toBe(12);
    expect(toNumber(' 1,5 ')).toBe(1.5);
    expect(toNumber('twaalf')).toBeUndefined();
    expect(['ja', 'Yes', 'WAAR', '1', 'x'].map(toBoolean)).toEqual([true, true, true, true, true]);
    expect(['nee', 'No', 'onwaar', '0'].map(toBoolean)).toEqual([false, false, false, false]);
    expect(toBoolean('misschien')).toBeUndefined();
    expect(toList('volunteers|carers')).toEqual(['volunteers', 'carers']);
    expect(toList('volunteers, carers,\nboard-members')).toEqual(['volunteers', 'carers', 'board-members']);
    expect(toList(' | ')).toEqual([]);
  });
});
