import { Injectable } from '@nestjs/common';
import type { EnrolmentSessionFacts, MeetingLocationSnapshot, MeetingSnapshot } from '@academy/contracts';
import type { EntityManager } from 'typeorm';
import { DEFAULT_ATTENDANCE_THRESHOLD } from '../enrolment.constants';
import type { EnrolmentSession, ReplicaCourse, SessionMeeting } from './session.entity';
import { SessionsRepository } from './sessions.repository';

export const meetingSnapshot = (meeting: SessionMeeting): MeetingSnapshot => ({
  meetingId: meeting.id,
  startsAt: meeting.startsAt.toISOString(),
  endsAt: meeting.endsAt.toISOString(),
  location: JSON.parse(meeting.location) as MeetingLocationSnapshot,
});

/** The session as enrolment events describe it, and its course's attendance threshold. */
export interface SessionFacts extends EnrolmentSessionFacts {
  attendanceThreshold: number;
}

export function sessionFacts(
  session: EnrolmentSession,
  course: ReplicaCourse | null,
  meetings: SessionMeeting[],
): SessionFacts {
  return {
    sessionId: session.id,
    courseId: session.courseId,
    courseTitle: course?.title ?? '',
    courseKind: course?.kind ?? 'workshop',
    language: course?.language ?? 'nl',
    meetings: meetings.map(meetingSnapshot),
    attendanceThreshold: course?.attendanceThreshold ?? DEFAULT_ATTENDANCE_THRESHOLD,
  };
}

/** Loads what events say about a session (course and meetings) in the caller's transaction. */
@Injectable()
export class SessionFactsLoader {
  constructor(private readonly sessions: SessionsRepository) {}

  async load(session: EnrolmentSession, manager?: EntityManager): Promise<SessionFacts> {
    const [course, meetings] = await Promise.all([
      this.sessions.findCourse(session.courseId, manager),
      this.sessions.meetingsOf(session.id, manager),
    ]);
    return sessionFacts(session, course, meetings);
  }
}
