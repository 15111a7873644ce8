import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { cancellationDeadline, isCancelled } from '../sessions/session-rules';
import type { EnrolmentSession, ReplicaCourse } from '../sessions/session.entity';
import { SessionsRepository } from '../sessions/sessions.repository';
import type { EnrolmentResponse } from './dto/enrolment.response';
import type { Enrolment } from './enrolment.entity';

const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export function toEnrolmentResponse(
  enrolment: Enrolment,
  session: EnrolmentSession,
  course: ReplicaCourse | null,
): EnrolmentResponse {
  return {
    id: enrolment.id,
    sessionId: enrolment.sessionId,
    userId: enrolment.userId,
    status: enrolment.status,
    waitlistPosition: enrolment.waitlistPosition,
    offerExpiresAt: isoOrNull(enrolment.offerExpiresAt),
    late: enrolment.late,
    createdAt: enrolment.createdAt.toISOString(),
    cancelledAt: isoOrNull(enrolment.cancelledAt),
    completedAt: isoOrNull(enrolment.completedAt),
    session: {
      courseId: session.courseId,
      courseTitle: course?.title ?? '',
      firstStartsAt: session.firstStartsAt.toISOString(),
      lastEndsAt: session.lastEndsAt.toISOString(),
      cancellationDeadline: cancellationDeadline(session).toISOString(),
      cancelled: isCancelled(session),
    },
  };
}

/** Enrolments as the API answers them, with their session and course loaded in bulk. */
@Injectable()
export class EnrolmentView {
  constructor(private readonly sessions: SessionsRepository) {}

  async many(enrolments: Enrolment[], manager?: EntityManager): Promise<EnrolmentResponse[]> {
    const sessions = new Map(
      (await this.sessions.findByIds([...new Set(enrolments.map((e) => e.sessionId))], manager)).map((s) => [
        s.id,
        s,
      ]),
    );
    const courses = new Map<string, ReplicaCourse | null>();
    for (const session of sessions.values()) {
      if (!courses.has(session.courseId)) {
        courses.set(session.courseId, await this.sessions.findCourse(session.courseId, manager));
      }
    }
    return enrolments.map((e) => {
      const session = sessions.get(e.sessionId)!;
      return toEnrolmentResponse(e, session, courses.get(session.courseId) ?? null);
    });
  }

  async one(enrolment: Enrolment, manager?: EntityManager): Promise<EnrolmentResponse> {
    return (await this.many([enrolment], manager))[0];
  }
}
