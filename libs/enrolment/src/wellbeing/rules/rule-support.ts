import type { RuleConfig } from './rule-config';
import {
  RULE_FAMILY,
  type RuleCode,
  type RuleLevel,
  type RuleResult,
  type VolunteerInputs,
  type WeekAggregate,
} from './rule-model';
import { addWeeks, daysBetween, weekStartOf } from './week';

/** A rule: a pure function of the configuration, one volunteer's inputs and the moment of evaluation. */
export type Rule = (config: RuleConfig, inputs: VolunteerInputs, now: Date) => RuleResult;

export function result(
  code: RuleCode,
  level: RuleLevel,
  value: number | null,
  threshold: number | null,
  details: Record<string, number | string> = {},
): RuleResult {
  return { code, family: RULE_FAMILY[code], level, value, threshold, details };
}

export const insufficient = (code: RuleCode, details: Record<string, number | string> = {}): RuleResult =>
  result(code, 'insufficient_data', null, null, details);

/** Rounded for display and storage; levels are always decided on the unrounded figure. */
export const round = (value: number, digits = 2): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** A week of the window: `week` is undefined when the inputs hold nothing for it. */
export interface WindowWeek {
  weekStart: string;
  week: WeekAggregate | undefined;
}

/**
 * `count` weeks ending `offset` weeks before the week of `now` (offset 0: ending with the current week), oldest
 * first. Weeks are matched by their Monday, so a hole in the inputs reads as an unknown week.
 */
export function weekWindow(inputs: VolunteerInputs, now: Date, offset: number, count: number): WindowWeek[] {
  const current = weekStartOf(now);
  const byStart = new Map(inputs.weeks.map((w) => [w.weekStart, w]));
  const window: WindowWeek[] = [];
  for (let i = offset + count - 1; i >= offset; i--) {
    const weekStart = addWeeks(current, -i);
    window.push({ weekStart, week: byStart.get(weekStart) });
  }
  return window;
}

/** Volunteer hours + weight × training hours; null when the volunteer hours of the week are unknown. */
export function weightedHours(config: RuleConfig, week: WeekAggregate | undefined): number | null {
  if (!week || week.volunteerHours === null) return null;
  return week.volunteerHours + config.weights.training * week.trainingHours;
}

export const isLeaveWeek = (config: RuleConfig, week: WeekAggregate | undefined): boolean =>
  (week?.leaveDays ?? 0) >= config.trend.leaveWeekDays;

/** Weighted hours of the known weeks of a window, leave weeks left out when asked (the trend rules). */
export function knownHours(config: RuleConfig, window: WindowWeek[], skipLeave: boolean): number[] {
  return window
    .filter(({ week }) => !(skipLeave && isLeaveWeek(config, week)))
    .map(({ week }) => weightedHours(config, week))
    .filter((hours): hours is number => hours !== null);
}

export const mean = (values: number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * Weeks of history: from the first week with any recorded fact (hours, training, a planned meeting, leave) up
 * to and including the week of `now`; 0 with nothing recorded.
 */
export function historyWeeks(inputs: VolunteerInputs, now: Date): number {
  const current = weekStartOf(now);
  const first = inputs.weeks
    .filter(
      (w) =>
        w.weekStart <= current &&
        (w.volunteerHours !== null || w.trainingHours > 0 || w.planned > 0 || w.leaveDays > 0),
    )
    .map((w) => w.weekStart)
    .sort()[0];
  return first === undefined ? 0 : Math.floor(daysBetween(first, current) / 7) + 1;
}

export const raises = (level: RuleLevel): boolean => level === 'amber' || level === 'red';
