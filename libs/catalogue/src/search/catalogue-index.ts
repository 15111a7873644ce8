import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Metrics } from '@academy/platform';
import { Counter } from 'prom-client';
import type { DataSource } from 'typeorm';
import { CATALOGUE } from '../catalogue.constants';
import {
  type CourseFilters,
  type CourseRow,
  courseRowOf,
  dbTime,
  type NextSessionRow,
  nextSessionRowOf,
  type SessionFilters,
} from './catalogue-search.repository';
import { SEARCH_CACHE_MS, type SeatChange, SearchCache } from './search-cache';

/** A snapshot older than this is checked again in the background while it keeps answering. */
export const INDEX_REFRESH_MS = 1_000;
/** At most one full read per this time, however often changes come (an enrolment rush changes seats). */
const MIN_RELOAD_GAP_MS = 1_000;

/**
 * Changes whenever anything the public listing shows changes, on any replica or by any writer (the CSV
 * import, a script): every change of a course or session raises its version, seat counts only come with a
 * higher version, tags change with their course, and rows are added, never deleted. One scan of each table,
 * a few milliseconds on 20,000 sessions, against a full read of the catalogue. The last two columns are the
 * seat counts: when only they changed, only they are read again (an enrolment rush changes them all the time).
 */
const FINGERPRINT = `SELECT
  (SELECT COUNT(*) FROM catalogue_courses) AS courses,
  (SELECT COALESCE(SUM(version), 0) FROM catalogue_courses) AS course_versions,
  (SELECT COUNT(*) FROM catalogue_course_tags) AS tags,
  (SELECT COUNT(*) FROM catalogue_sessions) AS sessions,
  (SELECT COALESCE(SUM(version), 0) FROM catalogue_sessions) AS session_versions,
  (SELECT COUNT(*) FROM catalogue_session_seats) AS seats,
  (SELECT COALESCE(SUM(version), 0) FROM catalogue_session_seats) AS seat_versions`;

const CATALOGUE_COLUMNS = ['courses', 'course_versions', 'tags', 'sessions', 'session_versions'] as const;
const SEAT_COLUMNS = ['seats', 'seat_versions'] as const;

interface IndexedSession extends NextSessionRow {
  startsAt: number;
  placeKey: string | null;
  /** The version of its seat counts (see SeatsRepository.storeIfNewer); -Infinity: none reported yet. */
  seatVersion: number;
  /** Its place in `Snapshot.all`, and in its place's list (-1 without a place). */
  at: number;
  atPlace: number;
}

/** What the fingerprint answered: seat counts apart from the rest. */
interface Fingerprint {
  catalogue: string;
  seats: string;
}

export interface IndexedCourse {
  row: CourseRow;
  /** Its place in `Snapshot.courses`, and in `Snapshot.marks`. */
  index: number;
}

/**
 * Sessions still to come in the order a listing wants them: by start, then course id, then session id. Walking
 * it from the first start a search allows, the first session met of each course is that course's next matching
 * session, and courses are met in the listing's order. What the walk compares sits in parallel typed arrays,
 * so it reads a few contiguous bytes per session instead of chasing one object each.
 */
interface SessionList {
  sessions: IndexedSession[];
  starts: Float64Array;
  courses: Int32Array;
  online: Uint8Array;
  seatsLeft: Int32Array;
}

export interface Snapshot {
  /**
   * When the latest look at the database began that found nothing changed since the snapshot was read (or
   * its reading began): what it shows is at least this recent.
   */
  asOf: number;
  /** What `FINGERPRINT` answered, for all but the seat counts, just before the snapshot was read. */
  fingerprint: string;
  /** … and for the seat counts, just before they were last read. Changes here are taken in place. */
  seatsFingerprint: string;
  /**
   * The search cache's catalogue mark when reading began; a change committed since makes it unusable. Seat
   * counts committed here are taken in place instead (applySeats).
   */
  mark: number;
  courses: IndexedCourse[];
  byCategory: Map<string, IndexedCourse[]>;
  /** Every published session still to come, and the same per place key (the commonest filter). */
  all: SessionList;
  byPlace: Map<string, SessionList>;
  sessionsById: Map<string, IndexedSession>;
  /** Per course, a search's stamp: eligible (`epoch`) or already met (`epoch + 1`). See pageOf. */
  marks: Uint32Array;
  epoch: number;
}

