import { defineEvent } from '../../event';
import { checkEnrolmentEvent, type EnrolmentFacts } from './enrolment-facts';

export interface EnrolmentWaitlistedV1 extends EnrolmentFacts {
  enrolledBy: string;
  /** 1 is next in line. Positions close up as people ahead leave or get a seat (not announced one by one). */
  waitlistPosition: number;
  waitlistedAt: string;
}

/** Someone enrolled while the session was full: they are on the waitlist, first come first served. */
export const ENROLMENT_WAITLISTED_V1 = defineEvent<EnrolmentWaitlistedV1>()(
  'enrolment.enrolment.waitlisted.v1',
  (payload) =>
    checkEnrolmentEvent(payload, {
      enrolledBy: 'string',
      waitlistPosition: 'number',
      waitlistedAt: 'string',
    }),
);
