import { defineEvent } from '../../event';
import {
  checkOneOf,
  checkWithItems,
  type EnrolmentSessionFacts,
  SESSION_FACTS_FIELDS,
} from './enrolment-facts';

/** `present` and `late` count as attended; `excused` never counts against anyone. */
export const ATTENDANCE_STATUSES = ['present', 'late', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export interface AttendanceRecordedV1 extends EnrolmentSessionFacts {
  meetingId: string;
  /** 0 for the first meeting of the session, in time order. */
  meetingIndex: number;
  /** The whole list as the trainer saved it (one request, all or nothing). */
  records: Array<{ enrolmentId: string; userId: string | null; status: AttendanceStatus }>;
  recordedBy: string;
  recordedAt: string;
}

/** A trainer recorded (or corrected) the attendance of a meeting. */
export const ATTENDANCE_RECORDED_V1 = defineEvent<AttendanceRecordedV1>()(
  'enrolment.attendance.recorded.v1',
  (payload) => {
    const problems = checkWithItems(
      payload,
      {
        ...SESSION_FACTS_FIELDS,
        meetingId: 'string',
        meetingIndex: 'number',
        records: 'array',
        recordedBy: 'string',
        recordedAt: 'string',
      },
      { records: { enrolmentId: 'string', userId: 'string?', status: 'string' } },
    );
    if (problems.length) return problems;
    (payload as AttendanceRecordedV1).records.forEach((record, index) =>
      problems.push(
        ...checkOneOf(record, 'status', ATTENDANCE_STATUSES).map(
          (problem: string) => `records[${index}]: ${problem}`,
        ),
      ),
    );
    return problems;
  },
);
