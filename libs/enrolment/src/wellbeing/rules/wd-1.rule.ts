import type { Rule } from './rule-support';
import { historyWeeks, insufficient, knownHours, mean, result, round, weekWindow } from './rule-support';

/**
 * WD-1 falling participation: the drop (a share, 0..1) of mean weighted hours over the last `recentWeeks`
 * against the `baselineWeeks` before, leave weeks and unknown weeks left out; it fires only from a baseline of
 * `minBaselineHours` or more. Never red on its own; it may be good news (more rest), and its explanation says so.
 * Insufficient data: under `trend.minHistoryWeeks` of history, or no known week in either window.
 */
export const wd1: Rule = (config, inputs, now) => {
  const { recentWeeks, baselineWeeks, amber, minBaselineHours } = config['WD-1'];
  const history = historyWeeks(inputs, now);
  if (history < config.trend.minHistoryWeeks) {
    return insufficient('WD-1', { historyWeeks: history, minHistoryWeeks: config.trend.minHistoryWeeks });
  }
  const recent = knownHours(config, weekWindow(inputs, now, 0, recentWeeks), true);
  const baseline = knownHours(config, weekWindow(inputs, now, recentWeeks, baselineWeeks), true);
  if (recent.length === 0 || baseline.length === 0)
    return insufficient('WD-1', { recentWeeks, baselineWeeks });
  const recentMean = mean(recent);
  const baselineMean = mean(baseline);
  const drop = baselineMean > 0 ? Math.max(0, 1 - recentMean / baselineMean) : 0;
  const fired = baselineMean >= minBaselineHours && drop >= amber;
  return result('WD-1', fired ? 'amber' : 'green', round(drop, 3), amber, {
    recentMean: round(recentMean, 1),
    baselineMean: round(baselineMean, 1),
    recentWeeks,
    baselineWeeks,
    minBaselineHours,
  });
};
