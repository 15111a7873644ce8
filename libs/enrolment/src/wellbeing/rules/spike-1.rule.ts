import type { Rule } from './rule-support';
import { historyWeeks, insufficient, knownHours, mean, result, round, weekWindow } from './rule-support';

/**
 * SPIKE-1 sudden rise: mean weighted hours of the last `recentWeeks` ÷ mean of the `baselineWeeks` before,
 * leave weeks and unknown weeks left out. The baseline counts as at least `baselineFloorHours`, so a rise from
 * nothing gives a finite ratio. Never red on its own (it can add to the overall level as one amber rule).
 * Insufficient data: under `trend.minHistoryWeeks` of history, or no known week in either window.
 */
export const spike1: Rule = (config, inputs, now) => {
  const { recentWeeks, baselineWeeks, amber, minRecentHours, baselineFloorHours } = config['SPIKE-1'];
  const history = historyWeeks(inputs, now);
  if (history < config.trend.minHistoryWeeks) {
    return insufficient('SPIKE-1', { historyWeeks: history, minHistoryWeeks: config.trend.minHistoryWeeks });
  }
  const recent = knownHours(config, weekWindow(inputs, now, 0, recentWeeks), true);
  const baseline = knownHours(config, weekWindow(inputs, now, recentWeeks, baselineWeeks), true);
  if (recent.length === 0 || baseline.length === 0)
    return insufficient('SPIKE-1', { recentWeeks, baselineWeeks });
  const recentMean = mean(recent);
  const baselineMean = mean(baseline);
  const ratio = recentMean / Math.max(baselineMean, baselineFloorHours);
  const fired = ratio >= amber && recentMean >= minRecentHours;
  return result('SPIKE-1', fired ? 'amber' : 'green', round(ratio), amber, {
    recentMean: round(recentMean, 1),
    baselineMean: round(baselineMean, 1),
    recentWeeks,
    baselineWeeks,
    minRecentHours,
  });
};
