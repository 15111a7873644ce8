import { DEFAULT_RULE_CONFIG as config } from './rule-config';
import { NOW, volunteer } from './testing/volunteer-inputs.builder';
import { vol2 } from './vol-2.rule';

describe('VOL-2 combined care load (consented caring band)', () => {
  it('is amber with care of 8 h/week or more for 3 months or more', () => {
    const inputs = volunteer().hours(7.99, 7.99, 7.99, 7.99).caring('>=8', '>=3m').build();
    expect(vol2(config, inputs, NOW)).toMatchObject({ level: 'amber', value: null });
  });

  it('is red when VOL-1 is at amber as well, at its threshold', () => {
    const inputs = volunteer().hours(8, 8, 8, 8).caring('>=8', '>=3m').build();
    expect(vol2(config, inputs, NOW).level).toBe('red');
  });

  it.each([
    ['<8', '>=3m'],
    ['>=8', '<3m'],
    ['<8', '<3m'],
  ] as const)('stays green with care %s h for %s', (hoursBand, durationBand) => {
    const inputs = volunteer().hours(20, 20, 20, 20).caring(hoursBand, durationBand).build();
    expect(vol2(config, inputs, NOW).level).toBe('green');
  });

  it('is green without consent, so nobody can tell who declined, and never shows the band', () => {
    const result = vol2(config, volunteer().hours(20, 20, 20, 20).build(), NOW);
    expect(result).toMatchObject({ level: 'green', value: null, threshold: null, details: {} });
  });
});
