import { randomBytes } from 'node:crypto';
import type { UserSnapshot } from '@academy/contracts';
import { inTransaction } from '@academy/platform';
import { describeDistributed, TEST_REDIS_URL } from '@academy/platform/testing/test-databases';
import IORedis from 'ioredis';
import { v7 as uuidv7 } from 'uuid';
import {
  type NotificationContext,
  sessionSnapshot,
  startNotificationContext,
} from '../testing/notification-context';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink';
import { Delivery } from './delivery.entity';
import { DeliveryService } from './delivery.service';
import { MailQueue } from './mail-queue';

describeDistributed('mail delivery through BullMQ (MariaDB, Redis, a real SMTP sink)', () => {
  const prefix = `nt-${randomBytes(4).toString('hex')}`;
  let sink: SmtpSink;
  let ctx: NotificationContext;
  beforeAll(async () => {
    sink = await startSmtpSink();
    ctx = await startNotificationContext(
      'mariadb',
      { SMTP_URL: sink.url },
      { backoffMs: 100, maxAttempts: 4, concurrency: 4 },
      prefix,
    );
  });
  afterAll(async () => {
    await ctx?.close();
    await sink?.close();
    const redis = new IORedis(TEST_REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  async function enqueue(count: number): Promise<string[]> {
    const people: UserSnapshot[] = [];
    for (let i = 0; i < count; i++) people.push(await ctx.person({ locale: 'nl' }));
    const session = sessionSnapshot();
    return inTransaction(ctx.dataSource, async (manager) => {
      const ids: string[] = [];
      for (const person of people) {
        const result = await ctx.get(DeliveryService).enqueue(manager, {
          dedupKey: `${uuidv7()}:${person.userId}:enrolment-waitlisted`,
          recipientId: person.userId,
          kind: 'enrolment-waitlisted',
          params: { courseTitle: session.courseTitle, meetings: session.meetings, waitlistPosition: 1 },
        });
        if (result.outcome === 'queued') ids.push(result.deliveryId);
      }
      return ids;
    });
  }

  it('sends every message once, even when each job is handed over twice more', async () => {
    const ids = await enqueue(40);
    // Another replica's dispatcher (or a relay that crashed before marking) hands the same rows over again.
    await ctx.module.get(MailQueue).add(ids.map((deliveryId) => ({ deliveryId, attempts: 0, retries: 0 })));
    await ctx.module.get(MailQueue).add(ids.map((deliveryId) => ({ deliveryId, attempts: 0, retries: 0 })));
    await sink.waitFor(40, 30_000);
    await ctx.settled({ timeoutMs: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rows = await ctx.dataSource.getRepository(Delivery).findBy({});
    const ours = rows.filter((row) => ids.includes(row.id));
    expect(ours.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
    const delivered = sink.received.map((mail) => mail.messageId);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(delivered).toHaveLength(40);
  });

  it('retries rejected messages under new job ids until they are accepted', async () => {
    sink.received.length = 0;
    sink.reject(3);
    const ids = await enqueue(3);
    await sink.waitFor(3, 30_000);
    await ctx.settled({ timeoutMs: 30_000 });
    const rows = await ctx.dataSource.getRepository(Delivery).findBy({});
    const ours = rows.filter((row) => ids.includes(row.id));
    expect(ours.every((row) => row.status === 'sent')).toBe(true);
    expect(ours.reduce((sum, row) => sum + row.attempts, 0)).toBe(6);
    expect(sink.received).toHaveLength(3);
  });
});
