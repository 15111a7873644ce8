import { randomUUID } from 'node:crypto';
import { USER_REGISTERED_V1 } from '@academy/contracts';
import type { Principal } from '@academy/platform';
import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import { AttendanceRecord } from '../../attendance/attendance.entity';
import { Enrolment } from '../../enrolments/enrolment.entity';
import { EnrolmentSession, ReplicaCourse, SessionMeeting } from '../../sessions/session.entity';
import type { EnrolmentContext } from '../../testing/enrolment-context';
import { VisibilityService } from '../inputs/visibility.service';
import { principalOf, startWellbeingContext } from '../testing/wellbeing-fixtures';
import { AuditEntry } from '../wellbeing.entities';
import { InsightsService } from './insights.service';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2026-11-25T12:00:00Z');

type Status = 'present' | 'late' | 'excused' | 'absent';

describeEachDatabase('load signals: sessions at risk in the coordinator overview', (kind) => {
  let ctx: EnrolmentContext;
  let insights: InsightsService;
  let visibility: VisibilityService;

  beforeAll(async () => {
    ctx = await startWellbeingContext(kind);
    insights = ctx.get(InsightsService);
    visibility = ctx.get(VisibilityService);
  }, 60_000);
  afterAll(() => ctx.close());

  async function volunteerOf(organisationId: string, name = 'Anna'): Promise<Principal> {
    const userId = randomUUID();
    const memberships = [{ organisationId, role: 'volunteer' as const }];
    const displayName = `${name} ${userId.slice(0, 4)}`;
    await ctx.deliver(USER_REGISTERED_V1, {
      userId,
      email: `${userId}@example.org`,
      displayName,
      locale: 'nl',
      admin: false,
      memberships,
      registeredAt: NOW.toISOString(),
    });
    return { ...principalOf(userId, memberships), displayName };
  }

  /**
   * A session in this context's replica with weekly meetings from `firstMeetingDays` (negative: in the past), its
   * seat counter as the enrolment code would keep it.
   */
  async function session(options: {
    title: string;
    minimum: number;
    confirmed: number;
    goNoGoDays?: number | null;
    firstMeetingDays: number;
    meetings?: number;
  }): Promise<{ id: string; meetingIds: string[] }> {
    const id = randomUUID();
    const courseId = randomUUID();
    const starts = Array.from(
      { length: options.meetings ?? 4 },
      (_, i) => new Date(NOW.getTime() + (options.firstMeetingDays + 7 * i) * DAY),
    );
    const meetingIds = starts.map(() => randomUUID());
    await ctx.dataSource.transaction(async (manager) => {
      await manager.getRepository(ReplicaCourse).insert({
        id: courseId,
        title: options.title,
        kind: 'training',
        language: 'nl',
        attendanceThreshold: 75,
        version: 1,
      });
      await manager.getRepository(EnrolmentSession).insert({
        id,
        courseId,
        capacity: 20,
        minimumParticipants: options.minimum,
        goNoGoAt:
          options.goNoGoDays === null || options.goNoGoDays === undefined
            ? null
            : new Date(NOW.getTime() + options.goNoGoDays * DAY),
        enrolmentOpensAt: null,
        enrolmentClosesAt: null,
        cancellationDeadlineHours: 48,
        waitlistMode: 'auto',
        offerHours: 24,
        catalogueStatus: 'scheduled',
        cancelReason: null,
        firstStartsAt: starts[0],
        lastEndsAt: new Date(starts[starts.length - 1].getTime() + 2 * HOUR),
        version: 1,
        goDecision: null,
        goDecidedAt: null,
        confirmed: options.confirmed,
        offered: 0,
        waitlisted: 0,
        seatsVersion: 1,
        updatedAt: NOW,
      });
      for (const [position, startsAt] of starts.entries()) {
        await manager.getRepository(SessionMeeting).insert({
          id: meetingIds[position],
          sessionId: id,
          position,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 2 * HOUR),
          location: '{}',
        });
      }
    });
    return { id, meetingIds };
  }

  /** A confirmed place, with attendance recorded for the first meetings in order. */
  async function enrol(
    userId: string,
    target: { id: string; meetingIds: string[] },
    attendance: Status[] = [],
  ): Promise<void> {
    const enrolmentId = randomUUID();
    await ctx.dataSource.transaction(async (manager) => {
      await manager.getRepository(Enrolment).insert({
        id: enrolmentId,
        sessionId: target.id,
        userId,
        status: 'confirmed',
        activeKey: `${target.id}:${userId}`,
        waitlistPosition: null,
        offerExpiresAt: null,
        late: false,
        cancelReason: null,
        enrolledBy: userId,
        createdAt: new Date(NOW.getTime() - 60 * DAY),
        confirmedAt: new Date(NOW.getTime() - 60 * DAY),
        cancelledAt: null,
        completedAt: null,
        updatedAt: NOW,
      });
      for (const [position, status] of attendance.entries()) {
        await manager.getRepository(AttendanceRecord).insert({
          enrolmentId,
          meetingId: target.meetingIds[position],
          sessionId: target.id,
          status,
          recordedBy: null,
          recordedAt: NOW,
        });
      }
    });
  }

  const overview = (coordinator: Principal, organisationId: string) =>
    insights.overview(coordinator, organisationId, 1, 50, NOW);

  it('shows a session below its minimum before the go/no-go moment, and not one at or above it', async () => {
    const organisation = randomUUID();
    const coordinator = await ctx.person('coordinator', organisation);
    const anna = await volunteerOf(organisation);
    const below = await session({
      title: 'Eerste hulp',
      minimum: 6,
      confirmed: 3,
      goNoGoDays: 5,
      firstMeetingDays: 12,
    });
    const above = await session({
      title: 'Grenzen stellen',
      minimum: 4,
      confirmed: 4,
      goNoGoDays: 5,
      firstMeetingDays: 12,
    });
    const decided = await session({
      title: 'Voorbij de beslissing',
      minimum: 6,
      confirmed: 2,
      goNoGoDays: -1,
      firstMeetingDays: 3,
    });
    for (const s of [below, above, decided]) await enrol(anna.userId, s);

    const result = await overview(coordinator, organisation);

    expect(result.sessionsAtRisk).toEqual([
      {
        sessionId: below.id,
        courseTitle: 'Eerste hulp',
        startsAt: new Date(NOW.getTime() + 12 * DAY).toISOString(),
        endsAt: new Date(NOW.getTime() + (12 + 21) * DAY + 2 * HOUR).toISOString(),
        enrolledVolunteers: 1,
        belowMinimum: {
          confirmed: 3,
          minimum: 6,
          goNoGoAt: new Date(NOW.getTime() + 5 * DAY).toISOString(),
        },
        interrupted: [],
      },
    ]);
  });

  it("leaves out a session in which only another organisation's volunteers are enrolled", async () => {
    const organisation = randomUUID();
    const other = randomUUID();
    const coordinator = await ctx.person('coordinator', organisation);
    await volunteerOf(organisation);
    const outsider = await volunteerOf(other);
    const theirs = await session({
      title: 'Alleen voor anderen',
      minimum: 8,
      confirmed: 1,
      goNoGoDays: 4,
      firstMeetingDays: 10,
    });
    await enrol(outsider.userId, theirs);

    expect((await overview(coordinator, organisation)).sessionsAtRisk).toEqual([]);
    const theirCoordinator = await ctx.person('coordinator', other);
    expect((await overview(theirCoordinator, other)).sessionsAtRisk.map((s) => s.sessionId)).toEqual([
      theirs.id,
    ]);
  });

  it('names a volunteer whose training was interrupted (TRAIN-1), never one who objected, and audits it', async () => {
    const organisation = randomUUID();
    const coordinator = await ctx.person('coordinator', organisation);
    const bram = await volunteerOf(organisation, 'Bram');
    const objecting = await volunteerOf(organisation, 'Cor');
    const caughtUp = await volunteerOf(organisation, 'Dirk');
    // Under way: two meetings behind us, two ahead; enough participants, so only TRAIN-1 can put it at risk.
    const running = await session({
      title: 'Omgaan met verlies',
      minimum: 2,
      confirmed: 9,
      goNoGoDays: null,
      firstMeetingDays: -10,
    });
    await enrol(bram.userId, running, ['absent', 'absent']);
    await enrol(objecting.userId, running, ['absent', 'absent']);
    await enrol(caughtUp.userId, running, ['absent', 'present']);
    await visibility.set(objecting, organisation, true, NOW);
    // Only the objecting volunteer missed meetings here: nothing to show.
    const onlyObjecting = await session({
      title: 'Alleen bezwaar',
      minimum: 2,
      confirmed: 9,
      goNoGoDays: null,
      firstMeetingDays: -10,
    });
    await enrol(objecting.userId, onlyObjecting, ['absent', 'absent']);
    // Excused meetings do not count as missed.
    const excused = await session({
      title: 'Met afmelding',
      minimum: 2,
      confirmed: 9,
      goNoGoDays: null,
      firstMeetingDays: -10,
    });
    await enrol(caughtUp.userId, excused, ['absent', 'excused']);

    const result = await overview(coordinator, organisation);

    expect(result.sessionsAtRisk).toHaveLength(1);
    const [atRisk] = result.sessionsAtRisk;
    expect(atRisk).toMatchObject({
      sessionId: running.id,
      courseTitle: 'Omgaan met verlies',
      enrolledVolunteers: 3,
      belowMinimum: null,
      interrupted: [{ volunteerId: bram.userId, name: bram.displayName, consecutiveMissed: 2 }],
    });
    expect(JSON.stringify(result.sessionsAtRisk)).not.toContain(objecting.userId);
    expect(JSON.stringify(result.sessionsAtRisk)).not.toContain(objecting.displayName);

    const seen = await ctx.dataSource
      .getRepository(AuditEntry)
      .findBy({ volunteerId: bram.userId, viewerId: coordinator.userId });
    expect(seen.length).toBeGreaterThan(0);
    expect(await ctx.dataSource.getRepository(AuditEntry).countBy({ volunteerId: objecting.userId })).toBe(0);
  });

  it('refuses the coordinator of another organisation', async () => {
    const organisation = randomUUID();
    const stranger = await ctx.person('coordinator', randomUUID());
    await expect(overview(stranger, organisation)).rejects.toMatchObject({ code: 'auth.forbidden' });
  });
});
