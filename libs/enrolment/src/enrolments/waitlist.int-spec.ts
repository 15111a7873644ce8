import { randomUUID } from 'node:crypto';
import {
  type EnrolmentCancelledV1,
  type EnrolmentOfferedV1,
  type EnrolmentPromotedV1,
  USER_ERASED_V1,
  USER_UPDATED_V1,
} from '@academy/contracts';
import { DomainError, type Principal } from '@academy/platform';
import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import { EnrolmentScheduler } from '../scheduling/enrolment-scheduler';
import { SessionsService } from '../sessions/sessions.service';
import { type EnrolmentContext, meetings, startEnrolmentContext } from '../testing/enrolment-context';
import { Enrolment } from './enrolment.entity';
import { EnrolmentsService } from './enrolments.service';

const HOUR = 3_600_000;

async function rejection(work: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describeEachDatabase('waitlists, offers and cancellations', (kind) => {
  let context: EnrolmentContext;
  let enrolments: EnrolmentsService;
  let sessions: SessionsService;
  let scheduler: EnrolmentScheduler;

  beforeAll(async () => {
    context = await startEnrolmentContext(kind);
    enrolments = context.get(EnrolmentsService);
    sessions = context.get(SessionsService);
    scheduler = context.get(EnrolmentScheduler);
  }, 60_000);
  afterAll(() => context.close());

  const eventsFor = async <P extends { sessionId: string }>(type: string, sessionId: string) =>
    (await context.events<P>(type)).filter((e) => e.payload.sessionId === sessionId).map((e) => e.payload);

  async function full(count: number, options: Parameters<EnrolmentContext['publishSession']>[0] = {}) {
    const session = await context.publishSession({ capacity: 1, ...options });
    const people: Principal[] = [];
    const made = [];
    for (let i = 0; i < count; i++) {
      people.push(await context.person());
      made.push(await enrolments.enrol(people[i], { sessionId: session.sessionId }));
    }
    return { session, people, made };
  }

  it('offers a freed seat for the offer hours; the offer can be accepted', async () => {
    const { session, people, made } = await full(3, { waitlistMode: 'offer', offerHours: 12 });
    const before = Date.now();
    await enrolments.cancel(people[0], made[0].id);
    const offered = await enrolments.get(people[1], made[1].id);
    expect(offered).toMatchObject({ status: 'offered', waitlistPosition: null });
    const expires = new Date(offered.offerExpiresAt!).getTime();
    expect(expires).toBeGreaterThanOrEqual(before + 12 * HOUR);
    expect(expires).toBeLessThan(Date.now() + 12 * HOUR + 1000);
    expect(await enrolments.get(people[2], made[2].id)).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    expect(await sessions.seats(session.sessionId)).toEqual({
      capacity: 1,
      confirmed: 0,
      offered: 1,
      waitlisted: 1,
    });
    // Someone new cannot take the held seat.
    const late = await enrolments.enrol(await context.person(), { sessionId: session.sessionId });
    expect(late).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });

    expect(await enrolments.accept(people[1], made[1].id)).toMatchObject({
      status: 'confirmed',
      offerExpiresAt: null,
    });
    expect(await sessions.seats(session.sessionId)).toEqual({
      capacity: 1,
      confirmed: 1,
      offered: 0,
      waitlisted: 2,
    });
    const offers = await eventsFor<EnrolmentOfferedV1>('enrolment.enrolment.offered.v1', session.sessionId);
    expect(offers).toEqual([
      expect.objectContaining({
        enrolmentId: made[1].id,
        offerHours: 12,
        offerExpiresAt: offered.offerExpiresAt,
      }),
    ]);
    expect(offers[0].meetings[0].location.place).toBe('Drachten');
    const promoted = await eventsFor<EnrolmentPromotedV1>(
      'enrolment.enrolment.promoted.v1',
      session.sessionId,
    );
    expect(promoted).toEqual([expect.objectContaining({ enrolmentId: made[1].id, via: 'offer-accepted' })]);
    // Accepting twice is refused plainly.
    expect((await rejection(enrolments.accept(people[1], made[1].id))).status).toBe(422);
  });

  it('moves a lapsed offer on to the next in line, once, however often the scheduler runs', async () => {
    const { session, people, made } = await full(3, { waitlistMode: 'offer', offerHours: 24 });
    await enrolments.cancel(people[0], made[0].id);
    expect(await scheduler.runDue(new Date(Date.now() + 23 * HOUR))).toEqual({ offersLapsed: 0, decided: 0 });
    const later = new Date(Date.now() + 25 * HOUR);
    expect(await scheduler.runDue(later)).toEqual({ offersLapsed: 1, decided: 0 });
    expect(await scheduler.runDue(later)).toEqual({ offersLapsed: 0, decided: 0 });

    expect(await enrolments.get(people[1], made[1].id)).toMatchObject({ status: 'cancelled', late: false });
    expect(await enrolments.get(people[2], made[2].id)).toMatchObject({ status: 'offered' });
    expect((await rejection(enrolments.accept(people[1], made[1].id))).status).toBe(422);
    const lapsed = await eventsFor<EnrolmentCancelledV1>(
      'enrolment.enrolment.cancelled.v1',
      session.sessionId,
    );
    expect(lapsed.filter((e) => e.reason === 'offer-expired')).toEqual([
      expect.objectContaining({ enrolmentId: made[1].id, previousStatus: 'offered', cancelledBy: null }),
    ]);
    const offers = await eventsFor<EnrolmentOfferedV1>('enrolment.enrolment.offered.v1', session.sessionId);
    expect(offers.map((e) => e.enrolmentId)).toEqual([made[1].id, made[2].id]);
    expect(await sessions.seats(session.sessionId)).toEqual({
      capacity: 1,
      confirmed: 0,
      offered: 1,
      waitlisted: 0,
    });
  });

  it('marks a cancellation after the deadline as late, and one before it as not', async () => {
    const soon = await full(2, { meetings: meetings(1, 1), cancellationDeadlineHours: 48 });
    const early = await full(1, { meetings: meetings(1, 10), cancellationDeadlineHours: 48 });
    expect(await enrolments.cancel(soon.people[0], soon.made[0].id)).toMatchObject({
      status: 'cancelled',
      late: true,
    });
    expect(await enrolments.cancel(early.people[0], early.made[0].id)).toMatchObject({ late: false });
    // Leaving the waitlist is never late.
    const waiting = await enrolments.enrol(await context.person(), { sessionId: soon.session.sessionId });
    expect(waiting.status).toBe('waitlisted');
    const told = await eventsFor<EnrolmentCancelledV1>(
      'enrolment.enrolment.cancelled.v1',
      soon.session.sessionId,
    );
    expect(told).toEqual([
      expect.objectContaining({
        enrolmentId: soon.made[0].id,
        late: true,
        reason: 'participant',
        previousStatus: 'confirmed',
      }),
    ]);
    const promoted = await eventsFor<EnrolmentPromotedV1>(
      'enrolment.enrolment.promoted.v1',
      soon.session.sessionId,
    );
    expect(promoted).toEqual([expect.objectContaining({ enrolmentId: soon.made[1].id, via: 'auto' })]);
  });

  it('lets people leave the waitlist; those behind them move up', async () => {
    const { session, people, made } = await full(5);
    expect(made.map((e) => e.waitlistPosition)).toEqual([null, 1, 2, 3, 4]);
    await enrolments.cancel(people[2], made[2].id);
    const positions = [];
    for (const i of [1, 3, 4]) positions.push((await enrolments.get(people[i], made[i].id)).waitlistPosition);
    expect(positions).toEqual([1, 2, 3]);
    expect(await sessions.seats(session.sessionId)).toMatchObject({ confirmed: 1, waitlisted: 3 });
  });

  it('lets a coordinator enrol and cancel for a volunteer of their organisation only', async () => {
    const session = await context.publishSession({ capacity: 5 });
    const organisation = randomUUID();
    const coordinator = await context.person('coordinator', organisation);
    const volunteer = await context.person('volunteer', organisation);
    const stranger = await context.person('volunteer');
    const made = await enrolments.enrol(coordinator, {
      sessionId: session.sessionId,
      userId: volunteer.userId,
    });
    expect(made).toMatchObject({ userId: volunteer.userId, status: 'confirmed' });
    const [confirmed] = (
      await context.events<{ enrolmentId: string; enrolledBy: string }>('enrolment.enrolment.confirmed.v1')
    ).filter((e) => e.payload.enrolmentId === made.id);
    expect(confirmed.payload.enrolledBy).toBe(coordinator.userId);
    expect(
      (
        await rejection(
          enrolments.enrol(coordinator, { sessionId: session.sessionId, userId: stranger.userId }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await rejection(
          enrolments.enrol(stranger, { sessionId: session.sessionId, userId: volunteer.userId }),
        )
      ).status,
    ).toBe(403);
    expect((await rejection(enrolments.get(stranger, made.id))).status).toBe(404);
    expect((await rejection(enrolments.cancel(stranger, made.id))).status).toBe(404);
    expect((await enrolments.mine(volunteer, { page: 1, pageSize: 20 })).items.map((e) => e.id)).toEqual([
      made.id,
    ]);
    expect((await enrolments.mine(stranger, { page: 1, pageSize: 20 })).total).toBe(0);
    const [cancelled] = [await enrolments.cancel(coordinator, made.id)];
    expect(cancelled.status).toBe('cancelled');
    const told = await eventsFor<EnrolmentCancelledV1>('enrolment.enrolment.cancelled.v1', session.sessionId);
    expect(told).toEqual([expect.objectContaining({ reason: 'on-behalf', cancelledBy: coordinator.userId })]);
  });

  it('forgets an erased person: their seat goes to the next in line and no event names them', async () => {
    const { session, people, made } = await full(2);
    const erasedAt = new Date().toISOString();
    await context.deliver(USER_ERASED_V1, { userId: people[0].userId, erasedAt });
    expect(await enrolments.get(people[1], made[1].id)).toMatchObject({ status: 'confirmed' });
    const row = await context.dataSource.getRepository(Enrolment).findOneByOrFail({ id: made[0].id });
    expect(row).toMatchObject({ userId: null, status: 'cancelled', activeKey: null });
    const named = (await context.events()).filter((e) =>
      JSON.stringify(e.payload).includes(people[0].userId),
    );
    expect(named.filter((e) => e.type !== 'enrolment.enrolment.confirmed.v1')).toEqual([]);
    // An update that was on its way does not bring them back.
    await context.deliver(USER_UPDATED_V1, {
      userId: people[0].userId,
      email: 'x@example.org',
      displayName: 'Terug',
      locale: 'nl',
      admin: false,
      memberships: [],
      updatedAt: new Date().toISOString(),
    });
    expect((await rejection(enrolments.get(people[0], made[0].id))).status).toBe(404);
    expect(await sessions.seats(session.sessionId)).toMatchObject({ confirmed: 1, waitlisted: 0 });
  });
});
