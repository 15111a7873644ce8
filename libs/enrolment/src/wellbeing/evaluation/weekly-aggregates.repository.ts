import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ENROLMENT } from '../../enrolment.constants';
import {
  addWeeks,
  type ActivityInterval,
  type TrainingStreak,
  type VolunteerInputs,
  type WeekAggregate,
  weekStartOf,
} from '../rules';
import { amsterdamInstant, dbTime, readTime } from './amsterdam-time';
import {
  dialectOf,
  localWeekIndex,
  scopeParams,
  type SqlDialect,
  type VolunteerScope as Scope,
  within,
} from './sql-dialect';

/** Weeks of facts the rules may read (WeekAggregate: up to 52, ending with the current week). */
export const WINDOW_WEEKS = 52;
const RECENT_DAYS = 14;
/** Meetings this far back are enough to find a training's current streak of missed meetings. */
const STREAK_WEEKS = 16;
const DAY_MS = 86_400_000;

type Row = Record<string, unknown>;
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const str = (value: unknown): string => String(value);

interface Window {
  now: Date;
  firstWeek: string;
  currentWeek: string;
  /** The window's Mondays (`YYYY-MM-DD`) by their index. */
  weekIndex: Map<string, number>;
  origin: Date;
  end: Date;
}

/**
 * Gathers what the rules read for a set of volunteers, as compact weekly aggregates: one set-based query per kind
 * of fact (check-ins, duties, attendance with its meetings, late cancellations, leave, …) for the whole set,
 * grouped by volunteer and local week in the database. Never a query per volunteer; the caller bounds the set
 * (the nightly run pages through volunteers by id). Queries only: no rule lives here.
 */
@Injectable()
export class WeeklyAggregatesRepository {
  private readonly dialect: SqlDialect;

  constructor(@InjectDataSource(ENROLMENT) private readonly dataSource: DataSource) {
    this.dialect = dialectOf(dataSource);
  }

