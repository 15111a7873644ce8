import { DisposableRedis } from '@academy/messaging/testing/redis-server';
import { describeDistributed } from '@academy/platform/testing/test-databases';
import { enrolmentConfirmed, NotificationEvents, sessionPublished, userRegistered } from './support/events';
import { buildDist, eventually, type Services, sleep, startServices } from './support/services';
import { SmtpSink } from './support/smtp-sink';

const MESSAGES = 1_000;
const CONCURRENCY = 8;

/**
 * The notification service killed (SIGKILL) in the middle of a batch of 1,000 confirmations and started again:
 * every message reaches the SMTP server, and none twice.
 *
 * The kill comes while every mail worker is in the middle of an SMTP transaction (the sink holds its answer to
 * the end of DATA), with hundreds of jobs waiting in Redis and rows queued in the database. What this cannot
 * make "none twice" is the instant between the server's 250 and the worker's commit of `sent`: a kill exactly
 * there sends that message again after the sending lease (the worker says so in its comment). The sink takes
 * a message as delivered only when its 250 reached a connection still open, as SMTP does.
 */
describeDistributed('notification: the worker killed mid-batch', () => {
  let redis: DisposableRedis;
  let sink: SmtpSink;
  let services: Services;
  let events: NotificationEvents;

  beforeAll(async () => {
    await buildDist();
    redis = await DisposableRedis.start();
    sink = await SmtpSink.start();
    services = await startServices({
      redisUrl: redis.url,
      smtpUrl: sink.url,
      only: ['notification'],
      env: {
        notification: {
          MAIL_CONCURRENCY: String(CONCURRENCY),
          // A row whose worker died is tried again after 15 s (default 45 s; it must stay above the longest
          // an attempt takes on a busy machine, or a slow attempt is taken for a dead one and sent twice); a
          // job lost is handed over again after 5 s (default 2 min).
          MAIL_SENDING_LEASE_MS: '15000',
          MAIL_HANDOVER_LEASE_MS: '5000',
          MAIL_POLL_MS: '200',
          LOG_LEVEL: 'error',
        },
      },
    });
    events = new NotificationEvents(redis.url);
  }, 600_000);

  afterAll(async () => {
    await events?.close();
    await services?.close();
    await sink?.close();
    await redis?.stop();
  });

  const count = async (sql: string) =>
    Number((await services.query<{ n: number }>('notification', sql))[0].n);

  it('delivers each of 1,000 messages exactly once across a SIGKILL and a restart', async () => {
    const session = sessionPublished();
    const people = Array.from({ length: MESSAGES }, (_, i) =>
      userRegistered((['nl', 'fy', 'en'] as const)[i % 3], `v${i}`),
    );
    await events.publish([session, ...people]);
    await eventually(
      async () => (await count('SELECT COUNT(*) AS n FROM notification_recipients')) === MESSAGES,
      'the recipients replica',
      60_000,
      250,
    );
    await events.publish(people.map((person) => enrolmentConfirmed(session.payload, person.payload.userId)));

    // Mid-batch: a quarter delivered, then every worker caught in the middle of a message.
    await sink.until(() => sink.accepted.length >= MESSAGES / 4, 'a quarter of the messages', 90_000);
    sink.hold();
    await sink.until(() => sink.heldCount >= CONCURRENCY, 'every mail worker mid-transaction', 5_000);
    const before = await services.query<{ status: string; n: number }>(
      'notification',
      'SELECT status, COUNT(*) AS n FROM notification_deliveries GROUP BY status',
    );
    const status = Object.fromEntries(before.map((row) => [row.status, Number(row.n)]));
    await services.notification!.kill();
    // The connections are gone; the answers held for them go nowhere.
    await sleep(300);
    const deliveredBeforeKill = sink.accepted.length;
    sink.release();
    await sleep(100);
    expect(sink.accepted.length).toBe(deliveredBeforeKill);
    expect(sink.dropped.length).toBeGreaterThanOrEqual(CONCURRENCY);
    expect(status.sending).toBeGreaterThanOrEqual(CONCURRENCY);
    expect(status.queued ?? 0).toBeGreaterThan(0);
    expect(deliveredBeforeKill).toBeLessThan(MESSAGES / 2);

    await services.notification!.start();
    const restarted = Date.now();
    await sink.until(() => sink.accepted.length >= MESSAGES, 'all 1,000 messages', 150_000);
    const drained = Date.now();
    // A late double would show by now: every row is `sent`, none left `sending` to come round again.
    await eventually(
      async () =>
        (await count("SELECT COUNT(*) AS n FROM notification_deliveries WHERE status <> 'sent'")) === 0,
      'every delivery marked sent',
    );
    await sleep(1_000);

    const doubles = sink.duplicates();
    if (doubles.length) {
      const rows = await services.query(
        'notification',
        'SELECT id, attempts, last_error FROM notification_deliveries WHERE id IN (?)',
        [doubles.map((id) => id.split('@')[0])],
      );
      console.log({
        rows,
        restartedToDrainedMs: drained - restarted,
        accepted: sink.accepted
          .filter((m) => doubles.includes(m.messageId))
          .map((m) => [m.messageId, m.acceptedAt - restarted]),
      });
    }
    expect(doubles).toEqual([]);
    expect(sink.accepted).toHaveLength(MESSAGES);
    const recipients = new Set(sink.accepted.map((mail) => mail.to));
    expect(recipients.size).toBe(MESSAGES);
    expect([...recipients].sort()).toEqual(people.map((person) => person.payload.email).sort());
    // The delivery log agrees: every row sent, with the Message-ID the sink saw.
    expect(await count("SELECT COUNT(*) AS n FROM notification_deliveries WHERE status = 'sent'")).toBe(
      MESSAGES,
    );
    const ids = await services.query<{ id: string }>(
      'notification',
      'SELECT id FROM notification_deliveries',
    );
    const seen = new Set(sink.accepted.map((mail) => mail.messageId.split('@')[0]));
    expect(ids.every((row) => seen.has(row.id))).toBe(true);
    // The messages cut off by the kill were tried again: more than one attempt on their rows.
    const retried = await count('SELECT COUNT(*) AS n FROM notification_deliveries WHERE attempts > 1');
    expect(retried).toBeGreaterThanOrEqual(CONCURRENCY);
  }, 420_000);
});
