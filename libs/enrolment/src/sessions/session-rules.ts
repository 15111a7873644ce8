import type { EnrolmentSession } from './session.entity';

type Rules = Pick<
  EnrolmentSession,
  | 'catalogueStatus'
  | 'goDecision'
  | 'enrolmentOpensAt'
  | 'enrolmentClosesAt'
  | 'firstStartsAt'
  | 'lastEndsAt'
  | 'cancellationDeadlineHours'
>;

/** Cancelled by the catalogue, or by the go/no-go decision here. */
export const isCancelled = (session: Pick<Rules, 'catalogueStatus' | 'goDecision'>): boolean =>
  session.catalogueStatus === 'cancelled' || session.goDecision === 'cancelled';

export const hasStarted = (session: Pick<Rules, 'firstStartsAt'>, now: Date): boolean =>
  session.firstStartsAt.getTime() <= now.getTime();

export const hasEnded = (session: Pick<Rules, 'lastEndsAt'>, now: Date): boolean =>
  session.lastEndsAt.getTime() <= now.getTime();

/** After this instant, giving up a confirmed seat is a late cancellation. */
export const cancellationDeadline = (
  session: Pick<Rules, 'firstStartsAt' | 'cancellationDeadlineHours'>,
): Date => new Date(session.firstStartsAt.getTime() - session.cancellationDeadlineHours * 3_600_000);

const day = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Why nobody can enrol now, in words for people; null when enrolment is open. */
export function enrolmentRefusal(session: Rules, now: Date): string | null {
  if (isCancelled(session)) return 'This session is cancelled.';
  if (hasStarted(session, now)) return 'This session has already started.';
  if (session.enrolmentOpensAt && now < session.enrolmentOpensAt) {
    return `Enrolment for this session opens at ${day(session.enrolmentOpensAt)}.`;
  }
  if (session.enrolmentClosesAt && now >= session.enrolmentClosesAt) {
    return `Enrolment for this session closed at ${day(session.enrolmentClosesAt)}.`;
  }
  return null;
}

/** Freed seats go to the waitlist only while the session can still take people. */
export const fillsFromWaitlist = (session: Rules, now: Date): boolean =>
  !isCancelled(session) && !hasStarted(session, now);
