import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Level, RuleLevel } from './rules/rule-model';

/*
 * The load-signal module's tables (WELLBEING.md). Everything here is about one volunteer and is removed with them;
 * the coordinator-facing tables (flags, audit) are scoped by organisation in every query.
 * WARNING: table and column names are persisted; the stored string values (levels, statuses, bands) are too.
 */

export type HoursBand = '<8' | '>=8';
export type DurationBand = '<3m' | '>=3m';
export type FlagStatus = 'open' | 'acknowledged' | 'resolved' | 'withdrawn';

const datetime = (name: string, nullable = false) =>
  ({ name, type: 'datetime', precision: 3, nullable }) as const;

/** The weekly check-in: one per volunteer and week (a second replaces the first). */
@Entity({ name: 'wellbeing_check_ins' })
export class CheckIn {
  @PrimaryColumn({ name: 'volunteer_id', type: 'varchar', length: 36 })
  volunteerId!: string;

  /** The Monday, `YYYY-MM-DD`. */
  @PrimaryColumn({ name: 'week_start', type: 'varchar', length: 10 })
  weekStart!: string;

  @Column({ name: 'volunteer_hours', type: 'double' })
  volunteerHours!: number;

  @Column({ name: 'active_roles', type: 'int', nullable: true })
  activeRoles!: number | null;

  @Column(datetime('created_at'))
  createdAt!: Date;
}

/** An activity logged by the volunteer or a coordinator (or imported), for precise hours and the recovery rules. */
@Entity({ name: 'wellbeing_duties' })
export class Duty {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'volunteer_id', type: 'varchar', length: 36 })
  volunteerId!: string;

  @Column(datetime('starts_at'))
  startsAt!: Date;

  @Column(datetime('ends_at'))
  endsAt!: Date;

  @Column({ type: 'varchar', length: 80, nullable: true })
  role!: string | null;

  @Column({ name: 'entered_by', type: 'varchar', length: 36, nullable: true })
  enteredBy!: string | null;

  @Column(datetime('created_at'))
  createdAt!: Date;
}

/** A period away, inclusive dates; no reason is ever stored. */
@Entity({ name: 'wellbeing_leave' })
export class Leave {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'volunteer_id', type: 'varchar', length: 36 })
  volunteerId!: string;

  @Column({ name: 'from_date', type: 'varchar', length: 10 })
  fromDate!: string;

  @Column({ name: 'to_date', type: 'varchar', length: 10 })
  toDate!: string;

  @Column(datetime('created_at'))
  createdAt!: Date;
}

/** The volunteer's concurrently active roles: the latest count, from a check-in or a coordinator. */
@Entity({ name: 'wellbeing_active_roles' })
export class ActiveRoles {
  @PrimaryColumn({ name: 'volunteer_id', type: 'varchar', length: 36 })
  volunteerId!: string;

  @Column({ type: 'int' })
  count!: number;

  @Column({ name: 'set_by', type: 'varchar', length: 36, nullable: true })
  setBy!: string | null;

  @Column(datetime('set_at'))
  setAt!: Date;
}

/** The caring band, only ever stored with the volunteer's consent (they gave it in a check-in). */
@Entity({ name: 'wellbeing_caring' })
export class CaringBand {
  @PrimaryColumn({ name: 'volunteer_id', type: 'varchar', length: 36 })
  volunteerId!: string;

  @Column({ name: 'hours_band', type: 'varchar', length: 4 })
  hoursBand!: HoursBand;

  @Column({ name: 'duration_band', type: 'varchar', length: 4 })
  durationBand!: DurationBand;

  @Column(datetime('consented_at'))
  consentedAt!: Date;
}

/** A self-check's outcome. The answers are never stored, only the score and the band. */
@Entity({ name: 'wellbeing_self_checks' })
export class SelfCheckResult {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'volunteer_id', type: 'varchar', length: 36 })
  volunteerId!: string;

  @Column({ type: 'varchar', length: 40 })
  instrument!: string;

  @Column({ type: 'int' })
  score!: number;

  @Column({ type: 'varchar', length: 5 })
  band!: Level;

  /** The volunteer's explicit act: only then may their coordinators see band, date and instrument. */
  @Column({ type: 'boolean' })
  shared!: boolean;

  @Column(datetime('taken_at'))
  takenAt!: Date;
}

/** A volunteer's objection to sharing their signals with one organisation; honoured from the moment it is stored. */
@Entity({ name: 'wellbeing_visibility' })
export class Visibility {
  @PrimaryColumn({ name: 'volunteer_id', type: 'varchar', length: 36 })
  volunteerId!: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ name: 'object_to_sharing', type: 'boolean' })
  objectToSharing!: boolean;

  @Column(datetime('changed_at'))
  changedAt!: Date;
}

/** The latest assessment of a volunteer, with what hysteresis needs next time. */
@Entity({ name: 'wellbeing_assessments' })
export class AssessmentRow {
  @PrimaryColumn({ name: 'volunteer_id', type: 'varchar', length: 36 })
  volunteerId!: string;

  @Column({ name: 'rule_version', type: 'varchar', length: 40 })
  ruleVersion!: string;

  @Column({ type: 'varchar', length: 5 })
  level!: Level;

  /** RuleResult[] as JSON. */
  @Column({ type: 'text' })
  results!: string;

  /** RuleHistory[] after this evaluation, as JSON: the next evaluation's hysteresis starts from it. */
  @Column({ type: 'text' })
  history!: string;

