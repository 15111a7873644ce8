import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ENROLMENT_CANCELLED_V1,
  ENROLMENT_CONFIRMED_V1,
  ENROLMENT_PROMOTED_V1,
  ENROLMENT_WAITLISTED_V1,
  SESSION_CANCELLED_V1,
  SESSION_CHANGED_V1,
  SESSION_GO_DECIDED_V1,
  SESSION_PUBLISHED_V1,
  type SessionSnapshot,
  USER_ERASED_V1,
  USER_UPDATED_V1,
} from '@academy/contracts';
import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { v7 as uuidv7 } from 'uuid';
import { Recipient } from '../recipients/recipient.entity';
import {
  enrolmentFacts,
  meetings,
  type NotificationContext,
  sessionSnapshot,
  startNotificationContext,
} from '../testing/notification-context';

const now = () => new Date().toISOString();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describeEachDatabase('notification consumers', (kind) => {
  let ctx: NotificationContext;
  beforeAll(async () => {
    ctx = await startNotificationContext(kind);
  });
  afterAll(() => ctx?.close());

  async function publish(changes: Partial<SessionSnapshot> = {}): Promise<SessionSnapshot> {
    const session = sessionSnapshot(changes);
    await ctx.deliver(SESSION_PUBLISHED_V1, { ...session, publishedAt: now() });
    return session;
  }

  async function confirm(session: SessionSnapshot, userId: string, eventId = uuidv7()) {
    const facts = enrolmentFacts(session, userId);
    await ctx.deliver(
      ENROLMENT_CONFIRMED_V1,
      { ...facts, enrolledBy: userId, cancellationDeadline: inDays(8), confirmedAt: now() },
      eventId,
    );
    return facts;
  }

  it('sends one confirmation, in the person’s language, with an invitation — however often the event comes', async () => {
    const anna = await ctx.person({ locale: 'fy', displayName: 'Anna' });
    const session = await publish({ version: 4 });
    const eventId = uuidv7();
    await confirm(session, anna.userId, eventId);
    // The bus delivers at least once: the same event again, and a second consumer run with the same id.
    await confirm(session, anna.userId, eventId);

    const rows = await ctx.deliveries({ recipientId: anna.userId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'enrolment-confirmed',
      locale: 'fy',
      attachment: { type: 'invitation' },
    });
    expect(rows[0].dedupKey).toBe(`${eventId}:${anna.userId}:enrolment-confirmed`);
    const inbox = await ctx.inbox(anna.userId);
    expect(inbox).toHaveLength(1);
    expect(inbox[0].title).toBe(`Ynskreaun: ${session.courseTitle}`);

    const [sent] = (await ctx.settled()).filter((row) => row.recipientId === anna.userId);
    expect(sent.status).toBe('sent');
    expect(sent.attempts).toBe(1);
    const mail = await simpleParser(readFileSync(join(ctx.database.dataDir, 'mail', `${sent.id}.eml`)));
    expect(mail.subject).toBe(`Do bist ynskreaun: ${session.courseTitle}`);
    expect(mail.text).toContain('Hoi Anna,');
    const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(ics).toBeDefined();
    const calendar = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8')) as unknown[]);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(
      session.meetings.map((m) => `${m.meetingId}@vrijwilligersacademie.frl`),
    );
    expect(events.every((e) => e.sequence === 4)).toBe(true);
  });

  it('tells every confirmed participant of a moved meeting with a new invitation, and nobody of a new window', async () => {
    const [confirmed, waiting] = [await ctx.person(), await ctx.person()];
    const session = await publish();
    await confirm(session, confirmed.userId);
    await ctx.deliver(ENROLMENT_WAITLISTED_V1, {
      ...enrolmentFacts(session, waiting.userId),
      enrolledBy: waiting.userId,
      waitlistPosition: 1,
      waitlistedAt: now(),
    });
    await ctx.deliver(SESSION_CHANGED_V1, {
      ...session,
      version: 2,
      changes: ['enrolment'],
      changedAt: now(),
    });
    const moved = {
      ...session,
      version: 3,
      meetings: meetings(2, 12).map((m, i) => ({ ...m, meetingId: session.meetings[i].meetingId })),
    };
    await ctx.deliver(SESSION_CHANGED_V1, { ...moved, changes: ['time'], changedAt: now() });
    // An older snapshot arriving late is ignored, and tells nobody.
    await ctx.deliver(SESSION_CHANGED_V1, { ...session, version: 2, changes: ['time'], changedAt: now() });

    const changed = await ctx.deliveries({ kind: 'session-changed' });
    const forSession = changed.filter((row) => row.params?.sessionId === session.sessionId);
    expect(forSession.map((row) => row.recipientId)).toEqual([confirmed.userId]);
    expect(forSession[0].params).toMatchObject({ sequence: 3, firstStartsAt: moved.meetings[0].startsAt });
    expect(forSession[0].attachment).toEqual({ type: 'invitation' });
  });

  it('tells everyone concerned once of a cancelled session, whichever event arrives first', async () => {
    const [early, late, waiting] = [await ctx.person(), await ctx.person(), await ctx.person()];
    const session = await publish();
    const earlyFacts = await confirm(session, early.userId);
    await confirm(session, late.userId);
    await ctx.deliver(ENROLMENT_WAITLISTED_V1, {
      ...enrolmentFacts(session, waiting.userId),
      enrolledBy: waiting.userId,
      waitlistPosition: 1,
      waitlistedAt: now(),
    });
    // Enrolment released one of them before the catalogue's event got here.
    await ctx.deliver(ENROLMENT_CANCELLED_V1, {
      ...earlyFacts,
      reason: 'session-cancelled',
      previousStatus: 'confirmed',
      late: false,
      cancelledBy: null,
      sessionCancelReason: 'De trainer is ziek.',
      cancelledAt: now(),
    });
    await ctx.deliver(SESSION_CANCELLED_V1, {
      ...session,
      status: 'cancelled',
      version: 2,
      reason: 'De trainer is ziek.',
      cancelledAt: now(),
    });
    const rows = (await ctx.deliveries({ kind: 'session-cancelled' })).filter(
      (row) => row.params?.sessionId === session.sessionId,
    );
    expect(rows.map((row) => row.recipientId).sort()).toEqual(
      [early.userId, late.userId, waiting.userId].sort(),
    );
    const byPerson = new Map(rows.map((row) => [row.recipientId, row]));
    expect(byPerson.get(early.userId)!.attachment).toEqual({ type: 'cancellation' });
    expect(byPerson.get(late.userId)!.attachment).toEqual({ type: 'cancellation' });
    expect(byPerson.get(waiting.userId)!.attachment).toBeNull();
  });

  it('ignores an event older than the one it holds for an enrolment (promoted, then a late waitlisted)', async () => {
    const bea = await ctx.person();
    const session = await publish();
    const facts = enrolmentFacts(session, bea.userId);
    const waitlistedId = uuidv7();
    const promotedId = uuidv7();
    await ctx.deliver(
      ENROLMENT_PROMOTED_V1,
      { ...facts, via: 'auto', cancellationDeadline: inDays(8), promotedAt: now() },
      promotedId,
    );
    await ctx.deliver(
      ENROLMENT_WAITLISTED_V1,
      { ...facts, enrolledBy: bea.userId, waitlistPosition: 2, waitlistedAt: now() },
      waitlistedId < promotedId ? waitlistedId : uuidv7(),
    );
    const kinds = (await ctx.deliveries({ recipientId: bea.userId })).map((row) => row.kind);
    expect(kinds).toEqual(['enrolment-promoted']);
  });

  it('tells everyone the go/no-go outcome, cancelling the invitation of those with a seat', async () => {
    const [seated, waiting] = [await ctx.person({ locale: 'en' }), await ctx.person()];
    const session = await publish();
    await ctx.deliver(SESSION_GO_DECIDED_V1, {
      sessionId: session.sessionId,
      courseId: session.courseId,
      courseTitle: session.courseTitle,
      courseKind: session.courseKind,
      language: session.language,
      meetings: session.meetings,
      decision: 'cancelled',
      confirmed: 1,
      minimumParticipants: 4,
      goNoGoAt: now(),
      participants: [
        { enrolmentId: uuidv7(), userId: seated.userId, status: 'confirmed' },
        { enrolmentId: uuidv7(), userId: waiting.userId, status: 'waitlisted' },
      ],
      decidedAt: now(),
    });
    const [forSeated] = await ctx.deliveries({ recipientId: seated.userId });
    const [forWaiting] = await ctx.deliveries({ recipientId: waiting.userId });
    expect(forSeated).toMatchObject({
      kind: 'session-go-decided',
      locale: 'en',
      attachment: { type: 'cancellation' },
    });
    expect(forSeated.params).toMatchObject({ variant: 'cancelled' });
    expect(forWaiting.attachment).toBeNull();
    expect((await ctx.inbox(seated.userId))[0].title).toBe(`Not taking place: ${session.courseTitle}`);
  });

  it('forgets an erased person at once: address, name, inbox, what pending messages would say', async () => {
    const carla = await ctx.person({ displayName: 'Carla' });
    const session = await publish();
    // A slow SMTP server is not needed: erase in the same breath as the enrolment, before the send.
    await confirm(session, carla.userId);
    await ctx.deliver(USER_ERASED_V1, { userId: carla.userId, erasedAt: now() });

    const recipient = await ctx.dataSource.getRepository(Recipient).findOneByOrFail({ id: carla.userId });
    expect(recipient).toMatchObject({ email: null, displayName: null, erased: true });
    expect(await ctx.inbox(carla.userId)).toHaveLength(0);
    const rows = await ctx.deliveries({ recipientId: carla.userId });
    expect(rows.every((row) => row.params === null)).toBe(true);
    expect(rows.every((row) => row.status === 'sent' || row.status === 'dead')).toBe(true);

    // A late update does not bring them back, and nothing more is written to them.
    await ctx.deliver(USER_UPDATED_V1, { ...carla, displayName: 'Carla', updatedAt: now() });
    await confirm(await publish(), carla.userId);
    expect(
      (await ctx.dataSource.getRepository(Recipient).findOneByOrFail({ id: carla.userId })).email,
    ).toBeNull();
    expect(await ctx.deliveries({ recipientId: carla.userId })).toHaveLength(rows.length);
  });
});
