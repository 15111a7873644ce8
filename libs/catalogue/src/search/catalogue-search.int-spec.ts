import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import { Metrics } from '@academy/platform';
import { CoursesService } from '../courses/courses.service';
import type { CourseListItem } from '../courses/dto/course-list-item';
import type { CreateCourseRequest } from '../courses/dto/create-course.request';
import type { MeetingRequest } from '../sessions/dto/create-session.request';
import { SessionsService } from '../sessions/sessions.service';
import { type CatalogueContext, principal, startCatalogueContext } from '../testing/catalogue-context';
import { CatalogueIndex, INDEX_REFRESH_MS } from './catalogue-index';
import { CatalogueSearchService } from './catalogue-search.service';
import { SearchCache } from './search-cache';
import type { CourseSearchQuery } from './dto/course-search.query';

// The same ids on both databases, so "the same results" can be compared id for id (ties are broken by id).
let deterministic = 0;
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return {
    ...actual,
    randomUUID: () =>
      deterministic > 0
        ? `00000000-0000-4000-8000-${String(deterministic++).padStart(12, '0')}`
        : actual.randomUUID(),
  };
});

const DAY = 86_400_000;
/** Evenings, a whole number of days from the start of the suite, so both databases see the same order. */
const base = new Date(Math.ceil(Date.now() / DAY) * DAY + 17.5 * 3_600_000);
const evening = (days: number, hours = 2) => ({
  startsAt: new Date(base.getTime() + days * DAY).toISOString(),
  endsAt: new Date(base.getTime() + days * DAY + hours * 3_600_000).toISOString(),
});
const localDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
    new Date(base.getTime() + days * DAY),
  );
const venue = (days: number, place: string): MeetingRequest => ({
  ...evening(days),
  location: { name: `Dorpshuis ${place}`, place, address: 'Tsjerkepaad 1' },
});
const online = (days: number): MeetingRequest => ({
  ...evening(days),
  location: { name: 'Online', online: true, url: 'https://meet.example.org/academie' },
});

interface Seed {
  key: string;
  course: Omit<CreateCourseRequest, 'kind' | 'language'> & Partial<CreateCourseRequest>;
  sessions?: Array<{ meetings: MeetingRequest[]; capacity?: number; confirmed?: number; cancel?: boolean }>;
  status?: 'draft' | 'published' | 'archived';
}

