import { DEFAULT_RULE_CONFIG as config } from './rule-config';
import { repeat, volunteer } from './testing/volunteer-inputs.builder';
import { NOW } from './testing/volunteer-inputs.builder';
import { vol1 } from './vol-1.rule';

const levelFor = (...hours: (number | null)[]) =>
  vol1(
    config,
    volunteer()
      .hours(...hours)
      .build(),
    NOW,
  );

describe('VOL-1 high effort (mean weighted hours per week, last 4 weeks)', () => {
  it.each([
    [7.99, 'green'],
    [8, 'amber'],
    [8.01, 'amber'],
    [15.99, 'amber'],
    [16, 'red'],
    [16.01, 'red'],
  ])('a mean of %p h/week is %s', (hours, level) => {
    const result = levelFor(...repeat(4, hours));
    expect(result.level).toBe(level);
    expect(result.value).toBeCloseTo(hours, 2);
  });

  it('turns red on any single week of 24 h or more, just below that it reads the mean', () => {
    expect(levelFor(0, 0, 0, 24)).toMatchObject({ level: 'red', threshold: 24, details: { redBy: 'week' } });
    expect(levelFor(0, 0, 0, 24.01).level).toBe('red');
    expect(levelFor(0, 0, 0, 23.99)).toMatchObject({ level: 'green', value: 6 });
  });

  it('weighs training hours by one half', () => {
    const inputs = volunteer().weeks(4, { volunteerHours: 6, trainingHours: 4 }).build();
    expect(vol1(config, inputs, NOW)).toMatchObject({ level: 'amber', value: 8 });
    const justBelow = volunteer().weeks(4, { volunteerHours: 6, trainingHours: 3.98 }).build();
    expect(vol1(config, justBelow, NOW).level).toBe('green');
  });

  it('leaves weeks without known hours out of the mean instead of counting them as zero', () => {
    expect(levelFor(null, 20, null, 20)).toMatchObject({ level: 'red', value: 20, details: { weeks: 2 } });
  });

  it('only looks at the last 4 weeks', () => {
    expect(levelFor(40, 2, 2, 2, 2)).toMatchObject({ level: 'green', value: 2 });
  });

  it('has insufficient data without one known week in the window', () => {
    expect(levelFor(null, null, null, null)).toMatchObject({ level: 'insufficient_data', value: null });
    expect(vol1(config, volunteer().build(), NOW).level).toBe('insufficient_data');
    expect(levelFor(30, null, null, null, null).level).toBe('insufficient_data');
  });
});
