import type { RuleConfig } from './rule-config';
import {
  RULE_FAMILY,
  type RuleCode,
  type RuleLevel,
  type RuleResult,
  type VolunteerInputs,
  type WeekAggregate,
} from './rule-model';
import { addWeeks, weekStartOf } from './week';

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
  week: WeekAggregate | undefined;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The weeks by how many weeks before the week of `now` they lie, and the weeks of history. */
interface WeekIndex {
  at: number;
  byOffset: (WeekAggregate | undefined)[];
  historyWeeks: number;
}

/**
 * The nightly run evaluates every volunteer, and each rule reads several windows: index the weeks once per
 * (inputs, now). Inputs are treated as immutable once built, as the evaluation service builds them.
 */
const indexes = new WeakMap<VolunteerInputs, WeekIndex>();

/** Two years of Mondays before the week of the last `now` asked, by name: parsing dates is the slow part. */
let offsetsAt = Number.NaN;
let offsets = new Map<string, number>();

function offsetOf(weekStart: string, now: Date): number | undefined {
  if (now.getTime() !== offsetsAt) {
    const current = weekStartOf(now);
    offsets = new Map(Array.from({ length: 104 }, (_, i) => [addWeeks(current, -i), i]));
    offsetsAt = now.getTime();
  }
  const known = offsets.get(weekStart);
  if (known !== undefined) return known;
  // Older weeks, and anything that is not a Monday up to the current week (which reads as unknown).
  const distance = Date.parse(`${weekStartOf(now)}T00:00:00Z`) - Date.parse(`${weekStart}T00:00:00Z`);
  return distance >= 0 && distance % WEEK_MS === 0 ? distance / WEEK_MS : undefined;
}

function weekIndex(inputs: VolunteerInputs, now: Date): WeekIndex {
  const cached = indexes.get(inputs);
  if (cached && cached.at === now.getTime()) return cached;
  const byOffset: (WeekAggregate | undefined)[] = [];
  let oldestWithFacts = -1;
  for (const week of inputs.weeks) {
    const offset = offsetOf(week.weekStart, now);
    if (offset === undefined) continue;
    byOffset[offset] = week;
    const facts =
      week.volunteerHours !== null || week.trainingHours > 0 || week.planned > 0 || week.leaveDays > 0;
    if (facts) oldestWithFacts = Math.max(oldestWithFacts, offset);
  }
  const index = { at: now.getTime(), byOffset, historyWeeks: oldestWithFacts + 1 };
  indexes.set(inputs, index);
  return index;
}

/**
 * `count` weeks ending `offset` weeks before the week of `now` (offset 0: ending with the current week), oldest
 * first. Weeks are matched by their Monday, so a hole in the inputs reads as an unknown week.
 */
export function weekWindow(inputs: VolunteerInputs, now: Date, offset: number, count: number): WindowWeek[] {
  const { byOffset } = weekIndex(inputs, now);
  const window: WindowWeek[] = [];
  for (let i = offset + count - 1; i >= offset; i--) window.push({ week: byOffset[i] });
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
  return weekIndex(inputs, now).historyWeeks;
}

export const raises = (level: RuleLevel): boolean => level === 'amber' || level === 'red';

/** An activity as instants (ms), earliest start first. */
export interface Interval {
  start: number;
  end: number;
}

const intervals = new WeakMap<VolunteerInputs, readonly Interval[]>();

/** The recent activities parsed once per inputs for both recovery rules; unparseable ones are left out. */
export function activityIntervals(inputs: VolunteerInputs): readonly Interval[] {
  let parsed = intervals.get(inputs);
  if (!parsed) {
    parsed = inputs.recentActivities
      .map((a) => ({ start: Date.parse(a.startsAt), end: Date.parse(a.endsAt) }))
      .filter((a) => a.end >= a.start)
      .sort((a, b) => a.start - b.start);
    intervals.set(inputs, parsed);
  }
  return parsed;
}
