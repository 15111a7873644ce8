import { DEFAULT_RULE_CONFIG as config } from './rule-config';
import { spike1 } from './spike-1.rule';
import { NOW, repeat, volunteer } from './testing/volunteer-inputs.builder';

/** 12 baseline weeks, then the last 4 (the current week included). */
const spike = (baseline: number, recent: number) =>
  spike1(
    config,
    volunteer()
      .hours(...repeat(12, baseline), ...repeat(4, recent))
      .build(),
    NOW,
  );

describe('SPIKE-1 sudden rise (last 28 days ÷ the 84 before)', () => {
  it.each([
    [8.99, 'green'],
    [9, 'amber'],
    [9.01, 'amber'],
  ])('from 6 to %p h/week is %s', (recent, level) => {
    expect(spike(6, recent)).toMatchObject({ level, threshold: 1.5 });
  });

  it('needs a recent mean of 8 h/week or more', () => {
    expect(spike(5, 7.99).level).toBe('green');
    expect(spike(5, 8)).toMatchObject({ level: 'amber', value: 1.6 });
    expect(spike(5, 8.01).level).toBe('amber');
  });

  it('is never red, however steep the rise', () => {
    expect(spike(1, 40)).toMatchObject({ level: 'amber', value: 40 });
  });

  it('counts a baseline of nothing as 1 h/week', () => {
    expect(spike(0, 8)).toMatchObject({ level: 'amber', value: 8 });
  });

  it('leaves leave weeks out of both windows', () => {
    const inputs = volunteer()
      .hours(...repeat(12, 6), ...repeat(4, 9))
      .weeks(6, { volunteerHours: 0, leaveDays: 7 }, 4)
      .week(0, { volunteerHours: 0, leaveDays: 4 })
      .build();
    expect(spike1(config, inputs, NOW)).toMatchObject({ level: 'amber', value: 1.5 });
  });

  it('has insufficient data under 8 weeks of history, and evaluates from 8', () => {
    const seven = volunteer()
      .hours(...repeat(3, 2), ...repeat(4, 9))
      .build();
    expect(spike1(config, seven, NOW)).toMatchObject({
      level: 'insufficient_data',
      details: { historyWeeks: 7 },
    });
    const eight = volunteer()
      .hours(...repeat(4, 2), ...repeat(4, 9))
      .build();
    expect(spike1(config, eight, NOW).level).toBe('amber');
  });

  it('has insufficient data when the recent weeks are unknown', () => {
    const inputs = volunteer()
      .hours(...repeat(12, 6), ...repeat(4, null))
      .build();
    expect(spike1(config, inputs, NOW).level).toBe('insufficient_data');
  });
});
