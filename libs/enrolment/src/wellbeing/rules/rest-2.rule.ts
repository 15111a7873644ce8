import type { Rule } from './rule-support';
import { activityIntervals, insufficient, result, type Interval } from './rule-support';
import { addDays, localDay } from './week';

const HOUR_MS = 60 * 60 * 1000;

/**
 * REST-2 short recovery: rests shorter than `minRestHours` between activities, where the next activity starts
 * within the last `windowDays` days. Overlapping activities are merged first, and only a rest before an activity
 * that starts on a later calendar day than the previous one counts: a lunch break between a morning and an
 * afternoon duty is not a night's rest (the Arbeidstijdenwet's 11 hours are daily rest). Insufficient data
 * without any activity, as for REST-1.
 */
export const rest2: Rule = (config, inputs, now) => {
  const { windowDays, minRestHours, amber, red } = config['REST-2'];
  if (inputs.recentActivities.length === 0) return insufficient('REST-2', { windowDays });
  const first = addDays(localDay(now), -(windowDays - 1));
  const merged: Interval[] = [];
  for (const interval of activityIntervals(inputs)) {
    if (interval.start > now.getTime()) break;
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  let shortRests = 0;
  let shortestHours = Number.POSITIVE_INFINITY;
  for (let i = 1; i < merged.length; i++) {
    const previous = merged[i - 1];
    const next = merged[i];
    const nextDay = localDay(new Date(next.start));
    if (nextDay < first || nextDay === localDay(new Date(previous.start))) continue;
    const rest = (next.start - previous.end) / HOUR_MS;
    if (rest < minRestHours) {
      shortRests += 1;
      shortestHours = Math.min(shortestHours, rest);
    }
  }
  const details: Record<string, number> = { windowDays, minRestHours };
  if (shortRests > 0) details.shortestRestHours = Math.round(shortestHours * 10) / 10;
  if (shortRests >= red) return result('REST-2', 'red', shortRests, red, details);
  return result('REST-2', shortRests >= amber ? 'amber' : 'green', shortRests, amber, details);
};
