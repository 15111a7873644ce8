import fc from 'fast-check';
import type { CourseFilters, SessionFilters } from './catalogue-search.repository';
import { applySeats, pageOf, type Snapshot, snapshotOf } from './catalogue-index';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 1, 12);
const at = (hours: number) => new Date(NOW + hours * HOUR);

/** Few values per field, so that ties (same start, same place, same course) are common. */
const courseRow = fc.record({
  category: fc.constantFrom('c1', 'c2', 'c3'),
  kind: fc.constantFrom('training', 'workshop'),
  language: fc.constantFrom('nl', 'fy', 'en'),
  audiences: fc.subarray(['carers', 'volunteers']),
  themes: fc.subarray(['dementia', 'stress']),
});
const sessionRow = fc.record({
  course: fc.nat(11),
  startsIn: fc.integer({ min: -1, max: 5 }),
  place: fc.constantFrom(null, 'Drachten', 'Dokkum', 'Snits'),
  online: fc.boolean(),
  capacity: fc.integer({ min: 0, max: 3 }),
  confirmed: fc.integer({ min: 0, max: 3 }),
  offered: fc.integer({ min: 0, max: 1 }),
});
const query = fc.record({
  courses: fc.record(
    {
      categoryId: fc.constantFrom('c1', 'c2', 'c3', 'nowhere'),
      kind: fc.constantFrom('training' as const, 'workshop' as const),
      language: fc.constantFrom('nl' as const, 'fy' as const, 'en' as const),
      audience: fc.constantFrom('carers', 'volunteers'),
      theme: fc.constantFrom('dementia', 'stress'),
    },
    { requiredKeys: [] },
  ),
  sessions: fc.record(
    {
      from: fc.integer({ min: -2, max: 6 }).map(at),
      to: fc.integer({ min: -2, max: 7 }).map(at),
      placeKey: fc.constantFrom('drachten', 'dokkum', 'snits', 'ljouwert'),
      online: fc.boolean(),
      hasSeats: fc.constant(true),
    },
    { requiredKeys: [] },
  ),
  skip: fc.nat(8),
  take: fc.integer({ min: 1, max: 8 }),
});

type Drawn<A> = A extends fc.Arbitrary<infer T> ? T : never;

function snapshotFrom(
  courses: Array<Drawn<typeof courseRow>>,
  sessions: Array<Drawn<typeof sessionRow>>,
): Snapshot {
  return snapshotOf(
    courses.map((course, i) => ({
      // Ids out of insertion order, so that id order is not the reading order.
      id: `course-${String((i * 7) % 12).padStart(2, '0')}`,
      kind: course.kind,
      title: `Course ${i}`,
      summary: '',
      language: course.language,
      category_id: course.category,
      provider_id: null,
      status: 'published',
      audiences: course.audiences.join(',') || null,
      themes: course.themes.join(',') || null,
    })),
    sessions
      .filter((session) => session.course < courses.length)
      .map((session, i) => ({
        id: `session-${String((i * 5) % 97).padStart(2, '0')}`,
        course_id: `course-${String((session.course * 7) % 12).padStart(2, '0')}`,
        first_starts_at: at(session.startsIn),
        last_ends_at: at(session.startsIn + 2),
        place: session.place,
        place_key: session.place?.toLowerCase() ?? null,
        online: session.online ? 1 : 0,
        capacity: session.capacity,
        status: 'scheduled',
        confirmed: session.confirmed,
        offered: session.offered,
      })),
    { asOf: NOW, fingerprint: '', seatsFingerprint: '', mark: 0 },
  );
}

