import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ENROLMENT } from '../../enrolment.constants';
import { dbTime, readTime } from '../evaluation/amsterdam-time';

type Row = Record<string, unknown>;
const str = (value: unknown): string => String(value);
const isNull = (value: unknown): boolean => value === null || value === undefined;

/** One candidate row: a session, and (when any) one volunteer's current run of unexcused missed meetings. */
export interface SessionAtRiskRow {
  sessionId: string;
  courseTitle: string;
  firstStartsAt: Date;
  lastEndsAt: Date;
  confirmed: number;
  minimumParticipants: number;
  goNoGoAt: Date | null;
  goDecision: string | null;
  /** The organisation's volunteers with a confirmed place. */
  enrolledVolunteers: number;
  /** Set only for volunteers who did not object to sharing with this organisation. */
  missing: { volunteerId: string; name: string; consecutiveMissed: number } | null;
}

/**
 * The organisation's sessions that may need a coordinator: not yet ended, with a confirmed volunteer of the
 * organisation, and either below their minimum before the go/no-go moment or with a volunteer whose current run
 * of unexcused missed meetings is at least one. One query over this context's own session replica, enrolments,
 * attendance and memberships (never another context's tables); the service decides what counts as at risk.
 */
@Injectable()
export class SessionsAtRiskRepository {
  constructor(@InjectDataSource(ENROLMENT) private readonly dataSource: DataSource) {}

  async candidates(organisationId: string, now: Date): Promise<SessionAtRiskRow[]> {
    const at = dbTime(now);
    // The run of missed meetings is walked as the evaluation walks it (weekly-aggregates: trainingStreaks):
    // `absent` meetings after the last `present`/`late` one; `excused` and unrecorded ones neither add nor end it.
    // Volunteers who objected are left out here, so their names never leave the database.
    const rows: Row[] = await this.dataSource.query(
      `SELECT s.id AS sid, c.title AS title, s.first_starts_at AS starts, s.last_ends_at AS ends,
              s.confirmed AS confirmed, s.minimum_participants AS minimum, s.go_no_go_at AS go_at,
              s.go_decision AS decision, o.n AS enrolled, st.v AS v, p.display_name AS name, st.missed AS missed
         FROM (SELECT e.session_id AS sid, COUNT(*) AS n
                 FROM enrolment_memberships m
                 JOIN enrolment_enrolments e ON e.user_id = m.user_id AND e.status = 'confirmed'
                WHERE m.organisation_id = ? AND m.role = 'volunteer'
                GROUP BY e.session_id) o
         JOIN enrolment_sessions s ON s.id = o.sid
         LEFT JOIN enrolment_courses c ON c.id = s.course_id
         LEFT JOIN (SELECT e.session_id AS sid, e.user_id AS v, COUNT(*) AS missed
                      FROM enrolment_memberships m
                      JOIN enrolment_enrolments e ON e.user_id = m.user_id AND e.status = 'confirmed'
                      LEFT JOIN wellbeing_visibility w
                        ON w.volunteer_id = m.user_id AND w.organisation_id = m.organisation_id
                      JOIN enrolment_attendance a ON a.enrolment_id = e.id AND a.status = 'absent'
                      JOIN enrolment_meetings mt ON mt.id = a.meeting_id
                     WHERE m.organisation_id = ? AND m.role = 'volunteer'
                       AND (w.object_to_sharing IS NULL OR w.object_to_sharing = 0)
                       AND mt.starts_at < ?
                       AND mt.position > COALESCE((
                             SELECT MAX(m2.position)
                               FROM enrolment_attendance a2
                               JOIN enrolment_meetings m2 ON m2.id = a2.meeting_id
                              WHERE a2.enrolment_id = e.id AND a2.status IN ('present', 'late') AND m2.starts_at < ?
                           ), -1)
                     GROUP BY e.session_id, e.user_id) st ON st.sid = s.id
         LEFT JOIN enrolment_people p ON p.id = st.v AND p.erased = 0
        WHERE s.last_ends_at > ? AND s.catalogue_status <> 'cancelled'
          AND (s.go_decision IS NULL OR s.go_decision <> 'cancelled')
          AND ((s.go_decision IS NULL AND s.go_no_go_at > ? AND s.confirmed < s.minimum_participants)
               OR p.id IS NOT NULL)
        ORDER BY s.first_starts_at, s.id, p.display_name, st.v`,
      [organisationId, organisationId, at, at, at, at],
    );
    return rows.map((r) => ({
      sessionId: str(r.sid),
      courseTitle: isNull(r.title) ? '' : str(r.title),
      firstStartsAt: readTime(r.starts as Date | string),
      lastEndsAt: readTime(r.ends as Date | string),
      confirmed: Number(r.confirmed),
      minimumParticipants: Number(r.minimum),
      goNoGoAt: isNull(r.go_at) ? null : readTime(r.go_at as Date | string),
      goDecision: isNull(r.decision) ? null : str(r.decision),
      enrolledVolunteers: Number(r.enrolled),
      missing:
        isNull(r.v) || isNull(r.name)
          ? null
          : { volunteerId: str(r.v), name: str(r.name), consecutiveMissed: Number(r.missed) },
    }));
  }
}
