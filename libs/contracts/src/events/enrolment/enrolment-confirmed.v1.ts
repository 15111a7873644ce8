import { defineEvent } from '../../event';
import { checkEnrolmentEvent, type EnrolmentFacts } from './enrolment-facts';

export interface EnrolmentConfirmedV1 extends EnrolmentFacts {
  /** Who enrolled them: the person themselves, or a coordinator or administrator on their behalf. */
  enrolledBy: string;
  /** After this instant cancelling is a late cancellation. */
  cancellationDeadline: string;
  confirmedAt: string;
}

/** Someone enrolled and got a seat at once. */
export const ENROLMENT_CONFIRMED_V1 = defineEvent<EnrolmentConfirmedV1>()(
  'enrolment.enrolment.confirmed.v1',
  (payload) =>
    checkEnrolmentEvent(payload, {
      enrolledBy: 'string',
      cancellationDeadline: 'string',
      confirmedAt: 'string',
    }),
);
