import { SESSION_GO_DECIDED_V1, USER_ERASED_V1 } from '@academy/contracts';
import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import { outboxSchema } from '@academy/messaging';
import { CoursesService } from '../courses/courses.service';
import type { CourseResponse } from '../courses/dto/course.response';
import { CatalogueSearchService } from '../search/catalogue-search.service';
import type { CourseSearchQuery } from '../search/dto/course-search.query';
import { SeatCount } from '../seats/seat-count.entity';
import { type CatalogueContext, principal, startCatalogueContext } from '../testing/catalogue-context';
import type { MeetingRequest } from './dto/create-session.request';
import { Session } from './session.entity';
import { SessionsService } from './sessions.service';

const DAY = 86_400_000;
const meeting = (days: number, place = 'Dokkum'): MeetingRequest => {
  const start = Math.floor(Date.now() / DAY) * DAY + days * DAY + 18 * 3_600_000;
  return {
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 2 * 3_600_000).toISOString(),
    location: { name: 'De Koepel', place },
  };
};

describeEachDatabase('catalogue sessions, seats and events', (kind) => {
  let catalogue: CatalogueContext;
  let sessions: SessionsService;
  let courses: CoursesService;
  const trainer = principal('trainer');

  beforeAll(async () => {
    catalogue = await startCatalogueContext(kind);
    sessions = catalogue.get(SessionsService);
    courses = catalogue.get(CoursesService);
  });
  afterAll(() => catalogue?.close());

  const outbox = () => catalogue.dataSource.getRepository(outboxSchema('catalogue'));
  const eventsOf = async (type: string, id: string) =>
    (await outbox().findBy({ type }))
      .map((row) => JSON.parse(row.payload) as { payload: { sessionId?: string; courseId: string } })
      .filter((event) => event.payload.sessionId === id || event.payload.courseId === id);

  async function publishedCourse(): Promise<CourseResponse> {
    const course = await courses.create(trainer, {
      kind: 'workshop',
      title: 'Reanimatie en AED',
      summary: 'Levens redden in zes minuten.',
      category: 'veiligheid-en-ehbo',
      language: 'nl',
    });
    return courses.publish(trainer, course.id);
  }

  it('keeps the newest seat counts, whatever order they arrive in, and acts once per event', async () => {
    const course = await publishedCourse();
    const session = await sessions.create(trainer, course.id, { capacity: 10, meetings: [meeting(6)] });
    await catalogue.reportSeats({
      sessionId: session.id,
      capacity: 10,
      confirmed: 7,
      waitlisted: 2,
      version: 5,
    });
    await catalogue.reportSeats({
      sessionId: session.id,
      capacity: 10,
      confirmed: 3,
      waitlisted: 0,
      version: 4,
    });
    expect((await sessions.get(session.id)).seats).toEqual({
      capacity: 10,
      confirmed: 7,
      waitlisted: 2,
      left: 3,
    });
    await catalogue.reportSeats({
      sessionId: session.id,
      capacity: 10,
      confirmed: 8,
      waitlisted: 3,
      // A seat held by an open waitlist offer is not free.
      offered: 2,
      version: 6,
    });
    expect((await sessions.get(session.id)).seats).toEqual({
      capacity: 10,
      confirmed: 8,
      waitlisted: 3,
      left: 0,
    });
    const found = await catalogue
      .get(CatalogueSearchService)
      .search({ q: 'Reanimatie', hasSeats: true } as CourseSearchQuery);
    expect(found.items.map((i) => i.nextSession?.id)).not.toContain(session.id);
    expect(
      await catalogue.dataSource.getRepository(SeatCount).findOneBy({ sessionId: session.id }),
    ).toMatchObject({
      version: 6,
    });
  });

  it('does not lower the capacity below the participants already confirmed', async () => {
    const course = await publishedCourse();
    const session = await sessions.create(trainer, course.id, { capacity: 10, meetings: [meeting(7)] });
    await catalogue.reportSeats({
      sessionId: session.id,
      capacity: 10,
      confirmed: 8,
      waitlisted: 0,
      version: 1,
    });
    await expect(sessions.update(trainer, session.id, { capacity: 7 })).rejects.toMatchObject({
      code: 'validation.failed',
      details: { errors: [{ field: 'capacity' }] },
    });
    expect((await sessions.update(trainer, session.id, { capacity: 8 })).capacity).toBe(8);
  });

  it('stores neither the session nor its event when the outbox cannot be written', async () => {
    const course = await publishedCourse();
    const table = 'catalogue_outbox';
    await catalogue.dataSource.query(`ALTER TABLE ${table} RENAME TO ${table}_away`);
    try {
      await expect(
        sessions.create(trainer, course.id, { capacity: 10, meetings: [meeting(8)] }),
      ).rejects.toThrow();
    } finally {
      await catalogue.dataSource.query(`ALTER TABLE ${table}_away RENAME TO ${table}`);
    }
    expect(await catalogue.dataSource.getRepository(Session).countBy({ courseId: course.id })).toBe(0);
  });

  it('announces changes of a published course, not of a draft, with a growing version', async () => {
    const draft = await courses.create(trainer, {
      kind: 'training',
      title: 'Vergadertechniek',
      summary: 'Korter vergaderen.',
      category: 'organisatie-en-bestuur',
      language: 'nl',
    });
    await courses.update(trainer, draft.id, { summary: 'Korter en beter vergaderen.' });
    expect(await eventsOf('catalogue.course.changed.v1', draft.id)).toHaveLength(0);
    await courses.publish(trainer, draft.id);
    const renamed = await courses.update(trainer, draft.id, {
      title: 'Vergadertechniek voor dorpsbelangen',
      themes: ['meetings'],
    });
    expect(renamed).toMatchObject({ version: 4, themes: ['meetings'] });
    const events = await eventsOf('catalogue.course.changed.v1', draft.id);
    expect(events.map((e) => e.payload as unknown as { version: number; status: string })).toEqual([
      expect.objectContaining({ version: 3, status: 'published' }),
      expect.objectContaining({
        version: 4,
        title: 'Vergadertechniek voor dorpsbelangen',
        themes: ['meetings'],
      }),
    ]);
    // No change, no event.
    await courses.update(trainer, draft.id, { title: 'Vergadertechniek voor dorpsbelangen' });
    expect(await eventsOf('catalogue.course.changed.v1', draft.id)).toHaveLength(2);
  });

  it('refuses to turn a training with several meetings into a workshop', async () => {
    const course = await courses.create(trainer, {
      kind: 'training',
      title: 'Mantelzorg en werk',
      summary: 'Zorgen en werken combineren.',
      category: 'mantelzorg',
      language: 'nl',
    });
    await sessions.create(trainer, course.id, { capacity: 10, meetings: [meeting(9), meeting(16)] });
    await expect(courses.update(trainer, course.id, { kind: 'workshop' })).rejects.toMatchObject({
      details: { errors: [{ field: 'kind' }] },
    });
  });

  it('lets a trainer manage only the courses they teach', async () => {
    const course = await publishedCourse();
    const session = await sessions.create(trainer, course.id, { capacity: 10, meetings: [meeting(10)] });
    const stranger = principal('trainer');
    await expect(courses.update(stranger, course.id, { title: 'Niet van mij' })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await expect(sessions.cancel(stranger, session.id, 'Niet van mij')).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    await expect(
      courses.create(principal('volunteer'), {
        kind: 'workshop',
        title: 'Xyz',
        summary: 'Xyz',
        category: 'mantelzorg',
        language: 'nl',
      }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    const admin = principal('admin');
    expect((await courses.listManageable(admin, { page: 1, pageSize: 100 })).total).toBeGreaterThan(0);
    expect((await courses.listManageable(stranger, { page: 1, pageSize: 100 })).total).toBe(0);
  });

  it('forgets an erased trainer: off their courses and sessions, announced where others can see it', async () => {
    const leaving = principal('trainer');
    const staying = principal('trainer');
    const course = await courses.create(leaving, {
      kind: 'workshop',
      title: 'Omgaan met agressie',
      summary: 'Rustig blijven als het spannend wordt.',
      category: 'veiligheid-en-ehbo',
      language: 'nl',
      trainerIds: [staying.userId],
    });
    const session = await sessions.create(leaving, course.id, { capacity: 10, meetings: [meeting(11)] });
    await courses.publish(leaving, course.id);
    expect((await sessions.get(session.id)).trainerIds).toEqual([leaving.userId, staying.userId].sort());

    await catalogue.deliver(USER_ERASED_V1, { userId: leaving.userId, erasedAt: new Date().toISOString() });

    const after = await courses.get(course.id, staying);
    expect(after.trainerIds).toEqual([staying.userId]);
    expect(after.sessions[0]).toMatchObject({ trainerIds: [staying.userId], version: 3 });
    const [changed] = await eventsOf('catalogue.session.changed.v1', session.id);
    expect(changed.payload).toMatchObject({
      trainerIds: [staying.userId],
      changes: ['trainers'],
      version: 3,
    });
    const courseEvents = await eventsOf('catalogue.course.changed.v1', course.id);
    expect(courseEvents.at(-1)?.payload).toMatchObject({ trainerIds: [staying.userId] });
    await expect(courses.update(leaving, course.id, { title: 'Terug' })).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
    const raw: Array<{ created_by: string }> = await catalogue.dataSource.query(
      'SELECT created_by FROM catalogue_courses WHERE id = ?',
      [course.id],
    );
    expect(raw[0].created_by).not.toBe(leaving.userId);
  });

  it('shows the go/no-go outcome enrolment decided: confirmed, or cancelled and out of the listing', async () => {
    const course = await publishedCourse();
    const going = await sessions.create(trainer, course.id, { capacity: 10, meetings: [meeting(12)] });
    const failing = await sessions.create(trainer, course.id, { capacity: 10, meetings: [meeting(13)] });
    const decide = (sessionId: string, decision: 'confirmed' | 'cancelled') =>
      catalogue.deliver(
        SESSION_GO_DECIDED_V1,
        {
          sessionId,
          courseId: course.id,
          courseTitle: course.title,
          courseKind: course.kind,
          language: course.language,
          meetings: [],
          decision,
          confirmed: decision === 'confirmed' ? 6 : 1,
          minimumParticipants: 4,
          goNoGoAt: new Date().toISOString(),
          participants: [],
          decidedAt: new Date().toISOString(),
        },
        'enrolment',
      );
    await decide(going.id, 'confirmed');
    await decide(failing.id, 'cancelled');
    expect(await sessions.get(going.id)).toMatchObject({ status: 'confirmed', version: 2 });
    expect(await sessions.get(failing.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: expect.any(String),
    });
    const listed = await catalogue
      .get(CatalogueSearchService)
      .search({ q: 'Reanimatie', pageSize: 100 } as CourseSearchQuery);
    expect(listed.items.find((i) => i.id === course.id)?.nextSession).toMatchObject({
      id: going.id,
      status: 'confirmed',
    });
    // No catalogue event: enrolment announced the decision itself.
    expect(await eventsOf('catalogue.session.cancelled.v1', failing.id)).toHaveLength(0);
  });
});
