import { evaluate } from './evaluate';
import { DEFAULT_RULE_CONFIG as config } from './rule-config';
import { NOW, volunteer } from './testing/volunteer-inputs.builder';
import { localDay, mondayOf, weekStartOf } from './week';

describe('weeks and days in Friesland', () => {
  it.each([
    ['2026-11-29T22:59:59Z', '2026-11-23', 'Sunday 23:59 in winter (UTC+1)'],
    ['2026-11-29T23:00:00Z', '2026-11-30', 'Monday 00:00 in winter'],
    ['2026-06-14T21:59:59Z', '2026-06-08', 'Sunday 23:59 in summer (UTC+2)'],
    ['2026-06-14T22:00:00Z', '2026-06-15', 'Monday 00:00 in summer'],
  ])('%s is in the week of %s (%s)', (instant, monday) => {
    expect(weekStartOf(new Date(instant))).toBe(monday);
  });

  it('finds the local day across the daylight-saving changes', () => {
    expect(localDay(new Date('2026-03-28T22:59:00Z'))).toBe('2026-03-28');
    expect(localDay(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(localDay(new Date('2026-03-29T21:59:00Z'))).toBe('2026-03-29');
    expect(localDay(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
    expect(localDay(new Date('2026-10-24T21:59:00Z'))).toBe('2026-10-24');
    expect(localDay(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    expect(localDay(new Date('2026-10-25T22:59:00Z'))).toBe('2026-10-25');
    expect(localDay(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });

  it('takes a Sunday back to its Monday and leaves a Monday alone', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
  });

  it('reads the same inputs afresh at another moment', () => {
    const inputs = volunteer().hours(20, 20, 20, 20, 0).build();
    expect(evaluate(config, inputs, [], NOW).results[0]).toMatchObject({ level: 'amber', value: 15 });
    const weekLater = new Date(NOW.getTime() + 7 * 24 * 60 * 60 * 1000);
    expect(evaluate(config, inputs, [], weekLater).results[0]).toMatchObject({
      level: 'amber',
      value: 13.33,
    });
  });

  it('ignores weeks that do not start on a Monday or lie in the future', () => {
    const inputs = volunteer().hours(10).build();
    inputs.weeks.push({ ...inputs.weeks[0], weekStart: '2026-11-24', volunteerHours: 40 });
    inputs.weeks.push({ ...inputs.weeks[0], weekStart: '2026-11-30', volunteerHours: 40 });
    expect(evaluate(config, inputs, [], NOW).results[0]).toMatchObject({ value: 10 });
  });
});
