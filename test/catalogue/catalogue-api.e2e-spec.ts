import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { outboxSchema } from '@academy/messaging';
import {
  ADMIN_PASSWORD,
  bearer,
  bootAcademy,
  type BootedCatalogue,
  PASSWORD,
  randomIp,
  uniqueEmail,
} from './support/catalogue-app';

interface Problem {
  status: number;
  code: string;
  errors?: Array<{ field: string; messages: string[] }>;
}
interface Course {
  id: string;
  status: string;
  trainerIds: string[];
  title: string;
  version: number;
  descriptionHtml: string;
  sessions?: Session[];
}
interface Session {
  id: string;
  published: boolean;
  version: number;
  status: string;
  meetings: Array<{ id: string; startsAt: string; endsAt: string; location: { place: string | null } }>;
  seats: { capacity: number; confirmed: number; left: number };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** An evening `days` from now, with an offset as people write it. */
function at(days: number, hour = 19.5): string {
  const date = new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY + (hour - 1) * HOUR);
  return date.toISOString().replace('Z', '+00:00');
}
const meeting = (days: number, place = 'Drachten') => ({
  startsAt: at(days),
  endsAt: at(days, 21.5),
  location: { name: 'Dorpshuis De Skalm', place, address: 'Moleneind 12' },
});
const ADMIN_EMAIL = uniqueEmail('beheer');

