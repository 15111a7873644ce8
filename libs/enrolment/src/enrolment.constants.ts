/** WARNING: names the DataSource, the SQLite file, the outbox and the migrations table; never rename it. */
export const ENROLMENT = 'enrolment' as const;

/** WARNING: stored in enrolment_enrolments.status; renaming one strands the rows. */
export const ENROLMENT_STATUSES = ['confirmed', 'waitlisted', 'offered', 'cancelled'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export type ActiveStatus = Exclude<EnrolmentStatus, 'cancelled'>;
export const ACTIVE_STATUSES: readonly ActiveStatus[] = ['confirmed', 'waitlisted', 'offered'];

/** Default share of meetings to attend when a course says nothing (percent). */
export const DEFAULT_ATTENDANCE_THRESHOLD = 75;

/** Enrolments a volunteer may make per minute (the POST is the costly, rush-prone call). */
export const ENROL_THROTTLE = { limit: 30, ttlMs: 60_000 } as const;

/** Sessions whose go/no-go moment is this close, and below their minimum, are "at risk". */
export const AT_RISK_WINDOW_MS = 7 * 24 * 3_600_000;

/** Attendance may be taken from this long before a meeting starts (the trainer at the door). */
export const ATTENDANCE_OPENS_BEFORE_MS = 60 * 60_000;
