import { dur1 } from './dur-1.rule';
import { DEFAULT_RULE_CONFIG as config } from './rule-config';
import { NOW, repeat, volunteer } from './testing/volunteer-inputs.builder';

const run = (...hours: (number | null)[]) =>
  dur1(
    config,
    volunteer()
      .hours(...hours)
      .build(),
    NOW,
  );

describe('DUR-1 long high (consecutive weeks of 8 weighted hours or more)', () => {
  it.each([
    [12, 'green'],
    [13, 'amber'],
    [14, 'amber'],
  ])('%p weeks in a row is %s', (weeks, level) => {
    expect(run(2, ...repeat(weeks, 8))).toMatchObject({ level, value: weeks });
  });

  it('counts a week only at 8 h or more', () => {
    expect(run(...repeat(12, 8), 7.99).value).toBe(0);
    expect(run(7.99, ...repeat(12, 8)).level).toBe('green');
  });

  it.each([
    [25, 'amber'],
    [26, 'red'],
    [27, 'red'],
  ])('%p weeks in a row without a week under 4 h is %s', (weeks, level) => {
    expect(run(3, ...repeat(weeks, 9)).level).toBe(level);
  });

  it('is red after 26 weeks without rest of which the last 13 were high', () => {
    expect(run(...repeat(13, 5), ...repeat(13, 8))).toMatchObject({
      level: 'red',
      value: 13,
      details: { noRestWeeks: 26 },
    });
  });

  it('is amber when a week under 4 h broke the 26 weeks', () => {
    expect(run(...repeat(12, 5), 3.99, ...repeat(13, 8)).level).toBe('amber');
    expect(run(...repeat(12, 5), 4, ...repeat(13, 8)).level).toBe('red');
  });

  it('starts at last week while this week has no hours yet', () => {
    expect(run(...repeat(13, 8), null)).toMatchObject({ level: 'amber', value: 13 });
  });

  it('ends a run at an unknown week rather than assuming it was high', () => {
    expect(run(...repeat(10, 8), null, ...repeat(5, 8)).value).toBe(5);
  });

  it('has insufficient data when neither this nor last week is known', () => {
    expect(run(...repeat(20, 8), null, null).level).toBe('insufficient_data');
    expect(dur1(config, volunteer().build(), NOW).level).toBe('insufficient_data');
  });
});