describe('catalogue API — all-in-one on SQLite', () => {
  let booted: BootedCatalogue;
  let admin: string;

  beforeAll(async () => {
    booted = await bootAcademy(ADMIN_EMAIL);
    admin = await tokenOf(ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(() => booted.close());

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, token?: string, payload?: object) =>
    booted.call({ method, url, payload, headers: token ? bearer(token) : {} });
  const problemOf = (res: LightMyRequestResponse) => {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    return res.json<Problem>();
  };

  async function tokenOf(email: string, password: string): Promise<string> {
    const res = await booted.call({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      ip: randomIp(),
    });
    expect(res.statusCode).toBe(200);
    return res.json<{ accessToken: string }>().accessToken;
  }

  /** Each test its own organisation and people. */
  async function people(): Promise<{ trainer: string; trainerId: string; other: string; volunteer: string }> {
    const org = await send('POST', '/api/organisations', admin, {
      name: `Dorpshuis ${randomUUID().slice(0, 8)}`,
    });
    expect(org.statusCode).toBe(201);
    const organisationId = org.json<{ id: string }>().id;
    const person = async (role: string) => {
      const email = uniqueEmail(role);
      const res = await send('POST', '/api/users', admin, {
        email,
        password: PASSWORD,
        displayName: `Test ${role}`,
        memberships: [{ organisationId, role }],
      });
      expect(res.statusCode).toBe(201);
      return { id: res.json<{ id: string }>().id, token: await tokenOf(email, PASSWORD) };
    };
    const [trainer, other, volunteer] = [
      await person('trainer'),
      await person('trainer'),
      await person('volunteer'),
    ];
    return { trainer: trainer.token, trainerId: trainer.id, other: other.token, volunteer: volunteer.token };
  }

  const courseBody = (overrides: object = {}) => ({
    kind: 'training',
    title: `Omgaan met dementie ${randomUUID().slice(0, 6)}`,
    summary: 'Wat dementie doet met je naaste en met jou.',
    description: 'Drie avonden. <script>alert(1)</script> Meer op [de site](https://example.org).',
    category: 'mantelzorg',
    language: 'nl',
    audiences: ['carers'],
    themes: ['dementia'],
    ...overrides,
  });

  async function course(token: string, overrides: object = {}): Promise<Course> {
    const res = await send('POST', '/api/catalogue/courses', token, courseBody(overrides));
    expect(res.statusCode).toBe(201);
    return res.json<Course>();
  }

  async function session(token: string, courseId: string, overrides: object = {}): Promise<Session> {
    const res = await send('POST', `/api/catalogue/courses/${courseId}/sessions`, token, {
      capacity: 12,
      minimumParticipants: 4,
      meetings: [meeting(10), meeting(17)],
      ...overrides,
    });
    expect(res.statusCode).toBe(201);
    return res.json<Session>();
  }

  const outboxFor = async (type: string, sessionOrCourseId: string) =>
    (await booted.catalogueDb.getRepository(outboxSchema('catalogue')).findBy({ type })).filter((row) => {
      const payload = (JSON.parse(row.payload) as { payload: { sessionId?: string; courseId: string } })
        .payload;
      return (
        payload.sessionId === sessionOrCourseId ||
        (!payload.sessionId && payload.courseId === sessionOrCourseId)
      );
    });

  describe('reading is public', () => {
    it('lists the starter categories in three languages without logging in', async () => {
      const res = await send('GET', '/api/catalogue/categories');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(
        expect.arrayContaining([
          { slug: 'mantelzorg', names: { nl: 'Mantelzorg', fy: 'Mantelsoarch', en: 'Informal care' } },
          expect.objectContaining({ slug: 'veiligheid-en-ehbo' }),
        ]),
      );
    });

    it('lets anyone browse, search and open a published course, but not a draft', async () => {
      const { trainer } = await people();
      const word = `woord${randomUUID().slice(0, 6)}`;
      const draft = await course(trainer, { summary: `Over ${word} en meer.` });
      await session(trainer, draft.id);
      expect((await send('GET', `/api/catalogue/courses/${draft.id}`)).statusCode).toBe(404);
      expect((await send('GET', `/api/catalogue/courses?q=${word}`)).json()).toMatchObject({
        items: [],
        total: 0,
      });
      expect((await send('GET', `/api/catalogue/courses/${draft.id}`, trainer)).statusCode).toBe(200);

      expect((await send('POST', `/api/catalogue/courses/${draft.id}/publish`, trainer)).statusCode).toBe(
        200,
      );
      const found = await send('GET', `/api/catalogue/courses?q=${word}&category=mantelzorg&place=drachten`);
      expect(found.statusCode).toBe(200);
      expect(found.json()).toMatchObject({
        total: 1,
        page: 1,
        pageSize: 20,
        items: [
          { id: draft.id, nextSession: { place: 'Drachten', online: false, capacity: 12, seatsLeft: 12 } },
        ],
      });
      const detail = await send('GET', `/api/catalogue/courses/${draft.id}`);
      expect(detail.statusCode).toBe(200);
      const body = detail.json<Course>();
      expect(body.sessions).toHaveLength(1);
      expect(body.sessions![0]).toMatchObject({
        published: true,
        seats: { capacity: 12, confirmed: 0, left: 12 },
      });
      expect(body.sessions![0].meetings).toHaveLength(2);
      expect(body.descriptionHtml).not.toContain('<script');
      expect(body.descriptionHtml).toContain('rel="noopener noreferrer nofollow"');
      const one = await send('GET', `/api/catalogue/sessions/${body.sessions![0].id}`);
      expect(one.statusCode).toBe(200);
      expect(one.json<Session>().meetings[0].startsAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('answers ids that are not ids, and unknown ids, with 404', async () => {
      for (const url of [
        '/api/catalogue/courses/not-an-id',
        `/api/catalogue/courses/${randomUUID()}`,
        '/api/catalogue/sessions/1%27%20OR%201=1',
        `/api/catalogue/sessions/${randomUUID()}`,
      ]) {
        const res = await send('GET', url);
        expect(res.statusCode).toBe(404);
        expect(problemOf(res).code).toBe('resource.not-found');
      }
      expect(
        (await send('PATCH', '/api/catalogue/courses/xyz', admin, { title: 'Nieuwe titel' })).statusCode,
      ).toBe(404);
      expect(
        (await send('POST', '/api/catalogue/sessions/xyz/cancel', admin, { reason: 'Ziek' })).statusCode,
      ).toBe(404);
    });

    it('refuses bad filters with field errors', async () => {
      const res = await send(
        'GET',
        '/api/catalogue/courses?kind=lecture&online=maybe&from=2026-02-30&pageSize=500',
      );
      expect(res.statusCode).toBe(400);
      expect(
        problemOf(res)
          .errors?.map((e) => e.field)
          .sort(),
      ).toEqual(['kind', 'online', 'pageSize']);
      expect((await send('GET', '/api/catalogue/courses?from=2026-02-30')).statusCode).toBe(400);
      expect((await send('GET', '/api/catalogue/courses?sort=title')).statusCode).toBe(400);
    });
  });

  describe('who may manage courses', () => {
    it('refuses volunteers with 403, and anonymous callers with 401', async () => {
      const { volunteer } = await people();
      const res = await send('POST', '/api/catalogue/courses', volunteer, courseBody());
      expect(res.statusCode).toBe(403);
      expect(problemOf(res).code).toBe('auth.forbidden');
      expect((await send('POST', '/api/catalogue/courses', undefined, courseBody())).statusCode).toBe(401);
      expect((await send('GET', '/api/catalogue/courses/manageable', volunteer)).statusCode).toBe(403);
    });

    it('makes the trainer who creates a course its trainer; another trainer cannot touch it', async () => {
      const { trainer, trainerId, other } = await people();
      const mine = await course(trainer);
      expect(mine).toMatchObject({ status: 'draft', trainerIds: [trainerId], version: 1 });
      const first = await session(trainer, mine.id);

      for (const [method, url, payload] of [
        ['PATCH', `/api/catalogue/courses/${mine.id}`, { title: 'Gekaapt' }],
        ['POST', `/api/catalogue/courses/${mine.id}/publish`, undefined],
        ['POST', `/api/catalogue/courses/${mine.id}/sessions`, { capacity: 5, meetings: [meeting(12)] }],
        ['PATCH', `/api/catalogue/sessions/${first.id}`, { capacity: 1 }],
        ['POST', `/api/catalogue/sessions/${first.id}/cancel`, { reason: 'Zomaar' }],
      ] as const) {
        const res = await send(method, url, other, payload);
        expect(res.statusCode).toBe(403);
      }
      const unchanged = await send('GET', `/api/catalogue/courses/${mine.id}`, trainer);
      expect(unchanged.json<Course>()).toMatchObject({ title: mine.title, status: 'draft', version: 1 });
      expect(unchanged.json<Course>().sessions).toHaveLength(1);
      // The other trainer does not even see the draft.
      expect((await send('GET', `/api/catalogue/courses/${mine.id}`, other)).statusCode).toBe(404);

      const renamed = await send('PATCH', `/api/catalogue/courses/${mine.id}`, trainer, {
        title: 'Dementie van dichtbij',
      });
      expect(renamed.json<Course>()).toMatchObject({ title: 'Dementie van dichtbij', version: 2 });
      const byAdmin = await send('PATCH', `/api/catalogue/courses/${mine.id}`, admin, {
        attendanceThreshold: 80,
      });
      expect(byAdmin.statusCode).toBe(200);

      const manageable = await send('GET', '/api/catalogue/courses/manageable', trainer);
      expect(manageable.json()).toMatchObject({ total: 1, items: [{ id: mine.id }] });
      expect((await send('GET', '/api/catalogue/courses/manageable', other)).json()).toMatchObject({
        total: 0,
      });
    });

    it('lets only administrators add categories and providers', async () => {
      const { trainer } = await people();
      const slug = `cat-${randomUUID().slice(0, 8)}`;
      const category = { slug, names: { nl: 'Jeugd en sport', fy: 'Jeugd en sport', en: 'Youth and sport' } };
      expect((await send('POST', '/api/catalogue/categories', trainer, category)).statusCode).toBe(403);
      expect((await send('POST', '/api/catalogue/categories', admin, category)).statusCode).toBe(201);
      expect((await send('POST', '/api/catalogue/categories', admin, category)).statusCode).toBe(409);
      const provider = { name: `Humanitas ${randomUUID().slice(0, 6)}`, website: 'https://www.humanitas.nl' };
      expect((await send('POST', '/api/catalogue/providers', trainer, provider)).statusCode).toBe(403);
      const created = await send('POST', '/api/catalogue/providers', admin, provider);
      expect(created.statusCode).toBe(201);
      const providerId = created.json<{ id: string }>().id;
      expect((await send('GET', '/api/catalogue/providers')).json()).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: providerId, name: provider.name })]),
      );
      const withBoth = await course(trainer, { category: slug, providerId });
      expect(withBoth).toMatchObject({ category: { slug }, provider: { id: providerId } });
    });
  });

  describe('validation: each broken rule is a field error, and nothing is stored', () => {
    const past = { startsAt: at(-2), endsAt: at(-2, 21) };
    it.each([
      [
        'an end before the start',
        { meetings: [{ ...meeting(10), endsAt: at(10, 18) }] },
        'meetings.0.endsAt',
      ],
      ['a 0-minute meeting', { meetings: [{ ...meeting(10), endsAt: at(10) }] }, 'meetings.0.endsAt'],
      ['a meeting over 12 hours', { meetings: [{ ...meeting(10), endsAt: at(11, 9) }] }, 'meetings.0.endsAt'],
      ['a meeting in the past', { meetings: [{ ...meeting(10), ...past }] }, 'meetings.0.startsAt'],
      ['a capacity of 0', { capacity: 0, minimumParticipants: 0 }, 'capacity'],
      ['a capacity over 1000', { capacity: 1001 }, 'capacity'],
      ['a minimum above the capacity', { capacity: 3, minimumParticipants: 4 }, 'minimumParticipants'],
      ['a negative minimum', { minimumParticipants: -1 }, 'minimumParticipants'],
      [
        'an online meeting without a link',
        { meetings: [{ ...meeting(10), location: { name: 'Online', online: true } }] },
        'meetings.0.location.url',
      ],
      [
        'an online meeting with a plain http link',
        {
          meetings: [
            { ...meeting(10), location: { name: 'Online', online: true, url: 'http://meet.example.org/x' } },
          ],
        },
        'meetings.0.location.url',
      ],
      [
        'a venue without a place',
        { meetings: [{ ...meeting(10), location: { name: 'De Skalm' } }] },
        'meetings.0.location.place',
      ],
      [
        'enrolment closing before it opens',
        { enrolmentOpensAt: at(5), enrolmentClosesAt: at(3) },
        'enrolmentClosesAt',
      ],
      ['enrolment closing after the first meeting', { enrolmentClosesAt: at(10, 20) }, 'enrolmentClosesAt'],
      ['a go/no-go after the first meeting', { goNoGoAt: at(11) }, 'goNoGoAt'],
      [
        'a time without its offset',
        { meetings: [{ ...meeting(10), startsAt: at(10).slice(0, 19) }] },
        'meetings.0.startsAt',
      ],
      ['no meetings at all', { meetings: [] }, 'meetings'],
      ['an unknown field', { room: 'Zaal 2' }, 'room'],
      [
        'an unknown field in a meeting',
        { meetings: [{ ...meeting(10), colour: 'blue' }] },
        'meetings.0.colour',
      ],
    ])('refuses a session with %s', async (_label, overrides, field) => {
      const { trainer } = await people();
      const mine = await course(trainer, { kind: 'workshop' });
      const res = await send('POST', `/api/catalogue/courses/${mine.id}/sessions`, trainer, {
        capacity: 12,
        minimumParticipants: 4,
        meetings: [meeting(10)],
        ...overrides,
      });
      expect(res.statusCode).toBe(400);
      const problem = problemOf(res);
      expect(problem.code).toBe('validation.failed');
      expect(problem.errors?.map((e) => e.field)).toContain(field);
      expect(
        (await send('GET', `/api/catalogue/courses/${mine.id}`, trainer)).json<Course>().sessions,
      ).toEqual([]);
    });

    it('refuses a workshop with two meetings, and takes them for a training', async () => {
      const { trainer } = await people();
      const workshop = await course(trainer, { kind: 'workshop' });
      const res = await send('POST', `/api/catalogue/courses/${workshop.id}/sessions`, trainer, {
        capacity: 12,
        meetings: [meeting(10), meeting(17)],
      });
      expect(res.statusCode).toBe(400);
      expect(problemOf(res).errors).toEqual([
        { field: 'meetings', messages: ['A workshop has exactly one meeting.'] },
      ]);
      const training = await course(trainer, { kind: 'training' });
      await session(trainer, training.id, { meetings: [meeting(10), meeting(17)] });
    });

    it.each([
      ['an unknown category', { category: 'breien' }, 'category'],
      ['an unknown kind', { kind: 'lecture' }, 'kind'],
      ['a one-letter title', { title: 'X' }, 'title'],
      ['an unknown language', { language: 'de' }, 'language'],
      ['an unknown audience', { audiences: ['pets'] }, 'audiences'],
      ['a threshold over 100%', { attendanceThreshold: 101 }, 'attendanceThreshold'],
      ['an unknown provider', { providerId: randomUUID() }, 'providerId'],
      ['a status set by hand', { status: 'published' }, 'status'],
    ])('refuses a course with %s', async (_label, overrides, field) => {
      const { trainer } = await people();
      const res = await send('POST', '/api/catalogue/courses', trainer, courseBody(overrides));
      expect(res.statusCode).toBe(400);
      expect(problemOf(res).errors?.map((e) => e.field)).toContain(field);
      expect((await send('GET', '/api/catalogue/courses/manageable', trainer)).json()).toMatchObject({
        total: 0,
      });
    });

    it('refuses a change that breaks a rule, leaving the session as it was', async () => {
      const { trainer } = await people();
      const mine = await course(trainer);
      const created = await session(trainer, mine.id);
      const res = await send('PATCH', `/api/catalogue/sessions/${created.id}`, trainer, {
        capacity: 2,
        meetings: [{ ...meeting(10), id: created.meetings[0].id, endsAt: at(10, 19) }],
      });
      expect(res.statusCode).toBe(400);
      expect(
        problemOf(res)
          .errors?.map((e) => e.field)
          .sort(),
      ).toEqual(['meetings.0.endsAt', 'minimumParticipants']);
      const after = await send('GET', `/api/catalogue/sessions/${created.id}`, trainer);
      expect(after.json<Session>()).toMatchObject({ version: 1, seats: { capacity: 12 } });
      expect(after.json<Session>().meetings).toHaveLength(2);
    });
  });

  describe('publishing, changing and cancelling', () => {
    it('publishes a course with its sessions and writes their events to the outbox, delivered in-process', async () => {
      const { trainer, trainerId } = await people();
      const mine = await course(trainer);
      const draftSession = await session(trainer, mine.id);
      expect(draftSession.published).toBe(false);
      expect(await outboxFor('catalogue.session.published.v1', draftSession.id)).toHaveLength(0);

      const published = await send('POST', `/api/catalogue/courses/${mine.id}/publish`, trainer);
      expect(published.json<Course>()).toMatchObject({ status: 'published', version: 2 });
      const [row] = await outboxFor('catalogue.session.published.v1', draftSession.id);
      const event = JSON.parse(row.payload) as { payload: Record<string, unknown> };
      expect(event.payload).toMatchObject({
        sessionId: draftSession.id,
        courseId: mine.id,
        courseTitle: mine.title,
        courseKind: 'training',
        language: 'nl',
        attendanceThreshold: 75,
        capacity: 12,
        minimumParticipants: 4,
        goNoGoAt: null,
        cancellationDeadlineHours: 48,
        waitlistMode: 'auto',
        offerHours: 24,
        trainerIds: [trainerId],
        status: 'scheduled',
        version: 2,
      });
      expect(event.payload.meetings).toEqual([
        expect.objectContaining({
          meetingId: draftSession.meetings[0].id,
          location: expect.objectContaining({ place: 'Drachten' }),
        }),
        expect.objectContaining({ meetingId: draftSession.meetings[1].id }),
      ]);
      expect(await outboxFor('catalogue.course.changed.v1', mine.id)).toHaveLength(1);

      // A session added to a published course is published at once.
      const later = await session(trainer, mine.id, { meetings: [meeting(30), meeting(37)] });
      expect(later.published).toBe(true);
      expect(await outboxFor('catalogue.session.published.v1', later.id)).toHaveLength(1);
      // The relay hands them to the in-process bus; none stays behind.
      await eventually(async () => {
        const rows = await booted.catalogueDb.getRepository(outboxSchema('catalogue')).find();
        return rows.every((r) => r.publishedAt !== null);
      });
    });

    it('announces a change of time, place or capacity with the new version, and nothing for no change', async () => {
      const { trainer } = await people();
      const mine = await course(trainer);
      const created = await session(trainer, mine.id);
      await send('POST', `/api/catalogue/courses/${mine.id}/publish`, trainer);
      const [first, second] = created.meetings;

      const same = await send('PATCH', `/api/catalogue/sessions/${created.id}`, trainer, { capacity: 12 });
      expect(same.json<Session>().version).toBe(2);
      expect(await outboxFor('catalogue.session.changed.v1', created.id)).toHaveLength(0);

      const moved = await send('PATCH', `/api/catalogue/sessions/${created.id}`, trainer, {
        capacity: 16,
        meetings: [
          { id: first.id, ...meeting(11, 'Ljouwert') },
          {
            id: second.id,
            startsAt: second.startsAt,
            endsAt: second.endsAt,
            location: { name: 'Dorpshuis De Skalm', place: 'Drachten', address: 'Moleneind 12' },
          },
        ],
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json<Session>()).toMatchObject({ version: 3, seats: { capacity: 16, left: 16 } });
      expect(moved.json<Session>().meetings.map((m) => m.id)).toEqual([first.id, second.id]);
      const [row] = await outboxFor('catalogue.session.changed.v1', created.id);
      expect(JSON.parse(row.payload).payload).toMatchObject({
        sessionId: created.id,
        version: 3,
        capacity: 16,
        changes: ['time', 'place', 'capacity'],
      });
      const results = await send('GET', `/api/catalogue/courses?place=ljouwert`);
      expect(results.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).toContain(mine.id);
    });

    it('cancels a session with its reason, once', async () => {
      const { trainer } = await people();
      const mine = await course(trainer);
      const created = await session(trainer, mine.id);
      await send('POST', `/api/catalogue/courses/${mine.id}/publish`, trainer);
      const missing = await send('POST', `/api/catalogue/sessions/${created.id}/cancel`, trainer, {});
      expect(missing.statusCode).toBe(400);
      expect(problemOf(missing).errors?.[0].field).toBe('reason');

      const res = await send('POST', `/api/catalogue/sessions/${created.id}/cancel`, trainer, {
        reason: 'De trainer is ziek.',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<Session>()).toMatchObject({ status: 'cancelled', version: 3 });
      const [row] = await outboxFor('catalogue.session.cancelled.v1', created.id);
      expect(JSON.parse(row.payload).payload).toMatchObject({
        reason: 'De trainer is ziek.',
        status: 'cancelled',
        version: 3,
      });

      const again = await send('POST', `/api/catalogue/sessions/${created.id}/cancel`, trainer, {
        reason: 'Nogmaals',
      });
      expect(again.statusCode).toBe(422);
      const change = await send('PATCH', `/api/catalogue/sessions/${created.id}`, trainer, { capacity: 20 });
      expect(change.statusCode).toBe(422);
      expect(await outboxFor('catalogue.session.cancelled.v1', created.id)).toHaveLength(1);
      const listed = await send('GET', `/api/catalogue/courses?q=${encodeURIComponent(mine.title)}`);
      expect(listed.json()).toMatchObject({ items: [{ id: mine.id, nextSession: null }] });
    });

    it('archives a course only when none of its sessions is still to come', async () => {
      const { trainer } = await people();
      const mine = await course(trainer);
      const created = await session(trainer, mine.id);
      await send('POST', `/api/catalogue/courses/${mine.id}/publish`, trainer);
      expect((await send('POST', `/api/catalogue/courses/${mine.id}/archive`, trainer)).statusCode).toBe(422);
      await send('POST', `/api/catalogue/sessions/${created.id}/cancel`, trainer, {
        reason: 'Geen trainer meer.',
      });
      const archived = await send('POST', `/api/catalogue/courses/${mine.id}/archive`, trainer);
      expect(archived.json<Course>().status).toBe('archived');
      expect((await send('GET', `/api/catalogue/courses/${mine.id}`)).statusCode).toBe(404);
    });
  });
});

async function eventually(probe: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out');
}
