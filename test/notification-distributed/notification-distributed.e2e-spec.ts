import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { DisposableRedis } from '@academy/messaging/testing/redis-server';
import { describeDistributed } from '@academy/platform/testing/test-databases';
import {
  Academy,
  buildDist,
  call,
  eventually,
  expectStatus,
  type Person,
  ROOT,
  type Services,
  startServices,
} from './support/services';
import { type AcceptedMail, SmtpSink } from './support/smtp-sink';

/** The fixed start of a message's subject in a language (the text before the first placeholder). */
function subjectStart(locale: 'nl' | 'fy' | 'en', kind: string): string {
  const texts = JSON.parse(
    readFileSync(join(ROOT, 'libs/notification/src/templates/i18n', `${locale}.json`), 'utf8'),
  ) as Record<string, { subject: string }>;
  return texts[kind].subject.split('{')[0];
}

/** The .ics attachment of a message, parsed. */
function calendarOf(mail: AcceptedMail): ICAL.Component {
  const attachment = mail.parsed.attachments.find(
    (a) => a.contentType.startsWith('text/calendar') || a.filename?.endsWith('.ics'),
  );
  if (!attachment) throw new Error(`no .ics attachment in "${mail.subject}"`);
  return new ICAL.Component(ICAL.parse(attachment.content.toString('utf8')) as unknown[]);
}

interface DeliveryLogItem {
  id: string;
  recipientId: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
}

/**
 * The distributed setup end to end: the catalogue, enrolment and notification services as separate processes
 * (`node dist/apps/<service>/src/main.js`), each on its own MariaDB database, on a private redis-server (the
 * services have no setting for a BullMQ prefix, so a Redis of their own keeps parallel runs apart), and a
 * real SMTP server in the test process.
 */
