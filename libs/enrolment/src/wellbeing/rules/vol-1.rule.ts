import type { Rule } from './rule-support';
import { insufficient, knownHours, mean, result, round, weekWindow } from './rule-support';

/**
 * VOL-1 high effort: mean weighted hours per week over the last `windowWeeks` weeks (the current week
 * included). Weeks whose volunteer hours are unknown (no check-in, no duties) are left out of the mean rather
 * than read as zero; with no known week in the window the rule has insufficient data.
 */
export const vol1: Rule = (config, inputs, now) => {
  const { windowWeeks, amber, red, redAnyWeek } = config['VOL-1'];
  const hours = knownHours(config, weekWindow(inputs, now, 0, windowWeeks), false);
  if (hours.length === 0) return insufficient('VOL-1', { windowWeeks });
  const average = mean(hours);
  const maxWeek = Math.max(...hours);
  const details = { weeks: hours.length, windowWeeks, maxWeek: round(maxWeek, 1), amberHours: amber };
  if (average >= red) return result('VOL-1', 'red', round(average), red, { ...details, redBy: 'mean' });
  if (maxWeek >= redAnyWeek) {
    return result('VOL-1', 'red', round(average), redAnyWeek, { ...details, redBy: 'week' });
  }
  return result('VOL-1', average >= amber ? 'amber' : 'green', round(average), amber, details);
};
