/**
 * The load-signal model's types (WELLBEING.md): what the rules read, what they answer. The rules are pure
 * functions of (configuration, inputs, now); the database gathers the inputs as compact weekly aggregates.
 */

export type Level = 'green' | 'amber' | 'red';

/** A rule's outcome: `info` never raises the overall level; `insufficient_data` when history is too short. */
export type RuleLevel = Level | 'info' | 'insufficient_data';

export type RuleCode =
  'VOL-1' | 'VOL-2' | 'DUR-1' | 'SPIKE-1' | 'REST-1' | 'REST-2' | 'ROLE-1' | 'REL-1' | 'WD-1' | 'TRAIN-1';

export type RuleFamily = 'volume' | 'recovery' | 'breadth' | 'withdrawal' | 'info';

/** Every rule, in the order of WELLBEING.md's table (and of an assessment's results). */
export const RULE_CODES: readonly RuleCode[] = [
  'VOL-1',
  'VOL-2',
  'DUR-1',
  'SPIKE-1',
  'REST-1',
  'REST-2',
  'ROLE-1',
  'REL-1',
  'WD-1',
  'TRAIN-1',
];

export const RULE_FAMILY: Readonly<Record<RuleCode, RuleFamily>> = {
  'VOL-1': 'volume',
  'VOL-2': 'volume',
  'DUR-1': 'volume',
  'SPIKE-1': 'volume',
  'REST-1': 'recovery',
  'REST-2': 'recovery',
  'ROLE-1': 'breadth',
  'REL-1': 'withdrawal',
  'WD-1': 'withdrawal',
  'TRAIN-1': 'info',
};

/**
 * One calendar week (Monday to Sunday, Europe/Amsterdam) of a volunteer's facts. Weeks come oldest first and
 * without holes: a week with nothing recorded is present with `volunteerHours: null`.
 */
export interface WeekAggregate {
  /** The Monday, `YYYY-MM-DD`. */
  weekStart: string;
  /** Hours from logged duties where any were logged that week, else the check-in's figure; null: unknown. */
  volunteerHours: number | null;
  /** Hours of training meetings attended (`present` or `late`). */
  trainingHours: number;
  /** Days of the week covered by leave (0..7); a week with 4 or more is a leave week for the trend rules. */
  leaveDays: number;
  /** Training meetings the volunteer was expected at (confirmed enrolment) that week. */
  planned: number;
  /** Cancellations after the session's deadline that week. */
  lateCancellations: number;
  /** Meetings marked `absent` (never `excused`) that week. */
  noShows: number;
}

/** An activity with a start and an end (a duty or an attended meeting), for the recovery rules. */
export interface ActivityInterval {
  startsAt: string;
  endsAt: string;
}

/** Consecutive unexcused missed meetings of one training session, for TRAIN-1. */
export interface TrainingStreak {
  sessionId: string;
  courseTitle: string;
  consecutiveMissed: number;
}

/** Everything the rules read for one volunteer. */
export interface VolunteerInputs {
  volunteerId: string;
  /** Up to 52 weeks, oldest first, ending with the week containing `now`. */
  weeks: WeekAggregate[];
  /** Duties and attended meetings that touch the last 14 days (bounded: a few dozen at most). */
  recentActivities: ActivityInterval[];
  /** Concurrently active roles (the latest check-in's or a coordinator's count); null when never given. */
  activeRoles: number | null;
  /** The consented caring band of the latest check-in that gave one; null without consent. */
  caring: { hoursBand: '<8' | '>=8'; durationBand: '<3m' | '>=3m' } | null;
  trainingStreaks: TrainingStreak[];
}

/** One rule's result, with the figures its explanation shows. */
export interface RuleResult {
  code: RuleCode;
  family: RuleFamily;
  level: RuleLevel;
  /**
   * The measured value (hours, weeks, ratio, days, count); null with `insufficient_data`, and always for VOL-2
   * (the caring band is the volunteer's own; a coordinator only learns that the rule fired).
   */
  value: number | null;
  /** The threshold the value is compared with for the level shown (the amber one while green). */
  threshold: number | null;
  /** Extra figures for the explanation, e.g. `{ weeks: 4, maxWeek: 25 }`. */
  details: Record<string, number | string>;
  /**
   * True when hysteresis keeps the rule at its earlier amber/red although this week's figures are lower: it
   * leaves that level only after `hysteresis.clearWeeks` weekly evaluations below the threshold by the margin.
   */
  held?: boolean;
}

/** The previous weekly evaluation of each rule, for hysteresis. */
export interface RuleHistory {
  code: RuleCode;
  /** The level the rule last stood at (after hysteresis). */
  level: RuleLevel;
  /** How many consecutive weekly evaluations in a row came in below the threshold by the margin. */
  clearWeeks: number;
  /**
   * The Monday (`YYYY-MM-DD`, Europe/Amsterdam) of the week whose evaluation was last counted in `clearWeeks`:
   * a second evaluation in that same week (an event, then the nightly run) does not count again. Absent or
   * null when nothing was counted.
   */
  clearWeekStart?: string | null;
}

export interface Assessment {
  /** The rule configuration's version that produced this assessment. */
  ruleVersion: string;
  level: Level;
  results: RuleResult[];
  /** Carried into the next evaluation. */
  history: RuleHistory[];
  evaluatedAt: string;
}
