import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CATALOGUE, type CourseKind, type CourseLanguage } from '../catalogue.constants';
import { fts5Query, mariadbBooleanQuery, type SearchTerms } from './full-text';

/** Session filters: a course matches when one of its sessions still to start matches them all. */
export interface SessionFilters {
  from?: Date;
  /** Exclusive. */
  to?: Date;
  placeKey?: string;
  online?: boolean;
  hasSeats?: boolean;
  /** Managers' lists also count sessions not yet published. */
  includeUnpublished?: boolean;
}

export interface CourseFilters {
  categoryId?: string;
  kind?: CourseKind;
  language?: CourseLanguage;
  audience?: string;
  theme?: string;
  terms?: SearchTerms;
}

/** The course columns a listing shows, read with the page itself. */
export interface CourseRow {
  id: string;
  kind: CourseKind;
  title: string;
  summary: string;
  language: CourseLanguage;
  categoryId: string;
  providerId: string | null;
  status: 'draft' | 'published' | 'archived';
  /** Read with the page (one query for the whole listing); sorted. */
  audiences: string[];
  themes: string[];
}

/** GROUP_CONCAT of tag values as a sorted list. */
export const tagList = (value: unknown): string[] =>
  typeof value === 'string' && value ? value.split(',').sort() : [];

/** A course row as the listing's queries select it (`c.*` with the tags grouped into lists). */
export function courseRowOf(row: Record<string, string | number | Date | null>): CourseRow {
  return {
    id: String(row.id),
    kind: row.kind as CourseKind,
    title: String(row.title),
    summary: String(row.summary),
    language: row.language as CourseLanguage,
    categoryId: String(row.category_id),
    providerId: row.provider_id === null ? null : String(row.provider_id),
    status: row.status as CourseRow['status'],
    audiences: tagList(row.audiences),
    themes: tagList(row.themes),
  };
}

/** A session row as the listing's queries select it, with its seat counts. */
export function nextSessionRowOf(row: Record<string, string | number | Date | null>): NextSessionRow {
  return {
    id: String(row.id),
    courseId: String(row.course_id),
    firstStartsAt: fromDb(row.first_starts_at as Date | string),
    lastEndsAt: fromDb(row.last_ends_at as Date | string),
    place: row.place === null ? null : String(row.place),
    online: Number(row.online) === 1,
    capacity: Number(row.capacity),
    status: row.status as NextSessionRow['status'],
    confirmed: Number(row.confirmed),
    offered: Number(row.offered),
  };
}

/** A course's next session as a listing shows it, with the seat counts enrolment reported. */
export interface NextSessionRow {
  id: string;
  courseId: string;
  firstStartsAt: Date;
  lastEndsAt: Date;
  place: string | null;
  online: boolean;
  capacity: number;
  status: 'scheduled' | 'confirmed' | 'cancelled';
  confirmed: number;
  offered: number;
}