/** A small academy that exercises every filter; keys name the courses in the expectations below. */
const SEED: Seed[] = [
  {
    key: 'dementie',
    course: {
      kind: 'training',
      title: 'Omgaan met dementie',
      summary: 'Wat dementie doet met je naaste en met jou.',
      description: 'Drie avonden over **geheugen**, gedrag en geduld.',
      category: 'mantelzorg',
      audiences: ['carers'],
      themes: ['dementia'],
    },
    sessions: [
      { meetings: [venue(10, 'Drachten'), venue(17, 'Drachten')] },
      { meetings: [venue(30, 'Leeuwarden'), venue(37, 'Leeuwarden')] },
    ],
  },
  {
    key: 'grenzen',
    course: {
      kind: 'workshop',
      title: 'Grenzen stellen als mantelzorger',
      summary: 'Nee zeggen zonder schuldgevoel.',
      category: 'mantelzorg',
      audiences: ['carers'],
      themes: ['boundaries', 'stress'],
    },
    sessions: [{ meetings: [online(5)], capacity: 10 }, { meetings: [venue(20, 'Sneek')] }],
  },
  {
    key: 'ehbo',
    course: {
      kind: 'training',
      title: 'EHBO voor vrijwilligers',
      summary: 'Eerste hulp bij ongelukken op het sportveld en in het dorpshuis.',
      category: 'veiligheid-en-ehbo',
      audiences: ['volunteers'],
      themes: ['first-aid'],
    },
    sessions: [{ meetings: [venue(15, 'Dokkum')] }],
  },
  {
    key: 'earste-help',
    course: {
      kind: 'workshop',
      language: 'fy',
      title: 'Earste help by ûngelokken',
      summary: 'Wat te dwaan as der wat bart.',
      category: 'veiligheid-en-ehbo',
      audiences: ['volunteers'],
      themes: ['first-aid'],
    },
    sessions: [{ meetings: [venue(15, 'Easterwâlde')] }],
  },
  {
    key: 'social-media',
    course: {
      kind: 'workshop',
      language: 'en',
      title: 'Social media for associations',
      summary: 'Reach new members online.',
      category: 'communicatie-en-media',
      audiences: ['board-members'],
      themes: ['digital'],
    },
    sessions: [{ meetings: [online(8)] }],
  },
  {
    key: 'sociale-media',
    course: {
      kind: 'workshop',
      title: 'Sociale media voor verenigingen',
      summary: 'Nieuwe leden bereiken via het internet.',
      category: 'communicatie-en-media',
      audiences: ['board-members', 'volunteers'],
      themes: ['digital'],
    },
  },
  {
    key: 'zelfzorg',
    course: {
      kind: 'workshop',
      title: 'Zelfzorg voor vrijwilligers',
      summary: 'Op tijd opladen, zodat je het volhoudt.',
      category: 'zorg-en-welzijn',
      audiences: ['volunteers', 'carers'],
      themes: ['self-care', 'stress'],
    },
    sessions: [
      { meetings: [venue(3, 'Drachten')], capacity: 8, confirmed: 8 },
      { meetings: [venue(40, 'Drachten')], capacity: 8, confirmed: 3 },
    ],
  },
  {
    key: 'vergaderen',
    course: {
      kind: 'workshop',
      title: 'Vergadertechniek voor dorpsbelangen',
      summary: 'Korter vergaderen, beter besluiten.',
      category: 'organisatie-en-bestuur',
      audiences: ['board-members'],
      themes: ['meetings'],
    },
    sessions: [{ meetings: [venue(12, 'Buitenpost')], cancel: true }],
  },
  {
    key: 'concept',
    status: 'draft',
    course: {
      kind: 'workshop',
      title: 'Geheim concept over dementie',
      summary: 'Nog niet af.',
      category: 'mantelzorg',
    },
    sessions: [{ meetings: [venue(2, 'Drachten')] }],
  },
  {
    key: 'archief',
    status: 'archived',
    course: {
      kind: 'workshop',
      title: 'Oud archief over dementie',
      summary: 'Niet meer gegeven.',
      category: 'mantelzorg',
    },
  },
];

/** What each database answered, by query; the second database must answer the same, id for id. */
const answers = new Map<string, Array<{ ids: string[]; total: number; next: Array<string | null> }>>();

