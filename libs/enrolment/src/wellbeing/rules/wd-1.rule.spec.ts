import { DEFAULT_RULE_CONFIG as config } from './rule-config';
import { NOW, repeat, volunteer } from './testing/volunteer-inputs.builder';
import { wd1 } from './wd-1.rule';

const drop = (baseline: number, recent: number) =>
  wd1(
    config,
    volunteer()
      .hours(...repeat(12, baseline), ...repeat(4, recent))
      .build(),
    NOW,
  );

describe('WD-1 falling participation (last 28 days against the 84 before)', () => {
  it.each([
    [5.01, 'green'],
    [5, 'amber'],
    [4.99, 'amber'],
  ])('from 10 to %p h/week is %s', (recent, level) => {
    expect(drop(10, recent)).toMatchObject({ level, threshold: 0.5 });
  });

  it('needs a baseline of 4 h/week or more', () => {
    expect(drop(3.99, 0)).toMatchObject({ level: 'green', value: 1 });
    expect(drop(4, 0).level).toBe('amber');
    expect(drop(4.01, 0).level).toBe('amber');
  });

  it('is never red, even when participation stopped', () => {
    expect(drop(30, 0).level).toBe('amber');
  });

  it('leaves leave weeks out: a holiday is no withdrawal', () => {
    const inputs = volunteer()
      .hours(...repeat(12, 10), ...repeat(4, 10))
      .weeks(3, { volunteerHours: 0, leaveDays: 7 })
      .build();
    expect(wd1(config, inputs, NOW)).toMatchObject({ level: 'green', value: 0 });
  });

  it('has insufficient data under 8 weeks of history or without known recent weeks', () => {
    const young = volunteer()
      .hours(...repeat(3, 10), ...repeat(4, 0))
      .build();
    expect(wd1(config, young, NOW).level).toBe('insufficient_data');
    const eight = volunteer()
      .hours(...repeat(4, 10), ...repeat(4, 0))
      .build();
    expect(wd1(config, eight, NOW).level).toBe('amber');
    const silent = volunteer()
      .hours(...repeat(12, 10), ...repeat(4, null))
      .build();
    expect(wd1(config, silent, NOW).level).toBe('insufficient_data');
  });
});
