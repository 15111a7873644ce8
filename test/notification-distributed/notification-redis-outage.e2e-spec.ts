import { DisposableRedis } from '@academy/messaging/testing/redis-server';
import { describeDistributed } from '@academy/platform/testing/test-databases';
import {
  Academy,
  buildDist,
  call,
  eventually,
  type Person,
  type Services,
  sleep,
  startServices,
} from './support/services';
import { SmtpSink } from './support/smtp-sink';

const OUTAGE_MS = 6_000;

/**
 * Redis stopped during enrolments and started again, with the three services as processes on a private
 * redis-server. `DisposableRedis.stop()` is a SIGKILL of a server without persistence: everything in Redis is
 * gone — the mail jobs waiting and in hand, the workers' connections. The database outboxes are what carry
 * the messages across: the enrolment service's event outbox, and the notification service's deliveries.
 *
 * Not covered, and not claimed: an event the enrolment relay published in the last instant before Redis lost
 * its memory, not yet taken by the notification worker, is gone with it (the outbox marked it published).
 * The test takes Redis away when the notification service holds every event in its database; in production
 * Redis keeps its data across a restart (AOF), which closes that gap.
 */
describeDistributed('notification: Redis stopped during enrolments', () => {
  let redis: DisposableRedis;
  let sink: SmtpSink;
  let services: Services;
  let academy: Academy;

  beforeAll(async () => {
    await buildDist();
    redis = await DisposableRedis.start();
    sink = await SmtpSink.start();
    services = await startServices({
      redisUrl: redis.url,
      smtpUrl: sink.url,
      env: {
        notification: {
          // A mail job lost with Redis is handed over again after 3 s (default 2 min).
          MAIL_HANDOVER_LEASE_MS: '3000',
          MAIL_SENDING_LEASE_MS: '15000',
          MAIL_POLL_MS: '200',
          LOG_LEVEL: 'error',
        },
        enrolment: { LOG_LEVEL: 'error' },
        'course-catalogue': { LOG_LEVEL: 'error' },
      },
    });
    academy = new Academy(services);
  }, 600_000);

  afterAll(async () => {
    await services?.close();
    await sink?.close();
    await redis?.stop();
  });

  const deliveries = async () =>
    Number(
      (
        await services.query<{ n: number }>(
          'notification',
          "SELECT COUNT(*) AS n FROM notification_deliveries WHERE kind = 'enrolment-confirmed'",
        )
      )[0].n,
    );

  /** Enrols, asking again while a service answers 503 (Redis away); any other answer but 201 fails. */
  async function enrol(person: Person, sessionId: string, statuses: number[]): Promise<void> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const reply = await call(services.enrolment!, 'POST', '/api/enrolments', {
        token: person.token,
        body: { sessionId },
        allow503: true,
      });
      statuses.push(reply.status);
      if (reply.status === 201) return;
      if (reply.status !== 503 || Date.now() > deadline) {
        throw new Error(`enrolment answered ${reply.status}: ${JSON.stringify(reply.body)}`);
      }
      await sleep(250);
    }
  }

  it('delivers every confirmation once, with Redis gone for a while in the middle', async () => {
    const admin = await academy.admin();
    const organisation = await academy.organisation(admin);
    const trainer = await academy.person(organisation.id, 'trainer', admin);
    const sessionId = await academy.session(admin, trainer.id, 20, [12]);
    const people: Person[] = [];
    for (let i = 0; i < 10; i++) {
      people.push(
        await academy.volunteer(organisation.joinCode, (['nl', 'fy', 'en'] as const)[i % 3], `V ${i}`),
      );
    }
    const statuses: number[] = [];

    // Before: four enrolments whose emails are in the middle of being sent (the sink holds its answers), with
    // their mail jobs in Redis.
    sink.hold();
    for (const person of people.slice(0, 4)) await enrol(person, sessionId, statuses);
    await eventually(
      async () => (await deliveries()) === 4,
      'the four deliveries in the notification service',
    );
    await sink.until(() => sink.heldCount >= 1, 'a message in the middle of its SMTP transaction');

    await redis.stop();
    sink.release();

    // During: four more enrolments while Redis is away.
    const during = Promise.all(people.slice(4, 8).map((person) => enrol(person, sessionId, statuses)));
    await sleep(OUTAGE_MS);
    await redis.start();
    await during;

    // After: two more.
    for (const person of people.slice(8)) await enrol(person, sessionId, statuses);

    await sink.until(
      () => people.every((person) => sink.to(person.email).length >= 1),
      'a confirmation for each of the ten',
      120_000,
    );
    await eventually(
      async () =>
        Number(
          (
            await services.query<{ n: number }>(
              'notification',
              "SELECT COUNT(*) AS n FROM notification_deliveries WHERE status <> 'sent'",
            )
          )[0].n,
        ) === 0,
      'every delivery marked sent',
    );
    await sleep(1_000);
    expect(sink.duplicates()).toEqual([]);
    for (const person of people) expect(sink.to(person.email)).toHaveLength(1);
    expect(await deliveries()).toBe(10);
    expect(statuses.filter((status) => status !== 201 && status !== 503)).toEqual([]);
  }, 300_000);
});
