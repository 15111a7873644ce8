import type { Rule } from './rule-support';
import { insufficient, raises, result } from './rule-support';
import { vol1 } from './vol-1.rule';

/**
 * ROLE-1 many hats: concurrently active roles. Red only with `red` roles and VOL-1 at amber or above (many
 * small roles are no burden by themselves). Insufficient data when the count was never given.
 */
export const role1: Rule = (config, inputs, now) => {
  const { amber, red } = config['ROLE-1'];
  const roles = inputs.activeRoles;
  if (roles === null) return insufficient('ROLE-1');
  if (roles >= red && raises(vol1(config, inputs, now).level)) return result('ROLE-1', 'red', roles, red);
  return result('ROLE-1', roles >= amber ? 'amber' : 'green', roles, amber);
};
