import { role1 } from './role-1.rule';
import { DEFAULT_RULE_CONFIG as config } from './rule-config';
import { NOW, volunteer } from './testing/volunteer-inputs.builder';

describe('ROLE-1 many hats (concurrently active roles)', () => {
  it.each([
    [2, 'green'],
    [3, 'amber'],
    [4, 'amber'],
  ])('%p roles with modest hours is %s', (roles, level) => {
    const inputs = volunteer().hours(7.99, 7.99, 7.99, 7.99).activeRoles(roles).build();
    expect(role1(config, inputs, NOW)).toMatchObject({ level, value: roles });
  });

  it.each([
    [3, 'amber'],
    [4, 'red'],
    [5, 'red'],
  ])('%p roles with VOL-1 at amber is %s', (roles, level) => {
    const inputs = volunteer().hours(8, 8, 8, 8).activeRoles(roles).build();
    expect(role1(config, inputs, NOW).level).toBe(level);
  });

  it('has insufficient data when the count was never given', () => {
    expect(role1(config, volunteer().hours(20).build(), NOW).level).toBe('insufficient_data');
  });
});
