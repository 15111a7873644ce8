import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import {
  type EventDefinition,
  QUEUES,
  SESSION_CANCELLED_V1,
  SESSION_CHANGED_V1,
  SESSION_PUBLISHED_V1,
  type SessionSnapshot,
} from '@academy/contracts';
import type { EnrolmentResponse, RosterResponse } from '@academy/enrolment';
import { outboxSchema } from '@academy/messaging';
import { describeDistributed, TEST_REDIS_URL } from '@academy/platform/testing/test-databases';
import { v7 as uuidv7 } from 'uuid';
import {
  bearer,
  bootEnrolmentService,
  type BootedEnrolment,
  eventually,
  PASSWORD,
  type Person,
} from './support/enrolment-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function snapshot(trainerIds: string[], changes: Partial<SessionSnapshot> = {}): SessionSnapshot {
  const start = Math.floor(Date.now() / HOUR) * HOUR + 10 * DAY;
  return {
    sessionId: randomUUID(),
    courseId: randomUUID(),
    courseTitle: 'Omgaan met dementie',
    courseKind: 'workshop',
    language: 'nl',
    attendanceThreshold: 75,
    capacity: 4,
    minimumParticipants: 0,
    goNoGoAt: null,
    enrolmentOpensAt: null,
    enrolmentClosesAt: null,
    cancellationDeadlineHours: 48,
    waitlistMode: 'auto',
    offerHours: 24,
    trainerIds,
    meetings: [
      {
        meetingId: randomUUID(),
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 2 * HOUR).toISOString(),
        location: {
          name: 'It Bolwerk',
          place: 'Snits',
          address: 'Kleine Kerkstraat 1',
          online: false,
          url: null,
        },
      },
    ],
    status: 'scheduled',
    version: 1,
    ...changes,
  };
}

