import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { type EventEnvelope, QUEUES } from '@academy/contracts';
import { outboxSchema } from '@academy/messaging';
import { describeDistributed, TEST_REDIS_URL } from '@academy/platform/testing/test-databases';
import {
  ADMIN_PASSWORD,
  bearer,
  bootAcademyWithSpy,
  bootCatalogueService,
  type BootedCatalogue,
  type CatalogueEventSpy,
  randomIp,
  uniqueEmail,
} from './support/catalogue-app';

const DAY = 86_400_000;
const evening = (days: number, hours = 2) => {
  const start = Math.floor(Date.now() / DAY) * DAY + days * DAY + 18.5 * 3_600_000;
  return {
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + hours * 3_600_000).toISOString(),
  };
};
const meeting = (days: number, place = 'Sneek') => ({
  ...evening(days),
  location: { name: 'It Bolwerk', place, address: 'Kleine Kerkstraat 1' },
});

interface Session {
  id: string;
  meetings: Array<{ id: string; startsAt: string; endsAt: string }>;
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Publish a course with a session, move the session, cancel it: the three session events, in that order. */
async function publishChangeCancel(
  app: BootedCatalogue,
  token: string,
): Promise<{ courseId: string; sessionId: string }> {
  const send = async (method: 'POST' | 'PATCH', url: string, payload?: object, status = 200) => {
    const res = await app.call({ method, url, payload, headers: bearer(token) });
    expect(res.statusCode).toBe(status);
    return res.json<{ id: string } & Session>();
  };
  const course = await send(
    'POST',
    '/api/catalogue/courses',
    {
      kind: 'workshop',
      title: `EHBO voor vrijwilligers ${randomUUID().slice(0, 6)}`,
      summary: 'Eerste hulp bij kleine ongelukken.',
      category: 'veiligheid-en-ehbo',
      language: 'nl',
    },
    201,
  );
  const session = await send(
    'POST',
    `/api/catalogue/courses/${course.id}/sessions`,
    { capacity: 10, meetings: [meeting(9)] },
    201,
  );
  await send('POST', `/api/catalogue/courses/${course.id}/publish`);
  await send('PATCH', `/api/catalogue/sessions/${session.id}`, {
    meetings: [{ id: session.meetings[0].id, ...meeting(9, 'Snits') }],
  });
  await send('POST', `/api/catalogue/sessions/${session.id}/cancel`, { reason: 'Te weinig aanmeldingen.' });
  return { courseId: course.id, sessionId: session.id };
}

describe('catalogue events — all-in-one, in-process bus', () => {
  const adminEmail = uniqueEmail('beheer');
  let booted: BootedCatalogue & { spy: CatalogueEventSpy };

  beforeAll(async () => {
    booted = await bootAcademyWithSpy(adminEmail);
  });
  afterAll(() => booted.close());

  it('delivers published, changed and cancelled to a consumer in the same process, each once', async () => {
    const login = await booted.call({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: adminEmail, password: ADMIN_PASSWORD },
      ip: randomIp(),
    });
    expect(login.statusCode).toBe(200);
    const { sessionId, courseId } = await publishChangeCancel(
      booted,
      login.json<{ accessToken: string }>().accessToken,
    );

    const forSession = () =>
      booted.spy.received.filter((e) => (e.payload as { sessionId?: string }).sessionId === sessionId);
    const received = await eventually(
      async () => (forSession().length >= 3 ? forSession() : undefined),
      'three session events',
    );
    expect(received.map((e) => [e.type, (e.payload as { version: number }).version])).toEqual([
      ['catalogue.session.published.v1', 2],
      ['catalogue.session.changed.v1', 3],
      ['catalogue.session.cancelled.v1', 4],
    ]);
    expect(received[1].payload).toMatchObject({
      changes: ['place'],
      meetings: [{ location: { place: 'Snits' } }],
    });
    expect(
      booted.spy.received.filter(
        (e) =>
          e.type === 'catalogue.course.changed.v1' &&
          (e.payload as { courseId: string }).courseId === courseId,
      ),
    ).toHaveLength(1);
    // Every outbox row is marked published, and each event reached the consumer once.
    const rows = await booted.catalogueDb.getRepository(outboxSchema('catalogue')).find();
    expect(rows.filter((r) => r.publishedAt === null)).toEqual([]);
    expect(new Set(booted.spy.received.map((e) => e.id)).size).toBe(booted.spy.received.length);
  });
});

describeDistributed('catalogue events — course-catalogue service on MariaDB, BullMQ on Redis', () => {
  const prefix = `test-catalogue-${randomBytes(4).toString('hex')}`;
  let booted: Awaited<ReturnType<typeof bootCatalogueService>>;
  let redis: IORedis;
  let queue: Queue;

  beforeAll(async () => {
    booted = await bootCatalogueService(prefix);
    redis = new IORedis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    queue = new Queue(QUEUES.notificationEvents, { connection: redis, prefix });
  });
  afterAll(async () => {
    await booted.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    redis.disconnect();
  });

  it('answers the public catalogue from MariaDB without a token', async () => {
    const res = await booted.call({
      method: 'GET',
      url: '/api/catalogue/courses?q=ehbo&category=veiligheid-en-ehbo',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ page: 1, pageSize: 20 });
  });

  it('puts each event into the BullMQ queue its subscription routes it to, with the outbox id as job id', async () => {
    const { sessionId, courseId } = await publishChangeCancel(booted, booted.token());
    const rows = await booted.catalogueDb
      .getRepository(outboxSchema('catalogue'))
      .find({ order: { id: 'ASC' } });
    const ours = rows.filter((row) => {
      const payload = (
        JSON.parse(row.payload) as EventEnvelope<string, { sessionId?: string; courseId: string }>
      ).payload;
      return payload.sessionId === sessionId || payload.courseId === courseId;
    });
    expect(ours.map((r) => r.type)).toEqual([
      'catalogue.session.published.v1',
      'catalogue.course.changed.v1',
      'catalogue.session.changed.v1',
      'catalogue.session.cancelled.v1',
    ]);
    const jobs = await eventually(async () => {
      const found = await Promise.all(ours.map((row) => queue.getJob(row.id)));
      return found.every((job) => job !== undefined) ? found : undefined;
    }, 'the jobs in Redis');
    expect(jobs.map((job) => job.name)).toEqual(ours.map((r) => r.type));
    expect((jobs[2].data as EventEnvelope).payload).toMatchObject({
      sessionId,
      version: 3,
      changes: ['place'],
    });
    await eventually(
      async () =>
        (await booted.catalogueDb.getRepository(outboxSchema('catalogue')).find()).every(
          (r) => r.publishedAt !== null,
        )
          ? true
          : undefined,
      'the outbox marked published',
    );
    // Nothing went to the catalogue's own queue: it subscribes to seat counts only.
    const own = new Queue(QUEUES.catalogueEvents, { connection: redis, prefix });
    expect(await own.getJobCounts('waiting', 'completed', 'failed', 'active')).toMatchObject({
      waiting: 0,
      completed: 0,
      failed: 0,
      active: 0,
    });
    await own.close();
  });
});
