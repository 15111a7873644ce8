import type { EnrolmentSessionFacts, MeetingSnapshot } from '@academy/contracts';

/** What every session message's templates and calendar attachment read (JSON in the delivery row). */
export interface SessionMessageParams extends Record<string, unknown> {
  sessionId: string;
  courseTitle: string;
  courseKind: string;
  meetings: MeetingSnapshot[];
  /** The first meeting's start (inbox texts), or null for a session without meetings. */
  firstStartsAt: string | null;
  /** SEQUENCE of the calendar entries: the session's version. */
  sequence: number;
}

export function sessionParams(
  facts: Pick<EnrolmentSessionFacts, 'sessionId' | 'courseTitle' | 'courseKind' | 'meetings'>,
  sequence: number,
): SessionMessageParams {
  return {
    sessionId: facts.sessionId,
    courseTitle: facts.courseTitle,
    courseKind: facts.courseKind,
    meetings: facts.meetings,
    firstStartsAt: facts.meetings[0]?.startsAt ?? null,
    sequence,
  };
}

/** The dedup key of a message caused by an event: one per event, person and kind. */
export const eventKey = (eventId: string, recipientId: string, kind: string) =>
  `${eventId}:${recipientId}:${kind}`;

/**
 * A session's cancellation reaches a person through two events (the catalogue's, and enrolment's release of
 * their enrolment), in either order: one key for both, so they get one message.
 */
export const sessionCancelledKey = (sessionId: string, recipientId: string) =>
  `session-cancelled:${sessionId}:${recipientId}`;

export const MY_TRAININGS = '/my/trainings';
