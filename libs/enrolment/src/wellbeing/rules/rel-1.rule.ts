import type { Rule, WindowWeek } from './rule-support';
import { historyWeeks, insufficient, isLeaveWeek, result, round, weekWindow } from './rule-support';
import type { RuleConfig } from './rule-config';

function totals(config: RuleConfig, window: WindowWeek[]) {
  let planned = 0;
  let missed = 0;
  let noShows = 0;
  for (const { week } of window) {
    if (!week || isLeaveWeek(config, week)) continue;
    planned += week.planned;
    missed += week.lateCancellations + week.noShows;
    noShows += week.noShows;
  }
  return { planned, missed, noShows };
}

/**
 * REL-1 more cancellations: late cancellations + no-shows over the last `recentWeeks` against the volunteer's
 * own rate (missed ÷ planned) over the `baselineWeeks` before, floored at `baselineFloor`. Planned counts every
 * meeting the volunteer was expected at, also those then cancelled late or missed. Leave weeks are left out.
 * Insufficient data: under `trend.minHistoryWeeks` of history, or fewer than `minPlanned` planned meetings in
 * the recent window.
 */
export const rel1: Rule = (config, inputs, now) => {
  const c = config['REL-1'];
  const history = historyWeeks(inputs, now);
  if (history < config.trend.minHistoryWeeks) {
    return insufficient('REL-1', { historyWeeks: history, minHistoryWeeks: config.trend.minHistoryWeeks });
  }
  const recent = totals(config, weekWindow(inputs, now, 0, c.recentWeeks));
  if (recent.planned < c.minPlanned) {
    return insufficient('REL-1', { planned: recent.planned, minPlanned: c.minPlanned });
  }
  const baseline = totals(config, weekWindow(inputs, now, c.recentWeeks, c.baselineWeeks));
  const last = totals(config, weekWindow(inputs, now, 0, c.redShareWeeks));
  const baselineRate = Math.max(
    baseline.planned > 0 ? baseline.missed / baseline.planned : 0,
    c.baselineFloor,
  );
  const recentRate = recent.missed / recent.planned;
  const lastShare = last.planned > 0 ? last.missed / last.planned : 0;
  const details = {
    recentWeeks: c.recentWeeks,
    planned: recent.planned,
    noShows: recent.noShows,
    lateCancellations: recent.missed - recent.noShows,
    recentRatePct: round(recentRate * 100, 0),
    baselineRatePct: round(baselineRate * 100, 0),
    shareWeeks: c.redShareWeeks,
    plannedLast: last.planned,
    missedLast: last.missed,
  };
  if (recent.noShows >= c.redNoShows) {
    return result('REL-1', 'red', recent.missed, c.redNoShows, { ...details, redBy: 'noShows' });
  }
  if (last.planned > 0 && lastShare >= c.redShareMissed) {
    return result('REL-1', 'red', recent.missed, c.amber, { ...details, redBy: 'share' });
  }
  const fired = recent.missed >= c.amber && recentRate >= c.amberRatio * baselineRate;
  return result('REL-1', fired ? 'amber' : 'green', recent.missed, c.amber, details);
};
