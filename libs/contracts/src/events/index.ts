import { COURSE_CHANGED_V1 } from './catalogue/course-changed.v1';
import { SESSION_CANCELLED_V1 } from './catalogue/session-cancelled.v1';
import { SESSION_CHANGED_V1 } from './catalogue/session-changed.v1';
import { SESSION_PUBLISHED_V1 } from './catalogue/session-published.v1';
import { ATTENDANCE_RECORDED_V1 } from './enrolment/attendance-recorded.v1';
import { ENROLMENT_CANCELLED_V1 } from './enrolment/enrolment-cancelled.v1';
import { ENROLMENT_COMPLETED_V1 } from './enrolment/enrolment-completed.v1';
import { ENROLMENT_CONFIRMED_V1 } from './enrolment/enrolment-confirmed.v1';
import { ENROLMENT_OFFERED_V1 } from './enrolment/enrolment-offered.v1';
import { ENROLMENT_PROMOTED_V1 } from './enrolment/enrolment-promoted.v1';
import { ENROLMENT_WAITLISTED_V1 } from './enrolment/enrolment-waitlisted.v1';
import { SESSION_GO_DECIDED_V1 } from './enrolment/session-go-decided.v1';
import { SESSION_SEATS_CHANGED_V1 } from './enrolment/session-seats-changed.v1';
import { USER_ERASED_V1 } from './identity/user-erased.v1';
import { USER_REGISTERED_V1 } from './identity/user-registered.v1';
import { USER_UPDATED_V1 } from './identity/user-updated.v1';
import { WELLBEING_FLAG_CLOSED_V1 } from './wellbeing/wellbeing-flag-closed.v1';
import { WELLBEING_FLAG_RAISED_V1 } from './wellbeing/wellbeing-flag-raised.v1';
import { WELLBEING_SHARING_CHANGED_V1 } from './wellbeing/wellbeing-sharing-changed.v1';

export * from './catalogue/course-changed.v1';
export * from './catalogue/session-cancelled.v1';
export * from './catalogue/session-changed.v1';
export * from './catalogue/session-published.v1';
export * from './catalogue/session-snapshot';
export * from './enrolment/attendance-recorded.v1';
export * from './enrolment/enrolment-cancelled.v1';
export * from './enrolment/enrolment-completed.v1';
export * from './enrolment/enrolment-confirmed.v1';
export * from './enrolment/enrolment-facts';
export * from './enrolment/enrolment-offered.v1';
export * from './enrolment/enrolment-promoted.v1';
export * from './enrolment/enrolment-waitlisted.v1';
export * from './enrolment/session-go-decided.v1';
export * from './enrolment/session-seats-changed.v1';
export * from './identity/user-erased.v1';
export * from './identity/user-registered.v1';
export * from './identity/user-snapshot';
export * from './identity/user-updated.v1';
export * from './wellbeing/wellbeing-flag-closed.v1';
export * from './wellbeing/wellbeing-flag-raised.v1';
export * from './wellbeing/wellbeing-sharing-changed.v1';

/** Every event of the academy; a name here is a promise to consumers. */
export const EVENTS = [
  USER_REGISTERED_V1,
  USER_UPDATED_V1,
  USER_ERASED_V1,
  SESSION_PUBLISHED_V1,
  SESSION_CHANGED_V1,
  SESSION_CANCELLED_V1,
  COURSE_CHANGED_V1,
  SESSION_SEATS_CHANGED_V1,
  ENROLMENT_CONFIRMED_V1,
  ENROLMENT_WAITLISTED_V1,
  ENROLMENT_PROMOTED_V1,
  ENROLMENT_OFFERED_V1,
  ENROLMENT_CANCELLED_V1,
  ENROLMENT_COMPLETED_V1,
  SESSION_GO_DECIDED_V1,
  ATTENDANCE_RECORDED_V1,
  WELLBEING_FLAG_RAISED_V1,
  WELLBEING_FLAG_CLOSED_V1,
  WELLBEING_SHARING_CHANGED_V1,
] as const;

export type KnownEvent = (typeof EVENTS)[number];
export type EventType = KnownEvent['type'];

export function eventDefinition(type: string): KnownEvent | undefined {
  return EVENTS.find((definition) => definition.type === type);
}