export interface IndexedPage {
  rows: CourseRow[];
  total: number;
  next: Map<string, NextSessionRow>;
  /** The data's age: an answer made from it may be reused until `asOf + SEARCH_CACHE_MS`. */
  asOf: number;
}

/**
 * The public catalogue (published courses and their sessions still to come, with seat counts) held in memory,
 * so a filtered listing is a walk over a few hundred courses instead of two queries: an academy's offer is
 * small (2,000 courses and 20,000 sessions are a few megabytes). It answers what the SQL search answers, in
 * the same order, for every search without free text; anything else goes to the database.
 *
 * Freshness is that of the search cache: the snapshot answers only while it is younger than SEARCH_CACHE_MS
 * and no change committed in this process since it was read (SearchCache.mark), so a trainer sees their own
 * change at once and other replicas' changes (and the seat replica's) show within the horizon. It is read
 * again in the background once older than INDEX_REFRESH_MS, and only while people search.
 */
@Injectable()
export class CatalogueIndex {
  private readonly logger = new Logger('CatalogueIndex');
  /** Off: every search asks the database (the search tests compare both ways). */
  enabled = true;
  /** How often the whole catalogue, and the seat counts alone, were read (tests; also a metric). */
  readonly reads = { catalogue: 0, seats: 0 };
  private snapshot?: Snapshot;
  private loading?: Promise<void>;
  private lastLoadStarted = 0;
  /** Seat counts committed here while the catalogue is being read: taken into the new snapshot too. */
  private seatsMeanwhile?: SeatChange[];

  constructor(
    @InjectDataSource(CATALOGUE) private readonly dataSource: DataSource,
    private readonly cache: SearchCache,
    metrics: Metrics,
  ) {
    const reads = this.reads;
    new Counter({
      name: 'academy_catalogue_index_reads_total',
      help: 'Reads of the public catalogue into memory: all of it (catalogue), or only its seat counts (seats)',
      labelNames: ['what'] as const,
      registers: [metrics.registry],
      collect() {
        this.reset();
        this.inc({ what: 'catalogue' }, reads.catalogue);
        this.inc({ what: 'seats' }, reads.seats);
      },
    });
    cache.onSeats((change) => {
      this.seatsMeanwhile?.push(change);
      if (this.snapshot) applySeats(this.snapshot, change);
    });
  }

  /**
   * The page as CatalogueSearchRepository.search and nextSessions would give it, or undefined: ask them.
   * Without a usable snapshot it waits for the one being read (one read, rather than every search asking the
   * database at once and slowing that read down).
   */
  async search(
    courses: CourseFilters,
    sessions: SessionFilters,
    sessionFiltered: boolean,
    now: Date,
    skip: number,
    take: number,
  ): Promise<IndexedPage | undefined> {
    if (!this.enabled || courses.terms || sessions.includeUnpublished) return undefined;
    let snapshot = this.usable(now.getTime());
    if (!snapshot && this.loading) {
      await this.loading;
      snapshot = this.usable(Date.now());
    }
    if (!snapshot) return undefined;
    // A snapshot read after `now` holds no session that started before it was read: ask as of then.
    const asked = snapshot.asOf > now.getTime() ? new Date(snapshot.asOf) : now;
    return pageOf(snapshot, courses, sessions, sessionFiltered, asked, skip, take);
  }

  /** The snapshot if it may answer now; starts checking it when it is getting old or was outdated. */
  private usable(now: number): Snapshot | undefined {
    const snapshot = this.snapshot;
    // Outdated by a change here: only a new read will do. Merely old: a look at the fingerprint may renew it.
    const current = snapshot && snapshot.mark === this.cache.catalogueMark() ? snapshot : undefined;
    if (!current || now - current.asOf >= INDEX_REFRESH_MS) this.check(current);
    return current && now - current.asOf < SEARCH_CACHE_MS ? current : undefined;
  }

