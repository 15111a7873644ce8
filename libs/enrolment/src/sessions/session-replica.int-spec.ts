import {
  type EnrolmentCancelledV1,
  SESSION_CANCELLED_V1,
  SESSION_CHANGED_V1,
  SESSION_PUBLISHED_V1,
  type SessionSeatsChangedV1,
} from '@academy/contracts';
import { DomainError } from '@academy/platform';
import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import {
  type EnrolmentContext,
  meetings,
  snapshot,
  startEnrolmentContext,
} from '../testing/enrolment-context';
import { SessionsService } from './sessions.service';

const HOUR = 3_600_000;

async function rejection(work: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describeEachDatabase('the session replica', (kind) => {
  let context: EnrolmentContext;
  let enrolments: EnrolmentsService;
  let sessions: SessionsService;

  beforeAll(async () => {
    context = await startEnrolmentContext(kind);
    enrolments = context.get(EnrolmentsService);
    sessions = context.get(SessionsService);
  }, 60_000);
  afterAll(() => context.close());

  it('answers 404 for a session until the catalogue announces it, then shows its seats', async () => {
    const volunteer = await context.person();
    const planned = snapshot({ capacity: 12 });
    expect((await rejection(sessions.seats(planned.sessionId))).status).toBe(404);
    expect((await rejection(enrolments.enrol(volunteer, { sessionId: planned.sessionId }))).status).toBe(404);
    await context.deliver(SESSION_PUBLISHED_V1, { ...planned, publishedAt: new Date().toISOString() });
    expect(await sessions.seats(planned.sessionId)).toEqual({
      capacity: 12,
      confirmed: 0,
      waitlisted: 0,
      offered: 0,
    });
  });

  it('applies changes in version order whatever order they arrive in, and each event once', async () => {
    const published = await context.publishSession({ capacity: 5 });
    const v3 = { ...published, capacity: 8, version: 3 };
    const v2 = { ...published, capacity: 6, version: 2 };
    const changedAt = new Date().toISOString();
    const id = await context.deliver(SESSION_CHANGED_V1, { ...v3, changes: ['capacity'], changedAt });
    await context.deliver(SESSION_CHANGED_V1, { ...v2, changes: ['capacity'], changedAt });
    expect((await sessions.seats(published.sessionId)).capacity).toBe(8);
    // The same event again (a redelivery) is skipped, even though it would now be "not newer" anyway.
    await context.deliver(SESSION_CHANGED_V1, { ...v3, capacity: 99, changes: ['capacity'], changedAt }, id);
    expect((await sessions.seats(published.sessionId)).capacity).toBe(8);
  });

  it('refuses enrolment with a clear reason outside the window, once started and when cancelled', async () => {
    const volunteer = await context.person();
    const now = Date.now();
    const notYet = await context.publishSession({
      enrolmentOpensAt: new Date(now + 24 * HOUR).toISOString(),
    });
    const closed = await context.publishSession({ enrolmentClosesAt: new Date(now - HOUR).toISOString() });
    const started = await context.publishSession({ meetings: meetings(2, -1) });
    const cancelled = await context.publishSession();
    await context.cancelSession(cancelled, 'De trainer is ziek.');
    for (const [session, reason] of [
      [notYet, /opens at/],
      [closed, /closed at/],
      [started, /already started/],
      [cancelled, /cancelled/],
    ] as const) {
      const error = await rejection(enrolments.enrol(volunteer, { sessionId: session.sessionId }));
      expect(error).toMatchObject({ code: 'rule.violated', status: 422 });
      expect(error.message).toMatch(reason);
    }
    expect(await context.events('enrolment.enrolment.confirmed.v1')).not.toContainEqual(
      expect.objectContaining({ payload: expect.objectContaining({ userId: volunteer.userId }) }),
    );
  });

  it('answers 409 to a second enrolment and lets the person enrol again after cancelling', async () => {
    const volunteer = await context.person();
    const session = await context.publishSession();
    const first = await enrolments.enrol(volunteer, { sessionId: session.sessionId });
    const again = await rejection(enrolments.enrol(volunteer, { sessionId: session.sessionId }));
    expect(again).toMatchObject({ code: 'enrolment.already-enrolled', status: 409 });
    await enrolments.cancel(volunteer, first.id);
    const second = await enrolments.enrol(volunteer, { sessionId: session.sessionId });
    expect(second).toMatchObject({ status: 'confirmed' });
    expect(second.id).not.toBe(first.id);
  });

  it('cancels every enrolment, the waitlist included, when the catalogue cancels the session — once', async () => {
    const session = await context.publishSession({ capacity: 2 });
    const people = [await context.person(), await context.person(), await context.person()];
    const made = [];
    for (const person of people) made.push(await enrolments.enrol(person, { sessionId: session.sessionId }));
    expect(made.map((e) => e.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);

    const cancelled = { ...session, status: 'cancelled' as const, version: session.version + 1 };
    const payload = { ...cancelled, reason: 'Te weinig trainers.', cancelledAt: new Date().toISOString() };
    const id = await context.deliver(SESSION_CANCELLED_V1, payload);
    await context.deliver(SESSION_CANCELLED_V1, payload, id);

    for (const enrolment of made) {
      expect(await enrolments.get(people[made.indexOf(enrolment)], enrolment.id)).toMatchObject({
        status: 'cancelled',
        late: false,
        session: { cancelled: true },
      });
    }
    expect(await sessions.seats(session.sessionId)).toEqual({
      capacity: 2,
      confirmed: 0,
      waitlisted: 0,
      offered: 0,
    });
    const told = (await context.events<EnrolmentCancelledV1>('enrolment.enrolment.cancelled.v1')).filter(
      (e) => e.payload.sessionId === session.sessionId,
    );
    expect(told.map((e) => [e.payload.userId, e.payload.previousStatus, e.payload.reason]).sort()).toEqual(
      [
        [people[0].userId, 'confirmed', 'session-cancelled'],
        [people[1].userId, 'confirmed', 'session-cancelled'],
        [people[2].userId, 'waitlisted', 'session-cancelled'],
      ].sort(),
    );
    expect(told.every((e) => e.payload.sessionCancelReason === 'Te weinig trainers.')).toBe(true);
    const seats = (await context.events<SessionSeatsChangedV1>('enrolment.session.seats-changed.v1')).filter(
      (e) => e.payload.sessionId === session.sessionId,
    );
    expect(seats.at(-1)!.payload).toMatchObject({ confirmed: 0, waitlisted: 0, version: 4 });
  });

  it('fills new seats from the waitlist when the capacity grows', async () => {
    const session = await context.publishSession({ capacity: 1 });
    const people = [await context.person(), await context.person(), await context.person()];
    const made = [];
    for (const person of people) made.push(await enrolments.enrol(person, { sessionId: session.sessionId }));
    await context.changeSession(session, { capacity: 2 });
    expect(await enrolments.get(people[1], made[1].id)).toMatchObject({
      status: 'confirmed',
      waitlistPosition: null,
    });
    expect(await enrolments.get(people[2], made[2].id)).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    expect(await sessions.seats(session.sessionId)).toMatchObject({ confirmed: 2, waitlisted: 1 });
  });
});
