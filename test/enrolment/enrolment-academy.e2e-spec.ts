import { randomUUID } from 'node:crypto';
import type { EnrolmentResponse } from '@academy/enrolment';
import { bearer, bootAcademy, type BootedEnrolment, eventually, type Person } from './support/enrolment-app';

const DAY = 86_400_000;
const meeting = (days: number, place = 'Drachten') => {
  const start = Math.floor(Date.now() / DAY) * DAY + days * DAY + 18.5 * 3_600_000;
  return {
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 2 * 3_600_000).toISOString(),
    location: { name: 'Dorpshuis De Skalm', place, address: 'Moleneind 1' },
  };
};

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ field: string }>;
}

describe('enrolment over HTTP — the all-in-one (SQLite, in-process bus)', () => {
  let booted: BootedEnrolment;
  let organisationId: string;
  let admin: string;
  let trainer: Person;
  let otherTrainer: Person;

  beforeAll(async () => {
    booted = await bootAcademy();
    ({ id: organisationId, admin } = await booted.organisation());
    trainer = await booted.person(organisationId, 'trainer', admin);
    otherTrainer = await booted.person(organisationId, 'trainer', admin);
  }, 120_000);
  afterAll(() => booted.close());

  const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token?: string, payload?: object) =>
    booted.call({ method, url, payload, headers: token ? bearer(token) : {} });

  /** A published workshop made through the catalogue's API, once the enrolment replica has it. */
  async function publishedSession(capacity: number, trainerIds: string[], days = 12): Promise<string> {
    const course = await send('POST', '/api/catalogue/courses', admin, {
      kind: 'workshop',
      title: `Grenzen stellen ${randomUUID().slice(0, 6)}`,
      summary: 'Nee zeggen zonder schuldgevoel.',
      category: 'veiligheid-en-ehbo',
      language: 'nl',
    });
    expect(course.statusCode).toBe(201);
    const courseId = course.json<{ id: string }>().id;
    const session = await send('POST', `/api/catalogue/courses/${courseId}/sessions`, admin, {
      capacity,
      trainerIds,
      meetings: [meeting(days)],
    });
    expect(session.statusCode).toBe(201);
    expect((await send('POST', `/api/catalogue/courses/${courseId}/publish`, admin)).statusCode).toBe(200);
    const sessionId = session.json<{ id: string }>().id;
    await eventually(
      async () =>
        (await send('GET', `/api/sessions/${sessionId}/seats`)).statusCode === 200 ? true : undefined,
      'the session in the enrolment replica',
    );
    return sessionId;
  }

  async function volunteers(count: number): Promise<Person[]> {
    const people: Person[] = [];
    for (let i = 0; i < count; i++) people.push(await booted.person(organisationId, 'volunteer', admin));
    return people;
  }

  it('seats a small rush fairly: 5 confirmed, a gap-free waitlist, 409 for the double clicks', async () => {
    const sessionId = await publishedSession(5, [trainer.id]);
    const people = await volunteers(12);
    const responses = await Promise.all([
      ...people.map((p) => send('POST', '/api/enrolments', p.token, { sessionId })),
      ...people.slice(0, 3).map((p) => send('POST', '/api/enrolments', p.token, { sessionId })),
    ]);
    const created = responses.filter((r) => r.statusCode === 201).map((r) => r.json<EnrolmentResponse>());
    const conflicts = responses.filter((r) => r.statusCode === 409);
    expect(created).toHaveLength(12);
    expect(conflicts).toHaveLength(3);
    expect(conflicts[0].json<Problem>()).toMatchObject({ code: 'enrolment.already-enrolled' });
    expect(created.filter((e) => e.status === 'confirmed')).toHaveLength(5);
    expect(
      created
        .filter((e) => e.status === 'waitlisted')
        .map((e) => e.waitlistPosition)
        .sort((a, b) => a! - b!),
    ).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(Object.keys(created[0]).sort()).toEqual(
      expect.arrayContaining(['id', 'sessionId', 'userId', 'status', 'waitlistPosition']),
    );
    expect((await send('GET', `/api/sessions/${sessionId}/seats`)).json()).toEqual({
      capacity: 5,
      confirmed: 5,
      waitlisted: 7,
      offered: 0,
    });
    // The catalogue hears the counts through the bus.
    await eventually(async () => {
      const seats = (await send('GET', `/api/catalogue/sessions/${sessionId}`)).json<{
        seats: { confirmed: number };
      }>().seats;
      return seats.confirmed === 5 ? true : undefined;
    }, 'the seat counts in the catalogue');

    // Cancelling frees the seat for the first in line at once.
    const owner = (e: EnrolmentResponse) => people.find((p) => p.id === e.userId)!;
    const leaving = created.find((e) => e.status === 'confirmed')!;
    const first = created.find((e) => e.waitlistPosition === 1)!;
    const cancelled = await send('DELETE', `/api/enrolments/${leaving.id}`, owner(leaving).token);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', late: false });
    expect((await send('GET', `/api/enrolments/${first.id}`, owner(first).token)).json()).toMatchObject({
      status: 'confirmed',
      waitlistPosition: null,
    });
    const mine = await send('GET', '/api/enrolments/mine?page=1&pageSize=5', owner(first).token);
    expect(mine.json()).toMatchObject({ total: 1, page: 1, pageSize: 5, items: [{ id: first.id }] });
  });

  it('keeps a volunteer out of other people’s enrolments, rosters and attendance', async () => {
    const sessionId = await publishedSession(3, [trainer.id]);
    const [anna, bauke] = await volunteers(2);
    const made = (await send('POST', '/api/enrolments', anna.token, { sessionId })).json<EnrolmentResponse>();
    expect((await send('GET', `/api/enrolments/${made.id}`, bauke.token)).statusCode).toBe(404);
    expect((await send('DELETE', `/api/enrolments/${made.id}`, bauke.token)).statusCode).toBe(404);
    expect((await send('POST', `/api/enrolments/${made.id}/accept`, bauke.token)).statusCode).toBe(404);
    expect(
      (await send('POST', '/api/enrolments', bauke.token, { sessionId, userId: anna.id })).statusCode,
    ).toBe(403);
    expect((await send('GET', '/api/enrolments/mine', bauke.token)).json()).toMatchObject({
      total: 0,
      items: [],
    });
    expect((await send('GET', `/api/sessions/${sessionId}/roster`, anna.token)).statusCode).toBe(403);
    const meetingId = (await send('GET', `/api/catalogue/sessions/${sessionId}`)).json<{
      meetings: [{ id: string }];
    }>().meetings[0].id;
    const attendance = { records: [{ enrolmentId: made.id, status: 'present' }] };
    expect(
      (await send('PUT', `/api/meetings/${meetingId}/attendance`, anna.token, attendance)).statusCode,
    ).toBe(403);
    // A trainer, but of another session.
    expect((await send('GET', `/api/sessions/${sessionId}/roster`, otherTrainer.token)).statusCode).toBe(403);
    expect(
      (await send('PUT', `/api/meetings/${meetingId}/attendance`, otherTrainer.token, attendance)).statusCode,
    ).toBe(403);
    // The session's own trainer sees the roster, and may export it.
    const roster = await send('GET', `/api/sessions/${sessionId}/roster`, trainer.token);
    expect(roster.statusCode).toBe(200);
    expect(roster.json()).toMatchObject({ participants: [{ enrolmentId: made.id, userId: anna.id }] });
    const csv = await send('GET', `/api/sessions/${sessionId}/roster.csv`, trainer.token);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toContain('Test volunteer');
    // Not yet: the meeting is twelve days away.
    expect(
      (await send('PUT', `/api/meetings/${meetingId}/attendance`, trainer.token, attendance)).statusCode,
    ).toBe(422);
    expect((await send('GET', `/api/sessions/${sessionId}/roster`)).statusCode).toBe(401);
  });

  it('answers bad input with a 4xx problem and changes nothing', async () => {
    const sessionId = await publishedSession(2, [trainer.id]);
    const [volunteer] = await volunteers(1);
    const seats = async () =>
      (await send('GET', `/api/sessions/${sessionId}/seats`)).json<{ confirmed: number }>();
    const cases: Array<[object | undefined, number]> = [
      [{ sessionId: 'not-a-uuid' }, 400],
      [{ sessionId, role: 'admin' }, 400],
      [{}, 400],
      [undefined, 400],
      [{ sessionId: randomUUID() }, 404],
    ];
    for (const [payload, status] of cases) {
      const res = await send('POST', '/api/enrolments', volunteer.token, payload);
      expect([payload, res.statusCode]).toEqual([payload, status]);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await send('POST', '/api/enrolments', undefined, { sessionId })).statusCode).toBe(401);
    expect((await send('GET', '/api/enrolments/not-a-uuid', volunteer.token)).statusCode).toBe(404);
    expect((await send('GET', '/api/sessions/not-a-uuid/seats')).statusCode).toBe(404);
    const made = (
      await send('POST', '/api/enrolments', volunteer.token, { sessionId })
    ).json<EnrolmentResponse>();
    const meetingId = (await send('GET', `/api/catalogue/sessions/${sessionId}`)).json<{
      meetings: [{ id: string }];
    }>().meetings[0].id;
    for (const body of [
      { records: [{ enrolmentId: made.id, status: 'asleep' }] },
      { records: [] },
      { records: [{ enrolmentId: made.id }] },
      { records: 'everyone' },
    ]) {
      expect(
        (await send('PUT', `/api/meetings/${meetingId}/attendance`, trainer.token, body)).statusCode,
      ).toBe(400);
    }
    expect(await seats()).toMatchObject({ confirmed: 1 });
    expect((await send('DELETE', `/api/enrolments/${made.id}`, volunteer.token)).statusCode).toBe(200);
    const again = await send('DELETE', `/api/enrolments/${made.id}`, volunteer.token);
    expect(again.statusCode).toBe(422);
    expect(await seats()).toMatchObject({ confirmed: 0 });
  });

  it('cancels the enrolments of a session the catalogue cancels', async () => {
    const sessionId = await publishedSession(1, [trainer.id]);
    const [anna, bauke] = await volunteers(2);
    const a = (await send('POST', '/api/enrolments', anna.token, { sessionId })).json<EnrolmentResponse>();
    const b = (await send('POST', '/api/enrolments', bauke.token, { sessionId })).json<EnrolmentResponse>();
    expect([a.status, b.status]).toEqual(['confirmed', 'waitlisted']);
    const cancel = await send('POST', `/api/catalogue/sessions/${sessionId}/cancel`, admin, {
      reason: 'Zaal onder water.',
    });
    expect(cancel.statusCode).toBe(200);
    await eventually(async () => {
      const res = (await send('GET', `/api/enrolments/${b.id}`, bauke.token)).json<EnrolmentResponse>();
      return res.status === 'cancelled' ? true : undefined;
    }, 'the waitlisted enrolment cancelled');
    expect((await send('GET', `/api/enrolments/${a.id}`, anna.token)).json()).toMatchObject({
      status: 'cancelled',
      session: { cancelled: true },
    });
    const refused = await send('POST', '/api/enrolments', (await volunteers(1))[0].token, { sessionId });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<Problem>().detail).toMatch(/cancelled/);
  });

  it('lets a coordinator see sessions at risk; a volunteer may not', async () => {
    const coordinator = await booted.person(organisationId, 'coordinator', admin);
    const [volunteer] = await volunteers(1);
    const url = `/api/sessions/at-risk?organisationId=${organisationId}`;
    expect((await send('GET', url, coordinator.token)).json()).toMatchObject({ page: 1, items: [] });
    expect((await send('GET', url, volunteer.token)).statusCode).toBe(403);
    expect(
      (await send('GET', `/api/sessions/at-risk?organisationId=${randomUUID()}`, coordinator.token))
        .statusCode,
    ).toBe(404);
  });

  it('throttles enrolment per volunteer: the 31st request in a minute is 429 with Retry-After', async () => {
    const [eager] = await volunteers(1);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push(
        (await send('POST', '/api/enrolments', eager.token, { sessionId: randomUUID() })).statusCode,
      );
    }
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(404));
    const last = await send('POST', '/api/enrolments', eager.token, { sessionId: randomUUID() });
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    // Someone else is not held back.
    const [other] = await volunteers(1);
    expect((await send('POST', '/api/enrolments', other.token, { sessionId: randomUUID() })).statusCode).toBe(
      404,
    );
  });

  it('documents the enrolment API in OpenAPI', async () => {
    const doc = (await send('GET', '/api/docs-json')).json<{ paths: Record<string, unknown> }>();
    for (const path of [
      '/api/enrolments',
      '/api/enrolments/mine',
      '/api/enrolments/{id}',
      '/api/enrolments/{id}/accept',
      '/api/sessions/{id}/seats',
      '/api/sessions/at-risk',
      '/api/sessions/{id}/roster',
      '/api/sessions/{id}/roster.csv',
      '/api/meetings/{id}/attendance',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
