import { randomUUID } from 'node:crypto';
import type { AttendanceRecordedV1, EnrolmentCompletedV1, SessionSnapshot } from '@academy/contracts';
import { DomainError, type Principal } from '@academy/platform';
import { describeEachDatabase } from '@academy/platform/testing/test-databases';
import type { EnrolmentResponse } from '../enrolments/dto/enrolment.response';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { type EnrolmentContext, meetings, startEnrolmentContext } from '../testing/enrolment-context';
import { AttendanceRecord } from './attendance.entity';
import { AttendanceService } from './attendance.service';
import { RosterService } from './roster.service';

const DAY = 86_400_000;

async function rejection(work: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describeEachDatabase('attendance and completion', (kind) => {
  let context: EnrolmentContext;
  let enrolments: EnrolmentsService;
  let attendance: AttendanceService;
  let rosters: RosterService;

  beforeAll(async () => {
    context = await startEnrolmentContext(kind);
    enrolments = context.get(EnrolmentsService);
    attendance = context.get(AttendanceService);
    rosters = context.get(RosterService);
  }, 60_000);
  afterAll(() => context.close());

  /** A four-meeting training that started `daysAgo` days ago (weekly), with people enrolled before it began. */
  async function training(
    trainer: Principal,
    changes: Partial<SessionSnapshot>,
    people: Principal[],
    daysAgo = 30,
  ) {
    const session = await context.publishSession({
      courseKind: 'training',
      capacity: 10,
      trainerIds: [trainer.userId],
      meetings: meetings(4, -daysAgo),
      ...changes,
    });
    const before = new Date(Date.now() - (daysAgo + 5) * DAY);
    const made: EnrolmentResponse[] = [];
    for (const person of people)
      made.push(await enrolments.enrol(person, { sessionId: session.sessionId }, before));
    return { session, made };
  }

  const completedEvents = async (userId: string) =>
    (await context.events<EnrolmentCompletedV1>('enrolment.enrolment.completed.v1')).filter(
      (e) => e.payload.userId === userId,
    );

  it('records the whole list at once and completes at the threshold, excused never counting against anyone', async () => {
    const trainer = await context.person('trainer');
    const [anna, bauke] = [await context.person(), await context.person()];
    const { session, made } = await training(trainer, { attendanceThreshold: 75 }, [anna, bauke]);
    const statuses = [
      ['present', 'present'],
      ['late', 'absent'],
      ['excused', 'absent'],
      ['present', 'present'],
    ] as const;
    for (const [index, meeting] of session.meetings.entries()) {
      const result = await attendance.record(trainer, meeting.meetingId, {
        records: [
          { enrolmentId: made[0].id, status: statuses[index][0] },
          { enrolmentId: made[1].id, status: statuses[index][1] },
        ],
      });
      expect(result.completedEnrolmentIds).toEqual(index === 3 ? [made[0].id] : []);
    }
    // Recording again does not complete twice.
    await attendance.record(trainer, session.meetings[3].meetingId, {
      records: [{ enrolmentId: made[0].id, status: 'present' }],
    });
    const completed = await completedEvents(anna.userId);
    expect(completed).toHaveLength(1);
    expect(completed[0].payload).toMatchObject({
      enrolmentId: made[0].id,
      attendedMeetings: 3,
      excusedMeetings: 1,
      totalMeetings: 4,
      attendanceThreshold: 75,
      madeUpMeetings: 0,
    });
    expect(await completedEvents(bauke.userId)).toEqual([]);
    const recorded = (await context.events<AttendanceRecordedV1>('enrolment.attendance.recorded.v1')).filter(
      (e) => e.payload.sessionId === session.sessionId,
    );
    expect(recorded.map((e) => e.payload.meetingIndex)).toEqual([0, 1, 2, 3, 3]);
    expect(recorded[1].payload.records).toEqual([
      { enrolmentId: made[0].id, userId: anna.userId, status: 'late' },
      { enrolmentId: made[1].id, userId: bauke.userId, status: 'absent' },
    ]);

    const roster = await rosters.roster(trainer, session.sessionId);
    expect(roster.participants.map((p) => [p.enrolmentId, p.attended, p.completed])).toEqual(
      expect.arrayContaining([
        [made[0].id, 3, true],
        [made[1].id, 2, false],
      ]),
    );
    const csv = await rosters.csv(trainer, session.sessionId);
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(csv).toContain('present,late,excused,present,3,yes');
  });

  it('counts a meeting made up in another session of the same course, and completes the course once', async () => {
    const courseId = randomUUID();
    const [trainerA, trainerB] = [await context.person('trainer'), await context.person('trainer')];
    const sjoukje = await context.person();
    const a = await training(trainerA, { courseId, attendanceThreshold: 100 }, [sjoukje], 80);
    const b = await training(trainerB, { courseId, attendanceThreshold: 100 }, [sjoukje], 60);
    for (const index of [0, 1, 3]) {
      await attendance.record(trainerA, a.session.meetings[index].meetingId, {
        records: [{ enrolmentId: a.made[0].id, status: 'present' }],
      });
    }
    await attendance.record(trainerA, a.session.meetings[2].meetingId, {
      records: [{ enrolmentId: a.made[0].id, status: 'absent' }],
    });
    expect(await completedEvents(sjoukje.userId)).toEqual([]);
    // She makes up the third meeting in the other session.
    const result = await attendance.record(trainerB, b.session.meetings[2].meetingId, {
      records: [{ enrolmentId: b.made[0].id, status: 'present' }],
    });
    expect(result.completedEnrolmentIds).toEqual([a.made[0].id]);
    const completed = await completedEvents(sjoukje.userId);
    expect(
      completed.map((e) => [e.payload.enrolmentId, e.payload.madeUpMeetings, e.payload.attendedMeetings]),
    ).toEqual([[a.made[0].id, 1, 4]]);
    // The same meeting made up at another place of the series does not count.
    const hendrik = await context.person();
    const c = await training(trainerA, { courseId, attendanceThreshold: 100 }, [hendrik], 50);
    const d = await training(trainerB, { courseId, attendanceThreshold: 100 }, [hendrik], 40);
    for (const index of [0, 1, 3]) {
      await attendance.record(trainerA, c.session.meetings[index].meetingId, {
        records: [{ enrolmentId: c.made[0].id, status: 'present' }],
      });
    }
    await attendance.record(trainerB, d.session.meetings[1].meetingId, {
      records: [{ enrolmentId: d.made[0].id, status: 'present' }],
    });
    expect(await completedEvents(hendrik.userId)).toEqual([]);
  });

  it('lets only the session’s trainers record, refuses a bad list whole and saves nothing of it', async () => {
    const [trainer, otherTrainer] = [await context.person('trainer'), await context.person('trainer')];
    const [wieke, jan] = [await context.person(), await context.person()];
    const mine = await training(trainer, {}, [wieke]);
    const theirs = await training(otherTrainer, {}, [jan]);
    const meetingId = mine.session.meetings[0].meetingId;
    const saved = () => context.dataSource.getRepository(AttendanceRecord).countBy({ meetingId });

    expect(
      (
        await rejection(
          attendance.record(otherTrainer, meetingId, {
            records: [{ enrolmentId: mine.made[0].id, status: 'present' }],
          }),
        )
      ).status,
    ).toBe(403);
    expect((await rejection(rosters.roster(otherTrainer, mine.session.sessionId))).status).toBe(403);
    const foreign = await rejection(
      attendance.record(trainer, meetingId, {
        records: [
          { enrolmentId: mine.made[0].id, status: 'present' },
          { enrolmentId: theirs.made[0].id, status: 'present' },
        ],
      }),
    );
    expect(foreign).toMatchObject({ status: 400, details: { errors: [{ field: 'records.1.enrolmentId' }] } });
    const twice = await rejection(
      attendance.record(trainer, meetingId, {
        records: [
          { enrolmentId: mine.made[0].id, status: 'present' },
          { enrolmentId: mine.made[0].id, status: 'absent' },
        ],
      }),
    );
    expect(twice.status).toBe(400);
    expect(await saved()).toBe(0);
    expect((await rejection(attendance.record(trainer, randomUUID(), { records: [] }))).status).toBe(404);

    const upcoming = await training(trainer, { meetings: meetings(1, 3) }, [jan], -1);
    const early = await rejection(
      attendance.record(trainer, upcoming.session.meetings[0].meetingId, {
        records: [{ enrolmentId: upcoming.made[0].id, status: 'present' }],
      }),
    );
    expect(early).toMatchObject({ status: 422, code: 'rule.violated' });

    const admin = await context.person('admin');
    await attendance.record(admin, meetingId, {
      records: [{ enrolmentId: mine.made[0].id, status: 'late' }],
    });
    expect(await saved()).toBe(1);
  });
});