/** mysql2 answers DATETIME as a Date (timezone Z); better-sqlite3 as the UTC text TypeORM wrote. */
export function fromDb(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

/** Seats held by confirmed participants and open offers (the seat replica may not have the session yet). */
const TAKEN = '(COALESCE(st.confirmed, 0) + COALESCE(st.offered, 0))';
const SEATS_JOIN = 'LEFT JOIN catalogue_session_seats st ON st.session_id = s.id';

type Sql = { sql: string; params: unknown[] };

/** How both databases store DATETIME(3) in UTC, so raw comparisons agree with what TypeORM wrote. */
export function dbTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * The catalogue's search in plain SQL that MariaDB and SQLite both run the same way; only free text differs
 * (MATCH … AGAINST on MariaDB, the FTS5 table on SQLite). Set-based: one query for the page and its total,
 * one for the next sessions of the courses on it.
 */
@Injectable()
export class CatalogueSearchRepository {
  constructor(@InjectDataSource(CATALOGUE) private readonly dataSource: DataSource) {}

  private get mysql(): boolean {
    return this.dataSource.options.type === 'mysql';
  }

  private sessionConditions(filters: SessionFilters, now: Date): Sql {
    const sql = ["s.status <> 'cancelled'", 's.first_starts_at > ?'];
    const params: unknown[] = [dbTime(now)];
    if (!filters.includeUnpublished) sql.push('s.published = 1');
    if (filters.from) {
      sql.push('s.first_starts_at >= ?');
      params.push(dbTime(filters.from));
    }
    if (filters.to) {
      sql.push('s.first_starts_at < ?');
      params.push(dbTime(filters.to));
    }
    if (filters.placeKey !== undefined) {
      sql.push('s.place_key = ?');
      params.push(filters.placeKey);
    }
    if (filters.online !== undefined) {
      sql.push('s.online = ?');
      params.push(filters.online ? 1 : 0);
    }
    // Needs SEATS_JOIN in the query.
    if (filters.hasSeats) sql.push(`s.capacity > ${TAKEN}`);
    return { sql: sql.join(' AND '), params };
  }

  private courseConditions(filters: CourseFilters, fullText: boolean): Sql {
    const sql = ["c.status = 'published'"];
    const params: unknown[] = [];
    if (filters.categoryId) {
      sql.push('c.category_id = ?');
      params.push(filters.categoryId);
    }
    if (filters.kind) {
      sql.push('c.kind = ?');
      params.push(filters.kind);
    }
    if (filters.language) {
      sql.push('c.language = ?');
      params.push(filters.language);
    }
    for (const [kind, value] of [
      ['audience', filters.audience],
      ['theme', filters.theme],
    ] as const) {
      if (value === undefined) continue;
      sql.push(
        'EXISTS (SELECT 1 FROM catalogue_course_tags t WHERE t.course_id = c.id AND t.kind = ? AND t.value = ?)',
      );
      params.push(kind, value);
    }
    const terms = filters.terms;
    if (terms) {
      const substrings = fullText ? terms.substring : [...terms.fullText, ...terms.substring];
      if (fullText && terms.fullText.length) {
        if (this.mysql) {
          sql.push('MATCH (c.search_text) AGAINST (? IN BOOLEAN MODE)');
          params.push(mariadbBooleanQuery(terms.fullText));
        } else {
          sql.push(
            'c.id IN (SELECT f.course_id FROM catalogue_courses_fts f WHERE catalogue_courses_fts MATCH ?)',
          );
          params.push(fts5Query(terms.fullText));
        }
      }
      for (const term of substrings) {
        // Terms hold letters and digits only, so nothing in them needs escaping for LIKE.
        sql.push('c.search_text LIKE ?');
        params.push(`%${term}%`);
      }
    }
    return { sql: sql.join(' AND '), params };
  }

  /**
   * A page of published courses matching every filter, by the start of their next matching session (courses
   * without one last), ties by id; and the total, from the same query. `sessionFiltered`: only courses with a
   * matching session. Each course's next start is one short range read of the covering index on sessions.
   */
  async search(
    courses: CourseFilters,
    sessions: SessionFilters,
    sessionFiltered: boolean,
    now: Date,
    skip: number,
    take: number,
    fullText = true,
  ): Promise<{ rows: CourseRow[]; total: number }> {
    const session = this.sessionConditions(sessions, now);
    const course = this.courseConditions(courses, fullText);
    const join = sessions.hasSeats ? SEATS_JOIN : '';
    const columns = 'c.id, c.kind, c.title, c.summary, c.language, c.category_id, c.provider_id, c.status';
    // Filtered by sessions only: start from the matching sessions (an index range on place or start) and keep
    // their courses. Otherwise each course the course filters leave gets its next start from one short read of
    // the covering index on sessions; on 2,000 courses that was the faster plan whenever a course filter is given.
    const courseFiltered = Object.values(courses).some((value) => value !== undefined);
    const inner =
      sessionFiltered && !courseFiltered
        ? `SELECT ${columns}, g.next_at FROM (
          SELECT s.course_id, MIN(s.first_starts_at) AS next_at FROM catalogue_sessions s ${join}
          WHERE ${session.sql} GROUP BY s.course_id) g
        JOIN catalogue_courses c ON c.id = g.course_id WHERE ${course.sql}`
        : `SELECT * FROM (SELECT ${columns},
          (SELECT MIN(s.first_starts_at) FROM catalogue_sessions s ${join}
            WHERE s.course_id = c.id AND ${session.sql}) AS next_at
        FROM catalogue_courses c WHERE ${course.sql}) n ${sessionFiltered ? 'WHERE n.next_at IS NOT NULL' : ''}`;
    const order = (alias: string) =>
      `CASE WHEN ${alias}.next_at IS NULL THEN 1 ELSE 0 END, ${alias}.next_at, ${alias}.id`;
    // The page is cut first; only its rows then read their audiences and themes.
    const tags = (kind: string) =>
      `(SELECT GROUP_CONCAT(t.value) FROM catalogue_course_tags t WHERE t.course_id = p.id AND t.kind = '${kind}')`;
    const rows: Array<Record<string, string | number | null>> = await this.dataSource.query(
      `SELECT p.*, ${tags('audience')} AS audiences, ${tags('theme')} AS themes FROM (
         SELECT x.*, COUNT(*) OVER () AS total FROM (${inner}) x ORDER BY ${order('x')} LIMIT ? OFFSET ?
       ) p ORDER BY ${order('p')}`,
      [...session.params, ...course.params, take, skip],
    );
    if (rows.length) {
      return {
        total: Number(rows[0].total),
        rows: rows.map(courseRowOf),
      };
    }
    if (skip === 0) return { rows: [], total: 0 };
    // Past the last page: no row carries the total, so count on its own.
    const [count]: Array<{ total: number | string }> = await this.dataSource.query(
      `SELECT COUNT(*) AS total FROM (${inner}) x`,
      [...session.params, ...course.params],
    );
    return { rows: [], total: Number(count?.total ?? 0) };
  }

  /** For each course, its first session still to start that matches the filters, with its seat counts. */
  async nextSessions(
    courseIds: string[],
    sessions: SessionFilters,
    now: Date,
    manager?: EntityManager,
  ): Promise<Map<string, NextSessionRow>> {
    if (!courseIds.length) return new Map();
    const session = this.sessionConditions(sessions, now);
    const rows: Array<Record<string, string | number | Date | null>> = await (
      manager ?? this.dataSource
    ).query(
      `SELECT x.* FROM (
         SELECT s.id, s.course_id, s.first_starts_at, s.last_ends_at, s.place, s.online, s.capacity, s.status,
           COALESCE(st.confirmed, 0) AS confirmed, COALESCE(st.offered, 0) AS offered,
           ROW_NUMBER() OVER (PARTITION BY s.course_id ORDER BY s.first_starts_at, s.id) AS n
         FROM catalogue_sessions s ${SEATS_JOIN}
         WHERE s.course_id IN (${courseIds.map(() => '?').join(', ')}) AND ${session.sql}
       ) x WHERE x.n = 1`,
      [...courseIds, ...session.params],
    );
    return new Map(rows.map((row) => [String(row.course_id), nextSessionRowOf(row)]));
  }

  /** Whether a course has a session (not cancelled) whose number of meetings is not one. */
  async hasSessionWithMeetingsOtherThanOne(courseId: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT s.id FROM catalogue_sessions s
       WHERE s.course_id = ? AND s.status <> 'cancelled'
         AND (SELECT COUNT(*) FROM catalogue_meetings m WHERE m.session_id = s.id) <> 1
       LIMIT 1`,
      [courseId],
    );
    return rows.length > 0;
  }

  /** Places of venues with sessions still to come, for the place filter. */
  async upcomingPlaces(now: Date): Promise<Array<{ place: string; placeKey: string }>> {
    const rows: Array<{ place: string; place_key: string }> = await this.dataSource.query(
      `SELECT MIN(s.place) AS place, s.place_key AS place_key FROM catalogue_sessions s
       JOIN catalogue_courses c ON c.id = s.course_id AND c.status = 'published'
       WHERE s.published = 1 AND s.status <> 'cancelled' AND s.first_starts_at > ? AND s.place_key IS NOT NULL
       GROUP BY s.place_key ORDER BY s.place_key`,
      [dbTime(now)],
    );
    return rows.map((row) => ({ place: row.place, placeKey: row.place_key }));
  }
}
