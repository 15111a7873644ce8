import { Injectable, Logger } from '@nestjs/common';
import type { CourseChangedV1, SessionSnapshot } from '@academy/contracts';
import type { EntityManager } from 'typeorm';
import { SeatKeeper } from '../enrolments/seat-keeper';
import { isCancelled } from './session-rules';
import { EnrolmentSession, SessionMeeting } from './session.entity';
import { SessionsRepository } from './sessions.repository';

type SnapshotColumns = Omit<
  EnrolmentSession,
  'id' | 'goDecision' | 'goDecidedAt' | 'confirmed' | 'offered' | 'waitlisted' | 'seatsVersion'
>;

function columnsOf(snapshot: SessionSnapshot, cancelReason: string | null, now: Date): SnapshotColumns {
  if (!snapshot.meetings.length) throw new Error(`session ${snapshot.sessionId} arrived without meetings`);
  const date = (value: string | null) => (value ? new Date(value) : null);
  return {
    courseId: snapshot.courseId,
    capacity: snapshot.capacity,
    minimumParticipants: snapshot.minimumParticipants,
    goNoGoAt: date(snapshot.goNoGoAt),
    enrolmentOpensAt: date(snapshot.enrolmentOpensAt),
    enrolmentClosesAt: date(snapshot.enrolmentClosesAt),
    cancellationDeadlineHours: snapshot.cancellationDeadlineHours,
    waitlistMode: snapshot.waitlistMode,
    offerHours: snapshot.offerHours,
    catalogueStatus: snapshot.status,
    cancelReason,
    firstStartsAt: new Date(snapshot.meetings[0].startsAt),
    lastEndsAt: new Date(Math.max(...snapshot.meetings.map((m) => new Date(m.endsAt).getTime()))),
    version: snapshot.version,
    updatedAt: now,
  };
}

const meetingsOf = (snapshot: SessionSnapshot): SessionMeeting[] =>
  snapshot.meetings.map((meeting, position) =>
    Object.assign(new SessionMeeting(), {
      id: meeting.meetingId,
      sessionId: snapshot.sessionId,
      position,
      startsAt: new Date(meeting.startsAt),
      endsAt: new Date(meeting.endsAt),
      location: JSON.stringify(meeting.location),
    }),
  );

/**
 * Keeps the session replica as the catalogue announces it: a snapshot is applied only when newer than the one
 * held, so changes and cancellations take effect in order whatever order they arrive in. A cancellation ends
 * every enrolment; a larger capacity fills seats from the waitlist.
 */
@Injectable()
export class SessionReplicaService {
  private readonly logger = new Logger('SessionReplica');

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly keeper: SeatKeeper,
  ) {}

  async apply(
    snapshot: SessionSnapshot,
    manager: EntityManager,
    cancelReason: string | null = null,
    now = new Date(),
  ): Promise<'created' | 'updated' | 'ignored'> {
    const columns = columnsOf(snapshot, cancelReason, now);
    // Existence by a plain read: rows are never deleted, and inserting a new one without first locking its
    // (absent) key keeps two new sessions from deadlocking on the gap between them.
    const known = await this.sessions.findById(snapshot.sessionId, manager);
    if (!known) {
      await this.sessions.insert(
        Object.assign(new EnrolmentSession(), {
          id: snapshot.sessionId,
          ...columns,
          goDecision: null,
          goDecidedAt: null,
          confirmed: 0,
          offered: 0,
          waitlisted: 0,
          seatsVersion: 0,
        }),
        manager,
      );
      await this.storeDetails(snapshot, manager);
      return 'created';
    }
    const stored = await this.sessions.lock(snapshot.sessionId, manager);
    if (!stored || stored.version >= snapshot.version) {
      this.logger.debug(`ignored ${snapshot.sessionId} version ${snapshot.version}: a newer one is held`);
      return 'ignored';
    }
    await this.sessions.update(stored.id, columns, manager);
    await this.storeDetails(snapshot, manager);
    const next: EnrolmentSession = { ...stored, ...columns };
    if (isCancelled(next) && !isCancelled(stored)) {
      await this.keeper.cancelAll(
        manager,
        next,
        { reason: 'session-cancelled', cancelledBy: null, sessionCancelReason: cancelReason },
        now,
      );
    } else if (!isCancelled(next) && next.capacity > stored.capacity) {
      await this.keeper.refill(manager, next, now);
    }
    return 'updated';
  }

  async applyCourse(course: CourseChangedV1, manager: EntityManager): Promise<void> {
    await this.sessions.storeCourse(
      {
        id: course.courseId,
        title: course.title,
        kind: course.kind,
        language: course.language,
        attendanceThreshold: course.attendanceThreshold,
        // Optional in v1: a producer that does not send it leaves no name.
        providerName: course.providerName ?? null,
        version: course.version,
      },
      manager,
    );
  }

  private async storeDetails(snapshot: SessionSnapshot, manager: EntityManager): Promise<void> {
    await this.sessions.replaceMeetings(snapshot.sessionId, meetingsOf(snapshot), manager);
    await this.sessions.setTrainers(snapshot.sessionId, [...new Set(snapshot.trainerIds)], manager);
    // Course details ride along with every session; they fill the course row until the course's own event.
    await this.sessions.storeCourse(
      {
        id: snapshot.courseId,
        title: snapshot.courseTitle,
        kind: snapshot.courseKind,
        language: snapshot.language,
        attendanceThreshold: snapshot.attendanceThreshold,
        providerName: null,
        version: 0,
      },
      manager,
    );
  }
}
