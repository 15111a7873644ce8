import { rel1 } from './rel-1.rule';
import { DEFAULT_RULE_CONFIG as config } from './rule-config';
import { InputsBuilder, NOW, volunteer } from './testing/volunteer-inputs.builder';

/** 32 weeks with one planned meeting each: 24 baseline weeks, then the 8 recent ones (weeks 7..0 back). */
const planned = (): InputsBuilder => volunteer().weeks(32, { volunteerHours: 4, planned: 1 });
const missedLate = (b: InputsBuilder, ...back: number[]) => {
  back.forEach((w) => b.week(w, { lateCancellations: 1 }));
  return b;
};
const noShow = (b: InputsBuilder, ...back: number[]) => {
  back.forEach((w) => b.week(w, { noShows: 1 }));
  return b;
};

describe('REL-1 more cancellations (last 8 weeks against the own rate of the 24 before)', () => {
  it.each([
    [[7], 'green'],
    [[7, 6], 'amber'],
    [[7, 6, 5], 'amber'],
  ])('late cancellations in weeks %p back, from a clean record, is %s', (weeks, level) => {
    const result = rel1(config, missedLate(planned(), ...weeks).build(), NOW);
    expect(result).toMatchObject({ level, value: weeks.length, threshold: 2 });
  });

  it('compares with twice the own baseline rate', () => {
    // Baseline 3 of 24 = 12.5%; twice that is 25%: 2 of 8 reaches it, and with 4 baseline misses it does not.
    const atTwice = missedLate(planned(), 30, 20, 10, 7, 6).build();
    expect(rel1(config, atTwice, NOW)).toMatchObject({
      level: 'amber',
      details: { baselineRatePct: 13, recentRatePct: 25 },
    });
    const belowTwice = missedLate(planned(), 30, 20, 15, 10, 7, 6).build();
    expect(rel1(config, belowTwice, NOW).level).toBe('green');
  });

  it('floors the baseline at 5% of planned', () => {
    const result = rel1(config, missedLate(planned(), 7, 6).build(), NOW);
    expect(result.details).toMatchObject({ baselineRatePct: 5 });
  });

  it.each([
    [2, 'amber'],
    [3, 'red'],
    [4, 'red'],
  ])('%p no-shows in 8 weeks (outside the last 4) is %s', (count, level) => {
    const result = rel1(config, noShow(planned(), ...[7, 6, 5, 4].slice(0, count)).build(), NOW);
    expect(result.level).toBe(level);
  });

  it('is red when half of what was planned in the last 4 weeks was missed', () => {
    expect(rel1(config, missedLate(planned(), 3).build(), NOW).level).toBe('green');
    expect(rel1(config, missedLate(planned(), 3, 2).build(), NOW)).toMatchObject({
      level: 'red',
      details: { redBy: 'share', missedLast: 2, plannedLast: 4 },
    });
    expect(rel1(config, missedLate(planned(), 3, 2, 1).build(), NOW).level).toBe('red');
  });

  it('has insufficient data with fewer than 4 planned meetings in the 8 weeks', () => {
    const few = volunteer()
      .weeks(24, { volunteerHours: 4, planned: 1 }, 8)
      .weeks(3, { planned: 1, noShows: 1 })
      .build();
    expect(rel1(config, few, NOW)).toMatchObject({ level: 'insufficient_data', details: { planned: 3 } });
    const enough = volunteer()
      .weeks(24, { volunteerHours: 4, planned: 1 }, 8)
      .weeks(4, { planned: 1, noShows: 1 })
      .build();
    expect(rel1(config, enough, NOW).level).toBe('red');
  });

  it('has insufficient data under 8 weeks of history', () => {
    const young = volunteer().weeks(7, { planned: 2, lateCancellations: 1 }).build();
    expect(rel1(config, young, NOW)).toMatchObject({
      level: 'insufficient_data',
      details: { historyWeeks: 7 },
    });
  });

  it('leaves leave weeks out', () => {
    const inputs = missedLate(planned(), 7, 6).week(7, { leaveDays: 7 }).build();
    expect(rel1(config, inputs, NOW)).toMatchObject({ level: 'green', value: 1 });
  });
});
