import { defineEvent } from '../../event';
import { checkEnrolmentEvent, type EnrolmentFacts } from './enrolment-facts';

export interface EnrolmentOfferedV1 extends EnrolmentFacts {
  /** The seat is held for them until then (POST /api/enrolments/:id/accept); after it, it goes to the next. */
  offerExpiresAt: string;
  offerHours: number;
  offeredAt: string;
}

/** A seat came free in a session that offers seats (waitlist mode `offer`): the first on the waitlist may take it. */
export const ENROLMENT_OFFERED_V1 = defineEvent<EnrolmentOfferedV1>()(
  'enrolment.enrolment.offered.v1',
  (payload) =>
    checkEnrolmentEvent(payload, { offerExpiresAt: 'string', offerHours: 'number', offeredAt: 'string' }),
);
