import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { ENROLMENT_PROMOTED_V1 } from '@academy/contracts';
import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import { DeliveryService } from '../deliveries/delivery.service';
import { PreferencesService } from '../preferences/preferences.service';
import { SessionsReplicaRepository } from '../sessions/sessions-replica.repository';
import { RemindersRepository } from './reminders.repository';
import { RemindersScheduler } from './reminders.scheduler';
import {
  meetingsAhead,
  type NotificationContext,
  startNotificationContext,
} from './testing/notification-test-kit';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describeEachDatabase('reminders before each meeting', (kind) => {
  let context: NotificationContext;
  let scheduler: RemindersScheduler;

  beforeAll(async () => {
    context = await startNotificationContext(kind);
    scheduler = context.get(RemindersScheduler);
  }, 60_000);
  afterAll(() => context?.close());

  const remindersOf = async (userId: string) =>
    (await context.deliveries('meeting-reminder')).filter((d) => d.recipientId === userId);

  it('sends one reminder two days and one two hours before each meeting, each once', async () => {
    const volunteer = await context.person();
    const session = await context.publishSession({ meetings: meetingsAhead(2, 10) });
    const enrolment = await context.confirm(volunteer, session);
    const planned = await context.get(RemindersRepository).ofSession(session.sessionId);
    expect(planned.filter((r) => r.enrolmentId === enrolment.enrolmentId)).toHaveLength(4);

    const first = new Date(session.meetings[0].startsAt).getTime();
    await scheduler.runDue(new Date(first - 2 * DAY - MINUTE));
    expect(await remindersOf(volunteer.userId)).toEqual([]);

    await scheduler.runDue(new Date(first - 2 * DAY + MINUTE));
    await scheduler.runDue(new Date(first - 2 * DAY + 2 * MINUTE));
    const [twoDays, ...none] = await remindersOf(volunteer.userId);
    expect(none).toEqual([]);
    expect(twoDays).toMatchObject({ kind: 'meeting-reminder', optional: 'reminder' });
    expect(twoDays.dedupKey).toMatch(new RegExp(`:${session.meetings[0].startsAt}$`));
    expect(twoDays.params).toMatchObject({
      courseTitle: session.courseTitle,
      startsAt: session.meetings[0].startsAt,
    });

    await scheduler.runDue(new Date(first - 2 * HOUR + MINUTE));
    expect(await remindersOf(volunteer.userId)).toHaveLength(2);
    // The second meeting a week later has its own two.
    const second = new Date(session.meetings[1].startsAt).getTime();
    await scheduler.runDue(new Date(second - 2 * DAY + MINUTE));
    await scheduler.runDue(new Date(second - 2 * HOUR + MINUTE));
    expect(await remindersOf(volunteer.userId)).toHaveLength(4);
    await scheduler.runDue(new Date(second - MINUTE));
    expect(await remindersOf(volunteer.userId)).toHaveLength(4);
  });

  it('moves reminders with a moved meeting, and reminds of the new time', async () => {
    const volunteer = await context.person();
    const session = await context.publishSession({ meetings: meetingsAhead(1, 10) });
    await context.confirm(volunteer, session);
    const old = new Date(session.meetings[0].startsAt).getTime();
    const moved = old + 3 * DAY;
    await context.changeSession(session, {
      meetings: [
        {
          ...session.meetings[0],
          startsAt: new Date(moved).toISOString(),
          endsAt: new Date(moved + 2 * HOUR).toISOString(),
        },
      ],
    });
    await scheduler.runDue(new Date(old - 2 * DAY + MINUTE));
    expect(await remindersOf(volunteer.userId)).toEqual([]);
    await scheduler.runDue(new Date(moved - 2 * DAY + MINUTE));
    const [reminder, ...none] = await remindersOf(volunteer.userId);
    expect(none).toEqual([]);
    expect(reminder.params).toMatchObject({ startsAt: new Date(moved).toISOString() });
    expect(reminder.dedupKey).toMatch(new RegExp(`:${new Date(moved).toISOString()}$`));
  });

  it('an older snapshot of the session never moves reminders back', async () => {
    const volunteer = await context.person();
    const session = await context.publishSession({ meetings: meetingsAhead(1, 10) });
    await context.confirm(volunteer, session);
    const moved = new Date(session.meetings[0].startsAt).getTime() + DAY;
    const newer = await context.changeSession(session, {
      meetings: [{ ...session.meetings[0], startsAt: new Date(moved).toISOString() }],
    });
    // The first change arrives late, after the second.
    await context.changeSession({ ...session, version: newer.version - 2 }, {});
    const reminders = await context.get(RemindersRepository).ofSession(session.sessionId);
    expect(reminders.map((r) => r.meetingStartsAt.getTime())).toEqual([moved, moved]);
  });

  it('drops the reminders of a cancelled enrolment and of a cancelled session', async () => {
    const [leaving, staying] = [await context.person(), await context.person()];
    const session = await context.publishSession({ meetings: meetingsAhead(1, 10) });
    const enrolment = await context.confirm(leaving, session);
    await context.confirm(staying, session);
    await context.cancel(enrolment, session);
    const startsAt = new Date(session.meetings[0].startsAt).getTime();
    await scheduler.runDue(new Date(startsAt - 2 * DAY + MINUTE));
    expect(await remindersOf(leaving.userId)).toEqual([]);
    expect(await remindersOf(staying.userId)).toHaveLength(1);

    await context.cancelSession(session);
    await scheduler.runDue(new Date(startsAt - 2 * HOUR + MINUTE));
    expect(await remindersOf(staying.userId)).toHaveLength(1);
  });

  it('drops a reminder whose meeting has begun instead of sending it late', async () => {
    const volunteer = await context.person();
    const session = await context.publishSession({ meetings: meetingsAhead(1, 10) });
    await context.confirm(volunteer, session);
    const startsAt = new Date(session.meetings[0].startsAt).getTime();
    expect(await scheduler.runDue(new Date(startsAt + MINUTE))).toMatchObject({ sent: 0 });
    expect(await remindersOf(volunteer.userId)).toEqual([]);
    const statuses = (await context.get(RemindersRepository).ofSession(session.sessionId)).map(
      (r) => r.status,
    );
    expect(statuses).toEqual(['dropped', 'dropped']);
  });

  it('sends only the nearest of several reminders that fell due while nobody was looking', async () => {
    const volunteer = await context.person();
    const session = await context.publishSession({ meetings: meetingsAhead(1, 10) });
    await context.confirm(volunteer, session);
    const startsAt = new Date(session.meetings[0].startsAt).getTime();
    await scheduler.runDue(new Date(startsAt - HOUR));
    expect(await remindersOf(volunteer.userId)).toHaveLength(1);
  });

  it('sends nothing to someone who switched reminders off', async () => {
    const volunteer = await context.person();
    await context.get(PreferencesService).update(volunteer.userId, { reminders: false });
    const session = await context.publishSession({ meetings: meetingsAhead(1, 10) });
    await context.confirm(volunteer, session);
    const startsAt = new Date(session.meetings[0].startsAt).getTime();
    await scheduler.runDue(new Date(startsAt - 2 * DAY + MINUTE));
    expect(await remindersOf(volunteer.userId)).toEqual([]);
  });

  it('writes the reminder in the language chosen for messages, with a one-click unsubscribe link', async () => {
    const volunteer = await context.person('volunteer', undefined, 'nl');
    await context.get(PreferencesService).update(volunteer.userId, { locale: 'en' });
    const session = await context.publishSession({ meetings: meetingsAhead(1, 10) });
    await context.confirm(volunteer, session);
    const startsAt = new Date(session.meetings[0].startsAt).getTime();
    await scheduler.runDue(new Date(startsAt - 2 * DAY + MINUTE));
    const [reminder] = await remindersOf(volunteer.userId);
    expect(reminder.locale).toBe('en');
    const file = join(context.database.dataDir, 'mail', `${reminder.id}.eml`);
    for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
    const mail = await simpleParser(readFileSync(file));
    expect(mail.subject).toMatch(/^Reminder: Grenzen stellen/);
    expect(mail.text).toContain('/notifications/unsubscribe?token=');
    // mailparser gathers the List-* headers under `list`.
    const list = mail.headers.get('list') as unknown as Record<string, { url?: string; name?: string }>;
    expect(list['unsubscribe-post']).toEqual({ name: 'List-Unsubscribe=One-Click' });
    expect(list.unsubscribe.url).toContain('/notifications/unsubscribe?token=');
  });

  it('a promotion of an enrolment already planned (events redelivered or out of order) plans nothing new', async () => {
    const volunteer = await context.person();
    const session = await context.publishSession({ meetings: meetingsAhead(1, 10) });
    const enrolment = await context.confirm(volunteer, session);
    await context.deliver(ENROLMENT_PROMOTED_V1, {
      sessionId: session.sessionId,
      courseId: session.courseId,
      courseTitle: session.courseTitle,
      courseKind: session.courseKind,
      language: session.language,
      meetings: session.meetings,
      enrolmentId: enrolment.enrolmentId,
      userId: volunteer.userId,
      via: 'auto',
      cancellationDeadline: new Date().toISOString(),
      promotedAt: new Date().toISOString(),
    });
    const mine = (await context.get(RemindersRepository).ofSession(session.sessionId)).filter(
      (r) => r.enrolmentId === enrolment.enrolmentId,
    );
    expect(mine).toHaveLength(2);
  });
});

