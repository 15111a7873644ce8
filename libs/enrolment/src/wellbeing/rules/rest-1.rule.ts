import type { Rule } from './rule-support';
import { activityIntervals, insufficient, result } from './rule-support';
import { addDays, localDay } from './week';

/**
 * REST-1 few rest days: calendar days (Europe/Amsterdam) among the last `windowDays`, today included, on which
 * an activity started. Activities that have not started yet do not count. Without any activity in the inputs
 * (a volunteer who only files weekly check-ins) the rule has insufficient data: we cannot see rest days.
 */
export const rest1: Rule = (config, inputs, now) => {
  const { windowDays, amber, red } = config['REST-1'];
  if (inputs.recentActivities.length === 0) return insufficient('REST-1', { windowDays });
  const today = localDay(now);
  const first = addDays(today, -(windowDays - 1));
  const days = new Set(
    activityIntervals(inputs)
      .filter((a) => a.start <= now.getTime())
      .map((a) => localDay(new Date(a.start)))
      .filter((day) => day >= first && day <= today),
  );
  const active = days.size;
  const details = { windowDays, restDays: windowDays - active };
  if (active >= red) return result('REST-1', 'red', active, red, details);
  return result('REST-1', active >= amber ? 'amber' : 'green', active, amber, details);
};