  /** Up to `limit` people after `afterId` in id order (keyset paging): the nightly run's batches. */
  async volunteerIdsAfter(afterId: string, limit: number): Promise<string[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT id FROM enrolment_people WHERE erased = 0 AND id > ? ORDER BY id LIMIT ${Math.floor(limit)}`,
      [afterId],
    );
    return rows.map((row) => str(row.id));
  }

  /**
   * `range` (the first and last id of a keyset page) lets the nightly run read each table as one index range
   * instead of a list of ids; rows of ids outside `volunteerIds` in that range are ignored.
   */
  async gather(
    volunteerIds: string[],
    now: Date,
    range?: { from: string; to: string },
  ): Promise<VolunteerInputs[]> {
    if (!volunteerIds.length) return [];
    const currentWeek = weekStartOf(now);
    const firstWeek = addWeeks(currentWeek, -(WINDOW_WEEKS - 1));
    // Computed once per batch, not once per volunteer and week.
    const weekStarts = Array.from({ length: WINDOW_WEEKS }, (_, index) => addWeeks(firstWeek, index));
    const window: Window = {
      now,
      firstWeek,
      currentWeek,
      weekIndex: new Map(weekStarts.map((weekStart, index) => [weekStart, index])),
      origin: amsterdamInstant(firstWeek),
      end: amsterdamInstant(addWeeks(currentWeek, 1)),
    };
    const ids = [...new Set(volunteerIds)];
    const scope: Scope = range ? { ids, range } : { ids };
    const [checkIns, duties, meetings, lateCancellations, leave, recent, roles, caring, streaks] =
      await Promise.all([
        this.checkIns(scope, window),
        this.dutyWeeks(scope, window),
        this.meetingWeeks(scope, window),
        this.lateCancellationWeeks(scope, window),
        this.leave(scope, window),
        this.recentActivities(scope, window),
        this.activeRoles(scope),
        this.caring(scope),
        this.trainingStreaks(scope, window),
      ]);
    return ids.map((volunteerId) => {
      const dutyWeeks = duties.get(volunteerId);
      const meetingWeeks = meetings.get(volunteerId);
      const checkInWeeks = checkIns.get(volunteerId);
      const lateWeeks = lateCancellations.get(volunteerId);
      const periods = leave.get(volunteerId) ?? [];
      const weeks: WeekAggregate[] = [];
      for (let index = 0; index < WINDOW_WEEKS; index++) {
        const weekStart = weekStarts[index];
        const dutySeconds = dutyWeeks?.[index];
        const meeting = meetingWeeks?.[index];
        const checkIn = checkInWeeks?.[index];
        const late = lateWeeks?.[index] ?? 0;
        weeks.push({
          weekStart,
          volunteerHours:
            dutySeconds !== undefined ? round2(dutySeconds / 3600) : checkIn !== undefined ? checkIn : null,
          trainingHours: round2((meeting?.attendedSeconds ?? 0) / 3600),
          leaveDays: leaveDaysIn(periods, weekStart),
          planned: (meeting?.planned ?? 0) + late,
          lateCancellations: late,
          noShows: meeting?.noShows ?? 0,
        });
      }
      return {
        volunteerId,
        weeks,
        recentActivities: recent.get(volunteerId) ?? [],
        activeRoles: roles.get(volunteerId) ?? null,
        caring: caring.get(volunteerId) ?? null,
        trainingStreaks: streaks.get(volunteerId) ?? [],
      };
    });
  }

  private async checkIns(scope: Scope, w: Window): Promise<Weekly<number>> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT volunteer_id, week_start, volunteer_hours FROM wellbeing_check_ins
        WHERE ${within('volunteer_id', scope)} AND week_start >= ? AND week_start <= ?`,
      [...scopeParams(scope), w.firstWeek, w.currentWeek],
    );
    const weekly: Weekly<number> = new Map();
    for (const r of rows) {
      const index = w.weekIndex.get(str(r.week_start));
      if (index !== undefined) setWeek(weekly, str(r.volunteer_id), index, num(r.volunteer_hours));
    }
    return weekly;
  }

  /** Seconds of logged duties per volunteer and local week (a duty counts in the week it starts). */
  private async dutyWeeks(scope: Scope, w: Window): Promise<Weekly<number>> {
    const week = localWeekIndex(this.dialect, 'd.starts_at', w.origin, w.end);
    const rows: Row[] = await this.dataSource.query(
      `SELECT d.volunteer_id AS v, ${week.sql} AS w, SUM(${this.dialect.seconds('d.starts_at', 'd.ends_at')}) AS s
         FROM wellbeing_duties d
        WHERE ${within('d.volunteer_id', scope)} AND d.starts_at >= ? AND d.starts_at < ?
        GROUP BY d.volunteer_id, w`,
      [...week.params, ...scopeParams(scope), dbTime(w.origin), dbTime(w.end)],
    );
    const weekly: Weekly<number> = new Map();
    for (const r of rows) setWeek(weekly, str(r.v), num(r.w), num(r.s));
    return weekly;
  }

  /**
   * Per volunteer and local week, over the meetings that have started: how many they were expected at (confirmed
   * enrolment), the seconds attended (`present`, `late`) and the no-shows (`absent`; `excused` never counts).
   */
  private async meetingWeeks(
    scope: Scope,
    w: Window,
  ): Promise<Weekly<{ planned: number; attendedSeconds: number; noShows: number }>> {
    const week = localWeekIndex(this.dialect, 'm.starts_at', w.origin, w.end);
    const rows: Row[] = await this.dataSource.query(
      `SELECT e.user_id AS v, ${week.sql} AS w,
              SUM(CASE WHEN e.status = 'confirmed' THEN 1 ELSE 0 END) AS planned,
              SUM(CASE WHEN a.status IN ('present', 'late')
                       THEN ${this.dialect.seconds('m.starts_at', 'm.ends_at')} ELSE 0 END) AS attended,
              SUM(CASE WHEN a.status = 'absent' THEN 1 ELSE 0 END) AS no_shows
         FROM enrolment_enrolments e
         JOIN enrolment_meetings m ON m.session_id = e.session_id
         LEFT JOIN enrolment_attendance a ON a.enrolment_id = e.id AND a.meeting_id = m.id
        WHERE ${within('e.user_id', scope)}
          AND (e.status = 'confirmed' OR a.enrolment_id IS NOT NULL)
          AND m.starts_at >= ? AND m.starts_at < ?
        GROUP BY e.user_id, w`,
      [...week.params, ...scopeParams(scope), dbTime(w.origin), dbTime(minDate(w.end, w.now))],
    );
    const weekly: Weekly<{ planned: number; attendedSeconds: number; noShows: number }> = new Map();
    for (const r of rows) {
      setWeek(weekly, str(r.v), num(r.w), {
        planned: num(r.planned),
        attendedSeconds: num(r.attended),
        noShows: num(r.no_shows),
      });
    }
    return weekly;
  }

  private async lateCancellationWeeks(scope: Scope, w: Window): Promise<Weekly<number>> {
    const week = localWeekIndex(this.dialect, 'e.cancelled_at', w.origin, w.end);
    const rows: Row[] = await this.dataSource.query(
      `SELECT e.user_id AS v, ${week.sql} AS w, COUNT(*) AS n
         FROM enrolment_enrolments e
        WHERE ${within('e.user_id', scope)} AND e.late = 1
          AND e.cancelled_at >= ? AND e.cancelled_at < ?
        GROUP BY e.user_id, w`,
      [...week.params, ...scopeParams(scope), dbTime(w.origin), dbTime(w.end)],
    );
    const weekly: Weekly<number> = new Map();
    for (const r of rows) setWeek(weekly, str(r.v), num(r.w), num(r.n));
    return weekly;
  }

  private async leave(scope: Scope, w: Window): Promise<Map<string, Array<[string, string]>>> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT volunteer_id, from_date, to_date FROM wellbeing_leave
        WHERE ${within('volunteer_id', scope)} AND to_date >= ? AND from_date <= ?`,
      [...scopeParams(scope), w.firstWeek, addWeeks(w.currentWeek, 1)],
    );
    return groupBy(
      rows,
      (r) => str(r.volunteer_id),
      (r) => [str(r.from_date), str(r.to_date)],
    );
  }

  /** Duties and attended meetings touching the last 14 days: the recovery rules' raw intervals (a few dozen). */
  private async recentActivities(scope: Scope, w: Window): Promise<Map<string, ActivityInterval[]>> {
    const since = dbTime(new Date(w.now.getTime() - RECENT_DAYS * DAY_MS));
    // Bounds the index range: a duty is one shift, never longer than a couple of days.
    const dutiesFrom = dbTime(new Date(w.now.getTime() - (RECENT_DAYS + 2) * DAY_MS));
    const now = dbTime(w.now);
    const rows: Row[] = await this.dataSource.query(
      `SELECT d.volunteer_id AS v, d.starts_at AS s, d.ends_at AS e FROM wellbeing_duties d
        WHERE ${within('d.volunteer_id', scope)} AND d.starts_at >= ? AND d.ends_at >= ? AND d.starts_at < ?
       UNION ALL
       SELECT en.user_id AS v, m.starts_at AS s, m.ends_at AS e
         FROM enrolment_enrolments en
         JOIN enrolment_attendance a ON a.enrolment_id = en.id
         JOIN enrolment_meetings m ON m.id = a.meeting_id
        WHERE ${within('en.user_id', scope)} AND a.status IN ('present', 'late') AND m.ends_at >= ? AND m.starts_at < ?`,
      [...scopeParams(scope), dutiesFrom, since, now, ...scopeParams(scope), since, now],
    );
    const grouped = groupBy(
      rows,
      (r) => str(r.v),
      (r) => ({
        startsAt: readTime(r.s as string).toISOString(),
        endsAt: readTime(r.e as string).toISOString(),
      }),
    );
    for (const list of grouped.values()) list.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    return grouped;
  }

  private async activeRoles(scope: Scope): Promise<Map<string, number>> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT volunteer_id, count FROM wellbeing_active_roles WHERE ${within('volunteer_id', scope)}`,
      scopeParams(scope),
    );
    return new Map(rows.map((r) => [str(r.volunteer_id), num(r.count)]));
  }

  private async caring(scope: Scope): Promise<Map<string, NonNullable<VolunteerInputs['caring']>>> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT volunteer_id, hours_band, duration_band FROM wellbeing_caring
        WHERE ${within('volunteer_id', scope)}`,
      scopeParams(scope),
    );
    return new Map(
      rows.map((r) => [
        str(r.volunteer_id),
        {
          hoursBand: str(r.hours_band) as '<8' | '>=8',
          durationBand: str(r.duration_band) as '<3m' | '>=3m',
        },
      ]),
    );
  }

  /**
   * Each confirmed training's current run of unexcused missed meetings: walked in meeting order, `absent` adds
   * one, `present`/`late` ends the run, `excused` and unrecorded meetings neither add nor end it.
   */
  private async trainingStreaks(scope: Scope, w: Window): Promise<Map<string, TrainingStreak[]>> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT e.user_id AS v, e.session_id AS s, c.title AS title, m.position AS p, a.status AS status
         FROM enrolment_enrolments e
         JOIN enrolment_attendance a ON a.enrolment_id = e.id
         JOIN enrolment_meetings m ON m.id = a.meeting_id
         JOIN enrolment_sessions s ON s.id = e.session_id
         LEFT JOIN enrolment_courses c ON c.id = s.course_id
        WHERE ${within('e.user_id', scope)} AND e.status = 'confirmed'
          AND s.last_ends_at >= ? AND m.starts_at < ?
        ORDER BY e.user_id, e.session_id, m.position`,
      [...scopeParams(scope), dbTime(new Date(w.now.getTime() - STREAK_WEEKS * 7 * DAY_MS)), dbTime(w.now)],
    );
    const streaks = new Map<string, TrainingStreak[]>();
    let current: (TrainingStreak & { volunteerId: string }) | undefined;
    const flush = () => {
      if (current && current.consecutiveMissed > 0) {
        const { volunteerId, ...streak } = current;
        streaks.set(volunteerId, [...(streaks.get(volunteerId) ?? []), streak]);
      }
    };
    for (const r of rows) {
      if (!current || current.volunteerId !== str(r.v) || current.sessionId !== str(r.s)) {
        flush();
        current = {
          volunteerId: str(r.v),
          sessionId: str(r.s),
          courseTitle: r.title === null ? '' : str(r.title),
          consecutiveMissed: 0,
        };
      }
      if (r.status === 'absent') current.consecutiveMissed++;
      else if (r.status === 'present' || r.status === 'late') current.consecutiveMissed = 0;
    }
    flush();
    return streaks;
  }
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Per volunteer, a value per week of the window by its index (0 = the first week), sparse. */
type Weekly<T> = Map<string, Array<T | undefined>>;

function setWeek<T>(weekly: Weekly<T>, volunteerId: string, index: number, value: T): void {
  if (index < 0 || index >= WINDOW_WEEKS) return;
  let weeks = weekly.get(volunteerId);
  if (!weeks) {
    weeks = new Array<T | undefined>(WINDOW_WEEKS);
    weekly.set(volunteerId, weeks);
  }
  weeks[index] = value;
}
const minDate = (a: Date, b: Date) => (a < b ? a : b);

function groupBy<T>(rows: Row[], key: (row: Row) => string, value: (row: Row) => T): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(value(row));
    else map.set(k, [value(row)]);
  }
  return map;
}

/** Days of a week (Monday `weekStart` to Sunday) covered by any of the leave periods (inclusive dates). */
export function leaveDaysIn(periods: Array<[string, string]>, weekStart: string): number {
  if (!periods.length) return 0;
  const days = new Set<string>();
  for (let offset = 0; offset < 7; offset++) {
    const day = addDays(weekStart, offset);
    if (periods.some(([from, to]) => from <= day && day <= to)) days.add(day);
  }
  return days.size;
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