  /** The Monday of the week this assessment belongs to. */
  @Column({ name: 'week_start', type: 'varchar', length: 10 })
  weekStart!: string;

  @Column(datetime('evaluated_at'))
  evaluatedAt!: Date;
}

/** One rule's level in one week (rule `overall` is the overall level), for trends. */
@Entity({ name: 'wellbeing_signal_history' })
export class SignalHistory {
  @PrimaryColumn({ name: 'volunteer_id', type: 'varchar', length: 36 })
  volunteerId!: string;

  @PrimaryColumn({ name: 'week_start', type: 'varchar', length: 10 })
  weekStart!: string;

  @PrimaryColumn({ name: 'rule_code', type: 'varchar', length: 10 })
  ruleCode!: string;

  @Column({ type: 'varchar', length: 20 })
  level!: RuleLevel;

  @Column({ type: 'double', nullable: true })
  value!: number | null;

  @Column({ name: 'rule_version', type: 'varchar', length: 40 })
  ruleVersion!: string;

  @Column(datetime('evaluated_at'))
  evaluatedAt!: Date;
}

/** A volunteer turned amber or red, for one organisation whose coordinators may see it. */
@Entity({ name: 'wellbeing_flags' })
export class Flag {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'volunteer_id', type: 'varchar', length: 36 })
  volunteerId!: string;

  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ type: 'varchar', length: 5 })
  level!: 'amber' | 'red';

  /** Comma-separated rule codes that fired. */
  @Column({ name: 'rule_codes', type: 'varchar', length: 200 })
  ruleCodes!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: FlagStatus;

  @Column(datetime('raised_at'))
  raisedAt!: Date;

  @Column(datetime('acknowledged_at', true))
  acknowledgedAt!: Date | null;

  @Column(datetime('closed_at', true))
  closedAt!: Date | null;

  @Column(datetime('updated_at'))
  updatedAt!: Date;
}

export type FlagEventKind = 'raised' | 'escalated' | 'acknowledged' | 'resolved' | 'withdrawn' | 'noted';

/** A flag's timeline: what happened and, for a coordinator's act, their note. */
@Entity({ name: 'wellbeing_flag_notes' })
export class FlagNote {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'flag_id', type: 'varchar', length: 36 })
  flagId!: string;

  @Column({ type: 'varchar', length: 12 })
  kind!: FlagEventKind;

  @Column({ name: 'author_id', type: 'varchar', length: 36, nullable: true })
  authorId!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column(datetime('created_at'))
  createdAt!: Date;
}

/** Who looked at whose signals, when and what: the volunteer reads it. */
@Entity({ name: 'wellbeing_audit' })
export class AuditEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'volunteer_id', type: 'varchar', length: 36 })
  volunteerId!: string;

  /** Null once the viewer erased their account. */
  @Column({ name: 'viewer_id', type: 'varchar', length: 36, nullable: true })
  viewerId!: string | null;

  @Column({ name: 'viewer_name', type: 'varchar', length: 120 })
  viewerName!: string;

  @Column({ name: 'organisation_id', type: 'varchar', length: 36, nullable: true })
  organisationId!: string | null;

  /** What was seen: `overview`, `flag`, `flags`. */
  @Column({ type: 'varchar', length: 20 })
  what!: string;

  @Column(datetime('viewed_at'))
  viewedAt!: Date;
}

/** An organisation's validated overrides of the rule thresholds (JSON). */
@Entity({ name: 'wellbeing_rule_overrides' })
export class RuleOverrides {
  @PrimaryColumn({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ type: 'text' })
  overrides!: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 36, nullable: true })
  updatedBy!: string | null;

  @Column(datetime('updated_at'))
  updatedAt!: Date;
}

/** The catalogue's courses as far as recommendations need them (from catalogue.course.changed.v1). */
@Entity({ name: 'wellbeing_courses' })
export class ThemedCourse {
  @PrimaryColumn({ name: 'course_id', type: 'varchar', length: 36 })
  courseId!: string;

  @Column({ type: 'varchar', length: 150 })
  title!: string;

  @Column({ type: 'varchar', length: 2 })
  language!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: string;

  @Column({ type: 'int' })
  version!: number;
}

@Entity({ name: 'wellbeing_course_themes' })
export class CourseTheme {
  @PrimaryColumn({ name: 'course_id', type: 'varchar', length: 36 })
  courseId!: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  theme!: string;
}

/** A volunteer whose data changed: evaluated by the scheduler once `due_at` passes (debounced, survives restarts). */
@Entity({ name: 'wellbeing_pending' })
export class PendingEvaluation {
  @PrimaryColumn({ name: 'volunteer_id', type: 'varchar', length: 36 })
  volunteerId!: string;

  @Column(datetime('due_at'))
  dueAt!: Date;
}

/** The last day a daily job ran; claimed with a conditional update so one replica runs it per day. */
@Entity({ name: 'wellbeing_job_runs' })
export class JobRun {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ name: 'last_run_on', type: 'varchar', length: 10 })
  lastRunOn!: string;

  @Column(datetime('updated_at'))
  updatedAt!: Date;
}

export const wellbeingEntities = [
  CheckIn,
  Duty,
  Leave,
  ActiveRoles,
  CaringBand,
  SelfCheckResult,
  Visibility,
  AssessmentRow,
  SignalHistory,
  Flag,
  FlagNote,
  AuditEntry,
  RuleOverrides,
  ThemedCourse,
  CourseTheme,
  PendingEvaluation,
  JobRun,
];
