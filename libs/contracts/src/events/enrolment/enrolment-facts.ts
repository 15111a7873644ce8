import { check } from '../../event';
import type { CourseKind, CourseLanguage, MeetingSnapshot } from '../catalogue/session-snapshot';

/**
 * What every enrolment event says about the session, so notification can write an email or a calendar entry
 * without calling back: the course, and the meetings with their times and places (in time order).
 */
export interface EnrolmentSessionFacts {
  sessionId: string;
  courseId: string;
  courseTitle: string;
  courseKind: CourseKind;
  language: CourseLanguage;
  meetings: MeetingSnapshot[];
}

/** One person's enrolment in a session. */
export interface EnrolmentFacts extends EnrolmentSessionFacts {
  enrolmentId: string;
  userId: string;
}

export type EnrolmentStatus = 'confirmed' | 'waitlisted' | 'offered' | 'cancelled';

export const SESSION_FACTS_FIELDS = {
  sessionId: 'string',
  courseId: 'string',
  courseTitle: 'string',
  courseKind: 'string',
  language: 'string',
  meetings: 'array',
} as const;

export const ENROLMENT_FACTS_FIELDS = {
  ...SESSION_FACTS_FIELDS,
  enrolmentId: 'string',
  userId: 'string',
} as const;

type Spec = Parameters<typeof check.fields>[1];

/** Checks the fields of a payload and of each item of its list fields. */
export function checkWithItems(payload: unknown, spec: Spec, items: Record<string, Spec> = {}): string[] {
  const problems = check.fields(payload, spec);
  if (problems.length) return problems;
  for (const [key, itemSpec] of Object.entries(items)) {
    ((payload as Record<string, unknown[]>)[key] ?? []).forEach((item, index) =>
      problems.push(...check.fields(item, itemSpec).map((problem) => `${key}[${index}]: ${problem}`)),
    );
  }
  return problems;
}

/** A problem when `payload[key]` is not one of `values` (the field's type is checked by check.fields). */
export function checkOneOf(payload: unknown, key: string, values: readonly string[]): string[] {
  const value = (payload as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' && !values.includes(value)
    ? [`${key} must be one of ${values.join(', ')}`]
    : [];
}

export const MEETING_FIELDS: Spec = {
  meetingId: 'string',
  startsAt: 'string',
  endsAt: 'string',
  location: 'object',
};

/** The fields of an enrolment event plus its own, with each meeting checked. */
export const checkEnrolmentEvent = (payload: unknown, own: Spec): string[] =>
  checkWithItems(payload, { ...ENROLMENT_FACTS_FIELDS, ...own }, { meetings: MEETING_FIELDS });
