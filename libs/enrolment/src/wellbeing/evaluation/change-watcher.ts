import { Injectable } from '@nestjs/common';
import {
  ATTENDANCE_RECORDED_V1,
  type AttendanceRecordedV1,
  ENROLMENT_CANCELLED_V1,
  type EnrolmentCancelledV1,
  type EventEnvelope,
} from '@academy/contracts';
import { OnEvent } from '@academy/messaging';
import type { EntityManager } from 'typeorm';
import { ENROLMENT } from '../../enrolment.constants';
import { AssessmentsRepository } from './assessments.repository';
import { DEBOUNCE_MS } from './evaluation.service';

/**
 * Attendance recorded and enrolments cancelled change the load signals. The enrolment code announces both in
 * this context's outbox; this context also consumes them (idempotently, in its own transaction) and queues the
 * volunteers in wellbeing_pending, so the enrolment code needs no call into this module and nothing is lost to a
 * restart (the outbox and the queue hold it). The scheduler evaluates the queue once the changes have settled.
 * WARNING: the consumer names are persisted with every processed event id; never rename them.
 */
@Injectable()
export class ChangeWatcher {
  constructor(private readonly assessments: AssessmentsRepository) {}

  @OnEvent(ATTENDANCE_RECORDED_V1, {
    context: ENROLMENT,
    consumer: 'enrolment.wellbeing.attendance-recorded',
  })
  async attendanceRecorded(event: EventEnvelope<string, AttendanceRecordedV1>, manager: EntityManager) {
    const volunteers = event.payload.records
      .map((record) => record.userId)
      .filter((id): id is string => typeof id === 'string');
    await this.assessments.markPending(volunteers, new Date(Date.now() + DEBOUNCE_MS), manager);
  }

  @OnEvent(ENROLMENT_CANCELLED_V1, {
    context: ENROLMENT,
    consumer: 'enrolment.wellbeing.enrolment-cancelled',
  })
  async enrolmentCancelled(event: EventEnvelope<string, EnrolmentCancelledV1>, manager: EntityManager) {
    await this.assessments.markPending([event.payload.userId], new Date(Date.now() + DEBOUNCE_MS), manager);
  }
}
