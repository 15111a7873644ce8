import { defineEvent } from '../../event';
import { checkEnrolmentEvent, checkOneOf, type EnrolmentFacts } from './enrolment-facts';

/**
 * Why an enrolment ended:
 * - `participant`: the person cancelled (or left the waitlist, or declined an offer);
 * - `on-behalf`: a coordinator or administrator cancelled it for them;
 * - `session-cancelled`: the catalogue cancelled the session (`sessionCancelReason` says why);
 * - `minimum-not-reached`: the go/no-go decision cancelled the session; enrolment.session.go-decided.v1
 *   carries everyone concerned at once, so tell people from that event and not from these;
 * - `offer-expired`: an offered seat was not taken up in time and went to the next in line.
 */
export const ENROLMENT_CANCEL_REASONS = [
  'participant',
  'on-behalf',
  'session-cancelled',
  'minimum-not-reached',
  'offer-expired',
] as const;
export type EnrolmentCancelReason = (typeof ENROLMENT_CANCEL_REASONS)[number];

export interface EnrolmentCancelledV1 extends EnrolmentFacts {
  reason: EnrolmentCancelReason;
  previousStatus: 'confirmed' | 'waitlisted' | 'offered';
  /** A confirmed seat given up after the session's cancellation deadline. */
  late: boolean;
  /** Who cancelled; null when the system did (session cancelled, offer expired, go/no-go). */
  cancelledBy: string | null;
  sessionCancelReason: string | null;
  cancelledAt: string;
}

/** An enrolment ended before the session: its seat or waitlist place is given up. */
export const ENROLMENT_CANCELLED_V1 = defineEvent<EnrolmentCancelledV1>()(
  'enrolment.enrolment.cancelled.v1',
  (payload) => [
    ...checkEnrolmentEvent(payload, {
      reason: 'string',
      previousStatus: 'string',
      late: 'boolean',
      cancelledBy: 'string?',
      sessionCancelReason: 'string?',
      cancelledAt: 'string',
    }),
    ...checkOneOf(payload, 'reason', ENROLMENT_CANCEL_REASONS),
    ...checkOneOf(payload, 'previousStatus', ['confirmed', 'waitlisted', 'offered']),
  ],
);
