import { COURSE_CHANGED_V1 } from './catalogue/course-changed.v1';
import { SESSION_CANCELLED_V1 } from './catalogue/session-cancelled.v1';
import { SESSION_CHANGED_V1 } from './catalogue/session-changed.v1';
import { SESSION_PUBLISHED_V1 } from './catalogue/session-published.v1';
import { SESSION_SEATS_CHANGED_V1 } from './enrolment/session-seats-changed.v1';
import { USER_ERASED_V1 } from './identity/user-erased.v1';
import { USER_REGISTERED_V1 } from './identity/user-registered.v1';
import { USER_UPDATED_V1 } from './identity/user-updated.v1';

export * from './catalogue/course-changed.v1';
export * from './catalogue/session-cancelled.v1';
export * from './catalogue/session-changed.v1';
export * from './catalogue/session-published.v1';
export * from './catalogue/session-snapshot';
export * from './enrolment/session-seats-changed.v1';
export * from './identity/user-erased.v1';
export * from './identity/user-registered.v1';
export * from './identity/user-snapshot';
export * from './identity/user-updated.v1';

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
] as const;

export type KnownEvent = (typeof EVENTS)[number];
export type EventType = KnownEvent['type'];

export function eventDefinition(type: string): KnownEvent | undefined {
  return EVENTS.find((definition) => definition.type === type);
}
