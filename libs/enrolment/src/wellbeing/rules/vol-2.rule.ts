import type { Rule } from './rule-support';
import { raises, result } from './rule-support';
import { vol1 } from './vol-1.rule';

/**
 * VOL-2 combined care load: the consented caring band says care of 8 h/week or more for 3 months or more
 * (SCP's "long-term and intensive"); red when VOL-1 is amber or above as well. Without consent the rule is
 * green, not `insufficient_data`: a coordinator must not be able to tell who declined to share their band.
 * The value stays null and the details name no band, for the same reason.
 */
export const vol2: Rule = (config, inputs, now) => {
  const caring = inputs.caring;
  const longIntensive = caring?.hoursBand === '>=8' && caring.durationBand === '>=3m';
  if (!longIntensive) return result('VOL-2', 'green', null, null);
  const effortHigh = raises(vol1(config, inputs, now).level);
  return result('VOL-2', effortHigh ? 'red' : 'amber', null, null);
};
