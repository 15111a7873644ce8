import type { SessionSnapshot } from '@academy/contracts';
import type { Course } from '../courses/course.entity';
import { iso, isoOrNull } from '../shared/instant';
import type { Meeting } from './meeting.entity';
import type { Session } from './session.entity';

/** The full picture of a session that its events carry, so no consumer has to call back. */
export function sessionSnapshot(
  course: Course,
  session: Session,
  meetings: Meeting[],
  trainerIds: string[],
): SessionSnapshot {
  return {
    sessionId: session.id,
    courseId: course.id,
    courseTitle: course.title,
    courseKind: course.kind,
    language: course.language,
    attendanceThreshold: course.attendanceThreshold,
    capacity: session.capacity,
    minimumParticipants: session.minimumParticipants,
    goNoGoAt: isoOrNull(session.goNoGoAt),
    enrolmentOpensAt: isoOrNull(session.enrolmentOpensAt),
    enrolmentClosesAt: isoOrNull(session.enrolmentClosesAt),
    cancellationDeadlineHours: session.cancellationDeadlineHours,
    waitlistMode: session.waitlistMode,
    offerHours: session.offerHours,
    trainerIds: [...trainerIds].sort(),
    meetings: [...meetings]
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map((meeting) => ({
        meetingId: meeting.id,
        startsAt: iso(meeting.startsAt),
        endsAt: iso(meeting.endsAt),
        location: {
          name: meeting.locationName,
          place: meeting.place,
          address: meeting.address,
          online: meeting.online,
          url: meeting.url,
        },
      })),
    status: session.status,
    version: session.version,
  };
}
