import { rest2 } from './rest-2.rule';
import { DEFAULT_RULE_CONFIG as config } from './rule-config';
import { NOW, volunteer } from './testing/volunteer-inputs.builder';

/** `count` evenings until 23:00 each followed by a morning start the next day at `morning`. */
function shortNights(count: number, morning = '09:00') {
  const builder = volunteer();
  for (let i = 0; i < count; i++) {
    const evening = -13 + i * 3;
    builder.activity(evening, '18:00', '23:00').activity(evening + 1, morning, '12:00');
  }
  return rest2(config, builder.build(), NOW);
}

describe('REST-2 short recovery (rests under 11 h between days, last 14 days)', () => {
  it.each([
    [1, 'green'],
    [2, 'amber'],
    [3, 'amber'],
    [4, 'red'],
    [5, 'red'],
  ])('%p short nights is %s', (count, level) => {
    expect(shortNights(count)).toMatchObject({ level, value: count });
  });

  it('counts a rest shorter than 11 h, not one of exactly 11 h', () => {
    expect(shortNights(2, '09:59')).toMatchObject({ level: 'amber', details: { shortestRestHours: 11 } });
    expect(shortNights(2, '10:00')).toMatchObject({ level: 'green', value: 0 });
  });

  it('does not count a break between two duties on the same day', () => {
    const inputs = volunteer()
      .activity(-2, '09:00', '12:00')
      .activity(-2, '13:00', '17:00')
      .activity(-1, '09:00', '12:00')
      .activity(-1, '13:00', '17:00')
      .build();
    expect(rest2(config, inputs, NOW).value).toBe(0);
  });

  it('counts the rest after a night shift that ends after midnight', () => {
    const inputs = volunteer()
      .activity(-3, '22:00', '02:00', -2)
      .activity(-2, '08:00', '12:00')
      .activity(-2, '22:00', '02:00', -1)
      .activity(-1, '08:00', '12:00')
      .build();
    expect(rest2(config, inputs, NOW)).toMatchObject({ level: 'amber', value: 2 });
  });

  it('merges overlapping activities (a duty and a meeting during it)', () => {
    const inputs = volunteer()
      .activity(-3, '18:00', '23:00')
      .activity(-3, '19:00', '21:00')
      .activity(-2, '08:00', '09:00')
      .build();
    expect(rest2(config, inputs, NOW).value).toBe(1);
  });

  it('has insufficient data without any activity', () => {
    expect(rest2(config, volunteer().build(), NOW).level).toBe('insufficient_data');
  });
});
