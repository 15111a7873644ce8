import type { Rule } from './rule-support';
import { result } from './rule-support';

/**
 * TRAIN-1 training interrupted: the longest run of consecutive unexcused missed meetings of one training. An
 * `info` nudge to offer a catch-up; it never raises the overall level.
 */
export const train1: Rule = (config, inputs) => {
  const { info } = config['TRAIN-1'];
  const longest = [...inputs.trainingStreaks].sort((a, b) => b.consecutiveMissed - a.consecutiveMissed)[0];
  const missed = longest?.consecutiveMissed ?? 0;
  if (!longest || missed < info) return result('TRAIN-1', 'green', missed, info);
  const trainings = inputs.trainingStreaks.filter((s) => s.consecutiveMissed >= info).length;
  return result('TRAIN-1', 'info', missed, info, {
    courseTitle: longest.courseTitle,
    sessionId: longest.sessionId,
    trainings,
  });
};