describeEachDatabase('catalogue search', (kind) => {
  let catalogue: CatalogueContext;
  let search: CatalogueSearchService;
  const keyOf = new Map<string, string>();

  beforeAll(async () => {
    catalogue = await startCatalogueContext(kind);
    search = catalogue.get(CatalogueSearchService);
    const admin = principal('admin');
    deterministic = 1;
    try {
      for (const seed of SEED) {
        const course = await catalogue
          .get(CoursesService)
          .create(admin, { kind: 'workshop', language: 'nl', ...seed.course });
        keyOf.set(course.id, seed.key);
        for (const session of seed.sessions ?? []) {
          const created = await catalogue.get(SessionsService).create(admin, course.id, {
            capacity: session.capacity ?? 12,
            meetings: session.meetings,
          });
          if (session.confirmed !== undefined) {
            await catalogue.reportSeats({
              sessionId: created.id,
              capacity: session.capacity ?? 12,
              confirmed: session.confirmed,
              waitlisted: 0,
              version: 1,
            });
          }
          if (session.cancel)
            await catalogue.get(SessionsService).cancel(admin, created.id, 'Te weinig aanmeldingen');
        }
        if (seed.status !== 'draft') await catalogue.get(CoursesService).publish(admin, course.id);
        if (seed.status === 'archived') await catalogue.get(CoursesService).archive(admin, course.id);
      }
    } finally {
      deterministic = 0;
    }
  });
  afterAll(() => catalogue?.close());

  async function find(
    query: Partial<CourseSearchQuery>,
  ): Promise<{ keys: string[]; total: number; items: CourseListItem[] }> {
    // Every search both ways: the database's answer, and the in-memory index's, which must be the same.
    const index = catalogue.get(CatalogueIndex);
    const cache = catalogue.get(SearchCache);
    index.enabled = false;
    cache.clear();
    const page = await search.search(query as CourseSearchQuery);
    index.enabled = true;
    cache.clear();
    await index.refresh();
    expect(await search.search(query as CourseSearchQuery)).toEqual(page);
    const label = JSON.stringify(query);
    const answer = {
      ids: page.items.map((i) => i.id),
      total: page.total,
      next: page.items.map((i) => i.nextSession?.id ?? null),
    };
    const earlier = answers.get(label);
    if (earlier) expect(answer).toEqual(earlier[0]);
    else answers.set(label, [answer]);
    return { keys: page.items.map((i) => keyOf.get(i.id)!), total: page.total, items: page.items };
  }

  it('lists published courses by their next session, those without one last, ties by id', async () => {
    const all = await find({});
    expect(all.keys).toEqual([
      'zelfzorg',
      'grenzen',
      'social-media',
      'dementie',
      'ehbo',
      'earste-help',
      'sociale-media',
      'vergaderen',
    ]);
    expect(all.total).toBe(8);
    const [first] = all.items;
    expect(first.nextSession).toMatchObject({ place: 'Drachten', online: false, capacity: 8, seatsLeft: 0 });
    expect(first.nextSession?.startsAt).toBe(evening(3).startsAt);
    expect(all.items.find((i) => keyOf.get(i.id) === 'vergaderen')?.nextSession).toBeNull();
    expect(first).toMatchObject({
      audiences: ['carers', 'volunteers'],
      themes: ['self-care', 'stress'],
      category: { slug: 'zorg-en-welzijn' },
    });
  });

  it('pages stably with the right total on every page', async () => {
    const all = (await find({ pageSize: 100 })).keys;
    const pages = [];
    for (const page of [1, 2, 3]) {
      const result = await find({ page, pageSize: 3 });
      expect(result.total).toBe(8);
      pages.push(...result.keys);
    }
    expect(pages).toEqual(all);
    expect(await find({ page: 4, pageSize: 3 })).toMatchObject({ keys: [], total: 8 });
  });

  it.each([
    [{ q: 'dementie' }, ['dementie']],
    [{ q: 'Dement' }, ['dementie']],
    [{ q: 'GEHEUGEN geduld' }, ['dementie']],
    [{ q: 'ehbo' }, ['ehbo']],
    [{ q: 'ûngelokken' }, ['earste-help']],
    [{ q: 'ungelokken' }, ['earste-help']],
    // No word starts with "zorg": full text finds nothing, so substrings are searched.
    [{ q: 'zorg' }, ['zelfzorg', 'grenzen']],
    [{ q: 'vrijwilligers dorpshuis' }, ['ehbo']],
    [{ q: 'nergens te vinden' }, []],
    [
      { q: '?!' },
      [
        'zelfzorg',
        'grenzen',
        'social-media',
        'dementie',
        'ehbo',
        'earste-help',
        'sociale-media',
        'vergaderen',
      ],
    ],
  ])('finds free text %j', async (query, expected) => {
    expect((await find(query)).keys).toEqual(expected);
  });

  it('matches short terms as substrings, the same on both databases', async () => {
    const { keys } = await find({ q: 'op' });
    expect(keys).toEqual(expect.arrayContaining(['zelfzorg', 'ehbo']));
    await find({ q: 'en' });
    await find({ q: 'ai nee' });
  });

  it.each([
    [{ category: 'mantelzorg' }, ['grenzen', 'dementie']],
    [{ category: 'no-such-category' }, []],
    [{ kind: 'training' }, ['dementie', 'ehbo']],
    [{ language: 'fy' }, ['earste-help']],
    [{ language: 'en' }, ['social-media']],
    [{ audience: 'board-members' }, ['social-media', 'sociale-media', 'vergaderen']],
    [{ theme: 'stress' }, ['zelfzorg', 'grenzen']],
    [{ kind: 'workshop', language: 'nl', audience: 'carers' }, ['zelfzorg', 'grenzen']],
    [{ category: 'veiligheid-en-ehbo', language: 'fy' }, ['earste-help']],
    [{ q: 'media', audience: 'volunteers' }, ['sociale-media']],
  ])('filters courses %j', async (query, expected) => {
    expect((await find(query as Partial<CourseSearchQuery>)).keys).toEqual(expected);
  });

  it('filters on the place of a session, whatever the case and accents, showing that session', async () => {
    const drachten = await find({ place: 'drachten' });
    expect(drachten.keys).toEqual(['zelfzorg', 'dementie']);
    expect(drachten.items[1].nextSession?.place).toBe('Drachten');
    expect((await find({ place: 'Easterwalde' })).keys).toEqual(['earste-help']);
    expect((await find({ place: 'Leeuwarden' })).items[0].nextSession?.startsAt).toBe(evening(30).startsAt);
    expect((await find({ place: 'Buitenpost' })).keys).toEqual([]);
  });

  it('filters online and venue sessions', async () => {
    expect((await find({ online: true })).keys).toEqual(['grenzen', 'social-media']);
    const atVenues = await find({ online: false });
    expect(atVenues.keys).toEqual(['zelfzorg', 'dementie', 'ehbo', 'earste-help', 'grenzen']);
    expect(atVenues.items[4].nextSession?.place).toBe('Sneek');
  });

  it('filters on dates (whole days in Friesland, both ends included)', async () => {
    expect((await find({ from: localDay(9), to: localDay(15) })).keys).toEqual([
      'dementie',
      'ehbo',
      'earste-help',
    ]);
    expect((await find({ from: localDay(16) })).keys).toEqual(['grenzen', 'dementie', 'zelfzorg']);
    expect((await find({ to: localDay(3) })).keys).toEqual(['zelfzorg']);
    expect((await find({ from: localDay(9), to: localDay(8) })).keys).toEqual([]);
  });

  it('keeps only sessions with seats left when asked, using the seat counts enrolment reported', async () => {
    const withSeats = await find({ hasSeats: true });
    expect(withSeats.keys).toEqual([
      'grenzen',
      'social-media',
      'dementie',
      'ehbo',
      'earste-help',
      'zelfzorg',
    ]);
    expect(withSeats.items[5].nextSession).toMatchObject({ seatsLeft: 5, capacity: 8 });
    expect((await find({ hasSeats: true, place: 'Drachten', q: 'zelfzorg' })).keys).toEqual(['zelfzorg']);
  });

  it('pages filtered results with the right totals', async () => {
    const first = await find({ online: false, pageSize: 2 });
    const second = await find({ online: false, pageSize: 2, page: 2 });
    const third = await find({ online: false, pageSize: 2, page: 3 });
    expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
    expect([...first.keys, ...second.keys, ...third.keys]).toEqual([
      'zelfzorg',
      'dementie',
      'ehbo',
      'earste-help',
      'grenzen',
    ]);
  });

  it('answers from the in-memory index only while it is fresh and nothing changed since it was read', async () => {
    const index = catalogue.get(CatalogueIndex);
    const now = new Date();
    const all = () => index.search({}, {}, false, now, 0, 100);
    await index.refresh();
    expect((await all())?.rows.map((row) => keyOf.get(row.id))).toEqual((await find({ pageSize: 100 })).keys);
    expect(
      await index.search({ terms: { fullText: ['dementie'], substring: [] } }, {}, false, now, 0, 20),
    ).toBeUndefined();
    // A change committed in this process outdates the snapshot at once: the next search waits for a new read.
    const [first] = (await all())!.rows;
    await catalogue.dataSource.query(
      'UPDATE catalogue_courses SET title = ?, version = version + 1 WHERE id = ?',
      ['Zelfzorg (nieuw)', first.id],
    );
    catalogue.get(SearchCache).changed();
    expect((await all())?.rows[0].title).toBe('Zelfzorg (nieuw)');
    await catalogue.dataSource.query(
      'UPDATE catalogue_courses SET title = ?, version = version + 1 WHERE id = ?',
      [first.title, first.id],
    );
    catalogue.get(SearchCache).changed();
    await index.refresh();
    expect((await all())?.rows[0].title).toBe(first.title);
    // Older than the cache's horizon: used only once a look at the database has found it still current.
    const before = Date.now();
    const late = await index.search({}, {}, false, new Date(now.getTime() + 60_000), 0, 100);
    expect(late?.asOf).toBeGreaterThanOrEqual(before);
    await index.refresh();
  });

  it('sees a change another replica or a script made within the horizon, by its fingerprint', async () => {
    const index = catalogue.get(CatalogueIndex);
    await index.refresh();
    const titleOf = async (now: Date, id: string) =>
      (await index.search({}, {}, false, now, 0, 100))?.rows.find((row) => row.id === id)?.title;
    const [course] = (await find({ pageSize: 1 })).items;
    // Straight into the database, as another replica would: this process's cache hears nothing of it.
    await catalogue.dataSource.query(
      'UPDATE catalogue_courses SET title = ?, version = version + 1 WHERE id = ?',
      ['Zelfzorg, vernieuwd', course.id],
    );
    expect(await titleOf(new Date(), course.id)).toBe(course.title);
    // Once the snapshot is a refresh interval old, a look at the fingerprint finds the change and reads again.
    const later = () => new Date(Date.now() + INDEX_REFRESH_MS);
    const deadline = Date.now() + 10_000;
    while ((await titleOf(later(), course.id)) !== 'Zelfzorg, vernieuwd' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await titleOf(later(), course.id)).toBe('Zelfzorg, vernieuwd');
    await catalogue.dataSource.query(
      'UPDATE catalogue_courses SET title = ?, version = version + 1 WHERE id = ?',
      [course.title, course.id],
    );
    catalogue.get(SearchCache).clear();
    await index.refresh();
  });

  it('takes seat counts in place, reported here or stored by another replica, without reading the catalogue again', async () => {
    const index = catalogue.get(CatalogueIndex);
    await index.refresh();
    const later = () => new Date(Date.now() + INDEX_REFRESH_MS);
    const withSeats = async (now = new Date()) =>
      (await index.search({}, { hasSeats: true }, true, now, 0, 100))!;
    const listed = await withSeats();
    const [course] = listed.rows;
    const session = listed.next.get(course.id)!;
    const reads = { ...index.reads };
    // Reported here: the consumer stores it, and at commit the index takes it in place.
    await catalogue.reportSeats({
      sessionId: session.id,
      capacity: session.capacity,
      confirmed: session.capacity,
      waitlisted: 2,
      version: 1_000,
    });
    const full = await withSeats();
    expect(full.next.get(course.id)?.id).not.toBe(session.id);
    expect(index.reads).toEqual(reads);
    // The same rows as the database's own search.
    const sql = await find({ hasSeats: true, pageSize: 100 });
    expect(sql.items.find((item) => item.id === course.id)?.nextSession?.id).not.toBe(session.id);
    // Stored by another replica (it took the event): a look at the fingerprint reads the seat counts alone.
    await index.refresh();
    const afterRefresh = { ...index.reads };
    await catalogue.dataSource.query(
      'UPDATE catalogue_session_seats SET confirmed = ?, version = ? WHERE session_id = ?',
      [session.confirmed, 1_001, session.id],
    );
    const deadline = Date.now() + 10_000;
    while ((await withSeats(later())).next.get(course.id)?.id !== session.id && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await withSeats(later())).next.get(course.id)?.id).toBe(session.id);
    expect(index.reads.catalogue).toBe(afterRefresh.catalogue);
    expect(index.reads.seats).toBeGreaterThan(afterRefresh.seats);
    // Operators see the same on /metrics.
    expect(
      await catalogue.get(Metrics).registry.getSingleMetricAsString('academy_catalogue_index_reads_total'),
    ).toContain(`academy_catalogue_index_reads_total{what="seats"} ${index.reads.seats}`);
    // An older report (out of order) changes nothing.
    await catalogue.reportSeats({
      sessionId: session.id,
      capacity: session.capacity,
      confirmed: session.capacity,
      waitlisted: 0,
      version: 999,
    });
    expect((await withSeats()).next.get(course.id)?.id).toBe(session.id);
    catalogue.get(SearchCache).clear();
    await index.refresh();
  });

  it('refuses impossible dates and unknown values with field errors', async () => {
    await expect(search.search({ from: '2026-02-30' } as CourseSearchQuery)).rejects.toMatchObject({
      code: 'validation.failed',
      details: { errors: [{ field: 'from' }] },
    });
    await expect(search.search({ kind: 'lecture' } as unknown as CourseSearchQuery)).rejects.toMatchObject({
      details: { errors: [{ field: 'kind' }] },
    });
  });

  it('offers the places with sessions to come', async () => {
    const places = (await search.places()).map((p) => p.place);
    expect(places).toEqual(
      expect.arrayContaining(['Drachten', 'Easterwâlde', 'Leeuwarden', 'Sneek', 'Dokkum']),
    );
    expect(places).not.toContain('Buitenpost');
  });
});
