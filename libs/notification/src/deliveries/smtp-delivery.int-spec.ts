import { inTransaction } from '@academy/platform';
import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import { v7 as uuidv7 } from 'uuid';
import {
  type NotificationContext,
  sessionSnapshot,
  startNotificationContext,
} from '../testing/notification-context';
import { type SmtpSink, startSmtpSink } from '../testing/smtp-sink';
import { Delivery } from './delivery.entity';
import { DeliveryLogService } from './delivery-log.service';
import { DeliveryService } from './delivery.service';
import { DeliveryWorker } from './delivery-worker';

describeEachDatabase('mail delivery over SMTP', (kind) => {
  let sink: SmtpSink;
  let ctx: NotificationContext;
  beforeAll(async () => {
    sink = await startSmtpSink();
    ctx = await startNotificationContext(kind, { SMTP_URL: sink.url }, { backoffMs: 100, maxAttempts: 3 });
  });
  afterAll(async () => {
    await ctx?.close();
    await sink?.close();
  });
  beforeEach(() => {
    sink.received.length = 0;
    sink.reject(0);
  });

  async function send(recipientId: string, notBefore?: Date): Promise<string> {
    const session = sessionSnapshot();
    const result = await inTransaction(ctx.dataSource, (manager) =>
      ctx.get(DeliveryService).enqueue(manager, {
        dedupKey: `${uuidv7()}:${recipientId}:enrolment-confirmed`,
        recipientId,
        kind: 'enrolment-confirmed',
        params: {
          courseTitle: session.courseTitle,
          meetings: session.meetings,
          firstStartsAt: session.meetings[0].startsAt,
          cancellationDeadline: session.meetings[0].startsAt,
          sequence: 1,
        },
        attachment: { type: 'invitation' },
        notBefore,
      }),
    );
    if (result.outcome !== 'queued') throw new Error(`not queued: ${result.outcome}`);
    return result.deliveryId;
  }

  const row = (id: string) => ctx.dataSource.getRepository(Delivery).findOneByOrFail({ id });

  async function until(id: string, status: Delivery['status'], timeoutMs = 15_000): Promise<Delivery> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = await row(id);
      if (current.status === status) return current;
      if (Date.now() > deadline) throw new Error(`delivery is ${current.status}, not ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it('retries a message the server turns away, then delivers it once, with the attempts and reason logged', async () => {
    const dirk = await ctx.person({ displayName: 'Dirk', locale: 'en' });
    sink.reject(2, 451, 'Mailbox busy, try again later');
    const id = await send(dirk.userId);
    const sent = await until(id, 'sent');
    expect(sent.attempts).toBe(3);
    expect(sent.lastError).toContain('451');
    expect(sent.lastError).toContain('Mailbox busy');
    expect(sent.messageId).toBe(`<${id}@vrijwilligersacademie.frl>`);
    expect(sent.locale).toBe('en');
    const [mail] = await sink.waitFor(1);
    expect(sink.received).toHaveLength(1);
    expect(mail.to).toMatchObject({ value: [{ address: dirk.email, name: 'Dirk' }] });
    expect(mail.subject).toBe(`You're enrolled: ${sessionSnapshot().courseTitle}`);
    expect(mail.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);
  });

  it('gives up after the last attempt (dead, with the reason) until an admin retries it', async () => {
    const eva = await ctx.person();
    sink.reject(3, 550, 'No such user here');
    const id = await send(eva.userId);
    const dead = await until(id, 'dead');
    expect(dead.attempts).toBe(3);
    expect(dead.lastError).toContain('550 No such user here');
    expect(sink.received).toHaveLength(0);

    const retried = await ctx.get(DeliveryLogService).retry(id);
    expect(retried).toMatchObject({ status: 'queued', attempts: 0, retries: 1 });
    const sent = await until(id, 'sent');
    expect(sent).toMatchObject({ attempts: 1, retries: 1 });
    await sink.waitFor(1);
    // A sent message cannot be retried.
    await expect(ctx.get(DeliveryLogService).retry(id)).rejects.toMatchObject({ code: 'resource.conflict' });
  });

  it('sends once when the same job is handed to two workers at once', async () => {
    const fenna = await ctx.person();
    // Not due for an hour: only the two workers below touch it.
    const id = await send(fenna.userId, new Date(Date.now() + 3_600_000));
    const worker = ctx.get(DeliveryWorker);
    const ticket = { deliveryId: id, attempts: 0, retries: 0 };
    const outcomes = await Promise.all([worker.process(ticket), worker.process(ticket)]);
    expect(outcomes.sort()).toEqual(['sent', 'skipped']);
    // A third, late copy of the job finds it sent.
    expect(await worker.process(ticket)).toBe('skipped');
    await sink.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received).toHaveLength(1);
  });

  it('sends a message again whose worker died mid-send, once its lease has run out', async () => {
    const gerrit = await ctx.person();
    const id = await send(gerrit.userId, new Date(Date.now() + 3_600_000));
    // What a worker leaves behind when it dies between claiming and marking: `sending`, lease passed.
    await ctx.dataSource
      .getRepository(Delivery)
      .update({ id }, { status: 'sending', attempts: 1, nextAttemptAt: new Date(Date.now() - 1000) });
    const sent = await until(id, 'sent');
    expect(sent.attempts).toBe(2);
    expect(sent.lastError).toContain('stopped while sending');
    await sink.waitFor(1);
  });
});