/** The listing as the SQL defines it, the slow and obvious way: the reference the walk must equal. */
function reference(
  snapshot: Snapshot,
  courses: CourseFilters,
  sessions: SessionFilters,
  sessionFiltered: boolean,
  now: Date,
): Array<{ course: string; next: string | null }> {
  const all = snapshot.all.sessions;
  const listed = snapshot.courses
    .map((course) => course.row)
    .filter(
      (row) =>
        (courses.categoryId === undefined || row.categoryId === courses.categoryId) &&
        (courses.kind === undefined || row.kind === courses.kind) &&
        (courses.language === undefined || row.language === courses.language) &&
        (courses.audience === undefined || row.audiences.includes(courses.audience)) &&
        (courses.theme === undefined || row.themes.includes(courses.theme)),
    )
    .map((row) => {
      const matching = all
        .filter(
          (session) =>
            session.courseId === row.id &&
            session.startsAt > now.getTime() &&
            (sessions.from === undefined || session.startsAt >= sessions.from.getTime()) &&
            (sessions.to === undefined || session.startsAt < sessions.to.getTime()) &&
            (sessions.placeKey === undefined || session.placeKey === sessions.placeKey) &&
            (sessions.online === undefined || session.online === sessions.online) &&
            (!sessions.hasSeats || session.capacity > session.confirmed + session.offered),
        )
        .sort((a, b) => a.startsAt - b.startsAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return { row, next: matching[0] };
    })
    .filter((entry) => !sessionFiltered || entry.next);
  listed.sort((a, b) => {
    if (a.next && b.next && a.next.startsAt !== b.next.startsAt) return a.next.startsAt - b.next.startsAt;
    if (!a.next !== !b.next) return a.next ? -1 : 1;
    return a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0;
  });
  return listed.map((entry) => ({ course: entry.row.id, next: entry.next?.id ?? null }));
}

describe('pageOf (the in-memory listing)', () => {
  it('equals the obvious definition for any catalogue and any filters, page by page', () => {
    fc.assert(
      fc.property(
        fc.array(courseRow, { minLength: 2, maxLength: 12 }),
        fc.array(sessionRow, { minLength: 5, maxLength: 40, size: 'large' }),
        fc.array(query, { minLength: 1, maxLength: 5 }),
        (courses, sessions, queries) => {
          // One snapshot answers many searches in turn (its marks are reused from one to the next).
          const snapshot = snapshotFrom(courses, sessions);
          for (const { courses: courseFilters, sessions: sessionFilters, skip, take } of queries) {
            const sessionFiltered = Object.values(sessionFilters).some((value) => value !== undefined);
            const expected = reference(snapshot, courseFilters, sessionFilters, sessionFiltered, at(0));
            const page = pageOf(snapshot, courseFilters, sessionFilters, sessionFiltered, at(0), skip, take);
            expect(page.total).toBe(expected.length);
            expect(
              page.rows.map((row) => ({ course: row.id, next: page.next.get(row.id)?.id ?? null })),
            ).toEqual(expected.slice(skip, skip + take));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('breaks ties as the SQL does: next sessions at the same time by course id, a course’s own by session id', () => {
    const session: Omit<Drawn<typeof sessionRow>, 'course'> = {
      startsIn: 2,
      place: 'Dokkum',
      online: false,
      capacity: 2,
      confirmed: 0,
      offered: 0,
    };
    const course: Drawn<typeof courseRow> = {
      category: 'c1',
      kind: 'training',
      language: 'nl',
      audiences: [],
      themes: [],
    };
    // Courses 0, 1, 2 get the ids course-00, course-07, course-02; sessions session-00, -05, -10, -15.
    const snapshot = snapshotFrom(
      [course, course, course],
      [
        { ...session, course: 1 },
        { ...session, course: 2, startsIn: 3 },
        { ...session, course: 2 },
        { ...session, course: 1, startsIn: 3 },
      ],
    );
    const page = pageOf(snapshot, {}, {}, false, at(0), 0, 10);
    expect(page.rows.map((row) => [row.id, page.next.get(row.id)?.id ?? null])).toEqual([
      ['course-02', 'session-10'],
      ['course-07', 'session-00'],
      // No session still to come: last.
      ['course-00', null],
    ]);
    const sameCourse = snapshotFrom(
      [course],
      [
        { ...session, course: 0, place: 'Snits' },
        { ...session, course: 0 },
      ],
    );
    expect(pageOf(sameCourse, {}, {}, false, at(0), 0, 10).next.get('course-00')?.id).toBe('session-00');
  });

  it('starts its marks afresh when the stamps would overflow', () => {
    const snapshot = snapshotFrom(
      [{ category: 'c1', kind: 'training', language: 'nl', audiences: [], themes: [] }],
      [{ course: 0, startsIn: 1, place: 'Dokkum', online: false, capacity: 2, confirmed: 0, offered: 0 }],
    );
    snapshot.epoch = 0xfffffff0;
    const page = pageOf(snapshot, {}, { placeKey: 'dokkum' }, true, at(0), 0, 10);
    expect(page.total).toBe(1);
    expect(snapshot.epoch).toBe(2);
  });

  it('takes seat counts in place as if read afresh: newest version wins, whatever the order they come in', () => {
    const change = fc.record({
      session: fc.nat(39),
      confirmed: fc.integer({ min: 0, max: 3 }),
      offered: fc.integer({ min: 0, max: 1 }),
      version: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(
        fc.array(courseRow, { minLength: 2, maxLength: 12 }),
        fc.array(sessionRow, { minLength: 5, maxLength: 40, size: 'large' }),
        fc.array(change, { maxLength: 30 }),
        fc.array(query, { minLength: 1, maxLength: 4 }),
        (courses, drawn, changes, queries) => {
          const sessions = drawn.filter((session) => session.course < courses.length);
          const patched = snapshotFrom(courses, sessions);
          const ids = patched.all.sessions.map((session) => session.id).sort();
          // What each session holds in the end: the first change of the highest version (equal ones are ignored).
          const final = sessions.map((session) => ({ ...session, version: -Infinity }));
          for (const { session, confirmed, offered, version } of changes) {
            if (session >= sessions.length) continue;
            // snapshotFrom names the i-th session `session-${(i * 5) % 97}`.
            const sessionId = `session-${String((session * 5) % 97).padStart(2, '0')}`;
            const before = patched.sessionsById.get(sessionId);
            applySeats(patched, { sessionId, confirmed, offered, version });
            const after = patched.sessionsById.get(sessionId);
            if (version > final[session].version) {
              Object.assign(final[session], { confirmed, offered, version });
              // Replaced, not changed: item texts kept for the old entry must not be reused.
              if (before && after) expect(after).not.toBe(before);
            } else {
              expect(after).toBe(before);
            }
          }
          applySeats(patched, { sessionId: 'not-listed', confirmed: 1, offered: 0, version: 9 });
          const fresh = snapshotFrom(courses, final);
          const counts = (snapshot: Snapshot) => ({
            all: snapshot.all.sessions.map(({ id, confirmed, offered }) => ({ id, confirmed, offered })),
            seatsLeft: [...snapshot.all.seatsLeft],
            byPlace: [...snapshot.byPlace].map(([place, list]) => ({
              place,
              ids: list.sessions.map((session) => session.id),
              seatsLeft: [...list.seatsLeft],
              byId: list.sessions.every((session) => snapshot.sessionsById.get(session.id) === session),
            })),
          });
          expect(counts(patched)).toEqual(counts(fresh));
          expect(patched.all.sessions.map((session) => session.id).sort()).toEqual(ids);
          for (const { courses: courseFilters, sessions: sessionFilters, skip, take } of queries) {
            const filtered = Object.values(sessionFilters).some((value) => value !== undefined);
            const page = (snapshot: Snapshot) => {
              const { rows, total, next } = pageOf(
                snapshot,
                courseFilters,
                sessionFilters,
                filtered,
                at(0),
                skip,
                take,
              );
              return { rows: rows.map((row) => row.id), total, next: [...next.keys()] };
            };
            expect(page(patched)).toEqual(page(fresh));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
