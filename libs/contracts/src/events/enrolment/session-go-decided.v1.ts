import { defineEvent } from '../../event';
import {
  checkOneOf,
  checkWithItems,
  type EnrolmentSessionFacts,
  SESSION_FACTS_FIELDS,
} from './enrolment-facts';

export interface SessionGoDecidedV1 extends EnrolmentSessionFacts {
  /** `cancelled`: fewer confirmed participants than the minimum at the go/no-go moment; `confirmed`: it goes ahead. */
  decision: 'confirmed' | 'cancelled';
  confirmed: number;
  minimumParticipants: number;
  goNoGoAt: string;
  /** Everyone concerned as it stood at the decision, the waitlist and open offers included. */
  participants: Array<{
    enrolmentId: string;
    userId: string;
    status: 'confirmed' | 'waitlisted' | 'offered';
  }>;
  decidedAt: string;
}

/** The go/no-go moment of a session passed: it goes ahead, or it is cancelled for too few participants. */
export const SESSION_GO_DECIDED_V1 = defineEvent<SessionGoDecidedV1>()(
  'enrolment.session.go-decided.v1',
  (payload) => [
    ...checkWithItems(
      payload,
      {
        ...SESSION_FACTS_FIELDS,
        decision: 'string',
        confirmed: 'number',
        minimumParticipants: 'number',
        goNoGoAt: 'string',
        participants: 'array',
        decidedAt: 'string',
      },
      { participants: { enrolmentId: 'string', userId: 'string', status: 'string' } },
    ),
    ...checkOneOf(payload, 'decision', ['confirmed', 'cancelled']),
  ],
);
