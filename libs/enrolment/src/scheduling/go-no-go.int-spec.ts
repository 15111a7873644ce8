import { randomUUID } from 'node:crypto';
import type { EnrolmentCancelledV1, SessionGoDecidedV1 } from '@academy/contracts';
import { DomainError, type Principal } from '@academy/platform';
import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { SessionsService } from '../sessions/sessions.service';
import { type EnrolmentContext, startEnrolmentContext } from '../testing/enrolment-context';
import { EnrolmentScheduler } from './enrolment-scheduler';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describeEachDatabase('the go/no-go decision', (kind) => {
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

  async function sessionWith(confirmed: number, waitlisted: number, minimumParticipants: number) {
    const goNoGoAt = new Date(Date.now() + 3 * DAY);
    const session = await context.publishSession({
      capacity: confirmed,
      minimumParticipants,
      goNoGoAt: goNoGoAt.toISOString(),
    });
    const people: Principal[] = [];
    const made = [];
    for (let i = 0; i < confirmed + waitlisted; i++) {
      people.push(await context.person());
      made.push(await enrolments.enrol(people[i], { sessionId: session.sessionId }));
    }
    return { session, people, made, goNoGoAt };
  }

  const decisions = async (sessionId: string) =>
    (await context.events<SessionGoDecidedV1>('enrolment.session.go-decided.v1'))
      .filter((e) => e.payload.sessionId === sessionId)
      .map((e) => e.payload);

  it('cancels a session below its minimum at go/no-go and tells everyone, the waitlist included, once', async () => {
    const { session, people, made, goNoGoAt } = await sessionWith(2, 1, 3);
    expect((await scheduler.runDue(new Date(goNoGoAt.getTime() - 1000))).decided).toBe(0);
    const at = new Date(goNoGoAt.getTime() + 1000);
    expect((await scheduler.runDue(at)).decided).toBe(1);
    expect((await scheduler.runDue(at)).decided).toBe(0);

    const [decision, ...more] = await decisions(session.sessionId);
    expect(more).toEqual([]);
    expect(decision).toMatchObject({ decision: 'cancelled', confirmed: 2, minimumParticipants: 3 });
    expect(decision.participants.map((p) => [p.userId, p.status]).sort()).toEqual(
      [
        [people[0].userId, 'confirmed'],
        [people[1].userId, 'confirmed'],
        [people[2].userId, 'waitlisted'],
      ].sort(),
    );
    expect(decision.meetings).toHaveLength(1);
    for (const [i, enrolment] of made.entries()) {
      expect(await enrolments.get(people[i], enrolment.id)).toMatchObject({
        status: 'cancelled',
        session: { cancelled: true },
      });
    }
    const cancelled = (await context.events<EnrolmentCancelledV1>('enrolment.enrolment.cancelled.v1')).filter(
      (e) => e.payload.sessionId === session.sessionId,
    );
    expect(cancelled.map((e) => e.payload.reason)).toEqual(Array(3).fill('minimum-not-reached'));
    expect(await sessions.seats(session.sessionId)).toMatchObject({ confirmed: 0, waitlisted: 0 });
    const error: unknown = await enrolments
      .enrol(await context.person(), { sessionId: session.sessionId }, at)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(422);
  });

  it('confirms a session that reached its minimum; it keeps taking enrolments', async () => {
    const { session, goNoGoAt } = await sessionWith(3, 0, 3);
    await scheduler.runDue(new Date(goNoGoAt.getTime() + 1000));
    const [decision] = await decisions(session.sessionId);
    expect(decision).toMatchObject({ decision: 'confirmed', confirmed: 3 });
    expect(decision.participants).toHaveLength(3);
    const more = await enrolments.enrol(await context.person(), { sessionId: session.sessionId });
    expect(more.status).toBe('waitlisted');
    expect(await sessions.seats(session.sessionId)).toMatchObject({ confirmed: 3, waitlisted: 1 });
  });

  it('shows coordinators the sessions at risk in the coming week, with their own volunteers counted', async () => {
    const organisation = randomUUID();
    const coordinator = await context.person('coordinator', organisation);
    const volunteer = await context.person('volunteer', organisation);
    const atRisk = await context.publishSession({
      capacity: 10,
      minimumParticipants: 4,
      goNoGoAt: new Date(Date.now() + 5 * DAY).toISOString(),
    });
    const farAway = await context.publishSession({
      capacity: 10,
      minimumParticipants: 4,
      goNoGoAt: new Date(Date.now() + 9 * DAY).toISOString(),
    });
    const fine = await context.publishSession({
      capacity: 10,
      minimumParticipants: 1,
      goNoGoAt: new Date(Date.now() + 5 * DAY).toISOString(),
    });
    await enrolments.enrol(volunteer, { sessionId: atRisk.sessionId });
    await enrolments.enrol(volunteer, { sessionId: fine.sessionId });
    const page = await sessions.atRisk(coordinator, { page: 1, pageSize: 100, organisationId: organisation });
    const ids = page.items.map((item) => item.sessionId);
    expect(ids).toContain(atRisk.sessionId);
    expect(ids).not.toContain(farAway.sessionId);
    expect(ids).not.toContain(fine.sessionId);
    expect(page.items.find((item) => item.sessionId === atRisk.sessionId)).toMatchObject({
      confirmed: 1,
      missing: 3,
      fromOrganisation: 1,
      courseTitle: atRisk.courseTitle,
    });
    const other: unknown = await sessions
      .atRisk(coordinator, { page: 1, pageSize: 10, organisationId: randomUUID() })
      .catch((e: unknown) => e);
    expect((other as DomainError).status).toBe(404);
  });
});
