import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { DeliveryPage, NotificationPage, NotificationResponse } from '@academy/notification';
import {
  bearer,
  bootAcademy,
  type BootedEnrolment,
  eventually,
  PASSWORD,
  type Person,
  randomIp,
  uniqueEmail,
} from '../enrolment/support/enrolment-app';

const DAY = 86_400_000;
const meeting = (days: number) => {
  const start = Math.floor(Date.now() / DAY) * DAY + days * DAY + 18.5 * 3_600_000;
  return {
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 2 * 3_600_000).toISOString(),
    location: { name: 'Dorpshuis De Skalm', place: 'Drachten', address: 'Moleneind 1' },
  };
};

describe('notification in the all-in-one: enrol, and the email and the inbox item follow', () => {
  let booted: BootedEnrolment;
  let organisationId: string;
  let admin: string;
  let trainer: Person;

  beforeAll(async () => {
    booted = await bootAcademy();
    ({ id: organisationId, admin } = await booted.organisation());
    trainer = await booted.person(organisationId, 'trainer', admin);
  }, 120_000);
  afterAll(() => booted.close());

  const send = (method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, payload?: object) =>
    booted.call({ method, url, payload, headers: token ? bearer(token) : {} });

  async function volunteer(locale: 'nl' | 'fy' | 'en'): Promise<Person> {
    const email = uniqueEmail(`vrijwilliger-${locale}`);
    const created = await send('POST', '/api/users', admin, {
      email,
      password: PASSWORD,
      displayName: `Sytske ${randomUUID().slice(0, 4)}`,
      locale,
      memberships: [{ organisationId, role: 'volunteer' }],
    });
    expect(created.statusCode).toBe(201);
    const login = await booted.call({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: PASSWORD },
      ip: randomIp(),
    });
    return {
      id: created.json<{ id: string }>().id,
      email,
      token: login.json<{ accessToken: string }>().accessToken,
    };
  }

  async function publishedSession(capacity: number, title: string): Promise<string> {
    const course = await send('POST', '/api/catalogue/courses', admin, {
      kind: 'training',
      title,
      summary: 'Nee zeggen zonder schuldgevoel.',
      category: 'veiligheid-en-ehbo',
      language: 'nl',
    });
    expect(course.statusCode).toBe(201);
    const courseId = course.json<{ id: string }>().id;
    const session = await send('POST', `/api/catalogue/courses/${courseId}/sessions`, admin, {
      capacity,
      trainerIds: [trainer.id],
      meetings: [meeting(12), meeting(19)],
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

  /** The `.eml` files written so far, parsed, addressed to one person. */
  async function mailTo(email: string, subjectPart: string): Promise<ParsedMail> {
    const dir = join(booted.config.dataDir, 'mail');
    return eventually(async () => {
      if (!existsSync(dir)) return undefined;
      for (const file of readdirSync(dir).filter((name) => name.endsWith('.eml'))) {
        const mail = await simpleParser(readFileSync(join(dir, file)));
        const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
        if (to.some((t) => t.value.some((v) => v.address === email)) && mail.subject?.includes(subjectPart)) {
          return mail;
        }
      }
      return undefined;
    }, `an email to ${email} about "${subjectPart}"`);
  }

  it('writes the confirmation in Frisian with an invitation, puts it in the inbox, and tells the next in line of their seat', async () => {
    const title = `Grinzen stelle ${randomUUID().slice(0, 6)}`;
    const sessionId = await publishedSession(1, title);
    const sytske = await volunteer('fy');
    const jan = await volunteer('nl');

    const enrolled = await send('POST', '/api/enrolments', sytske.token, { sessionId });
    expect(enrolled.json()).toMatchObject({ status: 'confirmed' });
    expect((await send('POST', '/api/enrolments', jan.token, { sessionId })).json()).toMatchObject({
      status: 'waitlisted',
    });

    const confirmation = await mailTo(sytske.email, title);
    expect(confirmation.subject).toBe(`Do bist ynskreaun: ${title}`);
    expect(confirmation.text).toContain('Hoi Sytske');
    expect(confirmation.html).toContain('<html lang="fy">');
    const ics = confirmation.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(ics).toBeDefined();
    const calendar = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8')) as unknown[]);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.getAllSubcomponents('valarm').length > 0)).toBe(true);
    expect(new ICAL.Event(events[0]).summary).toBe(title);

    const waitlisted = await mailTo(jan.email, title);
    expect(waitlisted.subject).toBe(`Je staat op de wachtlijst: ${title}`);

    // The inbox: unread first; only one's own items can be marked read.
    const inbox = await eventually(async () => {
      const page = (await send('GET', '/api/notifications/mine', sytske.token)).json<NotificationPage>();
      return page.total > 0 ? page : undefined;
    }, 'the inbox item');
    expect(inbox).toMatchObject({ total: 1, unread: 1, page: 1, pageSize: 20 });
    expect(inbox.items[0]).toMatchObject({
      kind: 'enrolment-confirmed',
      title: `Ynskreaun: ${title}`,
      readAt: null,
    });
    const itemId = inbox.items[0].id;
    expect((await send('POST', `/api/notifications/${itemId}/read`, jan.token)).statusCode).toBe(404);
    expect((await send('POST', `/api/notifications/${itemId}/read`)).statusCode).toBe(401);
    const read = await send('POST', `/api/notifications/${itemId}/read`, sytske.token);
    expect(read.statusCode).toBe(200);
    expect(read.json<NotificationResponse>().readAt).not.toBeNull();
    expect((await send('GET', '/api/notifications/mine', sytske.token)).json()).toMatchObject({ unread: 0 });

    // Sytske cannot come after all: Jan moves up and hears it in Dutch, with his own invitation.
    const enrolmentId = enrolled.json<{ id: string }>().id;
    expect((await send('DELETE', `/api/enrolments/${enrolmentId}`, sytske.token)).statusCode).toBe(200);
    const promoted = await mailTo(jan.email, `Er is een plek voor je: ${title}`);
    expect(promoted.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);
    const cancelled = await mailTo(sytske.email, `Do bist ôfmeld: ${title}`);
    const cancelIcs = cancelled.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(
      new ICAL.Component(ICAL.parse(cancelIcs!.content.toString('utf8')) as unknown[]).getFirstPropertyValue(
        'method',
      ),
    ).toBe('CANCEL');
  });

  it('answers bad input with problem details, and keeps the delivery log for administrators', async () => {
    const piet = await volunteer('en');
    const tooBig = await send('GET', '/api/notifications/mine?pageSize=500', piet.token);
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.headers['content-type']).toContain('application/problem+json');
    expect((await send('POST', '/api/notifications/not-an-id/read', piet.token)).statusCode).toBe(404);
    expect((await send('POST', `/api/notifications/${randomUUID()}/read`, piet.token)).statusCode).toBe(404);

    expect((await send('GET', '/api/notifications/deliveries', piet.token)).statusCode).toBe(403);
    expect((await send('GET', '/api/notifications/deliveries?status=lost', admin)).statusCode).toBe(400);
    const sent = await eventually(async () => {
      const page = (
        await send('GET', '/api/notifications/deliveries?status=sent&pageSize=100', admin)
      ).json<DeliveryPage>();
      return page.total > 0 ? page : undefined;
    }, 'sent deliveries in the log');
    expect(sent.items.every((item) => item.status === 'sent' && item.attempts >= 1 && item.sentAt)).toBe(
      true,
    );
    const retry = await send('POST', `/api/notifications/deliveries/${sent.items[0].id}/retry`, admin);
    expect(retry.statusCode).toBe(409);
    expect(retry.headers['content-type']).toContain('application/problem+json');
    expect(
      (await send('POST', `/api/notifications/deliveries/${randomUUID()}/retry`, admin)).statusCode,
    ).toBe(404);
    expect(
      (await send('POST', `/api/notifications/deliveries/${sent.items[0].id}/retry`, piet.token)).statusCode,
    ).toBe(403);

    // Prometheus sees the log by status.
    const metrics = (await send('GET', '/metrics')).body;
    expect(metrics).toMatch(/academy_notification_deliveries\{status="sent"\} [1-9]/);
    expect(metrics).toMatch(/academy_notification_mail_attempts_total\{outcome="sent"\} [1-9]/);
  });
});
