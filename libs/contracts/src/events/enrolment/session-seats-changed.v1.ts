import { check, defineEvent } from '../../event';

export interface SessionSeatsChangedV1 {
  sessionId: string;
  capacity: number;
  confirmed: number;
  waitlisted: number;
  /**
   * Seats held by an open offer (waitlist mode `offer`); seats left are capacity − confirmed − offered.
   * Optional: added after v1 was first declared, so a consumer must read a missing value as 0.
   */
  offered?: number;
  /** Increases with every change of the counts of this session; an older count never replaces a newer one. */
  version: number;
  occurredAt: string;
}

/** The seat counts of a session changed (enrolment, cancellation, promotion, a new capacity). */
export const SESSION_SEATS_CHANGED_V1 = defineEvent<SessionSeatsChangedV1>()(
  'enrolment.session.seats-changed.v1',
  (payload) => {
    const problems = check.fields(payload, {
      sessionId: 'string',
      capacity: 'number',
      confirmed: 'number',
      waitlisted: 'number',
      version: 'number',
      occurredAt: 'string',
    });
    const offered = (payload as { offered?: unknown } | null)?.offered;
    if (offered !== undefined && typeof offered !== 'number') problems.push('offered must be a number');
    return problems;
  },
);
