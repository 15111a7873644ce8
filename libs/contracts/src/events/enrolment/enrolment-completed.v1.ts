import { defineEvent } from '../../event';
import { checkEnrolmentEvent, type EnrolmentFacts } from './enrolment-facts';

export interface EnrolmentCompletedV1 extends EnrolmentFacts {
  /** Meetings attended (present or late), made-up meetings included. */
  attendedMeetings: number;
  /** Of those, meetings made up in another session of the same course. */
  madeUpMeetings: number;
  /** Meetings of the session; excused ones do not count against anyone. */
  totalMeetings: number;
  excusedMeetings: number;
  /** Percent of the meetings (excused ones left out) to attend. */
  attendanceThreshold: number;
  completedAt: string;
}

/** Someone attended enough of a session's meetings: they completed it (a certificate can be issued). Sent once. */
export const ENROLMENT_COMPLETED_V1 = defineEvent<EnrolmentCompletedV1>()(
  'enrolment.enrolment.completed.v1',
  (payload) =>
    checkEnrolmentEvent(payload, {
      attendedMeetings: 'number',
      madeUpMeetings: 'number',
      totalMeetings: 'number',
      excusedMeetings: 'number',
      attendanceThreshold: 'number',
      completedAt: 'string',
    }),
);