describeEachDatabase('reminders across restarts and replicas', (kind) => {
  it('a new instance on the same database sends what fell due while the first was down, and nothing twice', async () => {
    const first = await startNotificationContext(kind);
    const volunteer = await first.person();
    const session = await first.publishSession({ meetings: meetingsAhead(1, 10) });
    await first.confirm(volunteer, session);
    const startsAt = new Date(session.meetings[0].startsAt).getTime();
    await first.get(RemindersScheduler).runDue(new Date(startsAt - 2 * DAY + MINUTE));
    await first.close(false);

    const second = await startNotificationContext(kind, { database: first.database });
    try {
      // Down over the two-hour reminder; back an hour before the meeting.
      await second.get(RemindersScheduler).runDue(new Date(startsAt - HOUR));
      await second.get(RemindersScheduler).runDue(new Date(startsAt - HOUR));
      const sent = (await second.deliveries('meeting-reminder')).filter(
        (d) => d.recipientId === volunteer.userId,
      );
      expect(sent).toHaveLength(2);
      expect(new Set(sent.map((d) => d.dedupKey)).size).toBe(2);
    } finally {
      await second.close();
    }
  }, 60_000);

  it('two schedulers on one database send each reminder once', async () => {
    const a = await startNotificationContext(kind);
    // MariaDB: two instances at once, as two replicas would (SKIP LOCKED). SQLite lives in one process, whose
    // file one instance owns: two schedulers there share it, their transactions taking turns.
    const b = kind === 'mariadb' ? await startNotificationContext(kind, { database: a.database }) : undefined;
    try {
      const session = await a.publishSession({ meetings: meetingsAhead(1, 10) });
      const people: Array<{ userId: string }> = [];
      for (let i = 0; i < 30; i++) {
        const person = await a.person();
        await a.confirm(person, session);
        people.push(person);
      }
      const at = new Date(new Date(session.meetings[0].startsAt).getTime() - 2 * DAY + MINUTE);
      const first = a.get(RemindersScheduler);
      const second =
        b?.get(RemindersScheduler) ??
        new RemindersScheduler(
          a.dataSource,
          a.get(RemindersRepository),
          a.get(SessionsReplicaRepository),
          a.get(DeliveryService),
          { offsetsMinutes: [2880, 120], pollMs: 0 },
        );
      const rounds = await Promise.all([first.runDue(at), second.runDue(at), first.runDue(at)]);
      expect(rounds.reduce((sum, round) => sum + round.sent, 0)).toBe(30);
      const sent = (await a.deliveries('meeting-reminder')).filter((d) =>
        people.some((p) => p.userId === d.recipientId),
      );
      expect(sent).toHaveLength(30);
      expect(new Set(sent.map((d) => d.recipientId)).size).toBe(30);
    } finally {
      await b?.close(false);
      await a.close();
    }
  }, 120_000);
});
