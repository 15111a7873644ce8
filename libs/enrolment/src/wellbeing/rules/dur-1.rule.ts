import type { Rule } from './rule-support';
import { insufficient, result, weekWindow, weightedHours } from './rule-support';

/** Inputs hold at most a year of weeks; a run cannot be longer. */
const MAX_WEEKS = 52;

/**
 * DUR-1 long high: the run of consecutive weeks, counted back from the latest known week, with at least
 * `highWeekHours` weighted hours. The current week counts when known; when its hours are not in yet the run
 * starts at the week before. An unknown week ends a run (we do not assume it was high). Red reads WELLBEING's
 * "≥ 26 weeks with no week < 4 h" as: the amber run holds, and the run of weeks without a rest week (under
 * `restWeekHours`) is `red` weeks or longer.
 */
export const dur1: Rule = (config, inputs, now) => {
  const { highWeekHours, amber, red, restWeekHours } = config['DUR-1'];
  const hours = weekWindow(inputs, now, 0, MAX_WEEKS)
    .map(({ week }) => weightedHours(config, week))
    .reverse();
  if (hours[0] === null) hours.shift();
  if (hours.length === 0 || hours[0] === null || hours[0] === undefined) return insufficient('DUR-1');
  const runOf = (atLeast: number): number => {
    const end = hours.findIndex((h) => h === null || h < atLeast);
    return end === -1 ? hours.length : end;
  };
  const highWeeks = runOf(highWeekHours);
  const noRestWeeks = runOf(restWeekHours);
  const details = { highWeekHours, noRestWeeks, restWeekHours };
  if (highWeeks >= amber && noRestWeeks >= red) return result('DUR-1', 'red', highWeeks, red, details);
  return result('DUR-1', highWeeks >= amber ? 'amber' : 'green', highWeeks, amber, details);
};
