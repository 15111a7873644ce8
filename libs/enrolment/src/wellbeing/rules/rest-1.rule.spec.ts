import { rest1 } from './rest-1.rule';
import { DEFAULT_RULE_CONFIG as config } from './rule-config';
import { NOW, volunteer } from './testing/volunteer-inputs.builder';

/** An activity on each of the last `days` days, today included. */
function activeDays(days: number) {
  const builder = volunteer();
  for (let d = 0; d < days; d++) builder.activity(-d, '09:00', '10:00');
  return rest1(config, builder.build(), NOW);
}

describe('REST-1 few rest days (days with any activity, last 14)', () => {
  it.each([
    [11, 'green'],
    [12, 'amber'],
    [13, 'amber'],
    [14, 'red'],
  ])('%p active days is %s', (days, level) => {
    expect(activeDays(days)).toMatchObject({ level, value: days, details: { restDays: 14 - days } });
  });

  it('counts a day once, however many activities it has', () => {
    const inputs = volunteer().activity(0, '08:00', '09:00').activity(0, '13:00', '14:00').build();
    expect(rest1(config, inputs, NOW).value).toBe(1);
  });

  it('counts neither activities 14 days ago nor ones that have not started', () => {
    const inputs = volunteer().activity(-14, '09:00', '10:00').activity(0, '19:00', '21:00').build();
    expect(rest1(config, inputs, NOW)).toMatchObject({ level: 'green', value: 0 });
  });

  it('has insufficient data without any activity (check-ins only show no days)', () => {
    expect(rest1(config, volunteer().hours(20).build(), NOW)).toMatchObject({
      level: 'insufficient_data',
      value: null,
    });
  });
});
