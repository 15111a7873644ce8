import { defineEvent } from '../../event';
import { checkEnrolmentEvent, checkOneOf, type EnrolmentFacts } from './enrolment-facts';

export interface EnrolmentPromotedV1 extends EnrolmentFacts {
  /** `auto`: a seat came free and went to the first on the waitlist; `offer-accepted`: they took up an offer. */
  via: 'auto' | 'offer-accepted';
  cancellationDeadline: string;
  promotedAt: string;
}

/** Someone on the waitlist now has a seat. */
export const ENROLMENT_PROMOTED_V1 = defineEvent<EnrolmentPromotedV1>()(
  'enrolment.enrolment.promoted.v1',
  (payload) => [
    ...checkEnrolmentEvent(payload, { via: 'string', cancellationDeadline: 'string', promotedAt: 'string' }),
    ...checkOneOf(payload, 'via', ['auto', 'offer-accepted']),
  ],
);
