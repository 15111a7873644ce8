import { randomUUID } from 'node:crypto';
import type { Principal } from '@academy/platform';
import type { DatabaseKind } from '@academy/platform/testing/test-databases';
import type { DataSource } from 'typeorm';
import { AttendanceRecord } from '../../attendance/attendance.entity';
import { Enrolment } from '../../enrolments/enrolment.entity';
import { EnrolmentSession, ReplicaCourse, SessionMeeting } from '../../sessions/session.entity';
import { type EnrolmentContext, startEnrolmentContext } from '../../testing/enrolment-context';
import { WellbeingScheduler } from '../scheduling/wellbeing-scheduler';
import { Duty } from '../wellbeing.entities';

const HOUR = 3_600_000;

/** The enrolment context with the load-signal scheduler's poller stopped: tests drive it with their own `now`. */
export async function startWellbeingContext(kind: DatabaseKind): Promise<EnrolmentContext> {
  const context = await startEnrolmentContext(kind);
  await context.get(WellbeingScheduler).stop();
  return context;
}

/** A person who volunteers for several organisations (and coordinates others), as identity would announce. */
export function principalOf(userId: string, memberships: Principal['memberships'], locale = 'nl'): Principal {
  return {
    userId,
    displayName: `Test ${userId.slice(0, 4)}`,
    locale,
    admin: false,
    memberships,
    sessionId: randomUUID(),
  };
}

export interface PastMeeting {
  startsAt: Date;
  hours?: number;
  /** Attendance as recorded; undefined: not recorded. */
  status?: 'present' | 'late' | 'excused' | 'absent';
}

/**
 * A training the volunteer was confirmed for, with its meetings and attendance, written straight into the
 * enrolment tables (the enrolment API refuses sessions that have started). The session's minimum, go/no-go
 * moment and seat counter default to a small session nobody else is in.
 */
export async function seedTraining(
  dataSource: DataSource,
  userId: string,
  meetings: PastMeeting[],
  options: {
    title?: string;
    enrolmentStatus?: 'confirmed' | 'cancelled';
    late?: boolean;
    cancelledAt?: Date;
    capacity?: number;
    minimumParticipants?: number;
    goNoGoAt?: Date | null;
    confirmed?: number;
  } = {},
): Promise<{ sessionId: string; enrolmentId: string }> {
  const sessionId = randomUUID();
  const courseId = randomUUID();
  const enrolmentId = randomUUID();
  const first = meetings[0]?.startsAt ?? new Date();
  const last = meetings[meetings.length - 1]?.startsAt ?? first;
  await dataSource.transaction(async (manager) => {
    await manager.getRepository(ReplicaCourse).insert({
      id: courseId,
      title: options.title ?? 'Grenzen stellen',
      kind: 'training',
      language: 'nl',
      attendanceThreshold: 75,
      version: 1,
    });
    await manager.getRepository(EnrolmentSession).insert({
      id: sessionId,
      courseId,
      capacity: options.capacity ?? 10,
      minimumParticipants: options.minimumParticipants ?? 0,
      goNoGoAt: options.goNoGoAt ?? null,
      enrolmentOpensAt: null,
      enrolmentClosesAt: null,
      cancellationDeadlineHours: 48,
      waitlistMode: 'auto',
      offerHours: 24,
      catalogueStatus: 'scheduled',
      cancelReason: null,
      firstStartsAt: first,
      lastEndsAt: new Date(last.getTime() + 2 * HOUR),
      version: 1,
      goDecision: null,
      goDecidedAt: null,
      confirmed: options.confirmed ?? 1,
      offered: 0,
      waitlisted: 0,
      seatsVersion: 1,
      updatedAt: first,
    });
    const status = options.enrolmentStatus ?? 'confirmed';
    await manager.getRepository(Enrolment).insert({
      id: enrolmentId,
      sessionId,
      userId,
      status,
      activeKey: status === 'confirmed' ? `${sessionId}:${userId}` : null,
      waitlistPosition: null,
      offerExpiresAt: null,
      late: options.late ?? false,
      cancelReason: status === 'cancelled' ? 'participant' : null,
      enrolledBy: userId,
      createdAt: new Date(first.getTime() - 30 * 24 * HOUR),
      confirmedAt: new Date(first.getTime() - 30 * 24 * HOUR),
      cancelledAt: options.cancelledAt ?? null,
      completedAt: null,
      updatedAt: first,
    });
    for (const [position, meeting] of meetings.entries()) {
      const meetingId = randomUUID();
      await manager.getRepository(SessionMeeting).insert({
        id: meetingId,
        sessionId,
        position,
        startsAt: meeting.startsAt,
        endsAt: new Date(meeting.startsAt.getTime() + (meeting.hours ?? 2) * HOUR),
        location: '{}',
      });
      if (meeting.status) {
        await manager.getRepository(AttendanceRecord).insert({
          enrolmentId,
          meetingId,
          sessionId,
          status: meeting.status,
          recordedBy: null,
          recordedAt: meeting.startsAt,
        });
      }
    }
  });
  return { sessionId, enrolmentId };
}

export async function seedDuty(dataSource: DataSource, volunteerId: string, startsAt: Date, hours: number) {
  await dataSource.getRepository(Duty).insert({
    id: randomUUID(),
    volunteerId,
    startsAt,
    endsAt: new Date(startsAt.getTime() + hours * HOUR),
    role: null,
    enteredBy: volunteerId,
    createdAt: startsAt,
  });
}
