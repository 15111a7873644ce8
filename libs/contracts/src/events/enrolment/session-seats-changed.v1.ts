import { check, defineEvent } from '../../event';

export interface SessionSeatsChangedV1 {
  sessionId: string;
  capacity: number;
  confirmed: number;
  waitlisted: number;
  /** Increases with every change of the counts of this session; an older count never replaces a newer one. */
  version: number;
  occurredAt: string;
}

/** The seat counts of a session changed (enrolment, cancellation, promotion, a new capacity). */
export const SESSION_SEATS_CHANGED_V1 = defineEvent<SessionSeatsChangedV1>()(
  'enrolment.session.seats-changed.v1',
  (payload) =>
    check.fields(payload, {
      sessionId: 'string',
      capacity: 'number',
      confirmed: 'number',
      waitlisted: 'number',
      version: 'number',
      occurredAt: 'string',
    }),
);