describeDistributed('enrolment over HTTP — the enrolment service (MariaDB, BullMQ on Redis)', () => {
  const prefix = `test-enrolment-${randomBytes(4).toString('hex')}`;
  let booted: BootedEnrolment;
  let redis: IORedis;
  let inbox: Queue;
  let organisationId: string;
  let admin: string;
  let trainer: Person;
  let otherTrainer: Person;

  beforeAll(async () => {
    booted = await bootEnrolmentService(prefix);
    redis = new IORedis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    inbox = new Queue(QUEUES.enrolmentEvents, { connection: redis, prefix });
    ({ id: organisationId, admin } = await booted.organisation());
    trainer = await booted.person(organisationId, 'trainer', admin);
    otherTrainer = await booted.person(organisationId, 'trainer', admin);
  }, 120_000);
  afterAll(async () => {
    await booted.close();
    for (const name of Object.values(QUEUES)) {
      const queue = new Queue(name, { connection: redis, prefix });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
    await inbox.close();
    redis.disconnect();
  });

  const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token?: string, payload?: object) =>
    booted.call({ method, url, payload, headers: token ? bearer(token) : {} });

  /** What the catalogue service would do: put its event into the enrolment service's queue. */
  async function fromCatalogue<P>(definition: EventDefinition<string, P>, payload: P): Promise<void> {
    const id = uuidv7();
    await inbox.add(
      definition.type,
      { id, type: definition.type, source: 'catalogue', occurredAt: new Date().toISOString(), payload },
      { jobId: id },
    );
  }

  async function published(changes: Partial<SessionSnapshot> = {}): Promise<SessionSnapshot> {
    const session = snapshot([trainer.id], changes);
    await fromCatalogue(SESSION_PUBLISHED_V1, { ...session, publishedAt: new Date().toISOString() });
    await eventually(
      async () =>
        (await send('GET', `/api/sessions/${session.sessionId}/seats`)).statusCode === 200 ? true : undefined,
      'the session from the queue in the replica',
    );
    return session;
  }

  async function volunteers(count: number): Promise<Person[]> {
    const people: Person[] = [];
    for (let i = 0; i < count; i++) people.push(await booted.person(organisationId, 'volunteer', admin));
    return people;
  }

  const enrol = async (person: Person, sessionId: string) => {
    const res = await send('POST', '/api/enrolments', person.token, { sessionId });
    expect(res.statusCode).toBe(201);
    return res.json<EnrolmentResponse>();
  };

  it('seats a rush fairly and publishes every event through the outbox to Redis', async () => {
    const session = await published({ capacity: 4 });
    const people = await volunteers(10);
    const responses = await Promise.all([
      ...people.map((p) => send('POST', '/api/enrolments', p.token, { sessionId: session.sessionId })),
      send('POST', '/api/enrolments', people[0].token, { sessionId: session.sessionId }),
    ]);
    const created = responses.filter((r) => r.statusCode === 201).map((r) => r.json<EnrolmentResponse>());
    expect(responses.filter((r) => r.statusCode === 409)).toHaveLength(1);
    expect(created.filter((e) => e.status === 'confirmed')).toHaveLength(4);
    expect(
      created.flatMap((e) => (e.waitlistPosition === null ? [] : [e.waitlistPosition])).sort((a, b) => a - b),
    ).toEqual([1, 2, 3, 4, 5, 6]);
    // The seat counts go to the catalogue's queue; the enrolment events are all published.
    const catalogueQueue = new Queue(QUEUES.catalogueEvents, { connection: redis, prefix });
    // One seats-changed event per transaction: those who enrol together share one, in version order.
    const seatEvents = (
      await booted.events<{ sessionId: string; version: number; confirmed: number; waitlisted: number }>(
        'enrolment.session.seats-changed.v1',
      )
    ).filter((e) => e.payload.sessionId === session.sessionId);
    expect(seatEvents.length).toBeGreaterThan(0);
    expect(seatEvents.map((e) => e.payload.version)).toEqual(seatEvents.map((_, i) => i + 1));
    expect(seatEvents.at(-1)!.payload).toMatchObject({ confirmed: 4, waitlisted: 6 });
    await eventually(async () => {
      const jobs = await Promise.all(seatEvents.map((e) => catalogueQueue.getJob(e.id)));
      return jobs.every((job) => job !== undefined) ? true : undefined;
    }, 'the seat counts in the catalogue queue');
    await catalogueQueue.close();
    await eventually(
      async () =>
        (await booted.enrolmentDb.getRepository(outboxSchema('enrolment')).find()).every((r) => r.publishedAt)
          ? true
          : undefined,
      'the outbox published',
    );
  });

  it('lets trainers take attendance for their own sessions only, and completes a participant', async () => {
    const session = await published({ capacity: 3 });
    const [anna, bauke] = await volunteers(2);
    const a = await enrol(anna, session.sessionId);
    const b = await enrol(bauke, session.sessionId);
    // The catalogue moves the meeting to yesterday (as if time had passed).
    const yesterday = Date.now() - DAY;
    const moved: SessionSnapshot = {
      ...session,
      version: 2,
      meetings: [
        {
          ...session.meetings[0],
          startsAt: new Date(yesterday).toISOString(),
          endsAt: new Date(yesterday + 2 * HOUR).toISOString(),
        },
      ],
    };
    await fromCatalogue(SESSION_CHANGED_V1, {
      ...moved,
      changes: ['time'],
      changedAt: new Date().toISOString(),
    });
    const meetingId = session.meetings[0].meetingId;
    const url = `/api/meetings/${meetingId}/attendance`;
    const list = {
      records: [
        { enrolmentId: a.id, status: 'present' },
        { enrolmentId: b.id, status: 'absent' },
      ],
    };
    expect((await send('PUT', url, anna.token, list)).statusCode).toBe(403);
    expect((await send('PUT', url, otherTrainer.token, list)).statusCode).toBe(403);
    expect(
      (await send('GET', `/api/sessions/${session.sessionId}/roster`, otherTrainer.token)).statusCode,
    ).toBe(403);
    const saved = await eventually(async () => {
      const res = await send('PUT', url, trainer.token, list);
      return res.statusCode === 200 ? res : undefined; // 422 until the moved meeting has arrived
    }, 'attendance accepted once the meeting has taken place');
    expect(saved.json()).toMatchObject({ saved: 2, completedEnrolmentIds: [a.id] });
    // Checked once the moved meeting has arrived: before that the time rule (422) answers first.
    const foreign = await send('PUT', url, trainer.token, {
      records: [...list.records, { enrolmentId: randomUUID(), status: 'present' }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({
      code: 'validation.failed',
      errors: [{ field: 'records.2.enrolmentId' }],
    });

    const roster = (
      await send('GET', `/api/sessions/${session.sessionId}/roster`, trainer.token)
    ).json<RosterResponse>();
    expect(roster.participants.find((p) => p.enrolmentId === a.id)).toMatchObject({
      attended: 1,
      completed: true,
      attendance: [{ meetingId, status: 'present' }],
    });
    expect(
      (await send('GET', `/api/enrolments/${a.id}`, anna.token)).json<EnrolmentResponse>().completedAt,
    ).not.toBeNull();
    const completed = (
      await booted.events<{ enrolmentId: string }>('enrolment.enrolment.completed.v1')
    ).filter((e) => e.payload.enrolmentId === a.id);
    expect(completed).toHaveLength(1);
  });

  it('keeps volunteers out of each other’s enrolments', async () => {
    const session = await published();
    const [anna, bauke] = await volunteers(2);
    const a = await enrol(anna, session.sessionId);
    expect((await send('GET', `/api/enrolments/${a.id}`, bauke.token)).statusCode).toBe(404);
    expect((await send('DELETE', `/api/enrolments/${a.id}`, bauke.token)).statusCode).toBe(404);
    expect((await send('GET', '/api/enrolments/mine', bauke.token)).json()).toMatchObject({ total: 0 });
    expect((await send('GET', `/api/sessions/${session.sessionId}/roster`, bauke.token)).statusCode).toBe(
      403,
    );
    expect((await send('POST', '/api/enrolments', bauke.token, { sessionId: 'x' })).statusCode).toBe(400);
    expect((await send('GET', `/api/sessions/${session.sessionId}/seats`)).json()).toMatchObject({
      confirmed: 1,
    });
  });

  it('lets a coordinator enrol a volunteer of their organisation once identity has told enrolment about them', async () => {
    const session = await published();
    const coordinator = await booted.person(organisationId, 'coordinator', admin);
    const [volunteer] = await volunteers(1);
    const made = await eventually(async () => {
      const res = await send('POST', '/api/enrolments', coordinator.token, {
        sessionId: session.sessionId,
        userId: volunteer.id,
      });
      return res.statusCode === 201 ? res.json<EnrolmentResponse>() : undefined; // 404 until the replica knows them
    }, 'the volunteer in the people replica');
    expect(made).toMatchObject({ userId: volunteer.id, status: 'confirmed' });
    const stranger = (await booted.organisation()).id;
    const outsider = await booted.person(stranger, 'volunteer', admin);
    expect(
      (
        await send('POST', '/api/enrolments', coordinator.token, {
          sessionId: session.sessionId,
          userId: outsider.id,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('gives an erased volunteer’s seat to the next in line, and cancels everyone when the catalogue cancels', async () => {
    const session = await published({ capacity: 1 });
    const [anna, bauke, cor] = await volunteers(3);
    await enrol(anna, session.sessionId);
    const b = await enrol(bauke, session.sessionId);
    const c = await enrol(cor, session.sessionId);
    const erased = await send('DELETE', '/api/me', anna.token, { password: PASSWORD });
    expect(erased.statusCode).toBeLessThan(300);
    await eventually(async () => {
      const res = (await send('GET', `/api/enrolments/${b.id}`, bauke.token)).json<EnrolmentResponse>();
      return res.status === 'confirmed' ? true : undefined;
    }, 'the next in line promoted');
    expect((await send('GET', `/api/enrolments/${c.id}`, cor.token)).json()).toMatchObject({
      waitlistPosition: 1,
    });

    await fromCatalogue(SESSION_CANCELLED_V1, {
      ...session,
      status: 'cancelled',
      version: 2,
      reason: 'De trainer is ziek.',
      cancelledAt: new Date().toISOString(),
    });
    await eventually(async () => {
      const res = (await send('GET', `/api/enrolments/${c.id}`, cor.token)).json<EnrolmentResponse>();
      return res.status === 'cancelled' ? true : undefined;
    }, 'the waitlist cancelled with the session');
    expect((await send('GET', `/api/enrolments/${b.id}`, bauke.token)).json()).toMatchObject({
      status: 'cancelled',
    });
    expect((await send('GET', `/api/sessions/${session.sessionId}/seats`)).json()).toMatchObject({
      confirmed: 0,
      waitlisted: 0,
    });
  });
});