  /**
   * Looks whether anything changed since `current` was read: if not, it is as recent as this look; if so
   * (or there is none), reads the catalogue again, at most once per MIN_RELOAD_GAP_MS.
   */
  private check(current: Snapshot | undefined): void {
    if (this.loading) return;
    if (!current && Date.now() - this.lastLoadStarted < MIN_RELOAD_GAP_MS) return;
    this.loading = (async () => {
      const lookedAt = Date.now();
      const mark = this.cache.catalogueMark();
      this.seatsMeanwhile = [];
      const fingerprint = await this.fingerprint();
      if (current && fingerprint.catalogue === current.fingerprint && mark === current.mark) {
        if (fingerprint.seats !== current.seatsFingerprint) {
          // Seat counts changed: stored by another replica, or here (and already taken in place).
          for (const change of await this.readSeats(lookedAt)) applySeats(current, change);
          current.seatsFingerprint = fingerprint.seats;
        }
        current.asOf = Math.max(current.asOf, lookedAt);
        return;
      }
      if (Date.now() - this.lastLoadStarted < MIN_RELOAD_GAP_MS) return;
      this.lastLoadStarted = Date.now();
      // Kept even if something changed meanwhile: usable() compares the mark, the next look the fingerprint.
      this.snapshot = await this.read(fingerprint, lookedAt, mark);
    })()
      .catch((error: unknown) => {
        // The database answers the searches meanwhile; it reports its own trouble there.
        this.logger.warn(
          `could not read the catalogue: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => {
        this.loading = undefined;
        this.seatsMeanwhile = undefined;
      });
  }

  /** Reads the public catalogue now (tests; the service reads it in the background). */
  async refresh(): Promise<void> {
    await this.loading;
    const lookedAt = Date.now();
    const mark = this.cache.catalogueMark();
    this.seatsMeanwhile = [];
    try {
      this.snapshot = await this.read(await this.fingerprint(), lookedAt, mark);
    } finally {
      this.seatsMeanwhile = undefined;
    }
  }

  private async fingerprint(): Promise<Fingerprint> {
    const [row = {}]: Array<Record<string, unknown>> = await this.dataSource.query(FINGERPRINT);
    const values = (columns: readonly string[]) => columns.map((column) => String(row[column])).join('/');
    return { catalogue: values(CATALOGUE_COLUMNS), seats: values(SEAT_COLUMNS) };
  }

  /** The seat counts of the sessions still to come. */
  private async readSeats(now: number): Promise<SeatChange[]> {
    this.reads.seats++;
    const rows: Array<Record<string, string | number>> = await this.dataSource.query(
      `SELECT st.session_id, st.confirmed, st.offered, st.version
       FROM catalogue_session_seats st
       JOIN catalogue_sessions s ON s.id = st.session_id
       WHERE s.published = 1 AND s.status <> 'cancelled' AND s.first_starts_at > ?`,
      [dbTime(new Date(now))],
    );
    return rows.map((row) => ({
      sessionId: String(row.session_id),
      confirmed: Number(row.confirmed),
      offered: Number(row.offered),
      version: Number(row.version),
    }));
  }

  /**
   * The catalogue as it is now; `fingerprint`, `asOf` and `mark` were taken before, and seat counts committed
   * since (`seatsMeanwhile`) are taken in, by their version, whether the reading saw them or not.
   */
  private async read(fingerprint: Fingerprint, asOf: number, mark: number): Promise<Snapshot> {
    this.reads.catalogue++;
    const courseRows: Array<Record<string, string | null>> = await this.dataSource.query(
      `SELECT c.id, c.kind, c.title, c.summary, c.language, c.category_id, c.provider_id, c.status,
         (SELECT GROUP_CONCAT(t.value) FROM catalogue_course_tags t WHERE t.course_id = c.id AND t.kind = 'audience') AS audiences,
         (SELECT GROUP_CONCAT(t.value) FROM catalogue_course_tags t WHERE t.course_id = c.id AND t.kind = 'theme') AS themes
       FROM catalogue_courses c WHERE c.status = 'published'`,
    );
    const sessionRows: Array<Record<string, string | number | Date | null>> = await this.dataSource.query(
      `SELECT s.id, s.course_id, s.first_starts_at, s.last_ends_at, s.place, s.place_key, s.online, s.capacity,
         s.status, COALESCE(st.confirmed, 0) AS confirmed, COALESCE(st.offered, 0) AS offered,
         st.version AS seat_version
       FROM catalogue_sessions s
       LEFT JOIN catalogue_session_seats st ON st.session_id = s.id
       WHERE s.published = 1 AND s.status <> 'cancelled' AND s.first_starts_at > ?`,
      [dbTime(new Date(asOf))],
    );
    const snapshot = snapshotOf(courseRows, sessionRows, {
      asOf,
      fingerprint: fingerprint.catalogue,
      seatsFingerprint: fingerprint.seats,
      mark,
    });
    for (const change of this.seatsMeanwhile ?? []) applySeats(snapshot, change);
    return snapshot;
  }
}

/** The snapshot of these rows, as read by CatalogueIndex.read (exported for the tests of pageOf). */
export function snapshotOf(
  courseRows: Array<Record<string, string | null>>,
  sessionRows: Array<Record<string, string | number | Date | null>>,
  meta: Pick<Snapshot, 'asOf' | 'fingerprint' | 'seatsFingerprint' | 'mark'>,
): Snapshot {
  const courses: IndexedCourse[] = [];
  const byId = new Map<string, IndexedCourse>();
  const byCategory = new Map<string, IndexedCourse[]>();
  for (const row of courseRows) {
    const course: IndexedCourse = { row: courseRowOf(row), index: courses.length };
    courses.push(course);
    byId.set(course.row.id, course);
    const inCategory = byCategory.get(course.row.categoryId);
    if (inCategory) inCategory.push(course);
    else byCategory.set(course.row.categoryId, [course]);
  }
  const sessions: IndexedSession[] = [];
  const courseOf = new Map<IndexedSession, IndexedCourse>();
  for (const row of sessionRows) {
    const course = byId.get(String(row.course_id));
    if (!course) continue;
    const next = nextSessionRowOf(row);
    const session: IndexedSession = {
      ...next,
      placeKey: row.place_key === null ? null : String(row.place_key),
      startsAt: next.firstStartsAt.getTime(),
      seatVersion:
        row.seat_version === null || row.seat_version === undefined ? -Infinity : Number(row.seat_version),
      at: -1,
      atPlace: -1,
    };
    sessions.push(session);
    courseOf.set(session, course);
  }
  sessions.sort(
    (a, b) => a.startsAt - b.startsAt || compareIds(a.courseId, b.courseId) || compareIds(a.id, b.id),
  );
  const atPlace = new Map<string, IndexedSession[]>();
  const sessionsById = new Map<string, IndexedSession>();
  sessions.forEach((session, at) => {
    session.at = at;
    sessionsById.set(session.id, session);
    if (session.placeKey === null) return;
    const list = atPlace.get(session.placeKey);
    session.atPlace = list ? list.length : 0;
    if (list) list.push(session);
    else atPlace.set(session.placeKey, [session]);
  });
  const listOf = (ordered: IndexedSession[]): SessionList => ({
    sessions: ordered,
    starts: Float64Array.from(ordered, (session) => session.startsAt),
    courses: Int32Array.from(ordered, (session) => courseOf.get(session)!.index),
    online: Uint8Array.from(ordered, (session) => (session.online ? 1 : 0)),
    seatsLeft: Int32Array.from(ordered, (session) => session.capacity - session.confirmed - session.offered),
  });
  return {
    ...meta,
    courses,
    byCategory,
    all: listOf(sessions),
    byPlace: new Map([...atPlace].map(([placeKey, list]) => [placeKey, listOf(list)])),
    sessionsById,
    marks: new Uint32Array(courses.length),
    epoch: 0,
  };
}

/**
 * Takes a session's new seat counts into the snapshot, unless it holds them or newer ones already (or the
 * session is not in it: past, cancelled, unpublished). The session's entry is replaced, not changed: the item
 * texts CatalogueViews keeps for the old one show the old seats left.
 */
export function applySeats(snapshot: Snapshot, change: SeatChange): void {
  const session = snapshot.sessionsById.get(change.sessionId);
  if (!session || change.version <= session.seatVersion) return;
  const updated: IndexedSession = {
    ...session,
    confirmed: change.confirmed,
    offered: change.offered,
    seatVersion: change.version,
  };
  const seatsLeft = updated.capacity - updated.confirmed - updated.offered;
  snapshot.sessionsById.set(updated.id, updated);
  snapshot.all.sessions[updated.at] = updated;
  snapshot.all.seatsLeft[updated.at] = seatsLeft;
  const atPlace = updated.placeKey === null ? undefined : snapshot.byPlace.get(updated.placeKey);
  if (atPlace) {
    atPlace.sessions[updated.atPlace] = updated;
    atPlace.seatsLeft[updated.atPlace] = seatsLeft;
  }
}

/** The order of ids in SQL (and in the listing's ties): plain code-unit comparison. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The filters applied to a snapshot, as the SQL search has them: the courses passing the course filters are
 * marked, then the session list (of the place, if one is asked) is walked from the first start allowed; the
 * first session met of a marked course is its next matching one, and courses come out already in the
 * listing's order (next start, then id). Without session filters, courses without a session still to come
 * follow, by id.
 */
export function pageOf(
  snapshot: Snapshot,
  courses: CourseFilters,
  sessions: SessionFilters,
  sessionFiltered: boolean,
  now: Date,
  skip: number,
  take: number,
): IndexedPage {
  const candidates = courses.categoryId
    ? (snapshot.byCategory.get(courses.categoryId) ?? [])
    : snapshot.courses;
  const marks = snapshot.marks;
  if (snapshot.epoch >= 0xfffffff0) {
    marks.fill(0);
    snapshot.epoch = 0;
  }
  snapshot.epoch += 2;
  const eligible = snapshot.epoch;
  const met = eligible + 1;
  let waiting = 0;
  for (const course of candidates) {
    const row = course.row;
    if (courses.kind !== undefined && row.kind !== courses.kind) continue;
    if (courses.language !== undefined && row.language !== courses.language) continue;
    if (courses.audience !== undefined && !row.audiences.includes(courses.audience)) continue;
    if (courses.theme !== undefined && !row.themes.includes(courses.theme)) continue;
    marks[course.index] = eligible;
    waiting++;
  }

  // Only the page's entries are kept; the others are counted.
  const end = skip + take;
  let total = 0;
  const rows: CourseRow[] = [];
  const next = new Map<string, NextSessionRow>();
  const list = sessions.placeKey === undefined ? snapshot.all : snapshot.byPlace.get(sessions.placeKey);
  if (list && waiting > 0) {
    const { starts } = list;
    const after = now.getTime();
    const from = sessions.from?.getTime();
    const to = sessions.to?.getTime();
    // The first session starting after now (strictly) and not before `from`: a binary search on start.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const startsAt = starts[middle];
      if (startsAt <= after || (from !== undefined && startsAt < from)) low = middle + 1;
      else high = middle;
    }
    const online = sessions.online === undefined ? -1 : sessions.online ? 1 : 0;
    const hasSeats = sessions.hasSeats === true;
    for (let i = low; i < starts.length && waiting > 0; i++) {
      if (to !== undefined && starts[i] >= to) break;
      const course = list.courses[i];
      if (marks[course] !== eligible) continue;
      if (online >= 0 && list.online[i] !== online) continue;
      if (hasSeats && list.seatsLeft[i] <= 0) continue;
      marks[course] = met;
      waiting--;
      if (total >= skip && total < end) {
        const row = snapshot.courses[course].row;
        rows.push(row);
        next.set(row.id, list.sessions[i]);
      }
      total++;
    }
  }
  if (!sessionFiltered && waiting > 0) {
    const without = candidates.filter((course) => marks[course.index] === eligible);
    without.sort((a, b) => compareIds(a.row.id, b.row.id));
    for (const course of without) {
      if (total >= skip && total < end) rows.push(course.row);
      total++;
    }
  }
  return {
    rows,
    total,
    next,
    asOf: snapshot.asOf,
  };
}
