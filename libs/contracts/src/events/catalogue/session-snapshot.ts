import { check } from '../../event';

export type CourseKind = 'training' | 'workshop';
export type CourseLanguage = 'nl' | 'fy' | 'en';
export type SessionStatus = 'scheduled' | 'confirmed' | 'cancelled';
export type WaitlistMode = 'auto' | 'offer';

/** Where a meeting takes place: a venue in a village, or online. */
export interface MeetingLocationSnapshot {
  name: string;
  /** The village or town; null only for an online meeting. */
  place: string | null;
  address: string | null;
  online: boolean;
  /** The https link of an online meeting. */
  url: string | null;
}

export interface MeetingSnapshot {
  meetingId: string;
  /** ISO 8601 instants in UTC. */
  startsAt: string;
  endsAt: string;
  location: MeetingLocationSnapshot;
}

/**
 * Everything other contexts need to know about a session, so no consumer ever calls back: enrolment checks
 * windows, capacity and waitlist rules against it; notification writes emails and calendar entries from it.
 */
export interface SessionSnapshot {
  sessionId: string;
  courseId: string;
  courseTitle: string;
  courseKind: CourseKind;
  language: CourseLanguage;
  /** Share of meetings (percent) a participant attends to complete the course. */
  attendanceThreshold: number;
  capacity: number;
  minimumParticipants: number;
  goNoGoAt: string | null;
  enrolmentOpensAt: string | null;
  enrolmentClosesAt: string | null;
  cancellationDeadlineHours: number;
  waitlistMode: WaitlistMode;
  offerHours: number;
  trainerIds: string[];
  /** In time order. */
  meetings: MeetingSnapshot[];
  status: SessionStatus;
  /** Bumped on every change of the session; consumers ignore a snapshot older than the one they hold. */
  version: number;
}

export const SESSION_SNAPSHOT_FIELDS = {
  sessionId: 'string',
  courseId: 'string',
  courseTitle: 'string',
  courseKind: 'string',
  language: 'string',
  attendanceThreshold: 'number',
  capacity: 'number',
  minimumParticipants: 'number',
  goNoGoAt: 'string?',
  enrolmentOpensAt: 'string?',
  enrolmentClosesAt: 'string?',
  cancellationDeadlineHours: 'number',
  waitlistMode: 'string',
  offerHours: 'number',
  trainerIds: 'array',
  meetings: 'array',
  status: 'string',
  version: 'number',
} as const;

/** Checks the snapshot fields and the shape of each meeting. */
export function checkSessionSnapshot(payload: unknown, extra: Parameters<typeof check.fields>[1]): string[] {
  const problems = check.fields(payload, { ...SESSION_SNAPSHOT_FIELDS, ...extra });
  if (problems.length) return problems;
  const meetings = (payload as { meetings: unknown[] }).meetings;
  meetings.forEach((meeting, index) => {
    const own = check.fields(meeting, {
      meetingId: 'string',
      startsAt: 'string',
      endsAt: 'string',
      location: 'object',
    });
    const location = own.length
      ? []
      : check.fields((meeting as { location: unknown }).location, {
          name: 'string',
          place: 'string?',
          address: 'string?',
          online: 'boolean',
          url: 'string?',
        });
    problems.push(...[...own, ...location].map((problem) => `meetings[${index}]: ${problem}`));
  });
  return problems;
}
