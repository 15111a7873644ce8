import { defineEvent } from '../../event';
import { checkSessionSnapshot, type SessionSnapshot } from './session-snapshot';

export interface SessionCancelledV1 extends SessionSnapshot {
  /** Told to everyone enrolled, the waitlist included. */
  reason: string;
  cancelledAt: string;
}

/** A published session was cancelled; enrolment releases everyone, notification tells them why. */
export const SESSION_CANCELLED_V1 = defineEvent<SessionCancelledV1>()(
  'catalogue.session.cancelled.v1',
  (payload) => checkSessionSnapshot(payload, { reason: 'string', cancelledAt: 'string' }),
);