describeDistributed('notification across the distributed services', () => {
  let redis: DisposableRedis;
  let sink: SmtpSink;
  let services: Services;
  let academy: Academy;
  let admin: string;
  let trainer: Person;
  let joinCode: string;

  beforeAll(async () => {
    await buildDist();
    redis = await DisposableRedis.start();
    sink = await SmtpSink.start();
    services = await startServices({
      redisUrl: redis.url,
      smtpUrl: sink.url,
      // Retries after a refusal in half a second instead of thirty.
      env: { notification: { MAIL_BACKOFF_MS: '500', MAIL_POLL_MS: '200' } },
    });
    academy = new Academy(services);
    admin = await academy.admin();
    const organisation = await academy.organisation(admin);
    joinCode = organisation.joinCode;
    trainer = await academy.person(organisation.id, 'trainer', admin);
  }, 600_000);

  afterAll(async () => {
    await services?.close();
    await sink?.close();
    await redis?.stop();
  });

  it('sends the confirmation in the volunteer’s language with an invitation for every meeting', async () => {
    const sessionId = await academy.session(admin, trainer.id, 5, [9, 16]);
    const sjoukje = await academy.volunteer(joinCode, 'fy', 'Sjoukje <de> Vries');
    const enrolment = await expectStatus<{ id: string; status: string }>(
      201,
      services.enrolment!,
      'POST',
      '/api/enrolments',
      { token: sjoukje.token, body: { sessionId } },
    );
    expect(enrolment.status).toBe('confirmed');

    await sink.until(() => sink.to(sjoukje.email).length >= 1, 'the confirmation at the SMTP sink');
    const [mail] = sink.to(sjoukje.email);
    // Frisian, with the name escaped in the HTML.
    expect(mail.subject.startsWith(subjectStart('fy', 'enrolment-confirmed'))).toBe(true);
    expect(subjectStart('fy', 'enrolment-confirmed')).not.toBe(subjectStart('nl', 'enrolment-confirmed'));
    expect(mail.subject).toMatch(/Earste help by harsens/);
    expect(mail.parsed.text).toContain('Sjoukje <de> Vries');
    expect(mail.parsed.html || '').toContain('Sjoukje &lt;de&gt; Vries');
    expect(mail.parsed.html || '').not.toContain('Sjoukje <de>');

    const calendar = calendarOf(mail);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(event.getFirstSubcomponent('valarm')).not.toBeNull();
      expect(String(event.getFirstPropertyValue('summary'))).toContain('Earste help by harsens');
    }
    const starts = events.map((event) => (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate());
    const meetings = (
      await expectStatus<{ meetings: Array<{ startsAt: string }> }>(
        200,
        services.catalogue!,
        'GET',
        `/api/catalogue/sessions/${sessionId}`,
      )
    ).meetings.map((meeting) => new Date(meeting.startsAt).getTime());
    expect(starts.map((date) => date.getTime()).sort()).toEqual(meetings.sort());
    expect(sink.duplicates()).toEqual([]);
  }, 120_000);

  it('promotes the first on the waitlist when someone cancels, and tells them', async () => {
    const sessionId = await academy.session(admin, trainer.id, 1, [11]);
    const [bauke, ytsje] = await Promise.all([
      academy.volunteer(joinCode, 'nl', 'Bauke Hoekstra'),
      academy.volunteer(joinCode, 'en', 'Ytsje Bergsma'),
    ]);
    const seat = await expectStatus<{ id: string; status: string }>(
      201,
      services.enrolment!,
      'POST',
      '/api/enrolments',
      { token: bauke.token, body: { sessionId } },
    );
    expect(seat.status).toBe('confirmed');
    const waiting = await expectStatus<{ id: string; status: string; waitlistPosition: number }>(
      201,
      services.enrolment!,
      'POST',
      '/api/enrolments',
      { token: ytsje.token, body: { sessionId } },
    );
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    await sink.until(
      () => sink.to(bauke.email).length >= 1 && sink.to(ytsje.email).length >= 1,
      'the confirmation and the waitlist message',
    );

    await expectStatus(200, services.enrolment!, 'DELETE', `/api/enrolments/${seat.id}`, {
      token: bauke.token,
    });
    await sink.until(
      () => sink.to(ytsje.email).length >= 2 && sink.to(bauke.email).length >= 2,
      'the promotion and the cancellation message',
    );
    const promotion = sink.to(ytsje.email)[1];
    // English, as Ytsje chose, with the invitation for the seat she now has.
    expect(promotion.subject.startsWith(subjectStart('en', 'enrolment-promoted'))).toBe(true);
    const calendar = calendarOf(promotion);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1);
    expect(
      (
        await expectStatus<{ status: string }>(
          200,
          services.enrolment!,
          'GET',
          `/api/enrolments/${waiting.id}`,
          {
            token: ytsje.token,
          },
        )
      ).status,
    ).toBe('confirmed');
    expect(sink.duplicates()).toEqual([]);
  }, 120_000);

  it('retries a message the SMTP server turns away with backoff, delivers it once and logs why', async () => {
    const sessionId = await academy.session(admin, trainer.id, 5, [13]);
    const wytse = await academy.volunteer(joinCode, 'fy', 'Wytse Dijkstra');
    sink.setPolicy((mail, attempt) =>
      mail.to && !Array.isArray(mail.to) && mail.to.value[0]?.address === wytse.email && attempt <= 2
        ? { accept: false, code: 451, message: '4.3.0 Mailbox busy, try again later' }
        : { accept: true },
    );
    try {
      await expectStatus(201, services.enrolment!, 'POST', '/api/enrolments', {
        token: wytse.token,
        body: { sessionId },
      });
      await sink.until(() => sink.to(wytse.email).length >= 1, 'the message on its third attempt', 60_000);
    } finally {
      sink.setPolicy();
    }
    const [mail] = sink.to(wytse.email);
    expect(sink.attempts.get(mail.messageId)).toBe(3);
    expect(sink.refused.filter((r) => r.messageId === mail.messageId)).toHaveLength(2);

    // The delivery log of the notification service, as an administrator reads it.
    let item: DeliveryLogItem | undefined;
    await eventually(async () => {
      const page = await call<{ items: DeliveryLogItem[] }>(
        services.notification!,
        'GET',
        '/api/notifications/deliveries?pageSize=100',
        { token: admin },
      );
      expect(page.status).toBe(200);
      item = page.body.items.find((d) => d.recipientId === wytse.id && d.kind === 'enrolment-confirmed');
      return item?.status === 'sent';
    }, 'the delivery marked sent');
    expect(item).toMatchObject({ status: 'sent', attempts: 3 });
    expect(item!.lastError).toContain('451');
    expect(item!.messageId).toContain(mail.messageId);
    expect(sink.duplicates()).toEqual([]);
  }, 120_000);
});
